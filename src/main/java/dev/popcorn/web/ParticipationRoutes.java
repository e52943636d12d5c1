package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.participation.Ledger;
import dev.popcorn.domain.Grant;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** The points ledger: a user's totals and history, a lead's points from outside and revocations. */
final class ParticipationRoutes implements EndpointGroup {

    record GrantJson(long id, String user, String kind, String ref, int points, Instant at, String reason,
            Instant revokedAt, String revokedBy, String revokeReason) {
        static GrantJson of(Grant g) {
            return new GrantJson(g.id(), g.userId(), g.kind().name(), g.ref(), g.points(), g.at(), g.reason(),
                    g.revokedAt(), g.revokedBy(), g.revokeReason());
        }
    }

    record ParticipationJson(long week, long month, long all, List<GrantJson> grants) {
    }

    record RevokeInput(String reason) {
    }

    record PointsInput(Integer points, String reason, String ref) {
    }

    private final Ledger ledger;

    ParticipationRoutes(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/me/participation", this::mine, USER);
        post("/api/v1/participation/grants/{id}/revoke", this::revoke, LEAD);
        post("/api/v1/users/{id}/points", this::award, LEAD);
    }

    private void mine(Context ctx) {
        Ledger.Summary summary = ledger.summary(Gate.admitted(ctx).userId(), before(ctx.queryParam("before")));
        Json.write(ctx, 200, new ParticipationJson(summary.week(), summary.month(), summary.all(),
                summary.grants().stream().map(GrantJson::of).toList()));
    }

    private void revoke(Context ctx) {
        long id = Params.id(ctx);
        RevokeInput input = Json.read(ctx, RevokeInput.class);
        Json.write(ctx, 200, GrantJson.of(ledger.revoke(id, input.reason(), Gate.admitted(ctx).userId())));
    }

    private void award(Context ctx) {
        PointsInput input = Json.read(ctx, PointsInput.class);
        Ledger.Awarded awarded = ledger.award(ctx.pathParam("id"), Params.require(input.points(), "points"),
                input.reason(), input.ref(), Gate.admitted(ctx).userId());
        Json.write(ctx, awarded.created() ? 201 : 200, GrantJson.of(awarded.grant()));
    }

    /** The {@code ?before=<id>} of a page: a positive grant id, or absent for the newest page. */
    private static Long before(String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(RuleViolation.Kind.MALFORMED, "participation.before.invalid", value);
    }
}
