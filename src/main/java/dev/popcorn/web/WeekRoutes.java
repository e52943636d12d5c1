package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.json.PollJson;
import dev.popcorn.web.json.ReleaseJson;
import dev.popcorn.web.json.WishJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The week at a glance (this release, its poll, the top wishes), the API's own description, health, the audit log. */
public final class WeekRoutes implements EndpointGroup {

    /** This week: the current release, its poll as the caller may see it, the most wanted wishes. */
    record WeekJson(ReleaseJson release, PollJson poll, List<WishJson.Line> wishes) {
    }

    record Health(String status, Instant time) {
    }

    private final WeekOverview overview;
    private final Gate gate;
    private final String openApi = resource("/openapi.json");

    public WeekRoutes(WeekOverview overview, Gate gate) {
        this.overview = overview;
        this.gate = gate;
    }

    @Override
    public void addEndpoints() {
        get("/api/health", ctx -> Json.write(ctx, 200, new Health("UP", overview.now())), ANYONE);
        get("/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi), ANYONE);
        get("/api/v1/week", this::week, ANYONE);
        get("/api/v1/audit", ctx -> Json.write(ctx, 200, overview.auditLog(200)), LEAD);
    }

    private void week(Context ctx) {
        var current = overview.currentRelease();
        ReleaseJson release = current.map(r -> ReleaseJson.of(overview.view(r), overview.now())).orElse(null);
        PollJson poll = current.flatMap(r -> overview.pollOf(r.id()))
                .map(p -> PollJson.of(overview.poll(p.id(), gate.leadLooks(ctx)))).orElse(null);
        Json.write(ctx, 200,
                new WeekJson(release, poll, overview.topWishes(10).stream().map(WishJson.Line::of).toList()));
    }

    private static String resource(String name) {
        try (InputStream in = WeekRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
