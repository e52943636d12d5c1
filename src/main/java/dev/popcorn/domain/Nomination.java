package dev.popcorn.domain;

import java.time.Instant;

/**
 * A fan's nomination of a project for the Popcorn Award (a team, a title, a one-line pitch), made
 * before the poll opens by a user whose level holds {@link Right#NOMINATE}. A lead accepts it (it
 * becomes a candidate, {@code candidateId}) or declines it with a reason ({@code decision}), once.
 * Title and pitch follow a candidate's limits, so an accepted nomination always makes a valid one.
 */
public record Nomination(long id, long pollId, String userId, String teamSlug, String title, String pitch,
        State state, Instant createdAt, String decidedBy, Instant decidedAt, String decision, Long candidateId) {

    /** Where a nomination stands: waiting for a lead, or decided one way. */
    public enum State {
        PENDING, ACCEPTED, DECLINED
    }

    /** The longest title and pitch, a candidate's. */
    public static final int TITLE_MAX = 120;
    public static final int PITCH_MAX = 200;
    /** The longest reason a lead gives for declining. */
    public static final int REASON_MAX = 500;

    public Nomination {
        title = Text.require(title, "nomination.title", 1, TITLE_MAX).strip();
        pitch = Text.require(pitch, "nomination.pitch", 1, PITCH_MAX).strip();
        if (state == null || createdAt == null) {
            throw new IllegalArgumentException("a nomination has a state and a time");
        }
    }

    /** A new, pending nomination. */
    public static Nomination of(long pollId, String userId, String teamSlug, String title, String pitch, Instant at) {
        return new Nomination(0, pollId, userId, teamSlug, title, pitch, State.PENDING, at, null, null, null, null);
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    /** Throws unless it waits for a decision (a decided nomination stays decided: 409). */
    public void checkPending() {
        if (!pending()) {
            throw RuleViolation.conflict("nomination.decided", title);
        }
    }

    /** Accepted by {@code lead}: it stands as candidate {@code candidate}. */
    public Nomination accepted(long candidate, String lead, Instant at) {
        checkPending();
        return new Nomination(id, pollId, userId, teamSlug, title, pitch, State.ACCEPTED, createdAt, lead, at, null,
                candidate);
    }

    /** Declined by {@code lead} for a reason, which the nominator reads. */
    public Nomination declined(String reason, String lead, Instant at) {
        checkPending();
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("nomination.reason.missing");
        }
        String why = Text.require(reason, "nomination.reason", 1, REASON_MAX).strip();
        return new Nomination(id, pollId, userId, teamSlug, title, pitch, State.DECLINED, createdAt, lead, at, why, null);
    }

    public Nomination withId(long newId) {
        return new Nomination(newId, pollId, userId, teamSlug, title, pitch, state, createdAt, decidedBy, decidedAt,
                decision, candidateId);
    }
}
