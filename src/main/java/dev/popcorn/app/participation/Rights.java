package dev.popcorn.app.participation;

import dev.popcorn.domain.Right;

/**
 * What a user's level lets them do, as the acts ask it: each check refuses with a reason naming
 * the level it takes, in both languages. {@link Standing} answers from the ladder.
 */
public interface Rights {

    /** Refuses unless the user's level holds {@code right}. */
    void require(String userId, Right right);

    /** Refuses {@code newWishes} more wishes today beyond the daily limit of the user's level. */
    void requireWishes(String userId, int newWishes);

    /** No ladder: everyone may do everything (tests of the acts alone). */
    static Rights everyone() {
        return new Rights() {
            @Override
            public void require(String userId, Right right) {
            }

            @Override
            public void requireWishes(String userId, int newWishes) {
            }
        };
    }
}
