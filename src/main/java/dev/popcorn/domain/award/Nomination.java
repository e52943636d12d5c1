package dev.popcorn.domain.award;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import java.time.Instant;

/**
 * A fan's nomination of a project for the Popcorn Award (a team, a title, a one-line pitch), made
 * before the poll opens by a user whose level holds {@link Right#NOMINATE}. A lead accepts it (it
 * becomes a candidate, {@code candidateId}) or declines it with a reason ({@code decision}), once.
 * Title and pitch follow a candidate's limits, so an accepted nomination always makes a valid one. A fan who writes
 * in Chinese may give the title in English too ({@code titleEn}, empty otherwise): the candidate then has both, each
 * read by its own readers.
 */
public record Nomination(long id, long pollId, String userId, String teamSlug, String title, String titleEn,
        String pitch,
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
        titleEn = Text.optional(titleEn, "nomination.titleEn", TITLE_MAX);
        pitch = Text.require(pitch, "nomination.pitch", 1, PITCH_MAX).strip();
        if (state == null || createdAt == null) {
            throw new IllegalArgumentException("a nomination has a state and a time");
        }
    }

    /** A new, pending nomination. */
    public static Nomination of(long pollId, String userId, String teamSlug, String title, String pitch, Instant at) {
        return of(pollId, userId, teamSlug, title, "", pitch, at);
    }

    /** A new, pending nomination whose title is also given in English ({@code titleEn}, empty: not). */
    public static Nomination of(long pollId, String userId, String teamSlug, String title, String titleEn, String pitch,
            Instant at) {
        return new Nomination(0, pollId, userId, teamSlug, title, titleEn, pitch, State.PENDING, at, null, null, null,
                null);
    }

    /**
     * The title English readers read once it is a candidate: the English one given, else the one written. Where an
     * English title is given, the one written is the Chinese readers' ({@link #candidateTitleZh}).
     */
    public String candidateTitle() {
        return titleEn.isEmpty() ? title : titleEn;
    }

    /** The candidate's Chinese title: the one written, when an English one was given beside it (and differs). */
    public String candidateTitleZh() {
        return titleEn.isEmpty() || titleEn.equals(title) ? "" : title;
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
        return new Nomination(id, pollId, userId, teamSlug, title, titleEn, pitch, State.ACCEPTED, createdAt, lead, at,
                null,
                candidate);
    }

    /** Declined by {@code lead} for a reason, which the nominator reads. */
    public Nomination declined(String reason, String lead, Instant at) {
        checkPending();
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("nomination.reason.missing");
        }
        String why = Text.require(reason, "nomination.reason", 1, REASON_MAX).strip();
        return new Nomination(id, pollId, userId, teamSlug, title, titleEn, pitch, State.DECLINED, createdAt, lead, at,
                why, null);
    }

    public Nomination withId(long newId) {
        return new Nomination(newId, pollId, userId, teamSlug, title, titleEn, pitch, state, createdAt, decidedBy,
                decidedAt,
                decision, candidateId);
    }
}
