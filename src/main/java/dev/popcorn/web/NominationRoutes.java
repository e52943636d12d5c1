package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static dev.popcorn.web.common.Params.require;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** Fans' nominations of award candidates over the API: a fan nominates and follows theirs, a lead decides (ADR 0018). */
public final class NominationRoutes implements EndpointGroup {

    record NominationInput(String team, String title, String titleEn, String pitch) {
    }

    record ReasonInput(String reason) {
    }

    private final Nominations nominations;

    public NominationRoutes(Nominations nominations) {
        this.nominations = nominations;
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/polls/{id}/nominations", this::nominate, USER);
        get("/api/v1/polls/{id}/nominations", this::list, USER);
        post("/api/v1/nominations/{id}/accept", ctx -> Json.write(ctx, 200,
                nominations.accept(id(ctx), Gate.admitted(ctx).userId())), LEAD);
        post("/api/v1/nominations/{id}/decline", ctx -> {
            ReasonInput input = Json.read(ctx, ReasonInput.class);
            Json.write(ctx, 200,
                    nominations.decline(id(ctx), require(input.reason(), "reason"), Gate.admitted(ctx).userId()));
        }, LEAD);
    }

    private void nominate(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        long pollId = id(ctx);
        NominationInput input = Json.read(ctx, NominationInput.class);
        Json.write(ctx, 201, nominations.nominate(userId, pollId, require(input.team(), "team"),
                require(input.title(), "title"), input.titleEn(), require(input.pitch(), "pitch")));
    }

    /** A lead sees every nomination of the poll; a user their own. */
    private void list(Context ctx) {
        Pass caller = Gate.admitted(ctx);
        long pollId = id(ctx);
        Json.write(ctx, 200, caller.isLead() ? nominations.ofPoll(pollId) : nominations.mine(pollId, caller.userId()));
    }
}
