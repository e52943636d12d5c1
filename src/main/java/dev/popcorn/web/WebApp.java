package dev.popcorn.web;

import dev.popcorn.app.Replays;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.web.common.Access;
import dev.popcorn.web.common.Bearer;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.ClientAddress;
import dev.popcorn.web.common.DotSegments;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.JettyErrors;
import dev.popcorn.web.common.Problems;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.RequestIds;
import dev.popcorn.web.common.SecurityHeaders;
import dev.popcorn.web.common.Sessions;
import dev.popcorn.web.common.Templates;
import dev.popcorn.web.common.BodyLimit;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.config.SizeUnit;
import jakarta.servlet.DispatcherType;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.jetty.servlet.FilterHolder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;

/**
 * Popcorn over HTTP on Javalin: the route classes (one per resource, each a table of paths with
 * who may call them), the one access check before every matched route, static assets, and the
 * error answers. A route that declares no {@link Access} stops the server from being built.
 */
public final class WebApp {

    /** The use cases the web layer drives. */
    public record Services(SignIn signIn, WeekOverview overview, dev.popcorn.app.week.LeadGlance leadGlance,
            dev.popcorn.app.award.Winners winners, HandInReport reports, CastBallot ballots,
            OpenRelease openRelease, ManagePoll managePoll, ManageTeams manageTeams, TrackerSync trackerSync,
            WishTickets wishTickets, Outbox outbox, AnnounceAward announce, ForumAccounts forumAccounts,
            ShipRelease shipRelease, BuildNotices buildNotices, Replays replays,
            dev.popcorn.app.identity.MemberAccounts memberAccounts, dev.popcorn.app.participation.Ledger ledger,
            dev.popcorn.app.participation.Standing standing, dev.popcorn.app.participation.Levels levels,
            dev.popcorn.app.participation.StandingReviews standingReviews,
            dev.popcorn.app.participation.LevelOverrides levelOverrides,
            dev.popcorn.app.participation.StandingNotices standingNotices,
            dev.popcorn.app.participation.FanCards fanCards,
            dev.popcorn.app.participation.Leaderboards leaderboards,
            dev.popcorn.app.week.WeekParticipation weekParticipation,
            dev.popcorn.app.award.Nominations nominations, dev.popcorn.app.forum.FanMessages fanMessages,
            dev.popcorn.app.participation.People people, dev.popcorn.app.identity.ForgetUser forget,
            dev.popcorn.app.Backups backups) {
    }

    /** How the web layer behaves. */
    public record Settings(dev.popcorn.domain.WeekCalendar calendar, long maxBodyBytes, Duration sessionValidity, Duration apiValidity,
            boolean secureCookies,
            Path photosDir, String trackerWebhookSecret, String forumWebhookSecret, String jenkinsToken, int ballotsPerMinute,
            int ballotsPerMinutePerAddress, Supplier<String> baseUrl, List<String> trustedProxies) {

        /** The zone every time on a page is shown in. */
        public ZoneId zone() {
            return calendar.zone();
        }
    }

    /**
     * Watching the server run (ADR 0029): {@code metricsToken} opens {@code GET /metrics} (empty: 404), which answers
     * {@code scrape}; every answered request is told to {@code requests} by its route's template.
     */
    public record Watch(String metricsToken, Supplier<String> scrape, Requests requests) {
        /** Nothing watched: /metrics answers 404 and requests are not counted. */
        public static final Watch NONE = new Watch("", () -> "", (method, route, status, nanos) -> { });
    }

    /** Told of every answered request. */
    @FunctionalInterface
    public interface Requests {
        /**
         * {@code route} is the matched route's template ({@code /api/v1/polls/{id}/ballot}), {@link #STATIC} for the
         * static files, {@link #UNMATCHED} for a path no route matches: never the path asked for, which would make a
         * series per URL a client cares to invent.
         */
        void answered(String method, String route, int status, long nanos);

        String STATIC = "static";
        String UNMATCHED = "unmatched";
    }

    /** A registered route: its method, its path and who may call it ({@link Access#role()}). */
    public record Route(String method, String path, String access) {
    }


    private final Javalin javalin;
    private final List<Route> routes;

    private WebApp(Javalin javalin, List<Route> routes) {
        this.javalin = javalin;
        this.routes = List.copyOf(routes);
    }

    /** Builds the application without metrics; the caller starts it on a port. */
    public static WebApp create(Services services, Settings settings) {
        return create(services, settings, Watch.NONE);
    }

    /** Builds the application; the caller starts it on a port. */
    public static WebApp create(Services services, Settings settings, Watch watch) {
        Sessions sessions = new Sessions(services.signIn(), settings.sessionValidity(), settings.secureCookies());
        Chrome chrome = new Chrome(sessions, new Templates(settings.zone()), services.forumAccounts().enabled());
        NoticeTexts notices = new NoticeTexts(services.standingNotices(), services.levels().ladder());
        chrome.tellOnNextPage(notices::unseen);
        Problems problems = new Problems(chrome);
        Gate gate = new Gate(sessions, new Bearer(services.signIn()));
        RateLimits limits = new RateLimits(new RateLimits.Settings(settings.ballotsPerMinute(),
                settings.ballotsPerMinutePerAddress()), new ClientAddress(settings.trustedProxies()));
        List<EndpointGroup> groups = new ArrayList<>(groups(services, settings, sessions, chrome, problems, gate, limits,
                notices));
        groups.add(new MetricsRoutes(watch.metricsToken(), watch.scrape()));
        List<Route> routes = new ArrayList<>();
        List<HandlerMetaInfo> gets = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Javalin refuses a too long Content-Length; BodyLimit caps every body on the stream, chunked or not.
            config.http.maxRequestSize = settings.maxBodyBytes();
            // First the headers every answer carries and the refusal of encoded dot segments, then the body's cap.
            config.jetty.modifyServletContextHandler(handler -> {
                // The request's id before anything else, so that every log line and refusal after it can name it.
                handler.addFilter(new FilterHolder(new RequestIds()), "/*", EnumSet.of(DispatcherType.REQUEST));
                handler.addFilter(new FilterHolder(new SecurityHeaders(settings.secureCookies())), "/*",
                        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
                handler.addFilter(new FilterHolder(new DotSegments()), "/*", EnumSet.of(DispatcherType.REQUEST));
                handler.addFilter(new FilterHolder(new BodyLimit(settings.maxBodyBytes())), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
            });
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()),
                    SizeUnit.BYTES);
            config.http.defaultContentType = "text/plain; charset=utf-8";
            // A known path with a method it does not take is 405 (with Allow), not 404.
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.ANYONE);
            });
            if (settings.photosDir() != null && Files.isDirectory(settings.photosDir())) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/photos";
                    files.directory = settings.photosDir().toString();
                    files.location = Location.EXTERNAL;
                    files.roles = Set.of(Access.ANYONE);
                });
            }
            config.events(events -> events.handlerAdded(info -> {
                if (info.getHttpMethod() == HandlerType.GET) {
                    gets.add(info);
                }
                if (info.getHttpMethod().isHttpMethod() && info.getHttpMethod() != HandlerType.HEAD) {
                    Access access = Gate.declared(info.getRoles(), info.getHttpMethod() + " " + info.getPath());
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath(), access.role()));
                }
            }));
            config.router.apiBuilder(() -> groups.forEach(EndpointGroup::addEndpoints));
            config.requestLogger.http((ctx, ms) -> watch.requests().answered(ctx.method().name(), routeOf(ctx),
                    ctx.statusCode(), (long) (ms * 1_000_000)));
        });
        // The matched route's template, kept for the request's measure before the gate may refuse the request.
        app.beforeMatched(ctx -> ctx.attribute(ROUTE, ctx.endpointHandlerPath()));
        app.after(ctx -> {
            // A picture opened on its own is shown by the browser's image viewer, which the page policy would break.
            String type = ctx.res().getContentType();
            if (type != null && type.startsWith("image/")) {
                ctx.res().setHeader("Content-Security-Policy", null);
            }
        });
        // HEAD is GET without the body (link previews, monitors ask it): each GET route answers it too, with its access.
        for (HandlerMetaInfo get : gets) {
            app.addEndpoint(new Endpoint(HandlerType.HEAD, get.getPath(), Set.of(new Roles(get.getRoles())), get.getHandler()));
        }
        app.beforeMatched(gate::check);
        app.exception(Exception.class, problems::handle);
        app.error(404, ctx -> {
            // Javalin's own answer for a path no route matches is plain text; a handler's 404 has its problem already.
            String said = ctx.result();
            if (said == null || said.isEmpty() || "Not Found".equals(said) || said.startsWith("Endpoint ")) {
                problems.answer(Problems.Problem.of(404, "request.notFound"), ctx);
            }
        });
        // Javalin refuses an oversized body before any handler runs; answer it like every other problem.
        app.error(413, ctx -> problems.answer(Problems.Problem.of(413, "request.tooLarge"), ctx));
        app.error(405, ctx -> {
            ctx.header("Allow", allowed(routes, ctx.path()));
            problems.answer(Problems.Problem.of(405, "request.methodNotAllowed"), ctx);
        });
        return new WebApp(app, routes);
    }

    private static final String ROUTE = "popcorn.route";

    /** How a request is labelled in the metrics: its route's template, never the path it asked for. */
    private static String routeOf(io.javalin.http.Context ctx) {
        String route = ctx.attribute(ROUTE);
        if (route == null || route.isEmpty()) {
            return Requests.UNMATCHED;
        }
        return route.equals("*") || route.startsWith("/assets") || route.startsWith("/photos") ? Requests.STATIC : route;
    }

    /** The methods the routes take at {@code path}, for a 405's {@code Allow}. */
    private static String allowed(List<Route> routes, String path) {
        return routes.stream()
                .filter(r -> path.matches(java.util.regex.Pattern.quote(r.path()).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q")))
                .map(Route::method).distinct().sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** The route classes, in the order their paths are matched. */
    private static List<EndpointGroup> groups(Services s, Settings settings, Sessions sessions, Chrome chrome,
            Problems problems, Gate gate, RateLimits limits, NoticeTexts notices) {
        PollRoutes.UseCases polls = new PollRoutes.UseCases(s.overview(), s.ballots(), s.managePoll(), s.announce(),
                s.nominations(), s.levels(), s.ledger());
        PublicPages.UseCases fans = new PublicPages.UseCases(s.overview(), s.reports(), s.wishTickets(), s.signIn(),
                s.standing(), s.winners(), s.ledger());
        ForumMarkdown markdown = new ForumMarkdown(settings.baseUrl());
        WayBack wayBack = new WayBack(s.overview(), s.reports(), settings.calendar());
        PollPage pollPage = new PollPage(polls, chrome, gate, limits, markdown);
        LeadDashboard.UseCases shown = new LeadDashboard.UseCases(s.overview(), s.trackerSync(), s.wishTickets(), s.outbox(),
                s.buildNotices(), s.memberAccounts(), s.leaderboards(), s.people(), s.openRelease(), s.leadGlance());
        LeadDashboard dashboard = new LeadDashboard(shown, chrome, pollPage, !settings.jenkinsToken().isBlank(),
                new LeadParticipationModel(s.overview(), s.weekParticipation(), s.levels()));
        LeadPeoplePages people = new LeadPeoplePages(s.people(), s.standing(), s.levels(), s.ledger(), chrome);
        LeadDesk desk = new LeadDesk(dashboard, people, chrome);
        return List.of(
                // Before the public pages: /signin/forum must not be read as a personal link's /signin/{token}.
                new ForumRoutes(s.forumAccounts(), sessions, s.replays(), settings.forumWebhookSecret()),
                new PublicPages(fans, chrome, sessions, pollPage, wayBack),
                new ReportPage(fans, chrome, gate, problems,
                        new ReportPage.Participation(s.weekParticipation(), s.ledger(), s.standing(), s.standingReviews())),
                pollPage,
                new LeadPages(new LeadPages.UseCases(s.openRelease(), s.shipRelease(), s.managePoll()), shown, dashboard,
                        desk, markdown),
                new LeadParticipationPages(s.reports(), s.ledger(), s.levelOverrides(), s.people(), desk),
                people,
                new WeekRoutes(s.overview(), gate),
                new ReleaseRoutes(s.overview(), s.shipRelease(), s.reports(), s.wishTickets()),
                new PollRoutes(polls, gate, limits),
                new NominationRoutes(s.nominations()),
                new NominationForms(s.nominations(), pollPage, desk),
                new WishRoutes(s.wishTickets()),
                new TeamRoutes(s.overview(), s.winners(), s.manageTeams()),
                new MeRoutes(s.ledger(), s.wishTickets(), notices, s.fanMessages()),
                new MePage(s.signIn(), chrome, sessions, settings.apiValidity(), s.standing(), s.levels(), s.ledger(), notices,
                        wayBack, s.fanMessages()),
                new UserRoutes(s.signIn(), s.forget()),
                new ParticipationRoutes(s.ledger(), s.standing(), s.levels()),
                new FanCardRoutes(s.fanCards(), s.overview(), chrome, sessions, limits),
                new FanPage(s.standing(), s.fanCards(), chrome, sessions),
                new LadderPages(s.levels(), chrome, sessions),
                new LeaderboardRoutes(s.leaderboards(), gate, chrome),
                new LevelRoutes(s.levelOverrides()),
                new TrackerRoutes(s.trackerSync(), s.wishTickets(), s.outbox(), s.replays(), settings.trackerWebhookSecret()),
                new JenkinsRoutes(s.buildNotices(), settings.jenkinsToken()),
                new BackupRoutes(s.backups()));
    }

    public Javalin javalin() {
        return javalin;
    }

    /** Every route the server answers, with who may call it, in the order they are matched. */
    public List<Route> routes() {
        return routes;
    }
}
