package dev.popcorn.domain;

/** The ways a user takes part, each worth points once per release or poll. */
public enum ParticipationKind {
    REPORT_HANDED_IN(10),
    BALLOT_CAST(5);

    private final int points;

    ParticipationKind(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}
