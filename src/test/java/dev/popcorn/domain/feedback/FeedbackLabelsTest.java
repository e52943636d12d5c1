package dev.popcorn.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.Feature;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackLabelsTest {

    private final FeedbackLabels labels = new FeedbackLabels("popcorn-loved", "popcorn-needs-work", 5, 80, 40);
    private final Feature feature = new Feature("MIUI-1", "Night mode", "camera");

    private FeatureFeedback feedback(long likes, long notGoodEnough) {
        return new FeatureFeedback(feature, likes, notGoodEnough, List.of());
    }

    @Test
    void aFeatureMostUsersLikeIsLoved() {
        assertThat(labels.earned(feedback(8, 2))).containsExactly("popcorn-loved");
    }

    @Test
    void aFeatureManyFindNotGoodEnoughNeedsWork() {
        assertThat(labels.earned(feedback(3, 2))).containsExactly("popcorn-needs-work");
        assertThat(labels.earned(feedback(7, 3))).isEmpty();
    }

    @Test
    void tooFewVerdictsEarnNothing() {
        assertThat(labels.earned(feedback(4, 0))).isEmpty();
        assertThat(labels.earned(feedback(0, 4))).isEmpty();
    }

    @Test
    void anEmptyLabelNameSwitchesThatLabelOff() {
        FeedbackLabels onlyLoved = new FeedbackLabels("popcorn-loved", "", 5, 80, 40);
        assertThat(onlyLoved.earned(feedback(0, 10))).isEmpty();
        assertThat(onlyLoved.managed()).containsExactly("popcorn-loved");
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new FeedbackLabels("a", "b", 0, 80, 40)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new FeedbackLabels("a", "b", 5, 101, 40)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anEditAddsOnlyWhatTheTicketLacksAndRemovesOnlyWhatItHolds() {
        assertThat(labels.edit(Optional.of(List.of("ui")), List.of("popcorn-loved")))
                .isEqualTo(new FeedbackLabels.Edit(List.of("popcorn-loved"), List.of()));
        assertThat(labels.edit(Optional.of(List.of("popcorn-loved")), List.of("popcorn-loved")).changesNothing())
                .isTrue();
        assertThat(labels.edit(Optional.of(List.of()), List.of()).changesNothing()).isTrue();
        assertThat(labels.edit(Optional.of(List.of("popcorn-loved", "ui")), List.of("popcorn-needs-work")))
                .isEqualTo(new FeedbackLabels.Edit(List.of("popcorn-needs-work"), List.of("popcorn-loved")));
    }

    @Test
    void withoutKnowingWhatTheTicketHoldsEveryManagedLabelNotEarnedIsRemoved() {
        assertThat(labels.edit(Optional.empty(), List.of("popcorn-loved")))
                .isEqualTo(new FeedbackLabels.Edit(List.of("popcorn-loved"), List.of("popcorn-needs-work")));
    }

    @Test
    void anEditAppliedKeepsTheTicketsOtherLabels() {
        FeedbackLabels.Edit edit = new FeedbackLabels.Edit(List.of("popcorn-needs-work"), List.of("popcorn-loved"));
        assertThat(edit.appliedTo(List.of("ui", "popcorn-loved"))).containsExactly("ui", "popcorn-needs-work");
    }
}
