package dev.popcorn.app.participation;

import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The points ledger behind participation: one grant per user, kind and thing. Every total is a
 * sum the store computes over its rows; revoked grants count in none.
 */
public interface ParticipationStore {

    /** Records the grant unless the same user, kind and ref is recorded already; true if it was new. */
    boolean record(ParticipationEvent event);

    /** All-time points of the user. */
    long points(String userId);

    /** Points of the user from grants of these kinds made in {@code [from, until)}. */
    long points(String userId, Set<ParticipationKind> kinds, Instant from, Instant until);

    Optional<Grant> find(long id);

    Optional<Grant> find(String userId, ParticipationKind kind, String ref);

    /** The user's grants with an id below {@code beforeId}, newest first, at most {@code limit}. */
    List<Grant> grants(String userId, long beforeId, int limit);

    /** Takes the user's row lock (if the user is known) until the transaction ends, so their capped grants are summed one at a time. */
    void lockUser(String userId);

    /** Revokes the grant unless it is revoked already; true if it was revoked now. */
    boolean revoke(long id, String by, String reason, Instant at);

    /** The newest grants of every user, newest first, at most {@code limit}: what a lead reviews (and may revoke). */
    List<Grant> recent(int limit);

    /**
     * The live (not revoked) grants of {@code kind} to these users whose ref is {@code ref} or under it
     * ({@code ref + "/..."}): for example a report's helpful mark and those of its comments.
     */
    List<Grant> marks(ParticipationKind kind, Collection<String> userIds, String ref);

    /** Of these (user id, ref) pairs, those holding a grant of {@code kind} already (revoked or not). One query. */
    Set<List<String>> held(ParticipationKind kind, Collection<List<String>> userRefs);

    /** {@link #lockUser} for several users, in the order given. */
    void lockUsers(List<String> userIds);

    /** {@link #points(String, Set, Instant, Instant)} of several users at once, by user (absent: 0). One query. */
    Map<String, Long> points(Collection<String> userIds, Set<ParticipationKind> kinds, Instant from, Instant until);

    /**
     * Records grants known to be new (in the same transaction, {@link #held} found none), with their
     * users' all-time totals, in multi-row statements. A grant recorded meanwhile by another instance
     * fails the whole call (its unique key), and the transaction with it.
     */
    void recordAll(List<ParticipationEvent> events);
}
