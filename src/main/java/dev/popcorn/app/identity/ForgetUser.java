package dev.popcorn.app.identity;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user asks to be forgotten (issue 29, item 6; ADR 0030). A lead reads out everything Popcorn holds about them, and
 * erases them: their name and words go, what they counted for (ballots, points, badges, backing) stays, moved to a
 * fresh anonymous id, so every past result and board adds up as before; their passes end at once; the forum is told
 * to take them out of Popcorn's groups. Both acts are audited; the erasure's entry names only the anonymous id.
 */
public final class ForgetUser {

    /** What a forgotten user is called from now on, in both languages: names are stored once, not per reader. */
    public static final String NEUTRAL_NAME = "A forgotten fan · 已注销的用户";
    /** What replaces the words a forgotten user wrote (comments, wishes), so that counts of them stay right. */
    public static final String REMOVED = "(removed at the author's request · 应作者要求已删除)";
    /** How every anonymous id starts: recognisable as one in an export or a log. */
    public static final String ANONYMOUS_PREFIX = "gone-";

    /** The forum side: told of a forgotten user (in the erasure's transaction); true when a delivery was filed. */
    @FunctionalInterface
    public interface Farewell {
        boolean forgotten(String anonymousId);

        static Farewell none() {
            return anonymousId -> false;
        }
    }

    /** Where the user's counts went, and since when their passes are refused. */
    public record Erased(String anonymousId, Instant at) {
    }

    private final ForgetStore store;
    private final UserStore users;
    private final Transactions transactions;
    private final AuditLog audit;
    private final SignIn signIn;
    private final Farewell farewell;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ForgetUser(ForgetStore store, UserStore users, Transactions transactions, AuditLog audit,
            SignIn signIn, Farewell farewell, Clock clock) {
        this.store = store;
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
        this.signIn = signIn;
        this.farewell = farewell;
        this.clock = clock;
    }

    /** Everything Popcorn holds about the user, grouped by what it is; the read is audited. 404 for an unknown user. */
    public Map<String, Object> export(String userId, String lead) {
        requireId(userId);
        Map<String, List<Map<String, Object>>> groups = store.export(userId)
                .orElseThrow(() -> RuleViolation.notFound("user.forget.unknown", userId));
        Instant now = clock.instant();
        audit.record(new AuditEntry(now, lead, "user.export", "user:" + userId,
                "everything Popcorn holds about the user read out")
                .noted("userExported"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("user", userId);
        document.put("exportedAt", now.toString());
        document.putAll(groups);
        return document;
    }

    /**
     * Erases the user, in one transaction. An unknown id — one never seen, or erased already — is refused (404), changing
     * nothing: the id no longer names anyone. The admin's and the CI's ids are refused (409): they are not people.
     */
    public Erased erase(String userId, String lead) {
        requireId(userId);
        if (SignIn.ADMIN.equals(userId) || SignIn.CI.equals(userId) || userId.startsWith(ANONYMOUS_PREFIX)) {
            throw RuleViolation.conflict("user.forget.notAPerson", userId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String anonymous = ANONYMOUS_PREFIX + HexFormat.of().formatHex(bytes());
        transactions.inTransaction(() -> {
            boolean known = store.erase(new ForgetStore.Erasure(userId, anonymous, NEUTRAL_NAME, REMOVED,
                    Revocations.digest(userId), now));
            if (!known) {
                throw RuleViolation.notFound("user.forget.unknown", userId);
            }
            if (!farewell.forgotten(anonymous)) {
                // Nothing to tell the forum: the forum user name has no use left.
                users.dropForumUsername(anonymous);
            }
            audit.record(new AuditEntry(now, lead, "user.forget", "user:" + anonymous,
                    "a user was forgotten: their counts are kept under this anonymous id").noted("userForgotten"));
            return null;
        });
        signIn.forgotten(userId, now);
        return new Erased(anonymous, now);
    }

    private byte[] bytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void requireId(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 120) {
            throw RuleViolation.invalid("user.id.invalid");
        }
    }
}
