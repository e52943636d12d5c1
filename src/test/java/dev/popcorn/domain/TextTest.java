package dev.popcorn.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.release.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    /** The embedded database counts a column's length in UTF-16 units: so do the checks, so a long text is a 422, not a 500. */
    @Test
    void lengthsAreCountedAsTheDatabaseCountsThem() {
        assertThat(new Feature("POP-1", "Night mode", "夜".repeat(255), "camera").summaryZh()).hasSize(255);
        assertThatThrownBy(() -> new Feature("POP-1", "Night mode", "😀".repeat(128), "camera"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("text.tooLong"));
        assertThatThrownBy(() -> new Candidate(0, 1, "camera", "Night", "🌙".repeat(61), List.of(), "", "",
                CandidateStatus.ACTIVE, ""))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String cut = Text.cut("ab😀😀😀", 4);
        assertThat(cut).isEqualTo("ab…");
        assertThat(Text.cut("abc😀", 5)).isEqualTo("abc😀");
        assertThat(Text.cut("夜景模式很好", 4)).isEqualTo("夜景模…");
    }
}
