package dev.popcorn;

import dev.popcorn.app.Check;
import dev.popcorn.announce.Announcements;
import dev.popcorn.announce.MarkdownTemplates;
import dev.popcorn.announce.Photos;
import dev.popcorn.announce.WinnerCard;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.ChatWebhook;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.award.Tally;
import dev.popcorn.config.AwardConfig;
import dev.popcorn.slack.SlackWebhook;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.identity.Passes;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.cli.PopcornCommand;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.discourse.DiscourseClient;
import dev.popcorn.discourse.DiscourseConnect;
import dev.popcorn.discourse.DiscourseForum;
import dev.popcorn.jenkins.NotificationJson;
import dev.popcorn.jira.JiraTracker;
import dev.popcorn.demo.DemoWeek;
import dev.popcorn.store.Store;
import dev.popcorn.web.WebApp;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point and wiring: the only place that creates adapters and connects them to the use
 * cases. {@link #main} runs the command line; {@link #start} runs a server (tests use it too).
 */
public final class Popcorn implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Popcorn.class);
    /** How often the award schedule looks for polls to open or close, and how long its lease lasts. */
    private static final Duration SCHEDULE_EVERY = Duration.ofSeconds(2);
    private static final Duration SCHEDULE_LEASE = Duration.ofSeconds(30);

    private final Config config;
    private final Store store;
    private final WebApp web;
    private final Passes passes;
    private final ScheduledExecutorService background;
    private final AwardSchedule schedule;

    private Popcorn(Config config, Store store, WebApp web, Passes passes, ScheduledExecutorService background,
            AwardSchedule schedule) {
        this.config = config;
        this.store = store;
        this.web = web;
        this.passes = passes;
        this.background = background;
        this.schedule = schedule;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = PopcornCommand.run(args, System.getenv(), new PopcornCommand.Launcher() {
            @Override
            public int start(Config config, boolean demo, PrintStream out) {
                Popcorn popcorn = Popcorn.start(config, Clock.systemUTC(), demo, out);
                Runtime.getRuntime().addShutdownHook(new Thread(popcorn::close, "popcorn-shutdown"));
                return popcorn.port();
            }

            @Override
            public List<Check> check(Config config) {
                return Popcorn.check(config, Clock.systemUTC());
            }
        });
        if (code != PopcornCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** Opens the database, seeds the demo week if asked, and starts serving on the configured port. */
    public static Popcorn start(Config config, Clock clock, boolean demo, PrintStream out) {
        Store store = Store.open(new Store.Settings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize()));
        try {
            Passes passes = new Passes(config.secret(), clock);
            SignIn signIn = new SignIn(passes, store.users(), config.adminToken(), config.sessionValidity(), clock);
            OpenRelease openRelease = new OpenRelease(store.transactions(), store.releases(), store.polls(), store.teams(),
                    store.audit(), config.calendar(), clock);
            HandInReport reports = new HandInReport(store.transactions(), store.releases(), store.reports(),
                    store.participation(), clock);
            CastBallot ballots = new CastBallot(store.transactions(), store.polls(), store.ballots(), store.participation(),
                    store.users(), store.teams(), config.award().eligibility(), clock);
            // Links written to Jira, the forum and the chat point at the port really listened on (tests ask for port 0).
            AtomicReference<String> baseUrl = new AtomicReference<>(config.baseUrl());
            Path photos = config.dataDir().resolve("photos");
            Tally tally = new Tally(store.ballots(), store.reports(), config.award().tieRule());
            Optional<DiscourseClient> discourse = config.discourse().posting()
                    ? Optional.of(new DiscourseClient(config.discourse(), clock)) : Optional.empty();
            Forum forum = discourse.<Forum>map(client -> new DiscourseForum(client, config.discourse())).orElse(Forum.none());
            Announcements writer = announcementWriter(config, photos, baseUrl::get);
            AnnounceAward announce = announceAward(config, store, tally, writer, forum, baseUrl::get, clock);
            ForumThreads forumThreads = new ForumThreads(forum, new ForumThreads.Stores(store.forumThreads(), store.outbox(),
                    store.releases(), store.polls(), store.teams(), store.users(), store.reports(), store.tickets()),
                    writer, baseUrl::get, config.discourse().signIn(), config.calendar().zone(), clock);
            ForumAccounts forumAccounts = new ForumAccounts(new DiscourseConnect(config.discourse(), discourse),
                    store.signInNonces(), store.users(), passes, new ForumAccounts.Settings(() -> baseUrl.get() + "/signin/forum/return",
                            config.discourse().nonceValidity(), config.sessionValidity(), config.discourse().leadGroups()), clock);
            ManagePoll managePoll = new ManagePoll(new ManagePoll.Stores(store.transactions(), store.polls(), store.awards(),
                    store.teams(), store.outbox(), store.audit()), tally, announce, clock);
            WeekOverview overview = new WeekOverview(store.releases(), store.reports(), store.polls(), tally, store.awards(),
                    store.teams(), store.participation(), store.audit(), clock);
            IssueTracker tracker = JiraTracker.create(config.jira(), clock);
            TrackerSync trackerSync = trackerSync(config, store, tracker, baseUrl::get, clock);
            ShipRelease shipRelease = new ShipRelease(openRelease, trackerSync, store.releases(), store.polls());
            BuildNotices buildNotices = new BuildNotices(config.jenkins().rule(), new NotificationJson(), shipRelease,
                    store.builds(), clock);
            WishTickets wishTickets = new WishTickets(store.transactions(), store.reports(), store.tickets(), store.notices(),
                    store.participation(), store.outbox(), tracker, forum, store.audit(), baseUrl::get, clock);
            String instance = instanceName();
            Outbox outbox = new Outbox(store.outbox(), Map.of(
                    TrackerSync.FEEDBACK, trackerSync::deliverFeedback,
                    WishTickets.FILE, wishTickets::deliverFile,
                    WishTickets.LINK, wishTickets::deliverLink,
                    AnnounceAward.FORUM, announce::deliverForum,
                    AnnounceAward.CHAT, announce::deliverChat,
                    AnnounceAward.RECOGNISE, announce::deliverRecognition,
                    ForumThreads.RELEASE, forumThreads::deliverRelease,
                    ForumThreads.POLL, forumThreads::deliverPoll,
                    ForumThreads.WISH, forumThreads::deliverWish),
                    Set.of(AnnounceAward.CHAT),
                    // One task per claim: its lease (a task makes at most five calls) starts when the task does,
                    // so a long batch can never outlive its lease and a killed instance holds back only one task.
                    new Outbox.Settings(config.jira().maxAttempts(), Duration.ofSeconds(30), Duration.ofHours(1),
                            config.jira().timeout().multipliedBy(6), 1),
                    clock, instance);
            AwardSchedule schedule = new AwardSchedule(store.transactions(), store.polls(), store.leases(), store.audit(),
                    tally, clock, instance, SCHEDULE_LEASE);
            if (!Files.isDirectory(photos)) {
                Files.createDirectories(photos);
            }
            WebApp web = WebApp.create(
                    new WebApp.Services(signIn, overview, reports, ballots, openRelease, managePoll,
                            new ManageTeams(store.transactions(), store.teams(), store.audit(), clock),
                            trackerSync, wishTickets, outbox, announce, forumAccounts, shipRelease, buildNotices),
                    new WebApp.Settings(config.calendar().zone(), config.maxBodyBytes(), config.sessionValidity(),
                            config.secureCookies(), photos, config.jira().webhookSecret(), config.discourse().webhookSecret(),
                            config.jenkins().token(),
                            config.award().ballotsPerMinute(), config.award().ballotsPerMinutePerAddress()));
            web.javalin().start(config.port());
            if (config.port() == 0) {
                baseUrl.set("http://localhost:" + web.javalin().port());
            }
            // Seeded once the port is known: the demo's approved announcement links its photos where they are served.
            if (demo) {
                new DemoWeek(new DemoWeek.Stores(store.transactions(), store.teams(), store.users(), store.releases(),
                        store.reports(), store.polls(), store.ballots(), store.participation()),
                        openRelease, managePoll, config.calendar(), clock, photos).seed();
            }
            // Polls whose time came while no instance ran are opened or closed before anyone asks.
            quietly("award schedule", schedule::run);
            Popcorn popcorn = new Popcorn(config, store, web, passes,
                    runInBackground(trackerSync, forumThreads, outbox, schedule, config),
                    schedule);
            popcorn.greet(out, demo);
            return popcorn;
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Announcements announcementWriter(Config config, Path photos, java.util.function.Supplier<String> baseUrl) {
        Photos pictures = new Photos(photos, baseUrl);
        return new Announcements(new MarkdownTemplates(config.award().templateDir(), config.award().languages()),
                new WinnerCard(pictures), pictures);
    }

    private static AnnounceAward announceAward(Config config, Store store, Tally tally, Announcements writer, Forum forum,
            java.util.function.Supplier<String> baseUrl, Clock clock) {
        AwardConfig award = config.award();
        ChatWebhook chat = award.slackWebhook() == null ? ChatWebhook.none()
                : new SlackWebhook(award.slackWebhook(), award.slackTimeout());
        return new AnnounceAward(new AnnounceAward.Stores(store.polls(), store.outbox(), store.releases(), store.teams(),
                store.users(), store.forumThreads()), tally, writer, new AnnounceAward.Channels(forum, chat),
                config.calendar().zone(), baseUrl, clock);
    }

    private static TrackerSync trackerSync(Config config, Store store, IssueTracker tracker,
            java.util.function.Supplier<String> baseUrl, Clock clock) {
        JiraConfig jira = config.jira();
        return new TrackerSync(tracker, store.releases(), store.reports(), store.tickets(), store.outbox(),
                new TrackerSync.Settings(baseUrl, jira.teams(), jira.labels(), jira.refresh(), jira.comments(),
                        jira.wishJql()), clock);
    }

    /**
     * {@code popcorn check}: the connections as configured (Jira, the forum), tried from here,
     * without starting a server. The latest release's query is tried when the database can be read; an embedded
     * database held by a running server is not needed for the rest.
     */
    public static List<Check> check(Config config, Clock clock) {
        List<Check> checks = new java.util.ArrayList<>(trackerChecks(config, clock));
        if (config.discourse().posting()) {
            checks.addAll(new DiscourseForum(new DiscourseClient(config.discourse(), clock), config.discourse()).check());
        } else if (config.discourse().signIn()) {
            checks.add(new Check("check.forum.connect", true, List.of()));
        }
        // Jenkins calls Popcorn, not the other way round: what is checked is the rule it will meet.
        checks.add(config.jenkins().enabled()
                ? new Check("check.jenkins.webhook", true, List.of(config.baseUrl() + "/api/v1/hooks/jenkins",
                        config.jenkins().rule().toString()))
                : new Check("check.jenkins.off", true, List.of()));
        return checks;
    }

    private static List<Check> trackerChecks(Config config, Clock clock) {
        IssueTracker tracker = JiraTracker.create(config.jira(), clock);
        Store store;
        try {
            store = Store.open(new Store.Settings(config.dbUrl(), config.dbUser(), config.dbPassword(), 2));
        } catch (RuntimeException e) {
            LOG.info("the database is not readable from here ({}); checking without the latest release", e.getMessage());
            return tracker.check(java.util.Optional.empty());
        }
        try (store) {
            return trackerSync(config, store, tracker, config::baseUrl, clock).check();
        }
    }

    /**
     * The work no request starts: opening and closing award polls on time, delivering the outbox
     * every second, with a forum planning its threads every few seconds, and with Jira planning
     * write-backs every few seconds and refreshing the tickets wishes are matched against. Every run is safe on several instances at once (the schedule
     * holds a lease, the outbox leases its tasks); a failure is logged and tried next time.
     */
    private static ScheduledExecutorService runInBackground(TrackerSync sync, ForumThreads forum, Outbox outbox,
            AwardSchedule schedule, Config config) {
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
        if (forum.enabled()) {
            background.scheduleWithFixedDelay(() -> quietly("forum thread planning", forum::plan), 0, 5, TimeUnit.SECONDS);
        }
        if (!sync.enabled()) {
            return background;
        }
        background.scheduleWithFixedDelay(() -> quietly("write-back planning", sync::plan), 0, 5, TimeUnit.SECONDS);
        long refresh = Math.max(5, config.jira().refresh().toMinutes());
        background.scheduleWithFixedDelay(() -> quietly("wish ticket refresh", sync::refreshWishTickets), 0, refresh,
                TimeUnit.MINUTES);
        return background;
    }

    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, will try again: {}", what, e.getMessage());
        }
    }

    /** Names this instance in outbox leases: host, process and a random part, so restarts are told apart. */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
        return name.length() > 80 ? name.substring(name.length() - 80) : name;
    }

    public int port() {
        return web.javalin().port();
    }

    /** Every route this server answers, with who may call it. */
    public List<WebApp.Route> routes() {
        return web.routes();
    }

    /** The base URL with the port the server really listens on (it differs when port 0 was asked for). */
    public String baseUrl() {
        return config.port() == 0 ? "http://localhost:" + port() : config.baseUrl();
    }

    /** A personal sign-in link, as {@code popcorn link} prints it. */
    public String link(String userId, String name, Passes.Role role) {
        return baseUrl() + "/signin/" + passes.issue(userId, name, role, config.linkValidity());
    }

    private void greet(PrintStream out, boolean demo) {
        out.println("Popcorn is serving " + baseUrl() + " (" + config + ")");
        if (demo) {
            out.println();
            out.println("Demo week ready. Open a link to sign in as a demo user (links are valid "
                    + config.linkValidity().toDays() + " days):");
            for (String[] user : DemoWeek.SHOWCASE_USERS) {
                out.println("  " + user[1] + ": " + link(user[0], user[1], Passes.Role.USER));
            }
            out.println("  Team lead (review and approve): " + link("lead", "Lead", Passes.Role.LEAD));
        }
        out.println("Leads can also sign in at " + baseUrl() + "/lead/signin with the admin token ("
                + (Files.exists(config.adminTokenFile()) ? "in " + config.adminTokenFile() : "security.admin-token") + ").");
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quietly("giving up the schedule lease", schedule::stop);
        web.javalin().stop();
        store.close();
    }
}
