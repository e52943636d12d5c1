package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.award.Nominations;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;

/**
 * The page forms of nominations: a fan's on the poll page, a lead's accept and decline on the
 * dashboard. Each answers by going back to its page, which says what was done; a refusal is the
 * friendly problem page in the visitor's language.
 */
final class NominationForms implements EndpointGroup {

    private final Nominations nominations;

    NominationForms(Nominations nominations) {
        this.nominations = nominations;
    }

    @Override
    public void addEndpoints() {
        post("/polls/{id}/nominations", ctx -> {
            long pollId = id(ctx);
            nominations.nominate(Gate.admitted(ctx).userId(), pollId, ctx.formParam("team"), ctx.formParam("title"),
                    ctx.formParam("pitch"));
            ctx.redirect("/polls/" + pollId + "?nominated=1#nominate");
        }, USER);
        post("/lead/nominations/{id}/accept", ctx -> {
            long pollId = nominations.accept(id(ctx), Gate.admitted(ctx).userId()).pollId();
            ctx.redirect("/lead?done=nominationAccepted#nominations-" + pollId);
        }, LEAD);
        post("/lead/nominations/{id}/decline", ctx -> {
            long pollId = nominations.decline(id(ctx), ctx.formParam("reason"), Gate.admitted(ctx).userId()).pollId();
            ctx.redirect("/lead?done=nominationDeclined#nominations-" + pollId);
        }, LEAD);
    }
}
