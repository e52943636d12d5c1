package dev.popcorn.domain.feedback;

/** What a user thinks of one feature of a release. */
public enum Verdict {
    LIKE,
    NOT_GOOD_ENOUGH
}
