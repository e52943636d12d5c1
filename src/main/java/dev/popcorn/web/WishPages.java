package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;
import java.util.Optional;

/** A wish's page and its forms: back it (+1 in the fan's report of the week), follow it, stop following it. */
public final class WishPages implements EndpointGroup {

    /** What a form on the page did, said there: the values {@code ?done=} may take. */
    static final List<String> DONE = List.of("backed", "followed", "unfollowed");

    /**
     * The page: the wish, whether its ticket is being filed, the visitor's interest in it (null for nobody signed in),
     * the release a +1 joins the report of (null when no release takes reports), what was just done (or null).
     */
    record Page(Wish wish, boolean filing, WishTickets.Interest interest, Release backIn, String done) {
    }

    /** The use cases of a wish's page. */
    public record UseCases(WeekOverview overview, HandInReport reports, WishTickets wishTickets) {
    }

    private final UseCases uses;
    private final Chrome chrome;
    private final Sessions sessions;

    public WishPages(UseCases uses, Chrome chrome, Sessions sessions) {
        this.uses = uses;
        this.chrome = chrome;
        this.sessions = sessions;
    }

    /** The page of wish {@code wishId} for {@code me}; {@code done} as asked for, kept only when it is one of {@link #DONE}. */
    Page page(long wishId, Optional<Pass> me, String done) {
        WishTickets wishTickets = uses.wishTickets();
        WeekOverview overview = uses.overview();
        Wish wish = wishTickets.wish(wishId);
        // A +1 joins the fan's report of the release that takes reports now.
        Release backIn = overview.currentRelease().filter(r -> r.acceptsReportsAt(overview.now())).orElse(null);
        return new Page(wish, wishTickets.filing(wishId), me.map(pass -> wishTickets.interest(wishId, pass.userId()))
                .orElse(null), backIn, done != null && DONE.contains(done) ? done : null);
    }

    @Override
    public void addEndpoints() {
        get("/wishes/{id}", ctx -> chrome.render(ctx, "wish", page(id(ctx), sessions.current(ctx),
                ctx.queryParam("done"))), ANYONE);
        post("/wishes/{id}/back", ctx -> {
            Release release = uses.overview().currentRelease()
                    .orElseThrow(() -> RuleViolation.closed("wish.back.noRelease"));
            uses.reports().back(release.id(), Gate.admitted(ctx).userId(), id(ctx));
            ctx.redirect("/wishes/" + id(ctx) + "?done=backed");
        }, USER);
        post("/wishes/{id}/follow", ctx -> {
            uses.wishTickets().follow(id(ctx), Gate.admitted(ctx).userId());
            ctx.redirect("/wishes/" + id(ctx) + "?done=followed");
        }, USER);
        post("/wishes/{id}/unfollow", ctx -> {
            uses.wishTickets().unfollow(id(ctx), Gate.admitted(ctx).userId());
            ctx.redirect("/wishes/" + id(ctx) + "?done=unfollowed");
        }, USER);
    }
}
