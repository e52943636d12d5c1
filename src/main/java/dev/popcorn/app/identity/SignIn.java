package dev.popcorn.app.identity;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who someone is, from what they show: a personal link turns into a session, the admin token
 * into a lead's session, a session into an API pass; a session cookie and a bearer pass are
 * checked against the user's standing, so that a revoked pass or a lead who is no longer one is
 * refused on every instance. A pass is accepted only as what it was issued for (ADR 0011).
 *
 * <p>A user's pass is checked against the revocation list, not the user's row: the passes revoked
 * lately, read again from the store at most once a second (ADR 0020). A revocation made here holds at
 * once; one made on another instance within a second. A lead's pass still asks the store each time
 * whether its holder is a lead.
 */
public final class SignIn {

    /** The admin token (a lead, always), the CI token (empty: none) and how long sessions and API passes hold. */
    public record Settings(String adminToken, String ciToken, Duration sessionValidity, Duration apiValidity) {
    }

    /** The id of the lead who signs in with the admin token. */
    public static final String ADMIN = "lead";
    /** The id under which the CI server acts (its audit entries say so). */
    public static final String CI = "ci";

    private final Passes passes;
    private final UserStore users;
    private final Transactions transactions;
    private final AuditLog audit;
    private final byte[] adminToken;
    private final byte[] ciToken;
    private final Settings settings;
    private final Clock clock;
    private final Revocations revocations;

    public SignIn(Passes passes, UserStore users, Transactions transactions, AuditLog audit, Settings settings,
            Clock clock) {
        this.passes = passes;
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
        this.adminToken = settings.adminToken().getBytes(StandardCharsets.UTF_8);
        this.ciToken = settings.ciToken() == null ? new byte[0] : settings.ciToken().getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
        this.clock = clock;
        this.revocations = new Revocations(users);
    }

    /** Whom a personal link signs in, without signing in: for the page that asks "sign in as …?". */
    public Pass linkHolder(String linkToken) {
        return check(linkToken, Kind.LINK);
    }

    /**
     * Opens a personal link (only a link: a session or an API pass is refused) and answers the
     * session it grants. A lead's link makes its user a lead: only the holder of the secret signs one.
     */
    public String withLink(String linkToken) {
        Pass link = passes.open(linkToken, Kind.LINK);
        refuseIfRevoked(link);
        if (link.role() == Role.CI) {
            throw RuleViolation.unauthenticated("pass.invalid");
        }
        transactions.inTransaction(() -> {
            users.upsert(link.userId(), link.name(), clock.instant());
            if (link.isLead()) {
                users.setLead(link.userId(), true);
            }
            return null;
        });
        return passes.issue(Kind.SESSION, link.userId(), link.name(), link.role(), settings.sessionValidity());
    }

    /** Exchanges the admin token for a lead's session pass. */
    public String lead(String givenToken) {
        if (!isAdminToken(givenToken)) {
            throw RuleViolation.unauthenticated("auth.adminToken.wrong");
        }
        transactions.inTransaction(() -> {
            users.upsert(ADMIN, "Lead", clock.instant());
            users.setLead(ADMIN, true);
            return null;
        });
        return passes.issue(Kind.SESSION, ADMIN, "Lead", Role.LEAD, settings.sessionValidity());
    }

    /** A session for a forum user the forum just vouched for; {@code lead} as their groups say now. */
    String forumSession(String userId, String name, boolean lead) {
        setLead(userId, lead);
        return passes.issue(Kind.SESSION, userId, name, lead ? Role.LEAD : Role.USER, settings.sessionValidity());
    }

    /**
     * Records whether the user leads, as the forum's lead groups say. A lead who no longer is loses every pass
     * issued until now (sessions, API passes, and the lead's links, which would otherwise make them a lead again):
     * they sign in again as the user they are.
     */
    void setLead(String userId, boolean lead) {
        boolean was = users.leadRole(userId).map(UserStore.LeadRole::lead).orElse(false);
        users.setLead(userId, lead);
        if (was && !lead) {
            // A millisecond back: a pass issued right after this (the forum sign-in that told us) still holds.
            Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusMillis(1);
            users.revokePasses(userId, before);
            revocations.revoked(userId, before);
            audit.record(new AuditEntry(clock.instant(), "forum", "lead.demote", "user:" + userId,
                    "no longer in a lead group: every pass issued until now refused").noted("leadDemoted"));
        }
    }

    /** An API pass for the signed-in person (as their session says now), valid for {@code security.api-days}. */
    public String apiPass(Pass session) {
        if (session.kind() != Kind.SESSION) {
            throw RuleViolation.unauthenticated("pass.wrongKind.session");
        }
        return passes.issue(Kind.API, session.userId(), session.name(), session.role(), settings.apiValidity());
    }

    /** Until when an API pass issued now holds. */
    public Instant apiPassExpiry() {
        return clock.instant().plus(settings.apiValidity());
    }

    /** Constant-time comparison with the configured admin token. */
    public boolean isAdminToken(String givenToken) {
        return givenToken != null
                && MessageDigest.isEqual(adminToken, givenToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison with the CI token ({@code jenkins.token}); never true while none is configured. */
    public boolean isCiToken(String givenToken) {
        return ciToken.length > 0 && givenToken != null
                && MessageDigest.isEqual(ciToken, givenToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks a session cookie's pass: a session, not revoked, a lead only while the user still is one. */
    public Pass session(String token) {
        return check(token, Kind.SESSION);
    }

    /** Checks a bearer pass: an API pass, not revoked, a lead only while the user still is one. */
    public Pass api(String token) {
        return check(token, Kind.API);
    }

    /** Refuses every pass the user holds now, on every instance ("sign out everywhere"). */
    /**
     * The holder of this session signs out: the session's pass is refused from now on, on every instance, even if a
     * copy of the cookie is kept (until it would have expired: then it is forgotten).
     */
    public void signOut(Pass session) {
        if (session.kind() != Kind.SESSION) {
            return;
        }
        Instant now = clock.instant();
        users.endSession(session.userId(), session.issuedAt(), now, now.minus(settings.sessionValidity()));
        revocations.ended(java.util.Map.entry(session.userId(),
                session.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    public void signOutEverywhere(String userId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        users.revokePasses(userId, now);
        revocations.revoked(userId, now);
    }

    /** A lead refuses every pass a user holds now; recorded in the audit log. Answers the instant passes hold after. */
    public Instant revoke(String userId, String lead) {
        if (userId == null || userId.isBlank() || userId.length() > 120) {
            throw RuleViolation.invalid("user.id.invalid");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        transactions.inTransaction(() -> {
            users.revokePasses(userId, now);
            audit.record(
                    new AuditEntry(now, lead, "user.revoke", "user:" + userId, "every pass issued until now refused")
                            .noted("passesRevoked"));
            return null;
        });
        revocations.revoked(userId, now);
        return now;
    }

    /** The user was forgotten (in a transaction now committed): their passes are refused here at once, elsewhere within a second. */
    void forgotten(String userId, Instant at) {
        revocations.forgotten(userId, at);
    }

    private Pass check(String token, Kind kind) {
        Pass pass = passes.open(token, kind);
        if (kind == Kind.SESSION && revocations.ended(pass.userId(), pass.issuedAt())) {
            throw RuleViolation.unauthenticated("pass.signedOut");
        }
        Optional<UserStore.LeadRole> standing = refuseIfRevoked(pass);
        if (pass.isLead() && !standing.map(UserStore.LeadRole::lead).orElse(false)) {
            // No longer a lead (the forum's groups, or never recorded as one): still themself, as a user.
            return pass.as(Role.USER);
        }
        return pass;
    }

    private Optional<UserStore.LeadRole> refuseIfRevoked(Pass pass) {
        // Only a lead's pass needs the user's row (are they still a lead?); anyone's is checked against the list.
        Optional<UserStore.LeadRole> standing = pass.isLead() ? users.leadRole(pass.userId()) : Optional.empty();
        Instant validAfter = pass.isLead() ? standing.map(UserStore.LeadRole::passesValidAfter).orElse(null)
                : revocations.validAfter(pass.userId()).orElse(null);
        if (validAfter != null && !pass.issuedAt().isAfter(validAfter)) {
            throw RuleViolation.unauthenticated("pass.revoked");
        }
        // A forgotten user's passes, a lead's too: no row is left to ask (ADR 0030).
        Instant forgottenAt = revocations.forgottenAfter(pass.userId()).orElse(null);
        if (forgottenAt != null && !pass.issuedAt().isAfter(forgottenAt)) {
            throw RuleViolation.unauthenticated("pass.revoked");
        }
        return standing;
    }
}
