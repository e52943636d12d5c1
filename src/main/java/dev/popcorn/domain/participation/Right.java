package dev.popcorn.domain.participation;

/**
 * What a level lets a user do beyond reporting. Each right is held from a configured level up
 * ({@code levels.<right>-from}); the daily limit of wishes is a number per level instead.
 */
public enum Right {
    /** Vote in the Popcorn Award (on top of the award's own eligibility rules). */
    VOTE,
    /** Nominate a project as an award candidate before the poll opens; a lead accepts or declines it. */
    NOMINATE,
    /** Join the forum's early-access group, which gets builds before everyone else. */
    EARLY_ACCESS;

    /** The name of its configuration key: {@code levels.vote-from}, {@code levels.nominate-from}, {@code levels.early-access-from}. */
    public String key() {
        return "levels." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-from";
    }
}
