package dev.popcorn.domain.feedback;

import dev.popcorn.domain.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The labels a ticket earns from its users' verdicts: "loved" when enough people judged it and
 * the share of likes reaches a threshold, "needs work" when the share of "not good enough"
 * does. Below {@code minVerdicts} a ticket earns neither: three votes are not a signal.
 * An empty label name switches that label off.
 */
public record FeedbackLabels(String loved, String needsWork, int minVerdicts, int lovedPercent, int needsWorkPercent) {

    public FeedbackLabels {
        if (minVerdicts < 1 || lovedPercent < 1 || lovedPercent > 100 || needsWorkPercent < 1
                || needsWorkPercent > 100) {
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

    /**
     * The one label edit that takes a ticket holding {@code held} to exactly {@code earned} among the labels Popcorn
     * manages, and nothing else: a label it has is not added again, one it lacks is not removed. Where what the
     * ticket holds is not known, every managed label it should not carry is removed, to be sure.
     */
    public Edit edit(Optional<List<String>> held, List<String> earned) {
        List<String> add = earned.stream().filter(l -> held.map(h -> !h.contains(l)).orElse(true)).toList();
        List<String> remove = managed().stream().filter(l -> !earned.contains(l))
                .filter(l -> held.map(h -> h.contains(l)).orElse(true)).toList();
        return new Edit(add, remove);
    }

    /** Labels to add to a ticket and labels to take off it. */
    public record Edit(List<String> add, List<String> remove) {

        public Edit {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }

        public boolean changesNothing() {
            return add.isEmpty() && remove.isEmpty();
        }

        /** What a ticket that held {@code held} holds once the edit is made. */
        public List<String> appliedTo(List<String> held) {
            List<String> after = new ArrayList<>(held);
            after.removeAll(remove);
            add.stream().filter(l -> !after.contains(l)).forEach(after::add);
            return after;
        }
    }
}
