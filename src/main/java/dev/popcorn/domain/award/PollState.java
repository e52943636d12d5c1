package dev.popcorn.domain.award;

/**
 * Where a poll is in its life. {@code CLOSED} is never stored: an open poll is closed from its
 * closing instant on, whoever looks, so that no instance of Popcorn can accept a late ballot.
 */
public enum PollState {
    /** Candidates are being prepared; nobody can vote yet. */
    DRAFT,
    /** Ballots are accepted until the closing instant. */
    OPEN,
    /** The closing instant has passed; the result waits for a lead's review. */
    CLOSED,
    /** A lead approved the result; it is public. */
    APPROVED
}
