package dev.popcorn.app;

import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.Wish;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experience reports and the wishes they carry. */
public interface ReportStore {

    /** A report as a lead reviews it: its author, when it was first handed in, its verdicts (with comments) by ticket. */
    record Handed(String userId, Instant handedInAt, List<dev.popcorn.domain.feedback.FeatureVerdict> verdicts) {
    }

    /**
     * Stores the report, replacing the user's earlier one for the same release. Its new wishes are filed before
     * ({@link #fileWish}, by the hand-in's rule): a report given here carries none.
     */
    void save(ExperienceReport report, Instant at);

    Optional<ExperienceReport> find(long releaseId, String userId);

    long count(long releaseId);

    /** How many reports each of these releases has, by release id (0 for none). One query. */
    Map<Long, Long> counts(Collection<Long> releaseIds);

    /** How many "like" verdicts the release's reports gave the tickets, counted in the store. */
    long likes(long releaseId, List<String> ticketKeys);

    /** The most supported wishes, most supporters first. */
    List<Wish> topWishes(int limit);

    boolean wishExists(long wishId);

    /** The wishes with these ids, with their supporters, in id order. */
    List<Wish> wishes(List<Long> ids);

    /** Wishes not fulfilled yet, most supported first: what a new wish is matched against. */
    List<Wish> openWishes(int limit);

    /**
     * The wish that stands for this ticket, filed in the ticket's words if there is none yet, by nobody
     * ({@link dev.popcorn.domain.feedback.Wish#NO_AUTHOR}): the users backing it are its supporters.
     */
    long wishForTicket(String ticketKey, String summary, long releaseId, java.time.Instant at);

    /** Links the wish to a ticket; its supporters follow that ticket from now on. */
    void linkTicket(long wishId, String ticketKey);

    /** The wishes linked to this ticket that are not fulfilled yet. */
    List<Wish> unfulfilledWishesOf(String ticketKey);

    /** Marks the wish fulfilled unless it is already; true if this call did it. */
    boolean fulfil(long wishId, java.time.Instant at);

    /** The users who support the wish. */
    List<String> supporters(long wishId);

    /** How many users support wishes linked to this ticket. */
    long supportersOfTicket(String ticketKey);

    /** The wish this user filed on this release in exactly these words, if any (the oldest, should there be two). */
    Optional<Long> wishOf(String authorId, long releaseId, String text);

    /** Files a new wish in the user's words on this release, with no supporter yet; answers its id. */
    long fileWish(String text, String authorId, long releaseId, Instant at);

    /** Keeps the fingerprint of the report's comments (see {@link dev.popcorn.domain.feedback.ExperienceReport#fingerprint}). */
    void fingerprint(long releaseId, String userId, String fingerprint);

    /**
     * Whether the report copies another one: another user's report with the same comments, or the
     * user's own report on another release.
     */
    boolean copies(long releaseId, String userId, String fingerprint);

    /** The release's reports most recently handed in first (then by author), at most {@code limit}; two queries. */
    List<Handed> latest(long releaseId, int limit);

    /** A report's author on a release: what identifies a report. */
    record Author(long releaseId, String userId) {
    }

    /** A report to save in a batch: what it says, when it was handed in, the fingerprint of its comments (null: none). */
    record Saving(ExperienceReport report, Instant at, String fingerprint) {
    }

    /**
     * {@link #save} and {@link #fingerprint} of many reports that file no new wish, in multi-row statements (a
     * group commit's batch). Of two reports of one author the later in the list stays.
     */
    void saveAll(List<Saving> reports);

    /** The authors of the reports carrying each of these fingerprints, by fingerprint. One query. */
    Map<String, List<Author>> withFingerprints(Collection<String> fingerprints);
}
