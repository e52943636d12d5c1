package dev.popcorn.app.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The durable outbox: writes to other systems, kept in the database until they are done, so
 * that none is lost when Popcorn or the other system stops. A task is named by its kind and a
 * ref ({@code jira.feedback} / {@code 3/MIUI-2101/close}); one row per name, so planning the
 * same write twice, on any number of instances, files it once.
 */
public interface OutboxStore {

    /**
     * A write waiting in the outbox, done, or given up after its attempts. {@code claims} counts
     * the times an instance took it; more claims than finished attempts and waits means an earlier
     * delivery was cut off mid-way (the instance stopped) and may or may not have reached the other side.
     * {@code waits} counts the times the other side asked to wait (429 or 503 with {@code Retry-After}),
     * which spend no attempt; {@code firstTryAt} is when this round of attempts began (empty before the
     * first claim), which bounds how long such waits may go on. {@code advice} is a message code
     * telling a person what to do about a failure (empty when there is none).
     */
    record Task(long id, String kind, String ref, State state, int attempts, Instant dueAt, String lastError,
            Instant doneAt, int claims, int waits, Instant firstTryAt, String advice) {

        public boolean interrupted() {
            return claims > attempts + waits;
        }
    }

    enum State {
        PENDING, DONE, FAILED
    }

    /** Files the task unless a task with this kind and ref exists in any state; true if it was new. */
    boolean enqueue(String kind, String ref, Instant due);

    /** Files the task, or makes a done one pending again when it was done before {@code doneBefore}. */
    void enqueueOrRearm(String kind, String ref, Instant due, Instant doneBefore);

    /**
     * Takes up to {@code limit} due tasks for {@code owner} until {@code leaseUntil}; no other owner gets them
     * meanwhile. The first claim of a round of attempts records {@code now} as its first try.
     */
    List<Task> claim(String owner, Instant now, Instant leaseUntil, int limit);

    void done(long id, String owner, Instant at);

    /** The attempt failed; try again at {@code dueAt}. */
    void retry(long id, String owner, Instant dueAt, String error);

    /** The other side asked to wait: try again at {@code dueAt}, spending no attempt. */
    void postpone(long id, String owner, Instant dueAt, String error);

    /** Given up: a person has to look (the dashboard shows it). */
    default void fail(long id, String owner, String error) {
        fail(id, owner, error, "");
    }

    /** Given up, with a message code telling the person what to do (empty: nothing to advise). */
    void fail(long id, String owner, String error, String advice);

    /**
     * Makes the failed tasks of {@code kind} whose ref starts with {@code refPrefix} pending again, as a
     * new round of attempts due at {@code due} (what held them back went away); answers how many.
     */
    int rearmFailed(String kind, String refPrefix, Instant due);

    /** Makes every failed task pending again, as a new round of attempts; answers how many. */
    int retryFailed(Instant now);

    Map<State, Long> counts();

    /** The latest failed, retrying or waiting tasks, newest first. */
    List<Task> troubles(int limit);

    /** The task with this kind and ref, if any. */
    java.util.Optional<Task> find(String kind, String ref);
}
