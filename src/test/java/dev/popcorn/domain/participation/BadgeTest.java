package dev.popcorn.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeTest {

    private static Badge.Counts counts(int reports, int streak, int shipped, int helpful, int seasons, int wins,
            int bugs) {
        return new Badge.Counts(reports, streak, shipped, helpful, seasons, wins, bugs);
    }

    @Test
    void nothingDoneEarnsNothing() {
        assertThat(Badge.earned(counts(0, 0, 0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void tiersAreEarnedAtTheirThresholdsAndLowerTiersComeAlong() {
        assertThat(Badge.earned(counts(10, 0, 0, 0, 0, 0, 0))).extracting(Badge.Earned::key)
                .containsExactly("first-report.bronze", "reports.bronze");
        assertThat(Badge.earned(counts(50, 12, 0, 10, 0, 0, 0))).extracting(Badge.Earned::key)
                .containsExactly("first-report.bronze", "reports.bronze", "reports.silver", "streak.bronze",
                        "streak.silver",
                        "helpful.bronze", "helpful.silver");
        assertThat(Badge.earned(counts(1, 52, 20, 50, 4, 10, 20))).hasSize(1 + 3 + 3 + 3 + 3 + 3 + 3);
    }

    @Test
    void keysRoundTrip() {
        for (Badge.Earned earned : Badge.earned(counts(200, 52, 20, 50, 4, 10, 20))) {
            assertThat(Badge.Earned.parse(earned.key())).isEqualTo(earned);
        }
        assertThat(new Badge.Earned(Badge.BUG_HUNTER, Badge.Tier.GOLD).key()).isEqualTo("bug-hunter.gold");
    }
}
