package dev.popcorn.domain.award;

/**
 * What happens when candidates share the most votes (configured as {@code award.tie-rule}).
 * A named tie-break picks one winner by a second count; when that count ties too, or for
 * {@link #SHARED}, the tied candidates share the award.
 */
public enum TieRule {
    /** Every candidate with the most votes wins; each team gets a bucket of popcorn. */
    SHARED,
    /** The tied candidate whose tickets users liked most in the week's reports wins. */
    MOST_LIKES,
    /** The tied candidate that reached the winning number of votes first wins. */
    FIRST_TO_REACH
}
