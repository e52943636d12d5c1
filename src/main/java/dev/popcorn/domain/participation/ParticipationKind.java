package dev.popcorn.domain.participation;

/**
 * The ways a user earns participation points, each granted once per release, poll, wish or
 * outside reference. The points here are the defaults; {@link PointsRules} holds the configured ones.
 */
public enum ParticipationKind {
    REPORT_HANDED_IN(10, true, "report handed in"),
    /**
     * The report carries written comments, long enough to be checked for a copy ({@link CommentSketch#MIN_LENGTH}) and
     * no copy: a considered report earns more than a bare verdict. Once per release, also when written in a later edit.
     */
    REPORT_WRITTEN(5, true, "report with written comments"),
    BALLOT_CAST(5, true, "ballot cast"),
    /**
     * A wish the user supported (a +1, or a ticket backed) was done in the tracker. Counted under the weekly cap:
     * a +1 costs nothing and has no limit, so without the cap backing every open ticket would pay.
     */
    WISH_FULFILLED(20, true, "wish shipped"),
    /** A lead marked the user's report helpful: quality-gated, so the weekly cap does not apply. */
    REPORT_HELPFUL(15, false, "report marked helpful"),
    /** Points given from outside (a forum moderator's award) by a lead: exempt from the cap, the amount is the lead's. */
    AWARDED(0, false, "awarded"),
    /** An engineer linked the user's wish to a ticket: quality-gated, exempt from the cap. */
    WISH_LINKED(10, false, "wish linked to a ticket"),
    /**
     * The wish the user filed in their own words shipped: the author earns more than its supporters; exempt from the
     * cap, since filing is limited to the level's wishes a day and shipping is an engineer's decision.
     */
    WISH_AUTHOR_SHIPPED(40, false, "own wish shipped"),
    /** The user's streak of releases reached a milestone (every few releases in a row): exempt from the cap. */
    STREAK_BONUS(15, false, "streak bonus"),
    /** The user earned a badge tier: exempt from the cap. */
    BADGE(10, false, "badge earned");

    private final int points;
    private final boolean capped;
    private final String reason;

    ParticipationKind(int points, boolean capped, String reason) {
        this.points = points;
        this.capped = capped;
        this.reason = reason;
    }

    /** The default points of this kind. */
    public int points() {
        return points;
    }

    /** Whether the kind is a plain one, counted against the weekly cap. */
    public boolean capped() {
        return capped;
    }

    /** Why a grant of this kind is given, as the ledger keeps it. */
    public String reason() {
        return reason;
    }
}
