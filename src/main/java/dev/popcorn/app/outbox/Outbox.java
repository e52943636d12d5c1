package dev.popcorn.app.outbox;

import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.outbox.OutboxStore.Task;
import dev.popcorn.domain.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivers the outbox: takes due tasks under a lease (so two instances never run the same task
 * at once, and a task of a killed instance is taken again when its lease ends), runs each by
 * its kind's handler, and records the outcome. A failure that may pass is tried again after
 * a doubling delay; after {@code maxAttempts}, or at once for a refusal no retry can fix, the task
 * is marked failed for a person to look at. When the other side asked to wait ({@code Retry-After}
 * on a 429 or 503), the task waits exactly that long and spends no attempt: such waits are bounded
 * only by {@code patience}, the time since the first try of this round of attempts (ADR 0014).
 * Handlers must be safe to repeat: a task whose answer was never recorded runs again, and the
 * tracker's handlers look up what an earlier, cut-off attempt may have done before they write.
 */
public final class Outbox {

    /** Runs one task; throws {@link DeliveryFailure} or {@link RuleViolation} when it could not. */
    @FunctionalInterface
    public interface Handler {
        void deliver(String ref);
    }

    /**
     * How hard the outbox tries: {@code maxAttempts} failures, the first retry after {@code firstRetry}
     * doubling up to {@code maxRetry}; waits the other side asked for for at most {@code patience}
     * after the first try.
     */
    public record Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, int batch,
            Duration patience) {

        /** A day of patience for waits the other side asks for. */
        public static final Duration PATIENCE = Duration.ofHours(24);

        public Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, int batch) {
            this(maxAttempts, firstRetry, maxRetry, lease, batch, PATIENCE);
        }
    }

    /** The outcome of an unrepeatable delivery that was cut off. */
    public static final String INTERRUPTED = "interrupted while sending: it may have arrived; check, and retry only if it did not";

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private final OutboxStore store;
    private final Map<String, Handler> handlers;
    private final Settings settings;
    private final Clock clock;
    private final String owner;
    private final java.util.Set<String> unrepeatable;

    /**
     * {@code unrepeatable} names the kinds whose other side cannot tell a repeat (a chat webhook):
     * when such a delivery was cut off mid-way, it is not sent again blindly but marked failed for
     * a person, who checks the other side and presses retry only if it did not arrive.
     */
    public Outbox(OutboxStore store, Map<String, Handler> handlers, java.util.Set<String> unrepeatable,
            Settings settings, Clock clock, String owner) {
        this.store = store;
        this.handlers = Map.copyOf(handlers);
        this.unrepeatable = java.util.Set.copyOf(unrepeatable);
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    /** Runs the tasks that are due now; answers how many were taken. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Task> tasks = store.claim(owner, now, now.plus(settings.lease()), settings.batch());
        for (Task task : tasks) {
            run(task);
        }
        return tasks.size();
    }

    private void run(Task task) {
        Handler handler = handlers.get(task.kind());
        if (handler == null) {
            store.fail(task.id(), owner, "no handler for " + task.kind() + " in this version of Popcorn");
            return;
        }
        if (task.interrupted() && unrepeatable.contains(task.kind())) {
            store.fail(task.id(), owner, INTERRUPTED);
            return;
        }
        try {
            handler.deliver(task.ref());
            store.done(task.id(), owner, clock.instant());
        } catch (DeliveryFailure e) {
            int attempts = task.attempts() + 1;
            Instant now = clock.instant();
            if (e.retryable() && e.retryAfter().isPresent()) {
                // The other side is well and said when to come back: a wait, not a failed attempt.
                Instant since = task.firstTryAt() == null ? now : task.firstTryAt();
                Instant due = now.plus(e.retryAfter().get());
                if (!due.isAfter(since.plus(settings.patience()))) {
                    store.postpone(task.id(), owner, due, e.getMessage());
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "gave up {0} {1}: still asked to wait {2} after the first try",
                        task.kind(), task.ref(), Duration.between(since, now));
                store.fail(task.id(), owner, e.getMessage() + " (still asked to wait " + hours(settings.patience())
                        + " after the first try)", e.advice());
                return;
            }
            if (!e.retryable() || attempts >= settings.maxAttempts()) {
                LOG.log(System.Logger.Level.WARNING, "gave up {0} {1} after {2} attempts: {3}", task.kind(), task.ref(),
                        attempts, e.getMessage());
                store.fail(task.id(), owner, e.getMessage(), e.advice());
            } else {
                store.retry(task.id(), owner, now.plus(backoff(attempts)), e.getMessage());
            }
        } catch (RuleViolation e) {
            store.fail(task.id(), owner, e.getMessage());
        } catch (RuntimeException e) {
            // A bug or an unexpected answer: keep the task and try again later, so nothing is lost.
            LOG.log(System.Logger.Level.WARNING, "outbox task " + task.kind() + " " + task.ref() + " failed", e);
            if (task.attempts() + 1 >= settings.maxAttempts()) {
                store.fail(task.id(), owner, String.valueOf(e));
            } else {
                store.retry(task.id(), owner, clock.instant().plus(backoff(task.attempts() + 1)), String.valueOf(e));
            }
        }
    }

    private static String hours(Duration d) {
        return d.toHours() > 0 ? d.toHours() + " h" : d.toSeconds() + " s";
    }

    /** first, 2 × first, 4 × first … up to the maximum. */
    Duration backoff(int attempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }
}
