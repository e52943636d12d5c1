package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.identity.ForgetUser;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Instant;

/**
 * Users as a lead manages them: revoking every pass a user holds (a lost phone, a leaked token, a lead who left), and a
 * user who asks to be forgotten — everything held about them read out, and their erasure (ADR 0030).
 */
public final class UserRoutes implements EndpointGroup {

    /** Whose passes were revoked, and that every pass issued until now is refused. */
    record RevokedJson(String user, Instant passesValidAfter) {
    }

    /** The user is forgotten: their counts kept under {@code anonymousId}, their passes refused if issued until {@code at}. */
    record ErasedJson(String anonymousId, Instant at) {
    }

    private final SignIn signIn;
    private final ForgetUser forget;

    public UserRoutes(SignIn signIn, ForgetUser forget) {
        this.signIn = signIn;
        this.forget = forget;
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/users/{id}/revoke", ctx -> {
            String user = ctx.pathParam("id");
            Json.write(ctx, 200, new RevokedJson(user, signIn.revoke(user, Gate.admitted(ctx).userId())));
        }, LEAD);
        get("/api/v1/users/{id}/export",
                ctx -> Json.write(ctx, 200, forget.export(ctx.pathParam("id"), Gate.admitted(ctx).userId())), LEAD);
        // A POST to an erasure rather than a DELETE of the user: the user's counts stay, under another id, and the act is
        // a decision recorded in the audit log, as a revocation is.
        post("/api/v1/users/{id}/erasure", ctx -> {
            ForgetUser.Erased erased = forget.erase(ctx.pathParam("id"), Gate.admitted(ctx).userId());
            Json.write(ctx, 200, new ErasedJson(erased.anonymousId(), erased.at()));
        }, LEAD);
    }
}
