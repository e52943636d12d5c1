package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.award.Nominations;
import io.javalin.apibuilder.EndpointGroup;

/**
 * The lead's forms on nominations, on the desk: accept and decline. Each answers through {@link LeadDesk}, back to the
 * poll's card on the desk with what was done said there. (A fan's nomination is a form of {@link PollPage}.)
 */
public final class NominationForms implements EndpointGroup {

    private final Nominations nominations;
    private final LeadDesk desk;

    public NominationForms(Nominations nominations, LeadDesk desk) {
        this.desk = desk;
        this.nominations = nominations;
    }

    @Override
    public void addEndpoints() {
        // Back to the poll's card, where the nomination was (its poll is known only once it is found).
        post("/lead/nominations/{id}/accept",
                ctx -> desk.act(ctx, "accept-" + id(ctx), "desk-award", "nominationAccepted",
                        lead -> {
                            nominations.accept(id(ctx), lead);
                            return null;
                        }),
                LEAD);
        post("/lead/nominations/{id}/decline",
                ctx -> desk.act(ctx, "decline-" + id(ctx), "desk-award", "nominationDeclined",
                        lead -> {
                            nominations.decline(id(ctx), ctx.formParam("reason"), lead);
                            return null;
                        }),
                LEAD);
    }
}
