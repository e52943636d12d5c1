package dev.popcorn;

import dev.popcorn.announce.Announcements;
import dev.popcorn.announce.FanCard;
import dev.popcorn.announce.MarkdownTemplates;
import dev.popcorn.announce.PhotoFetcher;
import dev.popcorn.announce.Photos;
import dev.popcorn.announce.WinnerCard;
import dev.popcorn.app.Replays;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.RecogniseWinners;
import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.ChatWebhook;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.award.Winners;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.forum.StandingMirror;
import dev.popcorn.app.identity.ForgetUser;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.identity.Passes;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.app.participation.StandingReviews;
import dev.popcorn.web.ForumLetters;
import dev.popcorn.web.StandingCardFacts;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.week.LeadGlance;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.config.AwardConfig;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.discourse.DiscourseClient;
import dev.popcorn.discourse.DiscourseConnect;
import dev.popcorn.discourse.DiscourseForum;
import dev.popcorn.jenkins.NotificationJson;
import dev.popcorn.jira.JiraTracker;
import dev.popcorn.slack.SlackWebhook;
import dev.popcorn.store.Store;
import dev.popcorn.web.WebApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.participation.LaterReviews;
import dev.popcorn.config.WritesConfig;

/**
 * Wiring: the one place that creates the adapters (Jira, the forum, the chat webhook, the
 * writers) and connects them and the store to the use cases. What it builds is handed on as
 * {@link Parts}: the use cases the web layer drives, and the work the background runs.
 */
final class Wiring {

    /** How long the award schedule's lease lasts; it is renewed on every run. */
    static final Duration SCHEDULE_LEASE = Duration.ofSeconds(30);

    /**
     * Everything built: the web layer's use cases, the background's, the photo fetcher (started and
     * stopped with the server), and what the demo seeds with.
     */
    record Parts(WebApp.Services services, Outbox outbox, AwardSchedule schedule, TrackerSync trackerSync,
            ForumThreads forumThreads, Passes passes, Path photos, PhotoFetcher photoFetcher, MemberAccounts memberAccounts) {
    }

    private Wiring() {
    }

    /**
     * Builds the parts on {@code store}. {@code baseUrl} is read when a link is written, so links
     * point at the port really listened on (tests ask for port 0); {@code instance} names this
     * instance in leases.
     */
    static Parts wire(Config config, Store store, Clock clock, Supplier<String> baseUrl, String instance) {
        Passes passes = new Passes(config.secret(), clock);
        SignIn signIn = new SignIn(passes, store.users(), store.transactions(), store.audit(),
                new SignIn.Settings(config.adminToken(), config.jenkins().token(), config.sessionValidity(),
                        config.apiValidity()), clock);
        OpenRelease openRelease = new OpenRelease(store.transactions(), store.releases(), store.polls(), store.teams(),
                store.audit(), config.calendar(), clock);
        Optional<DiscourseClient> discourse = config.discourse().posting()
                ? Optional.of(new DiscourseClient(config.discourse(), clock)) : Optional.empty();
        Forum forum = discourse.<Forum>map(client -> new DiscourseForum(client, config.discourse())).orElse(Forum.none());
        DiscourseConnect identity = new DiscourseConnect(config.discourse(), discourse);
        MemberAccounts memberAccounts = new MemberAccounts(identity, store.forumAccounts(), store.teams(), store.users(),
                discourse.isPresent(), clock);
        // Levels and badges mirrored to the forum: the standing calls standingMirror in its transactions.
        StandingMirror standingMirror = new StandingMirror(forum, config.forumMirror(), store.forumLevels(), store.users(),
                store.outbox(), config.forumMessages().standing(), clock);
        Standing standing = new Standing(store.standing(), config.levels().ladder(), config.levels().streak(),
                config.calendar().zone(), memberAccounts::memberNamesOf, clock);
        Levels levels = new Levels(store.standing(), store.participation(), store.transactions(), store.audit(),
                config.levels().ladder(), config.calendar().zone(), standingMirror, clock);
        StandingNotices standingNotices = new StandingNotices(store.standing(), standingMirror, clock);
        StandingReviews standingReviews = new StandingReviews(standing, levels, standingNotices, store.standing(),
                store.participation(), config.points(), store.transactions(), store.audit(), standingMirror, clock);
        LevelOverrides levelOverrides = new LevelOverrides(standingReviews, levels, standingNotices, store.standing(),
                store.transactions(), store.audit(), standingMirror, clock);
        Ledger ledger = new Ledger(store.participation(), store.transactions(), store.audit(), config.points(),
                config.calendar(), clock, standingReviews);
        HandInReport reports = new HandInReport(store.transactions(), store.releases(), store.reports(), store.tickets(),
                ledger, levels, store.audit(), clock);
        CastBallot ballots = new CastBallot(store.transactions(), store.polls(), store.ballots(), ledger, levels,
                store.users(), store.teams(), store.forumAccounts(), config.award().eligibility(), clock);
        ForumKeys forumKeys = new ForumKeys(config.installationId());
        Path photos = config.dataDir().resolve("photos");
        Tally tally = new Tally(store.ballots(), store.reports(), config.award().tieRule());
        Photos pictures = new Photos(photos, baseUrl);
        PhotoFetcher photoFetcher = new PhotoFetcher(pictures, config.photos().allowedHosts(),
                PhotoFetcher.Limits.DEFAULT, clock);
        Announcements writer = new Announcements(new MarkdownTemplates(config.award().templateDir(),
                config.award().languages()), new WinnerCard(pictures), pictures);
        AnnounceAward announce = announceAward(config, store, tally, writer, forum, baseUrl, forumKeys, clock);
        ForumThreads forumThreads = new ForumThreads(forum, new ForumThreads.Stores(store.forumThreads(), store.outbox(),
                store.releases(), store.polls(), store.teams(), store.users(), store.reports(), store.tickets()),
                writer, baseUrl, config.discourse().signIn(), config.calendar().zone(), forumKeys, clock);
        // Private messages to one fan: standing news (filed by the mirror) and reminders before reports close.
        FanMessages fanMessages = new FanMessages(forum, new FanMessages.Stores(store.reminders(), store.standing(),
                store.users(), store.releases(), store.reports(), store.outbox(), store.transactions()),
                new ForumLetters(standing, standingNotices, config.calendar().zone(), clock),
                new FanMessages.Settings(config.forumMessages().standing(), config.forumMessages().reminderLead()), baseUrl,
                config.discourse().signIn(), forumKeys, clock);
        ForumAccounts forumAccounts = new ForumAccounts(identity, store.signInNonces(), store.users(), signIn, passes,
                new ForumAccounts.Settings(() -> baseUrl.get() + "/signin/forum/return", config.discourse().nonceValidity(),
                        config.discourse().leadGroups()), memberAccounts,
                // The forum's groups feed the levels granted by hand back in.
                new ForumAccounts.Listeners(config.forumMirror()::handLevelFromGroups, levelOverrides::forumSays,
                        standingMirror::signedIn),
                clock);
        ManagePoll managePoll = new ManagePoll(new ManagePoll.Stores(store.transactions(), store.polls(), store.awards(),
                store.teams(), store.outbox(), store.audit()), tally, announce, clock);
        Nominations nominations = new Nominations(new Nominations.Stores(store.transactions(), store.nominations(),
                store.polls(), store.teams(), store.audit()), managePoll, levels, Nominations.DEFAULT_LIMIT, clock);
        WeekOverview overview = new WeekOverview(store.releases(), store.reports(), store.polls(), tally, store.teams(),
                store.audit(), clock);
        IssueTracker tracker = JiraTracker.create(config.jira(), config.installationId(), clock);
        TrackerSync trackerSync = trackerSync(config, store, tracker, baseUrl, clock);
        ShipRelease shipRelease = new ShipRelease(openRelease, trackerSync, store.releases(), store.polls(), store.audit(),
                clock);
        Replays replays = new Replays(store.webhookDeliveries(), clock);
        BuildNotices buildNotices = new BuildNotices(config.jenkins().rule(), new NotificationJson(), shipRelease,
                store.builds(), replays, clock);
        WishTickets wishTickets = new WishTickets(store.transactions(), store.reports(), store.tickets(), store.notices(),
                ledger, store.outbox(), tracker, forum, store.audit(), baseUrl, clock);
        Outbox outbox = new Outbox(store.outbox(), Map.ofEntries(
                Map.entry(TrackerSync.FEEDBACK, trackerSync::deliverFeedback),
                Map.entry(WishTickets.FILE, wishTickets::deliverFile),
                Map.entry(WishTickets.LINK, wishTickets::deliverLink),
                Map.entry(WishTickets.READ, wishTickets::deliverRead),
                Map.entry(AnnounceAward.FORUM, announce::deliverForum),
                Map.entry(AnnounceAward.CHAT, announce::deliverChat),
                Map.entry(RecogniseWinners.RECOGNISE, announce.recognition()::deliverRecognition),
                Map.entry(RecogniseWinners.BADGE, announce.recognition()::deliverBadge),
                Map.entry(RecogniseWinners.GROUP, announce.recognition()::deliverGroup),
                Map.entry(ForumThreads.RELEASE, forumThreads::deliverRelease),
                Map.entry(ForumThreads.POLL, forumThreads::deliverPoll),
                Map.entry(ForumThreads.WISH, forumThreads::deliverWish),
                Map.entry(StandingMirror.LEVEL, standingMirror::deliverLevel),
                Map.entry(StandingMirror.BADGE, standingMirror::deliverBadge),
                Map.entry(StandingMirror.FAREWELL, standingMirror::deliverFarewell),
                Map.entry(FanMessages.NOTICE, fanMessages::deliverNotice),
                Map.entry(FanMessages.REMINDER, fanMessages::deliverReminder)),
                Set.of(AnnounceAward.CHAT),
                // One task per claim: its lease (a task makes at most five calls) starts when the task does,
                // so a long batch can never outlive its lease and a killed instance holds back only one task.
                new Outbox.Settings(config.jira().maxAttempts(), Duration.ofSeconds(30), Duration.ofHours(1),
                        outboxLease(config), 1),
                clock, instance);
        AwardSchedule schedule = new AwardSchedule(store.transactions(), store.polls(), store.leases(), store.audit(),
                tally, clock, instance, SCHEDULE_LEASE);
        return new Parts(new WebApp.Services(signIn, overview,
                new LeadGlance(store.releases(), store.reports(), store.polls(), tally, clock),
                new Winners(store.polls(), store.releases(), store.awards(), store.teams(), tally), reports, ballots, openRelease, managePoll,
                new ManageTeams(store.transactions(), store.teams(), store.audit(), photoFetcher, clock), trackerSync,
                wishTickets, outbox, announce, forumAccounts, shipRelease, buildNotices,
                replays, memberAccounts, ledger, standing, levels, standingReviews, levelOverrides, standingNotices,
                new FanCards(new StandingCardFacts(standing), new FanCard(), baseUrl),
                leaderboards(config, store, clock),
                new dev.popcorn.app.week.WeekParticipation(store.funnel(), store.reports(), store.participation(),
                        store.polls(), store.ballots(), clock), nominations, fanMessages,
                new dev.popcorn.app.participation.People(store.users()),
                new ForgetUser(store.forget(), store.users(), store.transactions(), store.audit(), signIn,
                        standingMirror::forgotten, clock), store.backups(clock)), outbox, schedule, trackerSync,
                forumThreads, passes, photos, photoFetcher, memberAccounts);
    }

    /**
     * How long an instance holds an outbox task it claimed: six times the longest timeout of the systems configured
     * for its tasks to write to (a task makes at most five calls). Jira's alone was the measure; a forum slower than Jira could then
     * outlive its task's lease, and another instance would take the task and post it a second time (ADR 0031).
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

    /** The write path under a surge, closed before the store: the group commit, then the reviews it hands on. */
    record Writes(GroupCommit writer, LaterReviews reviews) implements AutoCloseable {
        @Override
        public void close() {
            writer.close();
            reviews.close();
        }
    }

    /**
     * From now on ballots and reports go through one group commit (ADR 0020), and the reviews of standing
     * their new grants ask for are done by a reviewer of their own, {@code writes.reviews-per-second}.
     */
    static Writes writeThrough(Config config, Store store, Parts parts, Clock clock, GroupCommit.Watch watch) {
        WritesConfig writes = config.writes();
        GroupCommit writer = new GroupCommit(store.transactions(),
                new GroupCommit.Settings(writes.batchSize(), writes.linger(), writes.queue()), watch);
        // The reviews yield while writes wait for their batch: a surge goes first.
        LaterReviews reviews = new LaterReviews(parts.services().standingReviews(), writes.reviewsPerSecond(),
                () -> writer.waiting() > 0, clock);
        parts.services().ledger().reviewLater(reviews);
        parts.services().ballots().writeThrough(writer);
        parts.services().reports().writeThrough(writer);
        return new Writes(writer, reviews);
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

    /** The leaderboards, leaving off the configured forum groups and (by default) the leads. */
    private static Leaderboards leaderboards(Config config, Store store, Clock clock) {
        return new Leaderboards(store.leaderboards(), new LeaderboardStore.Exclusions(
                config.leaderboards().excludedGroups(), config.leaderboards().excludeLeads()),
                config.levels().ladder(), config.calendar(), clock, java.time.Duration.ofSeconds(30));
    }

    private static AnnounceAward announceAward(Config config, Store store, Tally tally, Announcements writer, Forum forum,
            Supplier<String> baseUrl, ForumKeys keys, Clock clock) {
        AwardConfig award = config.award();
        ChatWebhook chat = award.slackWebhook() == null ? ChatWebhook.none()
                : new SlackWebhook(award.slackWebhook(), award.slackTimeout(), clock);
        return new AnnounceAward(new AnnounceAward.Stores(store.polls(), store.outbox(), store.releases(), store.teams(),
                store.users(), store.forumThreads(), store.forumAccounts()), tally, writer,
                new AnnounceAward.Channels(forum, chat), config.calendar().zone(), baseUrl, keys, clock);
    }

    static TrackerSync trackerSync(Config config, Store store, IssueTracker tracker,
            Supplier<String> baseUrl, Clock clock) {
        JiraConfig jira = config.jira();
        return new TrackerSync(tracker, store.releases(), store.reports(), store.tickets(), store.outbox(),
                store.ticketWrites(), new TrackerSync.Settings(baseUrl, jira.teams(), jira.labels(), jira.refresh(), jira.comments(),
                        jira.wishJql()), clock);
    }

}
