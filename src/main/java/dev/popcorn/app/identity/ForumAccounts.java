package dev.popcorn.app.identity;

import dev.popcorn.app.UserStore;
import dev.popcorn.app.identity.IdentityProvider.Answer;
import dev.popcorn.app.identity.IdentityProvider.Change;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Users who are forum users: signing in through the forum (DiscourseConnect), keeping what the
 * forum says about them (trust level, groups, whether they lead, and which team members' names
 * stand for them, {@link MemberAccounts}) up to date from its webhooks
 * and from the periodic lead check, so that eligibility and lead rights follow the forum.
 *
 * <p>The round trip costs nothing until it comes back: {@link #start} makes a nonce that carries
 * its own creation time, the path to end at and a digest of a random browser key, signed with
 * the server's secret, and answers the browser key for a short-lived cookie. {@link #finish}
 * checks the forum's signature, the fixed return address, the nonce's signature and age, that the
 * browser bringing the answer holds the key the sign-in was started with (no sign-in planted in
 * another browser), and then records the nonce as used, which works once.
 */
public final class ForumAccounts {

    /** A sign-in under way: the forum address to send the browser to, and the key for the browser's cookie. */
    public record Started(String forumUrl, String browserKey) {
    }

    /** What the return trip gives: the session pass and where the user wanted to go. */
    public record SignedIn(String pass, String nextPath, User user) {
    }

    /** How sign-in through the forum is set up. */
    public record Settings(Supplier<String> returnUrl, Duration nonceValidity, List<String> leadGroups) {
        public Settings {
            leadGroups = List.copyOf(leadGroups);
        }
    }

    /**
     * Who else hears what the forum says about a user: {@code handLevelOf} reads which level granted by
     * hand a user's forum groups give (empty: none), {@code handLevel} hears a user's when it changes
     * (with a sign-in, a group webhook or the lead check), and {@code signedIn} hears every sign-in
     * through the forum (the user has a forum account now). A listener that fails is logged; it never
     * fails the sign-in or the webhook.
     */
    public record Listeners(Function<List<String>, Optional<String>> handLevelOf,
            BiConsumer<String, Optional<String>> handLevel, Consumer<String> signedIn) {

        public static Listeners none() {
            return new Listeners(groups -> Optional.empty(), (user, level) -> {}, user -> {});
        }
    }

    /** What one lead check did: leads asked about, and who is no longer one. */
    public record LeadCheck(int checked, List<String> demoted) {
    }

    private static final String NONCE_VERSION = "n1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final IdentityProvider provider;
    private final SignInNonces nonces;
    private final UserStore users;
    private final SignIn signIn;
    private final Passes passes;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final MemberAccounts members;
    private final Listeners listeners;

    private static final System.Logger LOG = System.getLogger(ForumAccounts.class.getName());

    public ForumAccounts(IdentityProvider provider, SignInNonces nonces, UserStore users, SignIn signIn, Passes passes,
            Settings settings, Clock clock) {
        this(provider, nonces, users, signIn, passes, settings, null, clock);
    }

    public ForumAccounts(IdentityProvider provider, SignInNonces nonces, UserStore users, SignIn signIn, Passes passes,
            Settings settings, MemberAccounts members, Clock clock) {
        this(provider, nonces, users, signIn, passes, settings, members, Listeners.none(), clock);
    }

    /**
     * {@code members} (may be null) hears every user name the forum vouches for, to link team members by
     * it; {@code listeners} hear sign-ins and the levels by hand that forum groups give.
     */
    public ForumAccounts(IdentityProvider provider, SignInNonces nonces, UserStore users, SignIn signIn, Passes passes,
            Settings settings, MemberAccounts members, Listeners listeners, Clock clock) {
        this.members = members;
        this.listeners = listeners;
        this.provider = provider;
        this.nonces = nonces;
        this.users = users;
        this.signIn = signIn;
        this.passes = passes;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return provider.enabled();
    }

    /** How long the browser's cookie of a sign-in under way lives: as long as its nonce. */
    public Duration nonceValidity() {
        return settings.nonceValidity();
    }

    /**
     * Starts a sign-in that ends at {@code nextPath} (a path of Popcorn's own; anything else ends at
     * home). Writes nothing: the nonce is signed, and bound to the browser by the key answered.
     */
    public Started start(String nextPath) {
        if (!provider.enabled()) {
            throw RuleViolation.notFound("signin.forum.off");
        }
        byte[] key = new byte[24];
        random.nextBytes(key);
        String browserKey = ENCODER.encodeToString(key);
        String body = NONCE_VERSION + "." + clock.instant().getEpochSecond() + "."
                + ENCODER.encodeToString(localPath(nextPath).getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(digest(browserKey));
        String nonce = body + "." + passes.sign(body);
        return new Started(provider.signInUrl(nonce, settings.returnUrl().get()), browserKey);
    }

    /**
     * Finishes the round trip with the forum's answer, in the browser holding {@code browserKey}
     * (null: none); every tampering, a foreign browser and a second use are refused, and record nothing.
     */
    public SignedIn finish(String sso, String sig, String browserKey) {
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
        Nonce nonce = Nonce.read(answer.nonce(), passes)
                .orElseThrow(() -> RuleViolation.unauthenticated("signin.forum.nonceUsed"));
        Instant now = clock.instant();
        Instant expiresAt = nonce.createdAt().plus(settings.nonceValidity());
        if (now.isAfter(expiresAt)) {
            throw RuleViolation.unauthenticated("signin.forum.nonceExpired", settings.nonceValidity().toMinutes());
        }
        if (browserKey == null || !MessageDigest.isEqual(digest(browserKey), nonce.browserDigest())) {
            throw RuleViolation.forbidden("signin.forum.otherBrowser");
        }
        // Forget the answers that expired; what is left is one row per sign-in of the last few minutes.
        nonces.purge(now);
        if (!nonces.use(answer.nonce(), expiresAt)) {
            throw RuleViolation.unauthenticated("signin.forum.nonceUsed");
        }
        List<String> before = users.find(answer.identity().externalId()).map(User::groups).orElse(null);
        User user = users.upsertFromForum(answer.identity(), now);
        if (members != null) {
            members.linked(answer.identity().username(), answer.identity().externalId());
        }
        heard(user.id(), before, answer.identity().groups());
        tell("sign-in", user.id(), () -> listeners.signedIn().accept(user.id()));
        String pass = signIn.forumSession(user.id(), user.name(), leads(answer.identity().groups()));
        return new SignedIn(pass, nonce.nextPath(), user);
    }

    /**
     * A signed webhook delivery from the forum: a user's trust level, groups or name changed. Only what the
     * signature covers decides (the body; never the unsigned event header), and no right is granted on the word of
     * a delivery alone, which anyone who saw it once could send again:
     * <ul>
     * <li>a change of group membership ({@code group_user}) names the user and the group, while whether they
     * joined or left is only in the header: Popcorn asks the forum for the user's groups as they are now and takes
     * those; when the forum cannot be asked, the named group is taken away (removing is safe), never given;</li>
     * <li>a user's whole record ({@code user}) is taken when it was not seen before ({@code replayed} false); a
     * group in it the user did not hold is granted only once the forum confirms it, else left out.</li>
     * </ul>
     * Answers whether anything changed.
     */
    public boolean changed(String event, String body, boolean replayed) {
        Optional<Change> change = provider.readWebhook(event, body);
        if (change.isEmpty()) {
            return false;
        }
        Change c = change.get();
        boolean membership = c.joined() != null || c.left() != null;
        if (replayed && !membership) {
            return false;
        }
        if (members != null && c.username() != null) {
            // Also for users who never signed in: a team member may name them.
            members.linked(c.username(), c.externalId());
        }
        List<String> groups = c.groups();
        Optional<User> known = groups == null && !membership ? Optional.empty() : users.find(c.externalId());
        List<String> before = known.map(User::groups).orElse(null);
        if (membership) {
            if (known.isEmpty()) {
                return false;
            }
            String named = c.joined() != null ? c.joined() : c.left();
            groups = provider.groupsOf(known.get().forumUsername()).orElseGet(() -> {
                List<String> fewer = new ArrayList<>(before == null ? List.of() : before);
                fewer.remove(named);
                return fewer;
            });
            if (groups.equals(before)) {
                return false;
            }
        } else if (groups != null && before != null && !before.containsAll(groups)) {
            String username = c.username() != null ? c.username() : known.map(User::forumUsername).orElse(null);
            List<String> said = groups;
            groups = provider.groupsOf(username).orElseGet(() -> said.stream().filter(before::contains).toList());
        }
        boolean updated = users.updateFromForum(c.externalId(), c.username(), c.trustLevel(), groups);
        if (updated && groups != null) {
            signIn.setLead(c.externalId(), leads(groups));
            heard(c.externalId(), before, groups);
        }
        return updated;
    }

    /**
     * Asks the forum about every user who leads because the forum said so, and takes lead rights
     * from those no longer in a lead group (their passes then count as a user's). A user the forum
     * no longer knows loses them too; a forum that does not answer changes nothing.
     */
    public LeadCheck checkLeads() {
        if (!provider.enabled()) {
            return new LeadCheck(0, List.of());
        }
        List<String> demoted = new ArrayList<>();
        List<User> leads = users.forumLeads();
        for (User lead : leads) {
            Optional<List<String>> groups = provider.groupsOf(lead.forumUsername());
            if (groups.isPresent() && !leads(groups.get())) {
                users.updateFromForum(lead.id(), null, null, groups.get());
                signIn.setLead(lead.id(), false);
                heard(lead.id(), lead.groups(), groups.get());
                demoted.add(lead.id());
            }
        }
        return new LeadCheck(leads.size(), List.copyOf(demoted));
    }

    /** Tells the hand-level listener when the level by hand the user's groups give changed from {@code before} to {@code after}. */
    private void heard(String userId, List<String> before, List<String> after) {
        Optional<String> was = listeners.handLevelOf().apply(before == null ? List.of() : before);
        Optional<String> now = listeners.handLevelOf().apply(after == null ? List.of() : after);
        if (!was.equals(now)) {
            tell("level by hand", userId, () -> listeners.handLevel().accept(userId, now));
        }
    }

    private static void tell(String what, String userId, Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the " + what + " of user " + userId + " was not taken in", e);
        }
    }

    private boolean leads(List<String> groups) {
        return groups.stream().anyMatch(settings.leadGroups()::contains);
    }

    /** A path of Popcorn's own ("/polls/3"), never another site ("//evil.example", "https://…"). */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 500
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private static byte[] digest(String browserKey) {
        try {
            return Arrays.copyOf(
                    MessageDigest.getInstance("SHA-256").digest(browserKey.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A nonce as {@link #start} made it: {@code n1.<created>.<next>.<browser digest>.<signature>}. */
    private record Nonce(Instant createdAt, String nextPath, byte[] browserDigest) {
        static Optional<Nonce> read(String nonce, Passes passes) {
            if (nonce == null || nonce.length() > 1500) {
                return Optional.empty();
            }
            String[] parts = nonce.split("\\.", -1);
            if (parts.length != 5 || !parts[0].equals(NONCE_VERSION)) {
                return Optional.empty();
            }
            String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            if (!passes.verify(body, parts[4])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Nonce(Instant.ofEpochSecond(Long.parseLong(parts[1])),
                        localPath(new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8)),
                        DECODER.decode(parts[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
