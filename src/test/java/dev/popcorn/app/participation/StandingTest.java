package dev.popcorn.app.participation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Streak;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fan's standing as their pages read it: the streak kept, at risk or broken, the next badges, the seasons voted. */
class StandingTest {

    private final AStanding world = new AStanding();
    private final Standing standing = world.standing;

    @Test
    void aStreakIsKeptByAReportOnEveryReleaseAndTheReleaseStillOpenDoesNotBreakIt() {
        world.store.given("ada").turns(true, true, true, true, false);

        Streak streak = standing.view("ada").streak();

        assertThat(streak.current()).isEqualTo(3);
        assertThat(streak.longest()).isEqualTo(3);
    }

    @Test
    void aMissedReleaseSpendsAFreezeLeavingTheStreakAtRiskAndTheNextMissBreaksIt() {
        world.store.given("ada").turns(false, true, true, true, true, false);
        Streak atRisk = standing.view("ada").streak();
        assertThat(atRisk.current()).as("kept by the freeze four reports earned").isEqualTo(4);
        assertThat(atRisk.freezes()).as("none left: at risk").isZero();
        assertThat(atRisk.frozen()).containsExactly(5L);

        world.store.given("ada").turns(false, true, true, true, true, false, false);
        Streak broken = standing.view("ada").streak();
        assertThat(broken.current()).isZero();
        assertThat(broken.longest()).isEqualTo(4);
    }

    @Test
    void theNextBadgeIsTheLowestTierNotHeldEvenWhenTheCountAlreadyPassedIt() {
        world.store.given("ada").reports(12);

        assertThat(standing.view("ada").nextBadges()).filteredOn(n -> n.badge().badge() == Badge.REPORTS)
                .singleElement()
                .satisfies(next -> {
                    assertThat(next.badge().tier()).isEqualTo(Badge.Tier.BRONZE);
                    assertThat(next.have()).isEqualTo(12);
                    assertThat(next.needs()).isEqualTo(10);
                });

        world.store.grantBadge("ada", "reports.bronze", AStanding.NOW);
        assertThat(standing.view("ada").nextBadges()).filteredOn(n -> n.badge().badge() == Badge.REPORTS)
                .singleElement()
                .satisfies(next -> assertThat(next.badge().tier()).isEqualTo(Badge.Tier.SILVER));
        assertThat(standing.view("ada").badges()).extracting(h -> h.badge().key()).containsExactly("reports.bronze");
    }

    @Test
    void aSeasonCountsOnceItIsOverAndTheUserVotedInEveryPollOfIt() {
        world.store.given("ada").polls(List.of(
                new StandingStore.PollTurn(1, Instant.parse("2026-01-10T10:00:00Z"), true),
                new StandingStore.PollTurn(2, Instant.parse("2026-02-10T10:00:00Z"), true),
                new StandingStore.PollTurn(3, Instant.parse("2025-11-10T10:00:00Z"), true),
                new StandingStore.PollTurn(4, Instant.parse("2025-12-10T10:00:00Z"), false),
                new StandingStore.PollTurn(5, Instant.parse("2026-05-01T10:00:00Z"), true)));

        assertThat(standing.view("ada").counts().fullSeasons()).as("2026Q1 only: 2025Q4 missed one, 2026Q2 runs")
                .isEqualTo(1);
    }

    @Test
    void aUserWhoChoseToStayOffPublicPagesIsReadSo() {
        world.store.given("ada");
        assertThat(standing.view("ada").publicProfile()).isTrue();

        standing.setPublicProfile("ada", false);

        assertThat(standing.publicProfile("ada")).isFalse();
        assertThat(standing.view("ada").publicProfile()).isFalse();
    }
}
