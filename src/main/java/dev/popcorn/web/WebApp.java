package dev.popcorn.web;

import dev.popcorn.web.common.Access;
import dev.popcorn.web.common.BodyLimit;
import dev.popcorn.web.common.DotSegments;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.JettyErrors;
import dev.popcorn.web.common.Problems;
import dev.popcorn.web.common.RequestIds;
import dev.popcorn.web.common.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.config.SizeUnit;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * Popcorn over HTTP on Javalin: the route classes the capabilities serve (one per resource, each a table of paths
 * with who may call them), the one access check before every matched route, static assets, and the error answers. A
 * route that declares no {@link Access} stops the server from being built.
 */
public final class WebApp {

    /** How the web layer behaves. */
    public record Settings(dev.popcorn.domain.WeekCalendar calendar, long maxBodyBytes, Duration sessionValidity,
            Duration apiValidity,
            boolean secureCookies,
            Path photosDir, String trackerWebhookSecret, String forumWebhookSecret, String jenkinsToken,
            int ballotsPerMinute,
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
        public static final Watch NONE = new Watch("", () -> "", (method, route, status, nanos) -> {});
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

    /**
     * Builds the application from the route classes the capabilities serve, in the order their paths are matched,
     * on the shared parts they were built with; the caller starts it on a port.
     */
    public static WebApp create(WebKit kit, List<EndpointGroup> served, Watch watch) {
        WebApp.Settings settings = kit.settings();
        Problems problems = kit.problems();
        Gate gate = kit.gate();
        List<EndpointGroup> groups = new ArrayList<>(served);
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
            app.addEndpoint(
                    new Endpoint(HandlerType.HEAD, get.getPath(), Set.of(new Roles(get.getRoles())), get.getHandler()));
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
        return route.equals("*") || route.startsWith("/assets") || route.startsWith("/photos") ? Requests.STATIC
                : route;
    }

    /** The methods the routes take at {@code path}, for a 405's {@code Allow}. */
    private static String allowed(List<Route> routes, String path) {
        return routes.stream()
                .filter(r -> path
                        .matches(java.util.regex.Pattern.quote(r.path()).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q")))
                .map(Route::method).distinct().sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    public Javalin javalin() {
        return javalin;
    }

    /** Every route the server answers, with who may call it, in the order they are matched. */
    public List<Route> routes() {
        return routes;
    }
}
