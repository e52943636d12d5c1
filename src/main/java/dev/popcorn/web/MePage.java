package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.web.json.StandingJson;
import java.util.Locale;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/**
 * The signed-in person's own page: an API pass for scripts and the CLI (shown once), reminders on the forum before
 * reports close (on or off), and "sign out everywhere", which refuses every pass they hold on every instance, this
 * browser's included.
 */
final class MePage implements EndpointGroup {

    private final SignIn signIn;
    private final Chrome chrome;
    private final Sessions sessions;
    private final Duration apiValidity;
    private final Standing standing;
    private final Levels levels;
    private final Ledger ledger;
    private final NoticeTexts notices;
    private final WayBack wayBack;
    private final FanMessages fanMessages;

    MePage(SignIn signIn, Chrome chrome, Sessions sessions, Duration apiValidity, Standing standing, Levels levels, Ledger ledger,
            NoticeTexts notices, WayBack wayBack, FanMessages fanMessages) {
        this.fanMessages = fanMessages;
        this.notices = notices;
        this.wayBack = wayBack;
        this.standing = standing;
        this.levels = levels;
        this.ledger = ledger;
        this.signIn = signIn;
        this.chrome = chrome;
        this.sessions = sessions;
        this.apiValidity = apiValidity;
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
        Map<String, Object> model = chrome.model(ctx);
        model.put("me", me);
        model.put("apiDays", apiValidity.toDays());
        Locale locale = chrome.locale(ctx);
        Standing.View view = standing.view(me.userId());
        model.put("standing", StandingJson.of(view, locale));
        model.put("own", true);
        model.put("standingNotices", notices.latest(me.userId(), 10, locale));
        model.put("wayBack", wayBack.of(me.userId(), view.streak()));
        model.put("earlyAccess", levels.earlyAccess(me.userId()));
        model.put("mayJoinEarly", levels.holds(me.userId(), dev.popcorn.domain.Right.EARLY_ACCESS));
        model.put("earlyAccessFrom", standing.ladder().lowestWith(dev.popcorn.domain.Right.EARLY_ACCESS).name(locale));
        model.put("earlyAccessAsked", "asked".equals(ctx.queryParam("earlyAccess")));
        model.put("reminders", fanMessages.reminders(me.userId()));
        model.put("windowReleases", standing.ladder().windowReleases());
        model.put("freezeEvery", standing.streakRules().freezeEvery());
        model.put("weeklyCap", ledger.weeklyCap());
        Ledger.Summary summary = ledger.summary(me.userId(), before(ctx.queryParam("before")));
        model.put("points", summary);
        model.put("grants", summary.grants().stream().map(g -> ParticipationRoutes.GrantJson.of(g, locale)).toList());
        if (summary.grants().size() == Ledger.PAGE) {
            model.put("olderThan", summary.grants().get(Ledger.PAGE - 1).id());
        }
        model.put("reports", standing.reports(me.userId(), 20));
        model.put("wishes", standing.wishes(me.userId(), 20));
        if (apiPass != null) {
            model.put("apiPass", apiPass);
            model.put("apiPassExpires", signIn.apiPassExpiry());
        }
        ctx.header("Cache-Control", "no-store");
        chrome.render(ctx, "me", model);
    }

    /** A page of older grants: {@code ?before=<id>}; anything else shows the newest. */
    private static Long before(String value) {
        try {
            return value == null ? null : Math.max(1, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
