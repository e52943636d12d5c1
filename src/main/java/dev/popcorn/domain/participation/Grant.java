package dev.popcorn.domain.participation;

import java.time.Instant;

/**
 * One row of the points ledger: a grant of points to a user, for a kind of act and the thing it
 * was about, with why; a revoked grant ({@code revokedAt} set) counts in no total.
 */
public record Grant(long id, String userId, ParticipationKind kind, String ref, int points, Instant at, String reason,
        Instant revokedAt, String revokedBy, String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
