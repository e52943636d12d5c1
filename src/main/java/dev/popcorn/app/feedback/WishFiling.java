package dev.popcorn.app.feedback;

import dev.popcorn.app.ReportStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rule for a report's new wishes: a wish is a fan's words on a release, so the same words from the same fan on
 * the same release are one wish. Handed in again (an edited report, a second click), they find the wish filed the
 * first time; only words the fan has not filed there yet file a new one, and only those count against the day's
 * limit. The store keeps a plain find and a plain insert; the rule is here, once, for every way a report comes in.
 */
final class WishFiling {

    private final ReportStore reports;

    WishFiling(ReportStore reports) {
        this.reports = reports;
    }

    /** Those of these words the fan has not filed on this release yet, each once, in order: what filing would add. */
    List<String> unfiled(String userId, long releaseId, List<String> texts) {
        return new LinkedHashSet<>(texts).stream().filter(t -> reports.wishOf(userId, releaseId, t).isEmpty()).toList();
    }

    /**
     * The wish of each of these words, each once, in order: the one the fan filed on this release before, else a new
     * one filed now. Called in the hand-in's transaction once the fan's row lock is taken (the day's limit takes it):
     * two hand-ins of one fan at once file one after the other, and the second finds the first's wish.
     */
    List<Long> file(String userId, long releaseId, List<String> texts, Instant at) {
        List<Long> ids = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            ids.add(reports.wishOf(userId, releaseId, text)
                    .orElseGet(() -> reports.fileWish(text, userId, releaseId, at)));
        }
        return ids;
    }
}
