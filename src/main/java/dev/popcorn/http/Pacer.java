package dev.popcorn.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly so that one Popcorn instance never sends more than the configured
 * number per second, and holds every request back while the other side (Jira, Discourse) has asked us to wait.
 */
public final class Pacer {

    /** How a caller waits; tests pass one that does not really sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next;

    public Pacer(double requestsPerSecond, Clock clock, Sleeper sleeper) {
        this.interval = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.clock = clock;
        this.sleeper = sleeper;
        this.next = Instant.MIN;
    }

    /**
     * Waits for this caller's turn, or returns how long the caller would have to wait when that
     * is longer than {@code patience} (the other side asked for a long pause); empty once it is our turn.
     */
    public java.util.Optional<Duration> await(Duration patience) throws InterruptedException {
        Instant turn;
        synchronized (this) {
            Instant now = clock.instant();
            turn = next.isAfter(now) ? next : now;
            Duration wait = Duration.between(now, turn);
            if (wait.compareTo(patience) > 0) {
                return java.util.Optional.of(wait);
            }
            next = turn.plus(interval);
        }
        Duration wait = Duration.between(clock.instant(), turn);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
        return java.util.Optional.empty();
    }

    /** The other side said to wait: no request leaves before {@code until}. */
    public synchronized void holdUntil(Instant until) {
        if (until.isAfter(next)) {
            next = until;
        }
    }
}
