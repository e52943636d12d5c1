package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The signed-in person's own page: an API pass for scripts and the CLI (shown once), reminders on the forum before
 * reports close (on or off), and "sign out everywhere", which refuses every pass they hold on every instance, this
 * browser's included.
 */
public final class MePage implements EndpointGroup {

    private final SignIn signIn;
    private final MeModel model;
    private final Chrome chrome;
    private final Sessions sessions;
    private final Standing standing;
    private final dev.popcorn.app.participation.Levels levels;
    private final FanMessages fanMessages;

    public MePage(SignIn signIn, MeModel model, Chrome chrome, Sessions sessions, Standing standing,
            dev.popcorn.app.participation.Levels levels, FanMessages fanMessages) {
        this.levels = levels;
        this.signIn = signIn;
        this.model = model;
        this.chrome = chrome;
        this.sessions = sessions;
        this.standing = standing;
        this.fanMessages = fanMessages;
    }

    @Override
    public void addEndpoints() {
        get("/me", ctx -> render(ctx, null), USER);
        post("/me/api-pass", ctx -> render(ctx, signIn.apiPass(Gate.admitted(ctx))), USER);
        post("/me/profile", ctx -> {
            String visible = String.valueOf(ctx.formParam("visible"));
            if (!visible.equals("true") && !visible.equals("false")) {
                throw dev.popcorn.domain.RuleViolation.invalid("request.field.enum", "visible", "true, false");
            }
            standing.setPublicProfile(Gate.admitted(ctx).userId(), visible.equals("true"));
            ctx.redirect("/me#public-title");
        }, USER);
        post("/me/early-access", ctx -> {
            levels.joinEarlyAccess(Gate.admitted(ctx).userId());
            ctx.redirect("/me?earlyAccess=asked#early-title");
        }, USER);
        post("/me/reminders", ctx -> {
            String on = String.valueOf(ctx.formParam("on"));
            if (!on.equals("true") && !on.equals("false")) {
                throw dev.popcorn.domain.RuleViolation.invalid("request.field.enum", "on", "true, false");
            }
            fanMessages.remind(Gate.admitted(ctx).userId(), on.equals("true"), Messages.tag(chrome.locale(ctx)));
            ctx.redirect("/me#reminders-title");
        }, USER);
        post("/me/signout-everywhere", ctx -> {
            signIn.signOutEverywhere(Gate.admitted(ctx).userId());
            sessions.end(ctx);
            ctx.redirect("/?signedOut=everywhere");
        }, USER);
    }

    private void render(Context ctx, String apiPass) {
        Pass me = Gate.admitted(ctx);
        MeModel.Asked asked = new MeModel.Asked(MeModel.before(ctx.queryParam("before")),
                "asked".equals(ctx.queryParam("earlyAccess")), apiPass,
                apiPass == null ? null : signIn.apiPassExpiry());
        ctx.header("Cache-Control", "no-store");
        chrome.render(ctx, "me", model.page(me, chrome.locale(ctx), asked));
    }
}
