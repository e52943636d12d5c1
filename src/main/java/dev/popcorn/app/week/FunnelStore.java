package dev.popcorn.app.week;

/**
 * The week's participation funnel as the database counts it: who opened a release's page (the
 * first visit of each signed-in user, kept once), and who handed in a real report on it.
 */
public interface FunnelStore {

    /** Keeps the user's first visit to the release's page; true if it was the first. Safe to call on every visit. */
    boolean visit(long releaseId, String userId, java.time.Instant at);

    /** Signed-in users who opened the release's page. */
    long visitors(long releaseId);

    /** Users whose report on the release earned its points: a live (not revoked) REPORT_HANDED_IN grant for {@code release:<id>}. */
    long reporters(long releaseId);
}
