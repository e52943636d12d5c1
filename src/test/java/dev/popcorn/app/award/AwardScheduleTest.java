package dev.popcorn.app.award;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The award's schedule: drafts open at their time with two standing candidates, polls close once, one instance leads. */
class AwardScheduleTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY);

    private AwardSchedule schedule(String instance) {
        return new AwardSchedule(stores.transactions(), stores.polls(), stores.leases(), stores.audit(),
                new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), clock, instance, LEASE);
    }

    @Test
    void aDraftOpensAtItsTimeAndNotBefore() {
        AWeek.Week week = AWeek.in(stores).build();
        clock.set(AWeek.POLL_OPENS.minusSeconds(1));
        assertThat(schedule("a").run().opened()).isEmpty();
        clock.set(AWeek.POLL_OPENS);
        AwardSchedule.Run run = schedule("a").run();
        assertThat(run.leader()).isTrue();
        assertThat(run.opened()).containsExactly(week.poll().id());
        assertThat(stores.polls().find(week.poll().id()).orElseThrow().stateAt(clock.instant()))
                .isEqualTo(PollState.OPEN);
        assertThat(stores.audit().recent(5)).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("poll.open", AwardSchedule.ACTOR));
        assertThat(schedule("a").run().opened()).as("once").isEmpty();
    }

    @Test
    void aDraftWithOneStandingCandidateWaitsForALead() {
        AWeek.Week week = AWeek.in(stores).oneTeam().build();
        clock.set(AWeek.POLL_OPENS);
        AwardSchedule.Run run = schedule("a").run();
        assertThat(run.opened()).isEmpty();
        assertThat(run.waiting()).containsExactly(week.poll().id());
        assertThat(stores.polls().find(week.poll().id()).orElseThrow().state()).isEqualTo(PollState.DRAFT);
        assertThat(stores.audit().recent(5)).isEmpty();
    }

    @Test
    void aPollWhoseTimePassedIsClosedOnceWithItsCountInTheAuditLog() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        clock.set(AWeek.POLL_CLOSES.plusSeconds(5));
        AwardSchedule.Run run = schedule("a").run();
        assertThat(run.closed()).containsExactly(week.poll().id());
        assertThat(stores.polls().find(week.poll().id()).orElseThrow().closedAt()).isEqualTo(clock.instant());
        assertThat(stores.audit().recent(5)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("poll.close");
            assertThat(entry.detail()).isEqualTo("3 ballots; leading: Feature of camera; waiting for a lead's review");
        });
        clock.advance(Duration.ofSeconds(2));
        assertThat(schedule("a").run().closed()).as("once").isEmpty();
    }

    @Test
    void anotherInstanceDoesNothingWhileTheLeaderHoldsTheLeaseAndTakesOverWhenItEnds() {
        AWeek.in(stores).build();
        clock.set(AWeek.POLL_OPENS.minusSeconds(10));
        AwardSchedule a = schedule("a");
        AwardSchedule b = schedule("b");
        assertThat(a.run().leader()).isTrue();
        clock.set(AWeek.POLL_OPENS);
        AwardSchedule.Run follower = b.run();
        assertThat(follower.leader()).isFalse();
        assertThat(follower.opened()).isEmpty();
        clock.advance(LEASE);
        assertThat(b.run().opened()).as("a went silent, b leads").hasSize(1);
    }

    @Test
    void aCleanShutdownHandsTheLeaseOverAtOnce() {
        AwardSchedule a = schedule("a");
        assertThat(a.run().leader()).isTrue();
        assertThat(schedule("b").run().leader()).isFalse();
        a.stop();
        assertThat(schedule("b").run().leader()).isTrue();
    }
}
