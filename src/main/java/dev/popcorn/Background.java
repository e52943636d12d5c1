package dev.popcorn;

import dev.popcorn.capability.Job;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The work no request starts, as the capabilities declare it ({@link Job}): on {@code popcorn-background} one job after
 * the other (the award schedule, the outbox, the forum's and the tracker's planning, reminders before reports close,
 * the refresh of the tickets wishes are matched against); a job that runs alone, such as the hourly review of every
 * fan's standing, on a thread of its own. Every job is safe on several instances at once; a failure is logged and
 * tried next time.
 */
final class Background implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Background.class);

    private final List<ScheduledExecutorService> executors;

    private Background(List<ScheduledExecutorService> executors) {
        this.executors = executors;
    }

    /** Starts the jobs: each first after its first delay, then its delay after each run ended. */
    static Background start(List<Job> jobs) {
        ScheduledExecutorService shared = thread("popcorn-background");
        List<ScheduledExecutorService> executors = new java.util.ArrayList<>(List.of(shared));
        for (Job job : jobs) {
            ScheduledExecutorService executor = shared;
            if (job.alone()) {
                executor = thread("popcorn-" + job.what().replace(' ', '-'));
                executors.add(executor);
            }
            executor.scheduleWithFixedDelay(() -> quietly(job.what(), job.work()), job.first().toMillis(),
                    job.every().toMillis(), TimeUnit.MILLISECONDS);
        }
        return new Background(List.copyOf(executors));
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
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

    /** Stops the jobs, waiting a while for those running to end. */
    @Override
    public void close() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
        try {
            for (ScheduledExecutorService executor : executors) {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
