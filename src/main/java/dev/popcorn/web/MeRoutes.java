package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import io.javalin.apibuilder.EndpointGroup;

/** The caller themself: who they are, their participation points, and what became of their wishes. */
final class MeRoutes implements EndpointGroup {

    record MeJson(String id, String name, long points) {
    }

    private final WeekOverview overview;
    private final WishTickets wishTickets;

    MeRoutes(WeekOverview overview, WishTickets wishTickets) {
        this.overview = overview;
        this.wishTickets = wishTickets;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/me", ctx -> {
            Pass me = Gate.admitted(ctx);
            Json.write(ctx, 200, new MeJson(me.userId(), me.name(), overview.points(me.userId())));
        }, USER);
        get("/api/v1/me/notices", ctx -> Json.write(ctx, 200, wishTickets.notices(Gate.admitted(ctx).userId())), USER);
    }
}
