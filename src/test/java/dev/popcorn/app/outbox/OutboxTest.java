package dev.popcorn.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.outbox.OutboxStore.State;
import dev.popcorn.app.outbox.OutboxStore.Task;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The outbox's rules: leases, retries with doubling waits or the other side's Retry-After, failures kept for a person. */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");
    private static final Outbox.Settings SETTINGS = new Outbox.Settings(4, Duration.ofSeconds(30),
            Duration.ofMinutes(10),
            Duration.ofMinutes(2), 1);

    private final MutableClock clock = new MutableClock(NOW);
    private final OutboxStore store = new MemoryStores().outbox();
    private final OutboxTroubles troubles = new OutboxTroubles(store, clock);
    private final List<String> delivered = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    /** Fails with the queued failures first, then delivers. */
    private final Outbox.Handler flaky = ref -> {
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
        delivered.add(ref);
    };

    private Outbox outbox(String owner) {
        return new Outbox(store, Map.of("tracker.feedback", flaky, "award.chat", flaky), Set.of("award.chat"), SETTINGS,
                clock, owner);
    }

    private Task task(String kind) {
        return store.find(kind, "1").orElseThrow();
    }

    @Test
    void aDueTaskIsDeliveredOnceAndDone() {
        store.enqueue("tracker.feedback", "1", NOW);
        assertThat(outbox("a").deliverDue()).isEqualTo(1);
        assertThat(outbox("a").deliverDue()).isZero();
        assertThat(delivered).containsExactly("1");
        assertThat(task("tracker.feedback").state()).isEqualTo(State.DONE);
    }

    @Test
    void aTaskNotDueYetWaits() {
        store.enqueue("tracker.feedback", "1", NOW.plusSeconds(60));
        assertThat(outbox("a").deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(outbox("a").deliverDue()).isEqualTo(1);
    }

    @Test
    void aPassingFailureIsTriedAgainAfterADoublingWait() {
        store.enqueue("tracker.feedback", "1", NOW);
        failures.add(new DeliveryFailure("Jira answered 503", true, null, null));
        failures.add(new DeliveryFailure("Jira answered 503", true, null, null));
        Outbox outbox = outbox("a");
        outbox.deliverDue();
        assertThat(task("tracker.feedback").dueAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(task("tracker.feedback").lastError()).isEqualTo("Jira answered 503");
        clock.advance(Duration.ofSeconds(30));
        outbox.deliverDue();
        assertThat(task("tracker.feedback").dueAt()).isEqualTo(NOW.plusSeconds(30 + 60));
        clock.advance(Duration.ofSeconds(60));
        outbox.deliverDue();
        assertThat(delivered).containsExactly("1");
        assertThat(task("tracker.feedback").state()).isEqualTo(State.DONE);
    }

    @Test
    void theOtherSidesRetryAfterIsHonoured() {
        store.enqueue("tracker.feedback", "1", NOW);
        failures.add(new DeliveryFailure("rate limited", true, Duration.ofMinutes(7), null));
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(7)));
        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox("a").deliverDue()).as("asked to wait seven minutes").isZero();
    }

    @Test
    void aWaitTheOtherSideAskedForSpendsNoAttemptSoALongRunOfThemEndsDelivered() {
        store.enqueue("tracker.feedback", "1", NOW);
        for (int i = 0; i < 12; i++) {
            failures.add(new DeliveryFailure("Jira answered 429 (rate limited)", true, Duration.ofSeconds(1), null));
        }
        for (int i = 0; i < 12; i++) {
            assertThat(outbox("a").deliverDue()).isEqualTo(1);
            assertThat(task("tracker.feedback").dueAt()).isEqualTo(clock.instant().plusSeconds(1));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(task("tracker.feedback").attempts()).as("SETTINGS allow 4 attempts; waits are no attempts").isZero();
        assertThat(task("tracker.feedback").waits()).isEqualTo(12);
        assertThat(store.troubles(10)).as("a waiting task shows on the dashboard").hasSize(1);
        assertThat(task("tracker.feedback").interrupted()).as("a wait is no cut-off delivery").isFalse();
        outbox("a").deliverDue();
        assertThat(delivered).containsExactly("1");
        assertThat(task("tracker.feedback").state()).isEqualTo(State.DONE);
    }

    @Test
    void waitsAreBoundedByTheTimeSinceTheFirstTryNotByAttempts() {
        store.enqueue("tracker.feedback", "1", NOW);
        Duration hour = Duration.ofHours(1);
        for (int i = 0; i < 30; i++) {
            failures.add(new DeliveryFailure("Jira answered 503 (unavailable) (retry after 3600 s)", true, hour, null));
        }
        for (int i = 0; i < 24; i++) {
            outbox("a").deliverDue();
            assertThat(task("tracker.feedback").state()).isEqualTo(State.PENDING);
            clock.advance(hour);
        }
        assertThat(task("tracker.feedback").attempts()).isZero();
        outbox("a").deliverDue();
        Task given = task("tracker.feedback");
        assertThat(given.state()).as("a 25th hour would end beyond the day of patience").isEqualTo(State.FAILED);
        assertThat(given.lastError()).contains("503", "still asked to wait 24 h after the first try");

        // A lead's retry starts a new round of attempts and a new day of patience.
        troubles.retryFailed();
        assertThat(task("tracker.feedback").waits()).isZero();
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").state()).isEqualTo(State.PENDING);
    }

    @Test
    void aRefusalThatAPermissionWouldLiftKeepsTheAdviceForThePerson() {
        store.enqueue("tracker.feedback", "1", NOW);
        failures.add(
                new DeliveryFailure("Jira answered 403: You do not have permission to link issues.", false, null, null,
                        "tracker.grant.LINK_ISSUES"));
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").state()).isEqualTo(State.FAILED);
        assertThat(task("tracker.feedback").advice()).isEqualTo("tracker.grant.LINK_ISSUES");
        troubles.retryFailed();
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").advice()).isEmpty();
    }

    @Test
    void theWaitNeverGrowsBeyondTheMaximum() {
        Outbox outbox = outbox("a");
        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(outbox.backoff(10)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void afterTheLastAttemptTheTaskWaitsForAPersonWithTheOtherSidesWords() {
        store.enqueue("tracker.feedback", "1", NOW);
        for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
            failures.add(new DeliveryFailure("Jira answered 503 #" + i, true, null, null));
        }
        Outbox outbox = outbox("a");
        for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
            outbox.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        Task failed = task("tracker.feedback");
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(SETTINGS.maxAttempts());
        assertThat(failed.lastError()).isEqualTo("Jira answered 503 #3");
        assertThat(troubles.troubles(5)).extracting(Task::id).containsExactly(failed.id());
        assertThat(troubles.retryFailed()).isEqualTo(1);
        outbox.deliverDue();
        assertThat(delivered).containsExactly("1");
    }

    @Test
    void aRefusalNoRetryCanFixFailsAtOnce() {
        store.enqueue("tracker.feedback", "1", NOW);
        failures.add(new DeliveryFailure("Jira answered 403: no permission to link issues", false, null, null));
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").state()).isEqualTo(State.FAILED);
        assertThat(task("tracker.feedback").attempts()).isEqualTo(1);
    }

    @Test
    void aBrokenRuleFailsAtOnceAndAnUnexpectedErrorIsTriedAgain() {
        store.enqueue("tracker.feedback", "1", NOW);
        failures.add(RuleViolation.notFound("release.unknown", 1));
        outbox("a").deliverDue();
        assertThat(task("tracker.feedback").state()).isEqualTo(State.FAILED);

        store.enqueue("award.chat", "1", NOW);
        failures.add(new IllegalStateException("unexpected answer"));
        outbox("a").deliverDue();
        assertThat(task("award.chat").state()).isEqualTo(State.PENDING);
        assertThat(task("award.chat").lastError()).contains("unexpected answer");
    }

    @Test
    void aTaskOfAKindThisVersionDoesNotKnowIsKeptForAPerson() {
        store.enqueue("forum.poll", "1", NOW);
        outbox("a").deliverDue();
        assertThat(store.find("forum.poll", "1").orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(store.find("forum.poll", "1").orElseThrow().lastError()).contains("no handler for forum.poll");
    }

    @Test
    void aTaskOfAnInstanceThatDiedIsTakenAgainWhenItsLeaseEnds() {
        store.enqueue("tracker.feedback", "1", NOW);
        // Instance a claims the task and dies before it answers.
        assertThat(store.claim("a", NOW, NOW.plus(SETTINGS.lease()), 1)).hasSize(1);
        assertThat(outbox("b").deliverDue()).as("still leased to a").isZero();
        clock.advance(SETTINGS.lease().plusSeconds(1));
        assertThat(outbox("b").deliverDue()).isEqualTo(1);
        assertThat(delivered).containsExactly("1");
        assertThat(task("tracker.feedback").state()).isEqualTo(State.DONE);
    }

    @Test
    void anUnrepeatableDeliveryCutOffMidWayIsNotSentAgain() {
        store.enqueue("award.chat", "1", NOW);
        store.claim("a", NOW, NOW.plus(SETTINGS.lease()), 1);
        clock.advance(SETTINGS.lease().plusSeconds(1));
        outbox("b").deliverDue();
        assertThat(delivered).isEmpty();
        assertThat(task("award.chat").state()).isEqualTo(State.FAILED);
        assertThat(task("award.chat").lastError()).isEqualTo(Outbox.INTERRUPTED);
    }
}
