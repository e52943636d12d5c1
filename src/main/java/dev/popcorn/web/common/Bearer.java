package dev.popcorn.web.common;

import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * Who calls the REST API: {@code Authorization: Bearer} with the admin token (a lead), the CI
 * token ({@code jenkins.token}, the CI role) or a user's API pass. A sign-in link or a session
 * is not an API pass and is refused as one.
 */
public final class Bearer {

    private final SignIn signIn;

    public Bearer(SignIn signIn) {
        this.signIn = signIn;
    }

    public Optional<Pass> of(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.startsWith("Bearer ")) {
            throw RuleViolation.unauthenticated("auth.bearerRequired");
        }
        String token = header.substring("Bearer ".length()).strip();
        if (signIn.isAdminToken(token)) {
            return Optional.of(new Pass(Kind.API, SignIn.ADMIN, "Lead", Role.LEAD, Instant.EPOCH, Instant.MAX));
        }
        if (signIn.isCiToken(token)) {
            return Optional.of(new Pass(Kind.API, SignIn.CI, "CI", Role.CI, Instant.EPOCH, Instant.MAX));
        }
        try {
            return Optional.of(signIn.api(token));
        } catch (RuleViolation e) {
            if (e.code().equals("pass.invalid")) {
                throw RuleViolation.unauthenticated("auth.token.unknown");
            }
            throw e;
        }
    }
}
