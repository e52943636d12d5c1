package dev.popcorn.app.participation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reviews of standing that batches of new grants ask for (ADR 0020). A small batch while none wait
 * (the everyday load) is reviewed at once, before its requests are answered, so a fan sees the badge a
 * report earned on the very next page. A surge's batches are reviewed on a thread of their own, at most
 * {@code perSecond} a second, so that the surge is not slowed by the reviews it brings: a promotion or
 * badge it earns arrives seconds (in a long surge, minutes) after the act, never lost. While the writes
 * that bring them keep coming ({@code surging}), the reviews yield: a tenth of their pace. A user waiting here
 * when the server stops, or beyond the bound of waiting users, is reviewed by the hourly review of everyone
 * a review may move (their grant is recent).
 */
public final class LaterReviews implements Ledger.Later, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LaterReviews.class.getName());
    /** The most users waiting; more are left to the hourly review. */
    static final int MOST_WAITING = 100_000;
    /** The most users of one batch reviewed at once, while none wait. */
    static final int AT_ONCE = 4;

    private final Ledger.Review review;
    private final Clock clock;
    private final int perSecond;
    private final java.util.function.BooleanSupplier surging;
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Thread reviewer;
    private volatile boolean closed;

    public LaterReviews(Ledger.Review review, int perSecond, java.util.function.BooleanSupplier surging, Clock clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("reviews per second must be positive");
        }
        this.review = review;
        this.perSecond = perSecond;
        this.surging = surging;
        this.clock = clock;
        this.reviewer = new Thread(this::run, "popcorn-reviews");
        reviewer.setDaemon(true);
        reviewer.start();
    }

    @Override
    public void review(Collection<String> userIds) {
        boolean atOnce;
        synchronized (waiting) {
            atOnce = waiting.isEmpty() && userIds.size() <= AT_ONCE;
        }
        if (atOnce) {
            userIds.forEach(this::reviewNow);
            return;
        }
        synchronized (waiting) {
            for (String user : userIds) {
                if (waiting.size() >= MOST_WAITING) {
                    break;
                }
                waiting.add(user);
            }
            waiting.notifyAll();
        }
    }

    /**
     * The pace of the hourly review of everyone ({@link StandingReviews#reviewAll(java.util.function.BooleanSupplier)}):
     * at once while nothing surges, at a tenth of {@code perSecond} while writes wait for their batch; false
     * once interrupted (the server stops).
     */
    public boolean pace() {
        if (!surging.getAsBoolean()) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            Thread.sleep(10_000L / perSecond);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many users wait for their review. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        reviewer.interrupt();
        try {
            reviewer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        // A tenth of a second's share at a time, then the rest of that tenth off.
        int share = Math.max(1, perSecond / 10);
        while (!closed) {
            long started = System.nanoTime();
            List<String> users;
            try {
                users = next(share);
            } catch (InterruptedException e) {
                return;
            }
            users.forEach(this::reviewNow);
            // A tenth of a second per share at full pace; ten times as long while the surge goes on.
            long rest = (surging.getAsBoolean() ? 1_000_000_000L : 100_000_000L) * users.size() / share
                    - (System.nanoTime() - started);
            if (rest > 0 && users.size() == share) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void reviewNow(String user) {
        try {
            review.review(user, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the review of user {0} failed, left to the hourly review: {1}", user,
                    e.getMessage());
        }
    }

    private List<String> next(int most) throws InterruptedException {
        synchronized (waiting) {
            while (waiting.isEmpty()) {
                waiting.wait();
            }
            List<String> users = new ArrayList<>(Math.min(most, waiting.size()));
            Iterator<String> it = waiting.iterator();
            while (it.hasNext() && users.size() < most) {
                users.add(it.next());
                it.remove();
            }
            return users;
        }
    }
}
