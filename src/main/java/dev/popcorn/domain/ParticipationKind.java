package dev.popcorn.domain;

/** The ways a user takes part, each worth points once per release, poll or wish. */
public enum ParticipationKind {
    REPORT_HANDED_IN(10),
    BALLOT_CAST(5),
    /** A wish the user supported was done in the tracker. */
    WISH_FULFILLED(20);

    private final int points;

    ParticipationKind(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}
