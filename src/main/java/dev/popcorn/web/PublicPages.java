package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.Wish;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages anyone may open: the week, the winners, a team, a wish; and the ways in and out
 * (a personal link, confirmed by a form; the lead's sign-in with the admin token; signing out).
 */
final class PublicPages implements EndpointGroup {

    /** Use cases of the public pages. */
    record UseCases(WeekOverview overview, HandInReport reports, WishTickets wishTickets, SignIn signIn,
            dev.popcorn.app.participation.Standing standing, dev.popcorn.app.award.Winners winners,
            dev.popcorn.app.participation.Ledger ledger) {
    }

    private final WeekOverview overview;
    private final HandInReport reports;
    private final WishTickets wishTickets;
    private final SignIn signIn;
    private final dev.popcorn.app.participation.Standing standing;
    private final dev.popcorn.app.award.Winners winners;
    private final dev.popcorn.app.participation.Ledger ledger;
    private final Chrome chrome;
    private final Sessions sessions;
    private final PollPage polls;
    private final WayBack wayBack;

    PublicPages(UseCases uses, Chrome chrome, Sessions sessions, PollPage polls, WayBack wayBack) {
        this.wayBack = wayBack;
        this.overview = uses.overview();
        this.reports = uses.reports();
        this.wishTickets = uses.wishTickets();
        this.signIn = uses.signIn();
        this.standing = uses.standing();
        this.winners = uses.winners();
        this.ledger = uses.ledger();
        this.chrome = chrome;
        this.sessions = sessions;
        this.polls = polls;
    }

    @Override
    public void addEndpoints() {
        get("/", this::home, ANYONE);
        get("/winners", this::winners, ANYONE);
        get("/teams/{slug}", this::team, ANYONE);
        get("/wishes/{id}", this::wish, ANYONE);
        post("/wishes/{id}/back", ctx -> {
            Release release = overview.currentRelease()
                    .orElseThrow(() -> RuleViolation.closed("wish.back.noRelease"));
            reports.back(release.id(), Gate.admitted(ctx).userId(), id(ctx));
            ctx.redirect("/wishes/" + id(ctx) + "?done=backed");
        }, USER);
        post("/wishes/{id}/follow", ctx -> {
            wishTickets.follow(id(ctx), Gate.admitted(ctx).userId());
            ctx.redirect("/wishes/" + id(ctx) + "?done=followed");
        }, USER);
        post("/wishes/{id}/unfollow", ctx -> {
            wishTickets.unfollow(id(ctx), Gate.admitted(ctx).userId());
            ctx.redirect("/wishes/" + id(ctx) + "?done=unfollowed");
        }, USER);
        get("/signin", ctx -> chrome.render(ctx, "signin", chrome.model(ctx)), ANYONE);
        get("/signin/{token}", this::askToSignInWithLink, ANYONE);
        post("/signin/{token}", this::signInWithLink, ANYONE);
        post("/signout", ctx -> {
            sessions.current(ctx).ifPresent(signIn::signOut);
            sessions.end(ctx);
            ctx.redirect("/");
        }, ANYONE);
        get("/lead/signin", ctx -> chrome.render(ctx, "lead-signin", chrome.model(ctx)), ANYONE);
        post("/lead/signin", ctx -> {
            sessions.start(ctx, signIn.lead(ctx.formParam("token")));
            ctx.redirect("/lead");
        }, ANYONE);
    }

    /**
     * The release before the newest one, while its reports or its poll are still open (a release opened mid-week does
     * not hide last week's vote): what a fan may still do there.
     */
    private void stillOpen(Map<String, Object> model, Optional<Pass> me) {
        List<Release> recent = overview.recentReleases(2);
        if (recent.size() < 2) {
            return;
        }
        Release earlier = recent.get(1);
        boolean reportsOpen = earlier.acceptsReportsAt(overview.now());
        Optional<Poll> openPoll = overview.pollOf(earlier.id()).filter(p -> p.stateAt(overview.now()) == PollState.OPEN);
        if (!reportsOpen && openPoll.isEmpty()) {
            return;
        }
        Map<String, Object> still = new HashMap<>();
        still.put("release", earlier);
        still.put("reportsOpen", reportsOpen);
        openPoll.ifPresent(poll -> still.put("poll", poll));
        me.ifPresent(pass -> still.put("myReport", reports.find(earlier.id(), pass.userId()).isPresent()));
        model.put("stillOpen", still);
    }

    private void home(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        Optional<Pass> me = sessions.current(ctx);
        Optional<Release> current = overview.currentRelease();
        current.ifPresent(release -> {
            model.put("release", release);
            model.put("reportsOpen", release.acceptsReportsAt(overview.now()));
            model.put("feedback", overview.feedback(release.id()));
            model.put("reportCount", overview.reportCount(release.id()));
            overview.pollOf(release.id()).ifPresent(poll -> model.put("poll", polls.model(ctx, poll.id())));
            me.ifPresent(pass -> model.put("myReport", reports.find(release.id(), pass.userId()).isPresent()));
        });
        stillOpen(model, me);
        winners.winners(1).stream().findFirst().ifPresent(award -> model.put("lastAward", award));
        model.put("teams", overview.teamsBySlug());
        model.put("wishes", overview.topWishes(5));
        model.put("signedOutEverywhere", me.isEmpty() && "everywhere".equals(ctx.queryParam("signedOut")));
        me.ifPresent(pass -> {
            model.put("points", ledger.points(pass.userId()));
            dev.popcorn.app.participation.Standing.View view = standing.view(pass.userId());
            model.put("standing", dev.popcorn.web.json.StandingJson.of(view, chrome.locale(ctx)));
            model.put("notices", wishTickets.notices(pass.userId()));
            model.put("wayBack", wayBack.of(pass.userId(), view.streak()));
        });
        chrome.render(ctx, "home", model);
    }

    private void winners(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        model.put("awards", winners.winners(52));
        model.put("leaderboard", winners.leaderboard());
        model.put("teams", overview.teamsBySlug());
        chrome.render(ctx, "winners", model);
    }

    private void team(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        Team team = overview.team(ctx.pathParam("slug"))
                .orElseThrow(() -> RuleViolation.notFound("team.unknown", ctx.pathParam("slug")));
        model.put("team", team);
        model.put("wins", winners.winsOf(team.slug()));
        chrome.render(ctx, "team", model);
    }

    private void wish(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        long wishId = id(ctx);
        Wish wish = wishTickets.wish(wishId);
        model.put("wish", wish);
        model.put("filing", wishTickets.filing(wishId));
        sessions.current(ctx).ifPresent(me -> model.put("interest", wishTickets.interest(wishId, me.userId())));
        // A +1 joins the fan's report of the release that takes reports now.
        overview.currentRelease().filter(r -> r.acceptsReportsAt(overview.now()))
                .ifPresent(r -> model.put("backIn", r));
        if (ctx.queryParam("done") != null && List.of("backed", "followed", "unfollowed").contains(ctx.queryParam("done"))) {
            model.put("done", ctx.queryParam("done"));
        }
        chrome.render(ctx, "wish", model);
    }

    /**
     * A personal link opened: the page asks "sign in as …?" and signs in only when the form (with
     * this browser's CSRF token) is sent, so that a link opened from another site cannot plant a
     * session. Nothing is written here.
     */
    private void askToSignInWithLink(Context ctx) {
        String token = ctx.pathParam("token");
        Pass holder = signIn.linkHolder(token);
        Map<String, Object> model = chrome.model(ctx);
        model.put("holder", holder);
        model.put("token", token);
        sessions.current(ctx).filter(me -> !me.userId().equals(holder.userId())).ifPresent(me -> model.put("other", me));
        ctx.header("Cache-Control", "no-store");
        chrome.render(ctx, "signin-link", model);
    }

    private void signInWithLink(Context ctx) {
        sessions.start(ctx, signIn.withLink(ctx.pathParam("token")));
        ctx.redirect(sessions.current(ctx).map(Pass::isLead).orElse(false) ? "/lead" : "/");
    }
}
