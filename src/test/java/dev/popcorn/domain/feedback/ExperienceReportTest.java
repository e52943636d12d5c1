package dev.popcorn.domain.feedback;

import static dev.popcorn.domain.DomainTestData.aRelease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperienceReportTest {

    private final Release release = aRelease().withFeatures(3).build();

    private static FeatureVerdict like(String key) {
        return new FeatureVerdict(key, Verdict.LIKE, "");
    }

    @Test
    void aReportOnTheReleaseFeaturesIsAccepted() {
        ExperienceReport report = new ExperienceReport("u1", release.id(),
                List.of(like("POP-1"), new FeatureVerdict("POP-2", Verdict.NOT_GOOD_ENOUGH, "  slow  ")), List.of(4L),
                List.of("  dark mode  ", "", "dark mode"));

        assertThatCode(() -> report.checkAgainst(release)).doesNotThrowAnyException();
        assertThat(report.newWishes()).containsExactly("dark mode");
        assertThat(report.verdicts().get(1).comment()).isEqualTo("slow");
    }

    @Test
    void anEmptyReportIsRefused() {
        ExperienceReport empty = new ExperienceReport("u1", release.id(), List.of(), List.of(), List.of(" "));
        assertThatThrownBy(() -> empty.checkAgainst(release))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("report.empty"));
    }

    @Test
    void aFeatureOfAnotherReleaseOrTwiceTheSameIsRefused() {
        assertThatThrownBy(() -> new ExperienceReport("u1", release.id(), List.of(like("POP-9")), List.of(), List.of())
                .checkAgainst(release))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("report.feature.unknown"));
        assertThatThrownBy(
                () -> new ExperienceReport("u1", release.id(), List.of(like("POP-1"), like("POP-1")), List.of(),
                        List.of()).checkAgainst(release))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("report.feature.twice"));
    }

    @Test
    void overlongCommentsAndTooManyWishesAreRefused() {
        assertThatThrownBy(() -> new FeatureVerdict("POP-1", Verdict.LIKE, "x".repeat(501)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("text.tooLong"));
        assertThatThrownBy(() -> new ExperienceReport("u1", 7, List.of(), List.of(),
                List.of("wish one", "wish two", "wish three", "wish four", "wish five", "wish six")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("report.wishes.tooMany"));
    }

    @Test
    void theReportCloseIsExclusive() {
        assertThat(release.acceptsReportsAt(release.reportsCloseAt().minusMillis(1))).isTrue();
        assertThat(release.acceptsReportsAt(release.reportsCloseAt())).isFalse();
    }
}
