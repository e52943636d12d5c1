package dev.popcorn;

import dev.popcorn.app.Check;
import dev.popcorn.app.identity.Passes;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.capability.TrackerCapability;
import dev.popcorn.cli.PopcornCommand;
import dev.popcorn.config.Config;
import dev.popcorn.config.ConfigException;
import dev.popcorn.demo.DemoWeek;
import dev.popcorn.discourse.DiscourseClient;
import dev.popcorn.discourse.DiscourseForum;
import dev.popcorn.jira.JiraTracker;
import dev.popcorn.store.Store;
import dev.popcorn.watch.Logs;
import dev.popcorn.watch.RequestMeter;
import dev.popcorn.watch.StoreGauges;
import dev.popcorn.watch.Telemetry;
import dev.popcorn.watch.WritesMeter;
import dev.popcorn.web.WebApp;
import dev.popcorn.web.WebKit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point and a server's life: {@link #main} runs the command line; {@link #start} opens
 * the store, has {@link Wiring} build the parts, serves them, seeds the demo if asked and starts
 * the {@link Background} work (tests start servers the same way); {@link #close} stops it all.
 */
public final class Popcorn implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Popcorn.class);

    private final Config config;
    private final Store store;
    private final WebApp web;
    private final Wiring.Parts parts;
    private final Background background;
    private final Telemetry telemetry;

    private Popcorn(Config config, Store store, WebApp web, Wiring.Parts parts, Background background,
            Telemetry telemetry) {
        this.config = config;
        this.store = store;
        this.web = web;
        this.parts = parts;
        this.background = background;
        this.telemetry = telemetry;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = PopcornCommand.run(args, System.getenv(), new PopcornCommand.Launcher() {
            @Override
            public int start(Config config, boolean demo, PrintStream out) {
                Popcorn popcorn;
                try {
                    popcorn = Popcorn.start(config, Clock.systemUTC(), demo, out);
                } catch (Store.NewerSchema e) {
                    // The configured database is not this build's to serve: said as a configuration error (exit 2).
                    throw new ConfigException("db.url: " + e.getMessage());
                }
                Runtime.getRuntime().addShutdownHook(new Thread(popcorn::close, "popcorn-shutdown"));
                return popcorn.port();
            }

            @Override
            public List<Check> check(Config config) {
                return Popcorn.check(config, Clock.systemUTC());
            }

            @Override
            public List<Check> check(Config config, List<Check> trackerFromServer) {
                return Popcorn.check(config, Clock.systemUTC(), trackerFromServer);
            }
        });
        if (code != PopcornCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** Opens the database, seeds the demo week if asked, and starts serving on the configured port. */
    public static Popcorn start(Config config, Clock clock, boolean demo, PrintStream out) {
        // Before the server writes a line of its own: a log shipper reads every one of them as JSON.
        Logs.use(config.watch().logFormat());
        try {
            // Before the embedded database makes its first file there: private from the start, not a moment later.
            ownerOnly(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Store store = Store
                .open(new Store.Settings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize()));
        Telemetry telemetry = new Telemetry();
        Wiring.Parts parts = null;
        try {
            store.meterPool(telemetry.registry());
            new StoreGauges(store.readings(), Wiring::outboxTarget, clock).bindTo(telemetry.registry());
            ownerOnly(config.dataDir()); // and the database's own files, now that they exist
            // Links written to Jira, the forum and the chat point at the port really listened on (tests ask for port 0).
            AtomicReference<String> baseUrl = new AtomicReference<>(config.baseUrl());
            WritesMeter writesMeter = new WritesMeter(telemetry.registry());
            parts = Wiring.wire(config, store, clock, baseUrl::get, Background.instanceName(), writesMeter);
            writesMeter.watchQueue(telemetry.registry(), parts.core().writes()::waiting);
            WebKit kit = WebKit.of(parts.identity().signIn(), parts.participation().notices(),
                    config.levels().ladder(), parts.forum().forumAccounts().enabled(),
                    new WebApp.Settings(config.calendar(), config.maxBodyBytes(),
                            config.sessionValidity(), config.apiValidity(), config.secureCookies(),
                            parts.core().photos(),
                            config.jira().webhookSecret(), config.discourse().webhookSecret(), config.jenkins().token(),
                            config.award().ballotsPerMinute(), config.award().ballotsPerMinutePerAddress(),
                            baseUrl::get,
                            config.trustedProxies()));
            WebApp web = WebApp.create(kit, parts.routes(kit), new WebApp.Watch(config.watch().metricsToken(),
                    telemetry::scrape, new RequestMeter(telemetry.registry())::answered));
            web.javalin().start(config.port());
            telemetry.watch(web.javalin().jettyServer().server());
            if (config.port() == 0 && config.baseUrl().equals("http://localhost:0")) {
                // Links point at the port really listened on, unless server.base-url names the public address.
                baseUrl.set("http://localhost:" + web.javalin().port());
            }
            // Seeded once the port is known: the demo's approved announcement links its photos where they are served.
            if (demo) {
                new DemoWeek(new DemoWeek.Stores(store.transactions(), store.teams(), store.users(), store.releases(),
                        store.reports(), store.polls(), store.ballots(), store.participation(), store.funnel()),
                        parts.release().openRelease(), parts.award().managePoll(), parts.feedback().reports(),
                        parts.participation().standingReviews(), parts.participation().levelOverrides(),
                        config.calendar(), clock, parts.core().photos()).seed();
            }
            parts.started();
            Popcorn popcorn = new Popcorn(config, store, web, parts, Background.start(parts.jobs()), telemetry);
            popcorn.greet(out, demo);
            // The same news for a log shipper, which does not read the console's greeting (the secrets left out).
            LOG.info("serving {} ({})", popcorn.baseUrl(), config);
            return popcorn;
        } catch (IOException e) {
            stopAfterFailedStart(store, parts, telemetry);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopAfterFailedStart(store, parts, telemetry);
            throw e;
        }
    }

    private static void stopAfterFailedStart(Store store, Wiring.Parts parts, Telemetry telemetry) {
        if (parts != null) {
            parts.core().writes().close();
            parts.stop();
        }
        telemetry.close();
        store.close();
    }

    /**
     * The data folder holds the embedded database, the generated secrets and the photos: readable
     * by the account Popcorn runs as and nobody else (the folder 0700, the database and secret files 0600), whatever
     * the umask made of them. Not a POSIX file system: left as it is.
     */
    static void ownerOnly(Path dataDir) throws IOException {
        Config.privateFolder(dataDir);
        if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(dataDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // Only Popcorn's own files: the embedded database and what it generated there.
                String name = file.getFileName().toString();
                boolean ours = name.startsWith("popcorn.") && name.endsWith(".db")
                        || List.of("secret", "admin-token", "installation-id").contains(name);
                if (ours && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    /**
     * {@code popcorn check}: the connections as configured (Jira, the forum), tried from here,
     * without starting a server. The latest release's query is tried when the database can be read; an embedded
     * database held by a running server is not needed for the rest.
     */
    public static List<Check> check(Config config, Clock clock) {
        return check(config, clock, null);
    }

    /** The same, with the tracker's lines as a running server gave them ({@code null}: check the tracker from here). */
    public static List<Check> check(Config config, Clock clock, List<Check> trackerFromServer) {
        List<Check> checks = new java.util.ArrayList<>(
                trackerFromServer != null ? trackerFromServer : trackerChecks(config, clock));
        if (config.discourse().posting()) {
            checks.addAll(
                    new DiscourseForum(new DiscourseClient(config.discourse(), clock), config.discourse()).check());
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
        IssueTracker tracker = JiraTracker.create(config.jira(), config.installationId(), clock);
        Store store;
        try {
            store = Store.open(new Store.Settings(config.dbUrl(), config.dbUser(), config.dbPassword(), 2));
        } catch (RuntimeException e) {
            LOG.info("the database is not readable from here ({}); checking without the latest release",
                    e.getMessage());
            return tracker.check(java.util.Optional.empty());
        }
        try (store) {
            return TrackerCapability.trackerSync(config.jira(), store, tracker, config::baseUrl, clock).check();
        }
    }

    public int port() {
        return web.javalin().port();
    }

    /** Where users stand (levels and their rights), for tests that set a user's level the way a lead does. */
    dev.popcorn.app.participation.Standing standing() {
        return parts.participation().standing();
    }

    /** A lead's lock on a user's level, for tests that set a user's level the way a lead does. */
    dev.popcorn.app.participation.LevelOverrides levelOverrides() {
        return parts.participation().levelOverrides();
    }

    /** The database, for tests that set up what a user's sign-in would have written. */
    Store store() {
        return store;
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
        return baseUrl() + "/signin/"
                + parts.identity().passes().issue(Passes.Kind.LINK, userId, name, role, config.linkValidity());
    }

    private void greet(PrintStream out, boolean demo) {
        dev.popcorn.app.participation.Standing standing = parts.participation().standing();
        out.println("Popcorn is serving " + baseUrl() + " (" + config + ")");
        if (demo) {
            out.println();
            out.println("Demo week ready. Open a link to sign in as a demo user (links are valid "
                    + config.linkValidity().toDays() + " days):");
            for (String[] user : DemoWeek.SHOWCASE_USERS) {
                out.println("  " + user[1] + ": " + link(user[0], user[1], Passes.Role.USER));
            }
            out.println("  Team lead (review and approve): " + link("lead", "Lead", Passes.Role.LEAD));
            out.println("Fans with a history of earlier weeks (their page, and the card they share):");
            for (String[] user : DemoWeek.SEASONED_USERS) {
                String name = standing.name(user[0]).orElse(user[0]);
                out.println("  " + name + ", " + user[1] + ": " + link(user[0], name, Passes.Role.USER));
                out.println("    card: " + baseUrl() + "/fans/" + user[0] + "/share");
            }
        }
        out.println("Leads can also sign in at " + baseUrl() + "/lead/signin with the admin token ("
                + (Files.exists(config.adminTokenFile()) ? "in " + config.adminTokenFile() : "security.admin-token")
                + ").");
        if (config.jira().enabled() && config.jira().webhookSecret().isBlank()) {
            out.println("The Jira webhook is off until jira.webhook-secret is set (and the same secret in the Jira"
                    + " webhook): done tickets do not reach their wishes' supporters meanwhile.");
        }
    }

    @Override
    public void close() {
        background.close();
        web.javalin().stop();
        // What is queued is still written (and answered, where anyone still listens) before the store closes.
        parts.core().writes().close();
        // Then what the capabilities hold is given back (the schedule's lease, so another instance goes on at once).
        parts.stop();
        store.close();
        telemetry.close();
    }
}
