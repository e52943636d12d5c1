package dev.popcorn.app.identity;

import dev.popcorn.app.UserStore;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns proof of identity into a session pass: a signed personal link for users (until forum
 * single sign-on exists), the configured admin token for leads. Users are recorded on sign-in.
 */
public final class SignIn {

    private final Passes passes;
    private final UserStore users;
    private final byte[] adminToken;
    private final Duration sessionValidity;
    private final Clock clock;

    public SignIn(Passes passes, UserStore users, String adminToken, Duration sessionValidity, Clock clock) {
        this.passes = passes;
        this.users = users;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.sessionValidity = sessionValidity;
        this.clock = clock;
    }

    /** Opens a signed link and returns the session pass it grants (valid for the session length). */
    public String withLink(String linkToken) {
        Pass link = passes.open(linkToken);
        if (link.role() == Role.USER) {
            users.upsert(link.userId(), link.name(), clock.instant());
        }
        return passes.issue(link.userId(), link.name(), link.role(), sessionValidity);
    }

    /** Exchanges the admin token for a lead's session pass. */
    public String lead(String givenToken) {
        if (!isAdminToken(givenToken)) {
            throw RuleViolation.unauthenticated("auth.adminToken.wrong");
        }
        return passes.issue("lead", "Lead", Role.LEAD, sessionValidity);
    }

    /** Constant-time comparison with the configured admin token. */
    public boolean isAdminToken(String givenToken) {
        return givenToken != null
                && MessageDigest.isEqual(adminToken, givenToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks a session or bearer pass. */
    public Pass check(String token) {
        return passes.open(token);
    }
}
