package dev.popcorn.capability;

import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The issue tracker: the fans' feedback written back on each ticket, and the tickets wishes are matched against. */
public final class TrackerCapability implements Capability {

    private final Core core;
    private final TrackerSync trackerSync;

    public TrackerCapability(Core core) {
        this.core = core;
        this.trackerSync = trackerSync(core.config().jira(), core.store(), core.tracker(), core.baseUrl(),
                core.clock());
    }

    /** The tracker's use case on {@code store}; also for {@code popcorn check}, which starts no server. */
    public static TrackerSync trackerSync(JiraConfig jira, Store store, IssueTracker tracker, Supplier<String> baseUrl,
            java.time.Clock clock) {
        return new TrackerSync(tracker, store.releases(), store.reports(), store.tickets(), store.outbox(),
                store.ticketWrites(), new TrackerSync.Settings(baseUrl, jira.teams(), jira.labels(), jira.refresh(),
                        jira.comments(), jira.wishJql()),
                clock);
    }

    public TrackerSync trackerSync() {
        return trackerSync;
    }

    @Override
    public Map<String, Outbox.Handler> deliveries() {
        return Map.of(TrackerSync.FEEDBACK, trackerSync::deliverFeedback);
    }

    @Override
    public List<Job> jobs() {
        if (!trackerSync.enabled()) {
            return List.of();
        }
        Duration refresh = Duration.ofMinutes(Math.max(5, core.config().jira().refresh().toMinutes()));
        return List.of(Job.every("write-back planning", Duration.ZERO, Duration.ofSeconds(5), trackerSync::plan),
                Job.every("wish ticket refresh", Duration.ZERO, refresh, trackerSync::refreshWishTickets));
    }
}
