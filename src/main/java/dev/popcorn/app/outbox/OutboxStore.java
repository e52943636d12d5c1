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
     * the times an instance took it; more claims than finished attempts means an earlier delivery
     * was cut off mid-way (the instance stopped) and may or may not have reached the other side.
     */
    record Task(long id, String kind, String ref, State state, int attempts, Instant dueAt, String lastError,
            Instant doneAt, int claims) {

        public boolean interrupted() {
            return claims > attempts;
        }
    }

    enum State { PENDING, DONE, FAILED }

    /** Files the task unless a task with this kind and ref exists in any state; true if it was new. */
    boolean enqueue(String kind, String ref, Instant due);

    /** Files the task, or makes a done one pending again when it was done before {@code doneBefore}. */
    void enqueueOrRearm(String kind, String ref, Instant due, Instant doneBefore);

    /** Takes up to {@code limit} due tasks for {@code owner} until {@code leaseUntil}; no other owner gets them meanwhile. */
    List<Task> claim(String owner, Instant now, Instant leaseUntil, int limit);

    void done(long id, String owner, Instant at);

    /** The attempt failed; try again at {@code dueAt}. */
    void retry(long id, String owner, Instant dueAt, String error);

    /** Given up: a person has to look (the dashboard shows it). */
    void fail(long id, String owner, String error);

    /** Makes every failed task pending again; answers how many. */
    int retryFailed(Instant now);

    Map<State, Long> counts();

    /** The latest failed or retrying tasks, newest first. */
    List<Task> troubles(int limit);

    /** The task with this kind and ref, if any. */
    java.util.Optional<Task> find(String kind, String ref);
}
