package dev.popcorn.app.award;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A fan's ballot: only while the poll is open, one per fan (a change replaces it), within the configured eligibility. */
class CastBallotTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.POLL_OPENS.plusSeconds(60));

    private CastBallot ballots(Eligibility eligibility) {
        return new CastBallot(stores.polls(), stores.ballots(), stores.ledger(clock), Rights.everyone(),
                stores.users(), stores.teams(), null, eligibility, GroupCommit.alone(stores.transactions()), clock);
    }

    private CastBallot anyone() {
        return ballots(new Eligibility(0, Duration.ZERO, 0, true));
    }

    @Test
    void aBallotIsKeptWithAReceiptAndAChangeReplacesItEarningPointsOnce() {
        AWeek.Week week = AWeek.in(stores).open().build();
        Ballot first = anyone().cast("fan-1", week.poll().id(), week.candidate(0).id());
        assertThat(first.receipt()).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        clock.advance(Duration.ofMinutes(5));
        anyone().cast("fan-1", week.poll().id(), week.candidate(1).id());
        assertThat(stores.ballots().tally(week.poll().id()))
                .containsExactlyEntriesOf(java.util.Map.of(week.candidate(1).id(), 1L));
        assertThat(stores.participation().points("fan-1")).isEqualTo(ParticipationKind.BALLOT_CAST.points());
    }

    @Test
    void noBallotBeforeThePollOpensOrAfterItCloses() {
        AWeek.Week draft = AWeek.in(stores).build();
        assertThatViolation(() -> anyone().cast("fan-1", draft.poll().id(), draft.candidate(0).id())).is(Kind.CLOSED,
                "poll.notOpen");
        stores.polls().update(draft.poll().open(AWeek.POLL_OPENS));
        clock.set(AWeek.POLL_CLOSES);
        assertThatViolation(() -> anyone().cast("fan-1", draft.poll().id(), draft.candidate(0).id())).is(Kind.CLOSED,
                "poll.closed");
        assertThat(stores.ballots().tally(draft.poll().id())).isEmpty();
        assertThatViolation(() -> anyone().cast("fan-1", 999, 1)).is(Kind.NOT_FOUND, "poll.unknown");
    }

    @Test
    void aTeamMemberMayNotVoteForTheirOwnTeamWhenTheRulesSaySo() {
        AWeek.Week week = AWeek.in(stores).open().build();
        CastBallot strict = ballots(new Eligibility(0, Duration.ZERO, 0, false));
        assertThatViolation(() -> strict.cast("camera-lead", week.poll().id(), week.candidate(0).id()))
                .is(Kind.FORBIDDEN, "ballot.eligibility.ownTeam").withArgs("Feature of camera");
        strict.cast("camera-lead", week.poll().id(), week.candidate(1).id());
        assertThat(stores.ballots().find(week.poll().id(), "camera-lead")).isPresent();
    }

    @Test
    void pointsNeededToVoteDoNotCountThePollsOwnBallot() {
        AWeek.Week week = AWeek.in(stores).open().build();
        CastBallot fiveNeeded = ballots(new Eligibility(5, Duration.ZERO, 0, true));
        assertThatViolation(() -> fiveNeeded.cast("fan-1", week.poll().id(), week.candidate(0).id()))
                .is(Kind.FORBIDDEN, "ballot.eligibility.points").withArgs(5L, 0L);
        stores.participation().record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1",
                AWeek.FRIDAY));
        fiveNeeded.cast("fan-1", week.poll().id(), week.candidate(0).id());
        fiveNeeded.cast("fan-1", week.poll().id(), week.candidate(1).id());
        assertThat(stores.ballots().find(week.poll().id(), "fan-1").orElseThrow().candidateId())
                .isEqualTo(week.candidate(1).id());
    }

    @Test
    void aMemberNamedByForumUserNameWhoNeverSignedInIsBarredFromVotingForTheirOwnTeam() {
        AWeek.Week week = AWeek.in(stores).open().build();
        String team = week.candidate(0).teamSlug();
        stores.teams().save(new dev.popcorn.domain.team.Team(team, "Camera",
                java.util.List.of(new dev.popcorn.domain.team.Member("王磊", "", "wanglei"))));
        // What the background learnt from the forum: "wanglei" is forum user 12, Popcorn user "12".
        stores.forumAccounts()
                .save(dev.popcorn.app.ForumAccountStore.Account.linked("wanglei", 12L, "wanglei", "12", AWeek.FRIDAY));
        CastBallot strict = new CastBallot(stores.polls(), stores.ballots(), stores.ledger(clock), Rights.everyone(),
                stores.users(), stores.teams(), stores.forumAccounts(), new Eligibility(0, Duration.ZERO, 0, false),
                GroupCommit.alone(stores.transactions()), clock);

        assertThatViolation(() -> strict.cast("12", week.poll().id(), week.candidate(0).id()))
                .is(Kind.FORBIDDEN, "ballot.eligibility.ownTeam");
        strict.cast("12", week.poll().id(), week.candidate(1).id());
        assertThat(stores.ballots().find(week.poll().id(), "12")).isPresent();
    }
}
