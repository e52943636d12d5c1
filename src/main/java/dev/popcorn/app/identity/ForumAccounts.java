package dev.popcorn.app.identity;

import dev.popcorn.app.UserStore;
import dev.popcorn.app.identity.IdentityProvider.Answer;
import dev.popcorn.app.identity.IdentityProvider.Change;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users who are forum users: signing in through the forum (DiscourseConnect) and keeping what
 * the forum says about them (trust level, groups) up to date from its webhooks, so that the
 * award's eligibility rules see it.
 *
 * <p>The round trip: {@link #start} records a fresh nonce and answers the forum address to send
 * the browser to; the forum sends the browser back to the one return address fixed by the
 * configuration; {@link #finish} checks the signature, that the answer was meant for that
 * address, and takes the nonce, which works once and only within {@code nonceValidity}.
 */
public final class ForumAccounts {

    /** What the return trip gives: the session pass and where the user wanted to go. */
    public record SignedIn(String pass, String nextPath, User user) {
    }

    /** How sign-in through the forum is set up. */
    public record Settings(Supplier<String> returnUrl, Duration nonceValidity, Duration sessionValidity, List<String> leadGroups) {
        public Settings {
            leadGroups = List.copyOf(leadGroups);
        }
    }

    private final IdentityProvider provider;
    private final SignInNonces nonces;
    private final UserStore users;
    private final Passes passes;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ForumAccounts(IdentityProvider provider, SignInNonces nonces, UserStore users, Passes passes, Settings settings,
            Clock clock) {
        this.provider = provider;
        this.nonces = nonces;
        this.users = users;
        this.passes = passes;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return provider.enabled();
    }

    /** Starts a sign-in that ends at {@code nextPath} (a path of Popcorn's own; anything else ends at home). */
    public String start(String nextPath) {
        if (!provider.enabled()) {
            throw RuleViolation.notFound("signin.forum.off");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        // Round trips nobody finished are forgotten after a day; the table stays small.
        nonces.purge(now.minus(Duration.ofDays(1)));
        nonces.add(nonce, now, localPath(nextPath));
        return provider.signInUrl(nonce, settings.returnUrl().get());
    }

    /** Finishes the round trip with the forum's answer; every tampering is refused and records nothing. */
    public SignedIn finish(String sso, String sig) {
        if (!provider.enabled()) {
            throw RuleViolation.notFound("signin.forum.off");
        }
        if (sso == null || sso.isBlank() || sig == null || sig.isBlank()) {
            throw RuleViolation.invalid("signin.forum.incomplete");
        }
        Answer answer = provider.verify(sso, sig);
        if (!settings.returnUrl().get().equals(answer.returnUrl())) {
            throw RuleViolation.forbidden("signin.forum.returnUrl", answer.returnUrl());
        }
        SignInNonces.Issued issued = nonces.take(answer.nonce())
                .orElseThrow(() -> RuleViolation.unauthenticated("signin.forum.nonceUsed"));
        if (clock.instant().isAfter(issued.createdAt().plus(settings.nonceValidity()))) {
            throw RuleViolation.unauthenticated("signin.forum.nonceExpired", settings.nonceValidity().toMinutes());
        }
        User user = users.upsertFromForum(answer.identity(), clock.instant());
        boolean lead = answer.identity().groups().stream().anyMatch(settings.leadGroups()::contains);
        String pass = passes.issue(user.id(), user.name(), lead ? Role.LEAD : Role.USER, settings.sessionValidity());
        return new SignedIn(pass, issued.nextPath(), user);
    }

    /**
     * Applies a forum webhook about a user. Answers whether a user Popcorn knows changed; users who
     * never signed in are not recorded (they sign in when they first take part).
     */
    public boolean changed(String event, String body) {
        Optional<Change> change = provider.readWebhook(event, body);
        if (change.isEmpty()) {
            return false;
        }
        Change c = change.get();
        List<String> groups = c.groups();
        if (groups == null && (c.joined() != null || c.left() != null)) {
            Optional<User> user = users.find(c.externalId());
            if (user.isEmpty()) {
                return false;
            }
            groups = new ArrayList<>(user.get().groups() == null ? List.of() : user.get().groups());
            if (c.joined() != null && !groups.contains(c.joined())) {
                groups.add(c.joined());
            }
            groups.remove(c.left());
        }
        return users.updateFromForum(c.externalId(), c.username(), c.trustLevel(), groups);
    }

    /** A path of Popcorn's own ("/polls/3"), never another site ("//evil.example", "https://…"). */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
