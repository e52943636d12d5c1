package dev.popcorn.domain.feedback;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import dev.popcorn.domain.release.Release;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's experience report on one release (体验报告): a verdict on some of its features, +1s
 * on existing wishes and new wishes in the user's own words. One per user and release; handing
 * it in again before the deadline replaces it.
 */
public record ExperienceReport(
        String userId, long releaseId, List<FeatureVerdict> verdicts, List<Long> supportedWishes,
        List<String> newWishes) {

    public static final int MAX_NEW_WISHES = 5;
    /** The most wishes one report +1s, and the most open tickets it backs (the API's document says the same). */
    public static final int MAX_SUPPORTED_WISHES = 100;
    public static final int MAX_BACKED_TICKETS = 20;
    public static final int MAX_WISH_LENGTH = 280;

    public ExperienceReport {
        verdicts = List.copyOf(verdicts);
        supportedWishes = List.copyOf(new LinkedHashSet<>(supportedWishes));
        newWishes = newWishes.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
        if (newWishes.size() > MAX_NEW_WISHES) {
            throw RuleViolation.invalid("report.wishes.tooMany", MAX_NEW_WISHES);
        }
        newWishes.forEach(w -> Text.require(w, "report.wish", 3, MAX_WISH_LENGTH));
    }

    /**
     * The report as the store gives it back once it is written without new wishes: verdicts in feature
     * order, supported wishes in id order.
     */
    public ExperienceReport asStored() {
        return new ExperienceReport(userId, releaseId,
                verdicts.stream().sorted(java.util.Comparator.comparing(FeatureVerdict::featureKey)).toList(),
                supportedWishes.stream().sorted().toList(), List.of());
    }

    /** A report with nothing in it earns nothing and is refused. */
    public boolean isEmpty() {
        return verdicts.isEmpty() && supportedWishes.isEmpty() && newWishes.isEmpty();
    }

    /**
     * Whether handing the report in earns points: only a real report does, one with at least one
     * verdict (a comment always comes with one); wishes alone earn nothing here.
     */
    public boolean earnsPoints() {
        return !verdicts.isEmpty();
    }

    /**
     * The sketch of the report's comments ({@link CommentSketch}), to find a copy of another report even when
     * touched up (a word added, comments moved between features); null when they are too short to tell a copy from
     * a common remark.
     */
    public String fingerprint() {
        return CommentSketch.of(verdicts.stream().map(FeatureVerdict::comment).toList());
    }

    /** Checks the report against the release it is about; throws on the first broken rule. */
    public void checkAgainst(Release release) {
        if (release.id() != releaseId) {
            throw RuleViolation.invalid("report.release.mismatch");
        }
        if (isEmpty()) {
            throw RuleViolation.invalid("report.empty");
        }
        Set<String> seen = new HashSet<>();
        for (FeatureVerdict verdict : verdicts) {
            if (release.feature(verdict.featureKey()).isEmpty()) {
                throw RuleViolation.invalid("report.feature.unknown", verdict.featureKey(), release.version());
            }
            if (!seen.add(verdict.featureKey())) {
                throw RuleViolation.invalid("report.feature.twice", verdict.featureKey());
            }
        }
    }
}
