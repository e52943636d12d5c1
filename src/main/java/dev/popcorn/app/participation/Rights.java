package dev.popcorn.app.participation;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Right;

/**
 * What a user's level lets them do, as the acts ask it: each check refuses with a reason naming
 * the level it takes, in both languages. {@link Levels} answers from the ladder.
 */
public interface Rights {

    /** Refuses unless the user's level holds {@code right}. */
    void require(String userId, Right right);

    /**
     * How many more wishes the user may file today, and the refusal that names the limit (their level's wishes a
     * day, in both languages) for those beyond it. Inside the hand-in's transaction: the user's row lock is taken,
     * so two hand-ins at once count one after the other.
     */
    Allowance wishesLeft(String userId);

    /** Wishes the user may still file today, and why no more (the refusal to tell them; null where there is no limit). */
    record Allowance(int left, RuleViolation limit) {
    }

    /** No ladder: everyone may do everything (tests of the acts alone). */
    static Rights everyone() {
        return new Rights() {
            @Override
            public void require(String userId, Right right) {
            }

            @Override
            public Allowance wishesLeft(String userId) {
                return new Allowance(Integer.MAX_VALUE, null);
            }
        };
    }
}
