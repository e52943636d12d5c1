package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The dashboard's participation forms: mark a report or one of its comments helpful, revoke a
 * grant, lock or unlock a user's level. Each calls one use case (which audits the decision) and
 * answers with the dashboard saying what was done.
 */
final class LeadParticipationPages implements EndpointGroup {

    private final HandInReport reports;
    private final Ledger ledger;
    private final Standing standing;

    LeadParticipationPages(HandInReport reports, Ledger ledger, Standing standing) {
        this.reports = reports;
        this.ledger = ledger;
        this.standing = standing;
    }

    @Override
    public void addEndpoints() {
        post("/lead/releases/{id}/reports/{user}/helpful", ctx -> done(ctx, reports.markHelpful(id(ctx),
                ctx.pathParam("user"), lead(ctx)) ? "helpfulMarked" : "helpfulAlready"), LEAD);
        post("/lead/releases/{id}/reports/{user}/comments/{ticket}/helpful", ctx -> done(ctx, reports.markCommentHelpful(
                id(ctx), ctx.pathParam("user"), ctx.pathParam("ticket"), lead(ctx)) ? "helpfulMarked" : "helpfulAlready"), LEAD);
        post("/lead/participation/grants/{id}/revoke", ctx -> {
            ledger.revoke(id(ctx), ctx.formParam("reason"), lead(ctx));
            done(ctx, "grantRevoked");
        }, LEAD);
        post("/lead/participation/level", ctx -> {
            standing.lock(user(ctx), form(ctx, "level"), ctx.formParam("reason"), lead(ctx));
            done(ctx, "levelLocked");
        }, LEAD);
        post("/lead/participation/level/unlock", ctx -> {
            standing.unlock(user(ctx), ctx.formParam("reason"), lead(ctx));
            done(ctx, "levelUnlocked");
        }, LEAD);
    }

    private static String lead(Context ctx) {
        return Gate.admitted(ctx).userId();
    }

    private static void done(Context ctx, String what) {
        ctx.redirect("/lead?done=" + what);
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    /** The user id typed in the form: as long as a user id may be. */
    private static String user(Context ctx) {
        String user = form(ctx, "user");
        if (user.isEmpty()) {
            throw RuleViolation.invalid("request.field.missing", "user");
        }
        if (user.length() > 120) {
            throw RuleViolation.invalid("participation.user.invalid", user.substring(0, 40) + "…");
        }
        return user;
    }
}
