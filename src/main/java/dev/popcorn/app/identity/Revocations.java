package dev.popcorn.app.identity;

import dev.popcorn.app.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation list: since when each user's passes hold, for the users who ever signed out everywhere
 * or were revoked by a lead (ADR 0020). Read from the store at most once a {@link #FRESH} — all of it the
 * first time, then what was revoked in the last {@link #OVERLAP} (a revocation committed late, or by an
 * instance whose clock is behind, is still seen) — so that a request asks the store nothing about who
 * it comes from. Freshness is measured on the monotonic clock (a cache's age, not a time of the loop).
 */
final class Revocations {

    static final Duration FRESH = Duration.ofSeconds(1);
    static final Duration OVERLAP = Duration.ofMinutes(10);

    private final UserStore users;
    private final Map<String, Instant> validAfter = new ConcurrentHashMap<>();
    /** Forgotten users (ADR 0030): by the digest of their id, since no row names it any more. */
    private final Map<String, Instant> forgotten = new ConcurrentHashMap<>();
    /** Sessions signed out of: user id and issue time (the sessions of one browser). */
    private final java.util.Set<Map.Entry<String, Instant>> ended = ConcurrentHashMap.newKeySet();
    private volatile long readAt;
    private volatile boolean read;
    private Instant newest = Instant.EPOCH;
    private Instant newestEnd = Instant.EPOCH;

    Revocations(UserStore users) {
        this.users = users;
    }

    /** Since when the user's passes hold, if they were ever revoked. */
    Optional<Instant> validAfter(String userId) {
        if (!read || System.nanoTime() - readAt >= FRESH.toNanos()) {
            readAgain();
        }
        return Optional.ofNullable(validAfter.get(userId));
    }

    /** Since when the passes issued to this id hold, if the user was forgotten; the digest is made only when some were. */
    Optional<Instant> forgottenAfter(String userId) {
        if (!read || System.nanoTime() - readAt >= FRESH.toNanos()) {
            readAgain();
        }
        return forgotten.isEmpty() ? Optional.empty() : Optional.ofNullable(forgotten.get(digest(userId)));
    }

    /** A user forgotten on this instance: their passes are refused at once. */
    void forgotten(String userId, Instant at) {
        forgotten.merge(digest(userId), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How a forgotten id is kept: SHA-256 of it, in hex. */
    static String digest(String userId) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("popcorn-forgotten:" + userId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the holder of this session signed out of it. */
    boolean ended(String userId, Instant issuedAt) {
        if (!read || System.nanoTime() - readAt >= FRESH.toNanos()) {
            readAgain();
        }
        return ended.contains(Map.entry(userId, issuedAt));
    }

    /** A sign-out on this instance: it holds at once. */
    void ended(Map.Entry<String, Instant> session) {
        ended.add(session);
    }

    /** A revocation made on this instance: it holds at once. */
    void revoked(String userId, Instant at) {
        validAfter.merge(userId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private synchronized void readAgain() {
        if (read && System.nanoTime() - readAt < FRESH.toNanos()) {
            return;
        }
        Instant since = read ? newest.minus(OVERLAP) : Instant.EPOCH;
        users.revokedSince(since).forEach((user, at) -> {
            revoked(user, at);
            if (at.isAfter(newest)) {
                newest = at;
            }
        });
        users.forgottenSince(since).forEach((digest, at) -> {
            forgotten.merge(digest, at, (a, b) -> a.isAfter(b) ? a : b);
            if (at.isAfter(newest)) {
                newest = at;
            }
        });
        // Read with the same overlap; kept while the instance runs (one entry a sign-out; the table forgets expired ones).
        for (UserStore.EndedSession session : users
                .sessionsEndedSince(read ? newestEnd.minus(OVERLAP) : Instant.EPOCH)) {
            ended.add(Map.entry(session.userId(), session.issuedAt()));
            if (session.endedAt().isAfter(newestEnd)) {
                newestEnd = session.endedAt();
            }
        }
        readAt = System.nanoTime();
        read = true;
    }
}
