package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.award.Nomination;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.memory.MemoryStores;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Messages;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The poll as each visitor sees it: anyone, a fan with a ballot, a lead reviewing the count. */
class PollModelTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.POLL_OPENS.plus(Duration.ofHours(1)));
    private final WeekOverview overview = new WeekOverview(stores.releases(), stores.reports(), stores.polls(),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), stores.teams(),
            stores.audit(), clock);
    private final dev.popcorn.app.participation.StandingParts parts = dev.popcorn.app.participation.StandingParts.of(
            mock(StandingStore.class), stores.participation(),
            PointsRules.defaults(), stores.transactions(), stores.audit(), LevelLadder.defaults(),
            Streak.Rules.defaults(), ZoneId.of("Asia/Shanghai"), List::of, Standing.Mirror.none(), clock);
    private final Standing standing = parts.standing();
    private final AnnounceAward announce = mock(AnnounceAward.class);
    private final Nominations nominations = mock(Nominations.class);
    private final PollModel model = new PollModel(new PollModel.UseCases(overview, new CastBallot(stores.polls(),
            stores.ballots(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.users(),
            stores.teams(), null, new Eligibility(0, Duration.ZERO, 0, true),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock), announce, nominations, parts.levels(),
            stores.ledger(clock)),
            new ForumMarkdown(() -> "https://popcorn.example"));

    private static Pass pass(String userId, Role role) {
        return new Pass(Kind.SESSION, userId, userId, role, AWeek.FRIDAY, AWeek.POLL_CLOSES.plus(Duration.ofDays(30)));
    }

    @Test
    void whileThePollRunsAFanSeesTheirPickAndNobodySeesACount() {
        AWeek.Week week = AWeek.in(stores).ballots(1).build();

        PollModel.Card fan = model.card(week.poll().id(), Optional.of(pass("fan-0", Role.USER)), Messages.ENGLISH);
        assertThat(fan.state()).isEqualTo("OPEN");
        assertThat(fan.ballotCandidate().id()).isEqualTo(week.candidate(1).id());
        assertThat(fan.votePoints()).as("what the vote earned is said, even none").isNotNull();
        assertThat(fan.result()).isNull();
        assertThat(fan.pickWon()).as("said once counted").isNull();

        PollModel.Card anyone = model.card(week.poll().id(), Optional.empty(), Messages.ENGLISH);
        assertThat(anyone.ballot()).isNull();
        assertThat(anyone.votePoints()).isNull();
        assertThat(anyone.voteFrom()).isNull();
        assertThat(anyone.nominate()).as("the poll takes no nominations").isNull();
        assertThat(anyone.release()).as("named only where the desk lists several").isNull();
    }

    @Test
    void afterTheCloseALeadReviewsTheCountAndTheWordsWhileAFanWaits() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        clock.set(AWeek.POLL_CLOSES);
        when(announce.words(any(), any())).thenReturn("The winner is {winner}");
        when(announce.fill(any(), any(), any())).thenReturn("The winner is **camera**");
        when(announce.publishing(week.poll().id())).thenReturn(List.of());

        PollModel.Card lead = model.card(week.poll().id(), Optional.of(pass("lead", Role.LEAD)), Messages.ENGLISH);
        assertThat(lead.state()).isEqualTo("CLOSED");
        assertThat(lead.result().ballots()).isEqualTo(3);
        assertThat(lead.announcement()).isEqualTo("The winner is {winner}");
        assertThat(lead.announcementHtml()).contains("<strong>camera</strong>");
        assertThat(lead.edited()).isFalse();
        assertThat(lead.contradiction()).as("the words agree with the count").isNull();
        assertThat(lead.sent()).as("nothing sent before the approval").isNull();

        PollModel.Card fan = model.card(week.poll().id(), Optional.of(pass("fan-0", Role.USER)), Messages.ENGLISH);
        assertThat(fan.result()).as("fans wait for the review").isNull();
        assertThat(fan.announcement()).isNull();
        assertThat(fan.ballot()).isNotNull();
    }

    private static Nomination nomination(long id, String userId) {
        return new Nomination(id, 1, userId, "camera", "夜景", "Night mode", "Stars at night", Nomination.State.PENDING,
                AWeek.FRIDAY, null, null, null, null);
    }

    @Test
    void whileThePollTakesNominationsAFanSeesTheirOwnAndALeadEveryOne() {
        AWeek.Week week = AWeek.in(stores).build();
        long pollId = week.poll().id();
        Nomination mine = nomination(1, "fan-0");
        Nomination other = nomination(2, "fan-1");
        when(nominations.takes(any(Poll.class))).thenReturn(true);
        when(nominations.limit()).thenReturn(2);
        when(nominations.mine(pollId, "fan-0")).thenReturn(List.of(mine));
        when(nominations.ofPoll(pollId)).thenReturn(List.of(mine, other));

        PollModel.Nominating fan = model.card(pollId, Optional.of(pass("fan-0", Role.USER)), Messages.ENGLISH)
                .nominate();
        assertThat(fan.from()).isEqualTo("Enthusiast");
        assertThat(fan.limit()).isEqualTo(2);
        assertThat(fan.allowed()).as("a newcomer does not nominate").isFalse();
        assertThat(fan.level()).isEqualTo("Newcomer");
        assertThat(fan.mine()).containsExactly(mine);
        assertThat(fan.all()).as("only a lead sees every nomination").isNull();

        PollModel.Nominating anyone = model.card(pollId, Optional.empty(), Messages.CHINESE).nominate();
        assertThat(anyone.allowed()).isNull();
        assertThat(anyone.mine()).isNull();

        assertThat(model.card(pollId, Optional.of(pass("lead", Role.LEAD)), Messages.ENGLISH).nominate().all())
                .containsExactly(mine, other);
    }

    @Test
    void thePageCarriesTheRefusedNominationAndWhatWasJustDone() {
        AWeek.Week week = AWeek.in(stores).build();
        PollModel.Page page = model.page(week.poll().id(), Optional.empty(), Messages.ENGLISH,
                java.util.Map.of("title", "Night mode"), "Too long", false, true);
        assertThat(page.p().poll().id()).isEqualTo(week.poll().id());
        assertThat(page.nominationDraft()).containsEntry("title", "Night mode");
        assertThat(page.nominationProblem()).isEqualTo("Too long");
        assertThat(page.teams()).containsOnlyKeys("camera", "battery");
        assertThat(page.nominated()).isTrue();
        assertThat(page.voted()).isFalse();
    }
}
