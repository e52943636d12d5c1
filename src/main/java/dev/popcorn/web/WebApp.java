package dev.popcorn.web;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.week.WeekOverview;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** Popcorn over HTTP: the pages, the JSON API, static assets and error answers, on Javalin. */
public final class WebApp {

    /** The use cases the web layer drives. */
    public record Services(SignIn signIn, WeekOverview overview, HandInReport reports, CastBallot ballots,
            OpenRelease openRelease, ManagePoll managePoll, ManageTeams manageTeams, TrackerSync trackerSync,
            WishTickets wishTickets, Outbox outbox, AnnounceAward announce, ForumAccounts forumAccounts,
            ForumThreads forumThreads, ShipRelease shipRelease, BuildNotices buildNotices) {
    }

    /** How the web layer behaves. */
    public record Settings(ZoneId zone, long maxBodyBytes, Duration sessionValidity, boolean secureCookies,
            Path photosDir, String trackerWebhookSecret, String forumWebhookSecret, String jenkinsToken, int ballotsPerMinute,
            int ballotsPerMinutePerAddress) {
    }

    private WebApp() {
    }

    /** Builds the application; the caller starts it on a port. */
    public static Javalin create(Services services, Settings settings) {
        Templates templates = new Templates(settings.zone());
        Sessions sessions = new Sessions(services.signIn(), settings.sessionValidity(), settings.secureCookies());
        Pages.Chrome chrome = new Pages.Chrome(sessions, services.forumAccounts().enabled());
        Problems problems = new Problems(templates, chrome);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.defaultContentType = "text/plain; charset=utf-8";
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            if (settings.photosDir() != null && Files.isDirectory(settings.photosDir())) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/photos";
                    files.directory = settings.photosDir().toString();
                    files.location = Location.EXTERNAL;
                });
            }
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            if (ctx.method() == HandlerType.POST && !ctx.path().startsWith("/api/")) {
                sessions.checkCsrf(ctx);
            }
        });
        RateLimits limits = new RateLimits(new RateLimits.Settings(settings.ballotsPerMinute(),
                settings.ballotsPerMinutePerAddress()));
        // Before the pages: /signin/forum must not be read as a personal link's /signin/{token}.
        new ForumRoutes(services.forumAccounts(), sessions, settings.forumWebhookSecret()).register(app);
        new Pages(templates, chrome, sessions, services, problems, limits,
                !settings.jenkinsToken().isBlank()).register(app);
        new Api(services, limits).register(app);
        new TrackerHook(services.wishTickets(), services.trackerSync(), settings.trackerWebhookSecret()).register(app);
        new JenkinsRoutes(services.buildNotices(), new Bearer(services.signIn()), settings.jenkinsToken()).register(app);
        app.exception(Exception.class, problems::handle);
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || "Not Found".equals(ctx.result())) {
                problems.answer(Problems.Problem.of(404, "request.notFound"), ctx);
            }
        });
        // Javalin refuses an oversized body before any handler runs; answer it like every other problem.
        app.error(413, ctx -> problems.answer(Problems.Problem.of(413, "request.tooLarge"), ctx));
        app.error(405, ctx -> problems.answer(Problems.Problem.of(405, "request.methodNotAllowed"), ctx));
        return app;
    }
}
