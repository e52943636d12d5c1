package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;

/** The home page: the week as anyone sees it, and what is next for a signed-in fan ({@link HomeModel}). */
public final class HomePage implements EndpointGroup {

    private final HomeModel model;
    private final Chrome chrome;
    private final Sessions sessions;

    public HomePage(HomeModel model, Chrome chrome, Sessions sessions) {
        this.model = model;
        this.chrome = chrome;
        this.sessions = sessions;
    }

    @Override
    public void addEndpoints() {
        get("/", ctx -> chrome.render(ctx, "home", model.page(sessions.current(ctx), chrome.locale(ctx),
                "everywhere".equals(ctx.queryParam("signedOut")))), ANYONE);
    }
}
