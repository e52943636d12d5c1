package dev.popcorn.app.release;

import dev.popcorn.domain.release.BuildNotice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every build notice the CI server sent and what Popcorn did with it: ignored (and why), opened
 * a release, found it opened already, or failed (and why). The body is kept so that a failed
 * notice can be tried again; nothing the CI server said is lost.
 */
public interface BuildLog {

    /** What happened to a notice. */
    enum Outcome {
        IGNORED, OPENED, DUPLICATE, FAILED
    }

    /** Why: a message key and its arguments, in words the reader's language has. */
    record Reason(String key, List<String> args) {
        public Reason {
            args = List.copyOf(args);
        }
    }

    /** One logged notice. */
    record Entry(long id, Instant receivedAt, String job, int number, String phase, String status, Outcome outcome,
            Reason reason, Optional<Long> releaseId, String body) {
    }

    long record(Instant receivedAt, BuildNotice notice, Outcome outcome, Reason reason, Optional<Long> releaseId,
            String body);

    /** Records a later outcome of the notice {@code id} (a retry). */
    void settle(long id, Outcome outcome, Reason reason, Optional<Long> releaseId);

    Optional<Entry> find(long id);

    /** The latest notices, newest first. */
    List<Entry> recent(int limit);
}
