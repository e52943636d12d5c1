package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.identity.SignIn;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Instant;

/** Users as a lead manages them: revoking every pass a user holds (a lost phone, a leaked token, a lead who left). */
final class UserRoutes implements EndpointGroup {

    /** Whose passes were revoked, and that every pass issued until then is refused. */
    record RevokedJson(String user, Instant passesValidAfter) {
    }

    private final SignIn signIn;

    UserRoutes(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/users/{id}/revoke", ctx -> {
            String user = ctx.pathParam("id");
            Json.write(ctx, 200, new RevokedJson(user, signIn.revoke(user, Gate.admitted(ctx).userId())));
        }, LEAD);
    }
}
