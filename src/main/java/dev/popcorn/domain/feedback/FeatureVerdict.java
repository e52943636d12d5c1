package dev.popcorn.domain.feedback;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;

/** One line of an experience report: a feature, the user's verdict and an optional comment. */
public record FeatureVerdict(String featureKey, Verdict verdict, String comment) {

    public static final int MAX_COMMENT = 500;

    public FeatureVerdict {
        if (verdict == null) {
            throw RuleViolation.invalid("report.verdict.missing", featureKey);
        }
        comment = Text.optional(comment, "report.comment", MAX_COMMENT);
    }
}
