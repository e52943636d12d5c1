package dev.popcorn;

import dev.popcorn.app.CastBallot;
import dev.popcorn.app.HandInReport;
import dev.popcorn.app.ManagePoll;
import dev.popcorn.app.ManageTeams;
import dev.popcorn.app.OpenRelease;
import dev.popcorn.app.Passes;
import dev.popcorn.app.SignIn;
import dev.popcorn.app.WeekOverview;
import dev.popcorn.cli.PopcornCommand;
import dev.popcorn.config.Config;
import dev.popcorn.demo.DemoWeek;
import dev.popcorn.store.Store;
import dev.popcorn.web.WebApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point and wiring: the only place that creates adapters and connects them to the use
 * cases. {@link #main} runs the command line; {@link #start} runs a server (tests use it too).
 */
public final class Popcorn implements AutoCloseable {

    private final Config config;
    private final Store store;
    private final Javalin web;
    private final Passes passes;

    private Popcorn(Config config, Store store, Javalin web, Passes passes) {
        this.config = config;
        this.store = store;
        this.web = web;
        this.passes = passes;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = PopcornCommand.run(args, System.getenv(), (config, demo, out) -> {
            Popcorn popcorn = start(config, Clock.systemUTC(), demo, out);
            Runtime.getRuntime().addShutdownHook(new Thread(popcorn::close, "popcorn-shutdown"));
            return popcorn.port();
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
            CastBallot ballots = new CastBallot(store.transactions(), store.polls(), store.ballots(), store.participation(), clock);
            ManagePoll managePoll = new ManagePoll(store.transactions(), store.polls(), store.ballots(), store.teams(),
                    store.audit(), clock);
            WeekOverview overview = new WeekOverview(store.releases(), store.reports(), store.polls(), store.ballots(),
                    store.teams(), store.participation(), store.audit(), clock);
            Path photos = config.dataDir().resolve("photos");
            if (demo) {
                new DemoWeek(new DemoWeek.Stores(store.transactions(), store.teams(), store.users(), store.releases(),
                        store.reports(), store.polls(), store.ballots(), store.participation()),
                        openRelease, managePoll, config.calendar(), clock, photos).seed();
            }
            if (!Files.isDirectory(photos)) {
                Files.createDirectories(photos);
            }
            Javalin web = WebApp.create(
                    new WebApp.Services(signIn, overview, reports, ballots, openRelease, managePoll,
                            new ManageTeams(store.transactions(), store.teams(), store.audit(), clock)),
                    new WebApp.Settings(config.calendar().zone(), config.maxBodyBytes(), config.sessionValidity(),
                            config.secureCookies(), photos));
            web.start(config.port());
            Popcorn popcorn = new Popcorn(config, store, web, passes);
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

    public int port() {
        return web.port();
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
        web.stop();
        store.close();
    }
}
