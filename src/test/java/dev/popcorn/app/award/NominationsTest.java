package dev.popcorn.app.award;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingParts;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.award.Nomination;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.memory.MemoryStores;
import dev.popcorn.web.common.Messages;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Fans nominate award candidates, a right of their level; a lead accepts (a candidate) or declines (a reason). */
class NominationsTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plusSeconds(60));
    private final ManagePoll manage = new ManagePoll(new ManagePoll.Stores(stores.transactions(), stores.polls(),
            stores.awards(), stores.teams(), stores.outbox(), stores.audit()),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), mock(AnnounceAward.class), clock);
    /** The real ladder and its refusal; only the stored levels are given: fan-1 and fan-2 enthusiasts, the rest newcomers. */
    private final StandingStore levels = mock(StandingStore.class);
    private final Levels standing = StandingParts.of(levels, stores.participation(), PointsRules.defaults(),
            stores.transactions(), stores.audit(), LevelLadder.defaults(), Streak.Rules.defaults(),
            ZoneId.of("Asia/Shanghai"), List::of,
            Standing.Mirror.none(), clock).levels();
    private final Nominations nominations = new Nominations(new Nominations.Stores(stores.transactions(),
            stores.nominations(), stores.polls(), stores.teams(), stores.audit()), manage, standing,
            Nominations.DEFAULT_LIMIT, clock);

    NominationsTest() {
        for (String fan : List.of("fan-1", "fan-2")) {
            when(levels.level(fan)).thenReturn(Optional.of(new StandingStore.LevelRow(fan, "enthusiast",
                    AWeek.FRIDAY.minusSeconds(86_400), true, "lead", "helps a lot")));
        }
    }

    private List<String> audit() {
        return stores.audit().recent(20).stream().map(e -> e.actor() + " " + e.action() + " " + e.detail()).toList();
    }

    private AWeek.Week aWeekOfFourTeams() {
        AWeek.Week week = AWeek.in(stores).build();
        for (String slug : List.of("gallery", "security")) {
            stores.teams().save(new Team(slug, slug, List.of(new Member("Member of " + slug, "", slug + "-lead"))));
        }
        return week;
    }

    @Test
    void aFanBelowTheLevelIsRefusedWithTheLevelItTakesInBothLanguagesAndNothingIsWritten() {
        long poll = AWeek.in(stores).build().poll().id();

        RuleViolation refused = Assertions.catchThrowableOfType(RuleViolation.class,
                () -> nominations.nominate("fan-9", poll, "camera", "Night mode", "Stars at night"));

        assertThat(refused.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(refused.code()).isEqualTo("level.right.NOMINATE");
        Object[] args = refused.args().toArray();
        assertThat(Messages.text(Messages.ENGLISH, "error." + refused.code(), args))
                .isEqualTo("Nominating a project takes the level Enthusiast; you are Newcomer."
                        + " Keep reporting on each release to get there.");
        assertThat(Messages.text(Messages.CHINESE, "error." + refused.code(), args))
                .isEqualTo("达到“发烧友”才能提名候选项目，你现在是“新米粉”。每个版本坚持提交体验报告就能升级。");
        assertThat(stores.nominations().ofPoll(poll)).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void aFanWithTheRightNominatesAndSeesItWaitAndALeadSeesAllOfThePoll() {
        long poll = AWeek.in(stores).build().poll().id();

        Nomination mine = nominations.nominate("fan-1", poll, "camera", "  Night mode 夜景 ", "Stars at night");
        nominations.nominate("fan-2", poll, "camera", "Camera speed", "Opens in a blink");

        assertThat(mine.state()).isEqualTo(Nomination.State.PENDING);
        assertThat(mine.title()).isEqualTo("Night mode 夜景");
        assertThat(nominations.mine(poll, "fan-1")).containsExactly(mine);
        assertThat(nominations.ofPoll(poll)).extracting(Nomination::userId).containsExactly("fan-1", "fan-2");
        assertThat(audit()).contains("fan-1 nomination.add Night mode 夜景 (camera)");
        assertThat(stores.polls().find(poll).orElseThrow().candidates()).as("not a candidate before a lead accepts")
                .hasSize(2);
    }

    @Test
    void oneNominationPerTeamAndAtMostThreeWaitingPerUserAndPoll() {
        long poll = aWeekOfFourTeams().poll().id();
        Nomination camera = nominations.nominate("fan-1", poll, "camera", "Night mode", "Stars");
        nominations.nominate("fan-1", poll, "battery", "Quiet charging", "No whine");
        nominations.nominate("fan-1", poll, "gallery", "Albums", "Finds faces");

        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night mode again", "Still stars"))
                .is(Kind.CONFLICT, "nomination.repeat").withArgs("Night mode");
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "security", "Safe", "Locks"))
                .is(Kind.CONFLICT, "nomination.limit").withArgs(3);
        assertThat(Messages.text(Messages.ENGLISH, "error.nomination.limit", 3))
                .isEqualTo("You have 3 nominations waiting for a team lead; nominate again once one is decided.");
        assertThat(nominations.mine(poll, "fan-1")).hasSize(3);

        nominations.decline(camera.id(), "Shipped last week", "lead");
        assertThat(nominations.nominate("fan-1", poll, "security", "Safe", "Locks").state())
                .as("a decided nomination frees its place").isEqualTo(Nomination.State.PENDING);
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night mode", "Stars"))
                .as("a declined team stays nominated once").is(Kind.CONFLICT, "nomination.repeat");
    }

    @Test
    void aNominationNeedsAKnownTeamATitleAndAPitchOfACandidatesLength() {
        long poll = AWeek.in(stores).build().poll().id();
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "nobody", "Ghost", "Boo"))
                .is(Kind.INVALID, "candidate.team.unknown").withArgs("nobody");
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", " ", "Boo"))
                .is(Kind.INVALID, "text.missing").withArgs("nomination.title");
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night", ""))
                .is(Kind.INVALID, "text.missing").withArgs("nomination.pitch");
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "x".repeat(121), "Boo"))
                .is(Kind.INVALID, "text.tooLong").withArgs("nomination.title", 120);
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night", "夜".repeat(201)))
                .is(Kind.INVALID, "text.tooLong").withArgs("nomination.pitch", 200);
        assertThatViolation(() -> nominations.nominate("fan-1", 999, "camera", "Night", "Boo"))
                .is(Kind.NOT_FOUND, "poll.unknown");
        assertThat(nominations.ofPoll(poll)).isEmpty();
    }

    @Test
    void nominatingEndsWhenThePollIsDueToOpenAndOnceItOpened() {
        AWeek.Week week = AWeek.in(stores).build();
        long poll = week.poll().id();
        clock.set(AWeek.POLL_OPENS);
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night", "Stars"))
                .as("its time came, before the schedule opened it").is(Kind.CLOSED, "nomination.pollNotDraft");
        manage.open(poll, "lead");
        assertThatViolation(() -> nominations.nominate("fan-1", poll, "camera", "Night", "Stars"))
                .is(Kind.CLOSED, "nomination.pollNotDraft").withArgs(week.poll().title());
        assertThat(nominations.ofPoll(poll)).isEmpty();
    }

    @Test
    void acceptingMakesACandidateByTheLeadsOwnPathAndRecordsItOnce() {
        long poll = AWeek.in(stores).build().poll().id();
        Nomination nominated = nominations.nominate("fan-1", poll, "camera", "Night mode", "Stars at night");
        clock.set(AWeek.FRIDAY.plusSeconds(3600));

        Nomination accepted = nominations.accept(nominated.id(), "lead");

        var candidate = stores.polls().find(poll).orElseThrow().candidate(accepted.candidateId()).orElseThrow();
        assertThat(candidate.title()).isEqualTo("Night mode");
        assertThat(candidate.pitch()).isEqualTo("Stars at night");
        assertThat(candidate.teamSlug()).isEqualTo("camera");
        assertThat(candidate.isActive()).isTrue();
        assertThat(accepted.state()).isEqualTo(Nomination.State.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo("lead");
        assertThat(accepted.decidedAt()).isEqualTo(clock.instant());
        assertThat(nominations.mine(poll, "fan-1")).containsExactly(accepted);
        assertThat(audit()).startsWith(
                "lead nomination.accept Night mode (camera) by fan-1 -> candidate " + candidate.id(),
                "lead candidate.add Night mode (camera)");

        assertThatViolation(() -> nominations.accept(nominated.id(), "lead-2")).is(Kind.CONFLICT, "nomination.decided");
        assertThatViolation(() -> nominations.decline(nominated.id(), "changed my mind", "lead-2"))
                .is(Kind.CONFLICT, "nomination.decided");
        assertThat(stores.polls().find(poll).orElseThrow().candidates()).hasSize(3);
        assertThatViolation(() -> nominations.accept(4242, "lead")).is(Kind.NOT_FOUND, "nomination.unknown");
    }

    @Test
    void acceptingAfterThePollOpenedIsRefusedAndLeavesItWaiting() {
        long poll = AWeek.in(stores).build().poll().id();
        Nomination nominated = nominations.nominate("fan-1", poll, "camera", "Night mode", "Stars at night");
        clock.set(AWeek.POLL_OPENS);
        manage.open(poll, "lead");

        assertThatViolation(() -> nominations.accept(nominated.id(), "lead")).is(Kind.CLOSED, "poll.candidates.locked");
        assertThat(stores.nominations().find(nominated.id()).orElseThrow().pending()).isTrue();
        assertThat(stores.polls().find(poll).orElseThrow().candidates()).hasSize(2);
    }

    @Test
    void decliningNeedsAReasonWhichTheNominatorReads() {
        long poll = AWeek.in(stores).build().poll().id();
        Nomination nominated = nominations.nominate("fan-1", poll, "battery", "Quiet charging", "No whine");

        assertThatViolation(() -> nominations.decline(nominated.id(), "  ", "lead"))
                .is(Kind.INVALID, "nomination.reason.missing");
        assertThatViolation(() -> nominations.decline(nominated.id(), null, "lead"))
                .is(Kind.INVALID, "nomination.reason.missing");
        assertThat(stores.nominations().find(nominated.id()).orElseThrow().pending()).isTrue();

        nominations.decline(nominated.id(), " It shipped last week ", "lead");

        Nomination seen = nominations.mine(poll, "fan-1").get(0);
        assertThat(seen.state()).isEqualTo(Nomination.State.DECLINED);
        assertThat(seen.decision()).isEqualTo("It shipped last week");
        assertThat(seen.candidateId()).isNull();
        assertThat(audit()).first()
                .isEqualTo("lead nomination.decline Quiet charging (battery) by fan-1: It shipped last week");
        assertThat(Messages.text(Messages.ENGLISH, "nominate.declinedBecause", seen.decision()))
                .isEqualTo("The lead's reason: It shipped last week");
        assertThat(stores.polls().find(poll).orElseThrow().candidates()).hasSize(2);
    }
}
