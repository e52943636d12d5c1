package dev.popcorn.capability;

import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.config.Config;
import dev.popcorn.store.Store;
import dev.popcorn.web.ForumLetters;
import dev.popcorn.web.ForumRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forum: signing in through it (DiscourseConnect) and its webhook, the threads Popcorn keeps there for each
 * release, poll and wish, and the private messages to one fan (standing news, reminders before reports close).
 */
public final class ForumCapability implements Capability {

    /** How often the reminders before reports close are planned (a fan's reminder comes at most this late). */
    public static final Duration REMIND_EVERY = Duration.ofSeconds(5);

    private final Core core;
    private final ForumAccounts forumAccounts;
    private final ForumThreads forumThreads;
    private final FanMessages fanMessages;

    public ForumCapability(Core core, IdentityCapability identity, ParticipationCapability participation) {
        this.core = core;
        Config config = core.config();
        Store store = core.store();
        this.forumAccounts = new ForumAccounts(core.connect(), store.signInNonces(), store.users(), identity.signIn(),
                identity.passes(), new ForumAccounts.Settings(() -> core.baseUrl().get() + "/signin/forum/return",
                        config.discourse().nonceValidity(), config.discourse().leadGroups()),
                identity.memberAccounts(),
                // The forum's groups feed the levels granted by hand back in.
                new ForumAccounts.Listeners(config.forumMirror()::handLevelFromGroups,
                        participation.levelOverrides()::forumSays,
                        participation.standingMirror()::signedIn),
                core.clock());
        this.forumThreads = new ForumThreads(core.forum(), new ForumThreads.Stores(store.forumThreads(), store.outbox(),
                store.releases(), store.polls(), store.teams(), store.users(), store.reports(), store.tickets()),
                core.writer(), core.baseUrl(), config.discourse().signIn(), config.calendar().zone(), core.forumKeys(),
                core.clock());
        // Private messages to one fan: standing news (filed by the mirror) and reminders before reports close.
        this.fanMessages = new FanMessages(core.forum(), new FanMessages.Stores(store.reminders(), store.standing(),
                store.users(), store.releases(), store.reports(), store.outbox(), store.transactions()),
                new ForumLetters(participation.standing(), participation.notices(), config.calendar().zone(),
                        core.clock()),
                new FanMessages.Settings(config.forumMessages().standing(), config.forumMessages().reminderLead()),
                core.baseUrl(), config.discourse().signIn(), core.forumKeys(), core.clock());
    }

    public ForumAccounts forumAccounts() {
        return forumAccounts;
    }

    public ForumThreads forumThreads() {
        return forumThreads;
    }

    public FanMessages fanMessages() {
        return fanMessages;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        // Before the fans' pages: /signin/forum must not be read as a personal link's /signin/{token}.
        return List.of(new ForumRoutes(forumAccounts, web.sessions(), core.replays(),
                core.config().discourse().webhookSecret()));
    }

    @Override
    public Map<String, Outbox.Handler> deliveries() {
        return Map.of(ForumThreads.RELEASE, forumThreads::deliverRelease,
                ForumThreads.POLL, forumThreads::deliverPoll,
                ForumThreads.WISH, forumThreads::deliverWish,
                FanMessages.NOTICE, fanMessages::deliverNotice,
                FanMessages.REMINDER, fanMessages::deliverReminder);
    }

    @Override
    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        if (forumThreads.enabled()) {
            jobs.add(Job.every("forum thread planning", Duration.ZERO, Duration.ofSeconds(5), forumThreads::plan));
        }
        if (fanMessages.offersReminders()) {
            // Reminders before reports close, for the fans who asked: once per fan and deadline, on any instance.
            jobs.add(Job.every("forum reminders", Duration.ofSeconds(2), REMIND_EVERY, fanMessages::planReminders));
        }
        if (forumAccounts.enabled()) {
            // Lead rights follow the forum's groups even when a webhook was missed (ADR 0011); idempotent everywhere.
            Duration leadCheck = core.config().discourse().leadCheck();
            jobs.add(Job.every("lead check", leadCheck, leadCheck, forumAccounts::checkLeads));
        }
        return jobs;
    }
}
