package dev.popcorn.domain.participation;

/**
 * How many points each kind of act is worth, and the weekly cap on the plain kinds (a report, a
 * ballot) per user and release week; the quality-gated kinds (a wish that shipped) and points
 * given from outside are exempt. A cap of 0 means no cap.
 */
public record PointsRules(int report, int ballot, int wishShipped, int helpful, int weeklyCap, int wishLinked,
        int wishAuthorShipped, int streakBonus, int badge, int written) {

    public PointsRules {
        if (report < 0 || ballot < 0 || wishShipped < 0 || helpful < 0 || weeklyCap < 0 || wishLinked < 0
                || wishAuthorShipped < 0 || streakBonus < 0 || badge < 0 || written < 0) {
            throw new IllegalArgumentException("points and the weekly cap cannot be negative");
        }
    }

    public static PointsRules defaults() {
        return new PointsRules(ParticipationKind.REPORT_HANDED_IN.points(), ParticipationKind.BALLOT_CAST.points(),
                ParticipationKind.WISH_FULFILLED.points(), ParticipationKind.REPORT_HELPFUL.points(), 50);
    }

    /** The plain kinds, the shipped wish, helpful and the cap given; the other kinds at their defaults. */
    public PointsRules(int report, int ballot, int wishShipped, int helpful, int weeklyCap) {
        this(report, ballot, wishShipped, helpful, weeklyCap, ParticipationKind.WISH_LINKED.points(),
                ParticipationKind.WISH_AUTHOR_SHIPPED.points(), ParticipationKind.STREAK_BONUS.points(),
                ParticipationKind.BADGE.points(), ParticipationKind.REPORT_WRITTEN.points());
    }

    /** The same without {@code helpful} given: its default. */
    public PointsRules(int report, int ballot, int wishShipped, int weeklyCap) {
        this(report, ballot, wishShipped, ParticipationKind.REPORT_HELPFUL.points(), weeklyCap);
    }

    /** What an act of this kind is worth (an outside award carries its own amount: 0 here). */
    public int points(ParticipationKind kind) {
        return switch (kind) {
            case REPORT_HANDED_IN -> report;
            case REPORT_WRITTEN -> written;
            case BALLOT_CAST -> ballot;
            case WISH_FULFILLED -> wishShipped;
            case REPORT_HELPFUL -> helpful;
            case AWARDED -> 0;
            case WISH_LINKED -> wishLinked;
            case WISH_AUTHOR_SHIPPED -> wishAuthorShipped;
            case STREAK_BONUS -> streakBonus;
            case BADGE -> badge;
        };
    }

    /** What one act earns: its points, and the reason the ledger keeps with them (saying so when the cap cut them). */
    public record Award(int points, String reason) {
    }

    /**
     * What an act of this kind earns when the user already has {@code earnedThisWeek} points of capped kinds this
     * release week: all its points if the kind is exempt or there is no cap, else what remains under the cap (possibly
     * 0), with a reason that says it was capped. The weekly cap, once: every grant of the ledger asks it here.
     */
    public Award award(ParticipationKind kind, long earnedThisWeek) {
        int points = points(kind);
        if (!kind.capped() || weeklyCap == 0 || earnedThisWeek + points <= weeklyCap) {
            return new Award(points, kind.reason());
        }
        int allowed = (int) Math.max(0, Math.min(points, weeklyCap - earnedThisWeek));
        return new Award(allowed, kind.reason() + ", capped at the weekly limit of " + weeklyCap + " points");
    }
}
