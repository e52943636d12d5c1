package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** The leaderboards as a fan page ({@link LeaderboardPageModel}): the boards {@link LeaderboardRoutes} answers as JSON. */
public final class LeaderboardPage implements EndpointGroup {

    private final Leaderboards leaderboards;
    private final Gate gate;
    private final Chrome chrome;

    public LeaderboardPage(Leaderboards leaderboards, Gate gate, Chrome chrome) {
        this.leaderboards = leaderboards;
        this.gate = gate;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/leaderboards", this::page, ANYONE);
    }

    private void page(Context ctx) {
        Leaderboards.Period period = Leaderboards.Period.parse(ctx.queryParam("period"));
        Leaderboards.Of of = Leaderboards.Of.parse(ctx.queryParam("of"));
        String viewer = gate.viewer(ctx).filter(pass -> !pass.isCi()).map(Pass::userId).orElse(null);
        chrome.render(ctx, "leaderboards",
                LeaderboardPageModel.of(leaderboards, period, of, viewer, chrome.locale(ctx)));
    }
}
