package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.app.participation.People;
import dev.popcorn.domain.RuleViolation;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The dashboard's participation forms: mark a report or one of its comments helpful, revoke a
 * grant, lock or unlock a user's level. Each calls one use case (which audits the decision) and
 * answers with the dashboard saying what was done.
 */
public final class LeadParticipationPages implements EndpointGroup {

    private final HandInReport reports;
    private final Ledger ledger;
    private final LevelOverrides levels;
    private final People people;
    private final LeadDesk desk;

    public LeadParticipationPages(HandInReport reports, Ledger ledger, LevelOverrides levels, People people,
            LeadDesk desk) {
        this.people = people;
        this.desk = desk;
        this.reports = reports;
        this.ledger = ledger;
        this.levels = levels;
    }

    @Override
    public void addEndpoints() {
        post("/lead/releases/{id}/reports/{user}/helpful", ctx -> desk.act(ctx, "helpful", "desk-participation", null,
                lead -> reports.markHelpful(id(ctx), ctx.pathParam("user"), lead) ? "helpfulMarked" : "helpfulAlready"),
                LEAD);
        post("/lead/releases/{id}/reports/{user}/comments/{ticket}/helpful", ctx -> desk.act(ctx, "helpful",
                "desk-participation", null, lead -> reports.markCommentHelpful(id(ctx), ctx.pathParam("user"),
                        ctx.pathParam("ticket"), lead) ? "helpfulMarked" : "helpfulAlready"),
                LEAD);
        post("/lead/participation/grants/{id}/revoke", ctx -> desk.act(ctx, "revoke-" + id(ctx), "desk-participation",
                "grantRevoked", lead -> {
                    ledger.revoke(id(ctx), ctx.formParam("reason"), lead);
                    return null;
                }), LEAD);
        post("/lead/participation/level",
                ctx -> desk.act(ctx, "lock-level", "desk-participation", "levelLocked", lead -> {
                    levels.lock(user(ctx), form(ctx, "level"), ctx.formParam("reason"), lead);
                    return null;
                }), LEAD);
        post("/lead/participation/level/unlock",
                ctx -> desk.act(ctx, "unlock-level", "desk-participation", "levelUnlocked",
                        lead -> {
                            levels.unlock(user(ctx), ctx.formParam("reason"), lead);
                            return null;
                        }),
                LEAD);
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    /** The person the form names: by id (a person's page sends it) or by the name a lead typed, which must be one person's. */
    private String user(Context ctx) {
        String user = form(ctx, "user");
        if (user.isEmpty()) {
            throw RuleViolation.invalid("request.field.missing", "user");
        }
        if (user.length() > 120) {
            throw RuleViolation.invalid("participation.user.invalid", user.substring(0, 40) + "…");
        }
        return people.resolve(user);
    }
}
