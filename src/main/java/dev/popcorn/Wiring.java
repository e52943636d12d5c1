package dev.popcorn;

import dev.popcorn.app.GroupCommitWatch;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.capability.AwardCapability;
import dev.popcorn.capability.BackupCapability;
import dev.popcorn.capability.Capability;
import dev.popcorn.capability.Core;
import dev.popcorn.capability.DeskCapability;
import dev.popcorn.capability.FeedbackCapability;
import dev.popcorn.capability.ForgetCapability;
import dev.popcorn.capability.ForumCapability;
import dev.popcorn.capability.HomeCapability;
import dev.popcorn.capability.IdentityCapability;
import dev.popcorn.capability.Job;
import dev.popcorn.capability.ParticipationCapability;
import dev.popcorn.capability.ReleaseCapability;
import dev.popcorn.capability.TeamCapability;
import dev.popcorn.capability.TrackerCapability;
import dev.popcorn.capability.WeekCapability;
import dev.popcorn.config.Config;
import dev.popcorn.store.Store;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wiring: the capabilities (ADR 0033), each built on the {@link Core} and the capabilities before it, in the order
 * their routes are matched; then the one outbox that delivers every capability's tasks. Adding a capability is one
 * line in {@link #wire}.
 */
final class Wiring {

    /**
     * Everything built: the shared core, the capabilities in order, the outbox, and the few capabilities the server's
     * life asks for by name (signing in, the demo, the greeting).
     */
    record Parts(Core core, List<Capability> capabilities, Outbox outbox, IdentityCapability identity,
            ParticipationCapability participation, ForumCapability forum, ReleaseCapability release,
            FeedbackCapability feedback, AwardCapability award) {

        /** The route classes of every capability, in the order they are matched. */
        List<EndpointGroup> routes(WebKit web) {
            List<EndpointGroup> routes = new ArrayList<>();
            capabilities.forEach(capability -> routes.addAll(capability.routes(web)));
            return routes;
        }

        /** The work no request starts: the outbox's delivery and every capability's jobs. */
        List<Job> jobs() {
            List<Job> jobs = new ArrayList<>();
            // Keep going while tasks are due; the clients pace their requests.
            jobs.add(Job.every("outbox", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
                while (outbox.deliverDue() > 0) {
                    // the next batch
                }
            }));
            capabilities.forEach(capability -> jobs.addAll(capability.jobs()));
            return jobs;
        }

        /** Once the server listens: each capability's first work, a failure logged and left to its job. */
        void started() {
            capabilities.forEach(capability -> Background.quietly(capability.getClass().getSimpleName() + " starting",
                    capability::started));
        }

        /** The capabilities stop, the last built first. */
        void stop() {
            for (int i = capabilities.size() - 1; i >= 0; i--) {
                Background.quietly(capabilities.get(i).getClass().getSimpleName() + " stopping",
                        capabilities.get(i)::stop);
            }
        }
    }

    private Wiring() {
    }

    /**
     * Builds the capabilities on {@code store}. {@code baseUrl} is read when a link is written, so links point at the
     * port really listened on (tests ask for port 0); {@code instance} names this instance in leases; {@code watch}
     * is told of the group commit's batches.
     */
    static Parts wire(Config config, Store store, Clock clock, Supplier<String> baseUrl, String instance,
            GroupCommitWatch watch) {
        Core core = new Core(config, store, clock, baseUrl, instance, watch);
        List<Capability> all = new ArrayList<>();
        IdentityCapability identity = add(all, new IdentityCapability(core));
        ParticipationCapability participation = add(all, new ParticipationCapability(core, identity));
        ForumCapability forum = add(all, new ForumCapability(core, identity, participation));
        add(all, new ForgetCapability(core, identity, participation));
        WeekCapability week = add(all, new WeekCapability(core));
        TrackerCapability tracker = add(all, new TrackerCapability(core));
        ReleaseCapability release = add(all, new ReleaseCapability(core, tracker));
        FeedbackCapability feedback = add(all, new FeedbackCapability(core, identity, participation, week, tracker,
                release));
        AwardCapability award = add(all, new AwardCapability(core, participation, week));
        add(all, new TeamCapability(core, week));
        add(all, new HomeCapability(identity, participation, forum, week, feedback, award));
        add(all, new DeskCapability(core, identity, participation, week, tracker, release, feedback, award));
        add(all, new BackupCapability(core));
        return new Parts(core, List.copyOf(all), outbox(core, all), identity, participation, forum, release, feedback,
                award);
    }

    private static <C extends Capability> C add(List<Capability> all, C capability) {
        all.add(capability);
        return capability;
    }

    /** The one outbox, delivering the tasks of every capability; a kind two capabilities claim stops the start. */
    private static Outbox outbox(Core core, List<Capability> all) {
        Map<String, Outbox.Handler> handlers = new HashMap<>();
        Set<String> unrepeatable = new HashSet<>();
        for (Capability capability : all) {
            capability.deliveries().forEach((kind, handler) -> {
                if (handlers.putIfAbsent(kind, handler) != null) {
                    throw new IllegalStateException("two capabilities deliver outbox tasks of kind " + kind);
                }
            });
            unrepeatable.addAll(capability.unrepeatable());
        }
        // One task per claim: its lease (a task makes at most five calls) starts when the task does, so a long batch
        // can never outlive its lease and a killed instance holds back only one task.
        return new Outbox(core.store().outbox(), handlers, unrepeatable,
                new Outbox.Settings(core.config().jira().maxAttempts(), Duration.ofSeconds(30), Duration.ofHours(1),
                        outboxLease(core.config()), 1),
                core.clock(), core.instance());
    }

    /**
     * How long an instance holds an outbox task it claimed: six times the longest timeout of the systems configured
     * for its tasks to write to (a task makes at most five calls). Jira's alone was the measure; a forum slower than
     * Jira could then outlive its task's lease, and another instance would take the task and post it a second time
     * (ADR 0031).
     */
    static Duration outboxLease(Config config) {
        Duration longest = config.jira().timeout();
        if (config.discourse().posting() && config.discourse().timeout().compareTo(longest) > 0) {
            longest = config.discourse().timeout();
        }
        if (config.award().slackWebhook() != null && config.award().slackTimeout().compareTo(longest) > 0) {
            longest = config.award().slackTimeout();
        }
        return longest.multipliedBy(6);
    }

    /**
     * The system an outbox task of {@code kind} writes to, as the metrics name it (ADR 0029): the tracker's tasks go
     * to Jira, the award's chat message to the Slack-compatible webhook, everything else to the forum.
     */
    static String outboxTarget(String kind) {
        if (kind.startsWith("tracker.")) {
            return "jira";
        }
        return kind.equals(AnnounceAward.CHAT) ? "slack" : "forum";
    }
}
