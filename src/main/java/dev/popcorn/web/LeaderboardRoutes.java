package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.json.LeaderboardJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The leaderboards, open to anyone: users per release week, month and all time, and teams; the
 * signed-in caller also gets their own place. The same boards as a page: {@link LeaderboardPage}.
 */
public final class LeaderboardRoutes implements EndpointGroup {

    private final Leaderboards leaderboards;
    private final Gate gate;

    public LeaderboardRoutes(Leaderboards leaderboards, Gate gate) {
        this.leaderboards = leaderboards;
        this.gate = gate;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/leaderboards", this::board, ANYONE);
    }

    private void board(Context ctx) {
        Leaderboards.Period period = Leaderboards.Period.parse(ctx.queryParam("period"));
        Leaderboards.Of of = Leaderboards.Of.parse(ctx.queryParam("of"));
        int limit = Leaderboards.limit(ctx.queryParam("limit"));
        String viewer = gate.viewer(ctx).filter(pass -> !pass.isCi()).map(Pass::userId).orElse(null);
        Json.write(ctx, 200, of == Leaderboards.Of.TEAMS ? LeaderboardJson.of(leaderboards.teams(period, limit))
                : LeaderboardJson.of(leaderboards.users(period, limit, viewer)));
    }
}
