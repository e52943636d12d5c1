package dev.popcorn.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels a ticket earns from its users' verdicts: "loved" when enough people judged it and
 * the share of likes reaches a threshold, "needs work" when the share of "not good enough"
 * does. Below {@code minVerdicts} a ticket earns neither: three votes are not a signal.
 * An empty label name switches that label off.
 */
public record FeedbackLabels(String loved, String needsWork, int minVerdicts, int lovedPercent, int needsWorkPercent) {

    public FeedbackLabels {
        if (minVerdicts < 1 || lovedPercent < 1 || lovedPercent > 100 || needsWorkPercent < 1 || needsWorkPercent > 100) {
            throw RuleViolation.invalid("labels.thresholds");
        }
        loved = loved == null ? "" : loved.strip();
        needsWork = needsWork == null ? "" : needsWork.strip();
    }

    /** Every label Popcorn manages, so that one it no longer earns can be taken off again. */
    public List<String> managed() {
        return List.of(loved, needsWork).stream().filter(l -> !l.isEmpty()).toList();
    }

    /** The labels {@code feedback} earns now. */
    public List<String> earned(FeatureFeedback feedback) {
        List<String> earned = new ArrayList<>();
        if (feedback.verdicts() < minVerdicts) {
            return earned;
        }
        if (!loved.isEmpty() && feedback.likePercent() >= lovedPercent) {
            earned.add(loved);
        }
        if (!needsWork.isEmpty() && 100 - feedback.likePercent() >= needsWorkPercent) {
            earned.add(needsWork);
        }
        return earned;
    }
}
