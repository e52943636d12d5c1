package dev.popcorn;

import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.participation.StandingReviews;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The work no request starts, on two threads: on {@code popcorn-background} the award schedule, the outbox, the
 * forum's and the tracker's planning (reminders before reports close among them), the refresh of the tickets wishes are
 * matched against; on {@code popcorn-hourly-review} the hourly review of every fan's standing.
 * Every task is safe on several instances at once; a failure is logged and tried next time.
 */
final class Background implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Background.class);
    /** How often every user's level, streak and badges are reviewed. */
    static final Duration REVIEW_EVERY = Duration.ofHours(1);

    /** How often the reminders before reports close are planned (a fan's reminder comes at most this late). */
    static final Duration REMIND_EVERY = Duration.ofSeconds(5);

    /** How often the award schedule looks for polls to open or close. */
    private static final Duration SCHEDULE_EVERY = Duration.ofSeconds(2);

    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService reviewer;
    private final AwardSchedule schedule;

    private Background(ScheduledExecutorService executor, ScheduledExecutorService reviewer, AwardSchedule schedule) {
        this.executor = executor;
        this.reviewer = reviewer;
        this.schedule = schedule;
    }

    /**
     * Starts the work no request starts: opening and closing award polls on time, delivering the
     * outbox every second, with a forum planning its threads every few seconds, and with Jira
     * planning write-backs every few seconds and refreshing the tickets wishes are matched against;
     * with forum sign-in, asking the forum every {@code leadCheck} whether each lead still is one; with a
     * forum, looking up the forum user names team members carry.
     * Every run is safe on several instances at once (the schedule holds a lease, the outbox leases
     * its tasks); a failure is logged and tried next time.
     */
    static Background start(TrackerSync sync, ForumThreads forum, Outbox outbox, AwardSchedule schedule,
            Duration ticketRefresh, ForumAccounts accounts, Duration leadCheck, MemberAccounts members, StandingReviews standing,
            java.util.function.BooleanSupplier reviewPace, FanMessages fanMessages) {
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "popcorn-background");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(() -> quietly("award schedule", schedule::run), SCHEDULE_EVERY.toMillis(),
                SCHEDULE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(() -> quietly("outbox", () -> {
            while (outbox.deliverDue() > 0) {
                // Keep going while tasks are due; the clients pace their requests.
            }
        }), 1, 1, TimeUnit.SECONDS);
        // Levels fall when the window moves on and streaks break when reports close, without any act:
        // every user a review may move is reviewed each hour (idempotent on every instance). On a thread of its
        // own (a round over a million users must not hold back a poll's close) and at a pace (a surge goes first).
        ScheduledExecutorService reviewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "popcorn-hourly-review");
            thread.setDaemon(true);
            return thread;
        });
        reviewer.scheduleWithFixedDelay(() -> quietly("participation review", () -> standing.reviewAll(reviewPace)), 1,
                REVIEW_EVERY.toMinutes(), TimeUnit.MINUTES);
        if (forum.enabled()) {
            background.scheduleWithFixedDelay(() -> quietly("forum thread planning", forum::plan), 0, 5, TimeUnit.SECONDS);
        }
        if (fanMessages.offersReminders()) {
            // Reminders before reports close, for the fans who asked: once per fan and deadline, on any instance.
            background.scheduleWithFixedDelay(() -> quietly("forum reminders", fanMessages::planReminders), 2,
                    REMIND_EVERY.toSeconds(), TimeUnit.SECONDS);
        }
        if (forum.enabled()) {
            // Members named by forum user name are looked up here, never on the request that saved the team.
            background.scheduleWithFixedDelay(() -> quietly("member look-ups", members::resolveDue), 1, 5, TimeUnit.SECONDS);
        }
        if (accounts.enabled()) {
            // Lead rights follow the forum's groups even when a webhook was missed (ADR 0011); idempotent on every instance.
            background.scheduleWithFixedDelay(() -> quietly("lead check", accounts::checkLeads), leadCheck.toSeconds(),
                    leadCheck.toSeconds(), TimeUnit.SECONDS);
        }
        if (!sync.enabled()) {
            return new Background(background, reviewer, schedule);
        }
        background.scheduleWithFixedDelay(() -> quietly("write-back planning", sync::plan), 0, 5, TimeUnit.SECONDS);
        long refresh = Math.max(5, ticketRefresh.toMinutes());
        background.scheduleWithFixedDelay(() -> quietly("wish ticket refresh", sync::refreshWishTickets), 0, refresh,
                TimeUnit.MINUTES);
        return new Background(background, reviewer, schedule);
    }

    /**
     * Runs one task and survives whatever it throws: an uncaught {@link Error} would cancel the
     * scheduled task for good, so it is logged like any failure and the task runs again next time.
     */
    static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, will try again: {}", what, e.getMessage());
        } catch (Error e) {
            LOG.error("{} failed with {}, will try again", what, e.toString(), e);
        }
    }

    /** Names this instance in outbox leases: host, process and a random part, so restarts are told apart. */
    static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/"
                + Long.toHexString(new java.security.SecureRandom().nextLong());
        return name.length() > 80 ? name.substring(name.length() - 80) : name;
    }

    /** Stops the background work and gives the schedule's lease up, so another instance goes on at once. */
    @Override
    public void close() {
        reviewer.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quietly("giving up the schedule lease", schedule::stop);
    }
}
