package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/**
 * The signed-in person's own page: an API pass for scripts and the CLI (shown once), and "sign
 * out everywhere", which refuses every pass they hold on every instance, this browser's included.
 */
final class MePage implements EndpointGroup {

    private final SignIn signIn;
    private final Chrome chrome;
    private final Sessions sessions;
    private final Duration apiValidity;

    MePage(SignIn signIn, Chrome chrome, Sessions sessions, Duration apiValidity) {
        this.signIn = signIn;
        this.chrome = chrome;
        this.sessions = sessions;
        this.apiValidity = apiValidity;
    }

    @Override
    public void addEndpoints() {
        get("/me", ctx -> render(ctx, null), USER);
        post("/me/api-pass", ctx -> render(ctx, signIn.apiPass(Gate.admitted(ctx))), USER);
        post("/me/signout-everywhere", ctx -> {
            signIn.signOutEverywhere(Gate.admitted(ctx).userId());
            sessions.end(ctx);
            ctx.redirect("/?signedOut=everywhere");
        }, USER);
    }

    private void render(Context ctx, String apiPass) {
        Pass me = Gate.admitted(ctx);
        Map<String, Object> model = chrome.model(ctx);
        model.put("me", me);
        model.put("apiDays", apiValidity.toDays());
        if (apiPass != null) {
            model.put("apiPass", apiPass);
            model.put("apiPassExpires", signIn.apiPassExpiry());
        }
        ctx.header("Cache-Control", "no-store");
        chrome.render(ctx, "me", model);
    }
}
