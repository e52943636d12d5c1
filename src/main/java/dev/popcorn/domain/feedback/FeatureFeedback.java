package dev.popcorn.domain.feedback;

import dev.popcorn.domain.release.Feature;
import java.util.List;

/** What users said about one feature: the counts and the latest comments. */
public record FeatureFeedback(Feature feature, long likes, long notGoodEnough, List<String> comments) {

    public long verdicts() {
        return likes + notGoodEnough;
    }

    /** Share of likes among the verdicts, 0..100, or 0 when nobody judged the feature. */
    public int likePercent() {
        return verdicts() == 0 ? 0 : (int) Math.round(100.0 * likes / verdicts());
    }
}
