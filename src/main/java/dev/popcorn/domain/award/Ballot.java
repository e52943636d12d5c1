package dev.popcorn.domain.award;

import java.time.Instant;

/** A user's vote in a poll; one per user and poll, replaced when the user changes their mind before the close. */
public record Ballot(long pollId, String userId, long candidateId, Instant castAt, String receipt) {
}
