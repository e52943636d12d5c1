package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.WishTickets;
import io.javalin.apibuilder.EndpointGroup;

/** The desk's wishes: link one to a ticket, or file its ticket. */
public final class DeskWishForms implements EndpointGroup {

    private final WishTickets wishTickets;
    private final LeadDesk desk;

    public DeskWishForms(WishTickets wishTickets, LeadDesk desk) {
        this.wishTickets = wishTickets;
        this.desk = desk;
    }

    @Override
    public void addEndpoints() {
        post("/lead/wishes/{id}/link", ctx -> desk.act(ctx, "link-wish-" + id(ctx), "desk-week", "wishLinked",
                lead -> LeadDesk.done(() -> wishTickets.link(id(ctx), ctx.formParam("key"), lead))), LEAD);
        post("/lead/wishes/{id}/file", ctx -> desk.act(ctx, "file-wish-" + id(ctx), "desk-week", "wishFiling",
                lead -> LeadDesk.done(() -> wishTickets.fileTicket(id(ctx), lead))), LEAD);
    }
}
