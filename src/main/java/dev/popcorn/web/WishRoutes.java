package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static dev.popcorn.web.common.Params.require;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.json.WishJson;
import io.javalin.apibuilder.EndpointGroup;

/** Wishes: what a new wish resembles, a wish and its ticket, and a lead linking or filing that ticket. */
public final class WishRoutes implements EndpointGroup {

    record TicketInput(String key) {
    }

    /** Where the caller stands with a wish. */
    record InterestJson(long wish, boolean backs, boolean follows) {
        static InterestJson of(long wishId, WishTickets.Interest interest) {
            return new InterestJson(wishId, interest.backs(), interest.follows());
        }
    }

    private final WishTickets wishTickets;

    public WishRoutes(WishTickets wishTickets) {
        this.wishTickets = wishTickets;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/wishes/similar", ctx -> Json.write(ctx, 200, wishTickets.similar(ctx.queryParam("text"), 5)),
                USER);
        get("/api/v1/wishes/{id}", ctx -> Json.write(ctx, 200, json(wishTickets.wish(id(ctx)))), ANYONE);
        put("/api/v1/wishes/{id}/follow", ctx -> {
            String me = Gate.admitted(ctx).userId();
            wishTickets.follow(id(ctx), me);
            Json.write(ctx, 200, InterestJson.of(id(ctx), wishTickets.interest(id(ctx), me)));
        }, USER);
        delete("/api/v1/wishes/{id}/follow", ctx -> {
            String me = Gate.admitted(ctx).userId();
            wishTickets.unfollow(id(ctx), me);
            Json.write(ctx, 200, InterestJson.of(id(ctx), wishTickets.interest(id(ctx), me)));
        }, USER);
        put("/api/v1/wishes/{id}/ticket", ctx -> {
            TicketInput input = Json.read(ctx, TicketInput.class);
            Json.write(ctx, 200,
                    json(wishTickets.link(id(ctx), require(input.key(), "key"), Gate.admitted(ctx).userId())));
        }, LEAD);
        post("/api/v1/wishes/{id}/ticket", ctx -> {
            wishTickets.fileTicket(id(ctx), Gate.admitted(ctx).userId());
            Json.write(ctx, 202, json(wishTickets.wish(id(ctx))));
        }, LEAD);
    }

    private WishJson json(Wish wish) {
        return WishJson.of(wish, wishTickets.filing(wish.id()));
    }
}
