package dev.popcorn.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelLadderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final LevelLadder ladder = LevelLadder.defaults();
    private final Level newcomer = ladder.find("newcomer").orElseThrow();
    private final Level fan = ladder.find("fan").orElseThrow();
    private final Level enthusiast = ladder.find("enthusiast").orElseThrow();
    private final Level pioneer = ladder.find("pioneer").orElseThrow();
    private final Level honorary = ladder.find("honorary").orElseThrow();

    @Test
    void theDefaultLadderTellsAFansStoryInBothLanguages() {
        assertThat(ladder.levels()).extracting(Level::nameZh).containsExactly("新米粉", "米粉", "发烧友", "内测先锋", "荣誉元老");
        assertThat(ladder.levels()).extracting(Level::nameEn)
                .containsExactly("Newcomer", "Fan", "Enthusiast", "Pioneer", "Honorary");
        assertThat(honorary.byHand()).isTrue();
        assertThat(fan.name(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("米粉");
        assertThat(fan.name(java.util.Locale.ENGLISH)).isEqualTo("Fan");
    }

    @Test
    void activityPromotesToTheHighestLevelItMeetsSkippingRungs() {
        assertThat(ladder.evaluate(newcomer, null, false, new Activity(19, 2, 2), NOW)).isEqualTo(newcomer);
        assertThat(ladder.evaluate(newcomer, null, false, new Activity(20, 2, 2), NOW)).isEqualTo(fan);
        assertThat(ladder.evaluate(newcomer, null, false, new Activity(130, 6, 6), NOW)).isEqualTo(enthusiast);
        // every part counts: points alone are not enough
        assertThat(ladder.evaluate(newcomer, null, false, new Activity(10_000, 1, 13), NOW)).isEqualTo(newcomer);
    }

    @Test
    void aLevelGrantedByHandIsNeverReachedByActivity() {
        assertThat(ladder.evaluate(pioneer, null, false, new Activity(1_000_000, 500, 13), NOW)).isEqualTo(pioneer);
    }

    @Test
    void aLevelIsKeptDownToNinetyPercentOfEachPartAndLostBelow() {
        Instant longAgo = NOW.minus(Duration.ofDays(60));
        // enthusiast takes 90 points, 6 reports, 6 releases; 90 % is 81, 5.4, 5.4: kept with 81, 6, 6
        assertThat(ladder.evaluate(enthusiast, longAgo, false, new Activity(81, 6, 6), NOW)).isEqualTo(enthusiast);
        assertThat(ladder.evaluate(enthusiast, longAgo, false, new Activity(80, 6, 6), NOW)).isEqualTo(fan);
        // 5 of 6 reports is 83 %, not 90 %: the margin is not rounded down in the user's favour
        assertThat(ladder.evaluate(enthusiast, longAgo, false, new Activity(200, 5, 6), NOW)).isEqualTo(fan);
        // fan takes 20 points, 2 reports, 2 releases; 1 of 2 reports is 50 %
        assertThat(ladder.evaluate(fan, longAgo, false, new Activity(19, 2, 2), NOW)).isEqualTo(fan);
        assertThat(ladder.evaluate(fan, longAgo, false, new Activity(40, 1, 2), NOW)).isEqualTo(newcomer);
        // demoted to the highest level still kept with the margin, not straight to the bottom (fan: 18, 2, 2)
        assertThat(ladder.evaluate(enthusiast, longAgo, false, new Activity(18, 2, 2), NOW)).isEqualTo(fan);
        assertThat(ladder.evaluate(enthusiast, longAgo, false, new Activity(17, 2, 2), NOW)).isEqualTo(newcomer);
    }

    @Test
    void noGraceWithoutAPromotion() {
        // At enthusiast since a demotion (or a lock) two days ago: nothing holds it but the margin.
        assertThat(ladder.evaluate(enthusiast, null, false, new Activity(30, 3, 3), NOW)).isEqualTo(fan);
    }

    @Test
    void neverLostWithinTheGraceAfterPromotion() {
        Instant promoted = NOW.minus(Duration.ofDays(13));
        assertThat(ladder.evaluate(enthusiast, promoted, false, Activity.none(), NOW)).isEqualTo(enthusiast);
        assertThat(ladder.evaluate(enthusiast, promoted, false, Activity.none(), NOW.plus(Duration.ofDays(1))))
                .isEqualTo(newcomer);
    }

    @Test
    void aLockedLevelNeitherRisesNorFalls() {
        assertThat(ladder.evaluate(fan, null, true, new Activity(1_000, 50, 13), NOW)).isEqualTo(fan);
        assertThat(ladder.evaluate(pioneer, NOW.minus(Duration.ofDays(400)), true, Activity.none(), NOW))
                .isEqualTo(pioneer);
    }

    @Test
    void rightsGrowWithTheLevel() {
        assertThat(ladder.rights(newcomer)).containsExactly(Right.VOTE);
        assertThat(ladder.rights(enthusiast)).containsExactly(Right.VOTE, Right.NOMINATE);
        assertThat(ladder.rights(pioneer)).containsExactly(Right.VOTE, Right.NOMINATE, Right.EARLY_ACCESS);
        assertThat(ladder.lowestWith(Right.NOMINATE)).isEqualTo(enthusiast);
        assertThat(ladder.levels()).extracting(Level::wishesPerDay).isSorted();
    }

    @Test
    void progressSaysWhatTheNextLevelNeedsAndUnlocks() {
        LevelLadder.Progress progress = ladder.progress(fan, new Activity(60, 3, 4));
        assertThat(progress.next()).isEqualTo(enthusiast);
        assertThat(progress.needs()).isEqualTo(new Level.Requirement(90, 6, 6));
        assertThat(progress.have()).isEqualTo(new Activity(60, 3, 4));
        assertThat(progress.unlocks()).containsExactly(Right.NOMINATE);
        // from the top of the earned levels only the one by hand is left: no next level
        assertThat(ladder.progress(pioneer, Activity.none()).next()).isNull();
    }

    @Test
    void aLadderThatCannotWorkIsRefused() {
        assertThatThrownBy(
                () -> new LevelLadder(List.of(new Level("top", 0, "顶", "Top", Level.Requirement.nothing(), 1, true)),
                        13, 90, Duration.ZERO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LevelLadder(ladder.levels(), 13, 90, Duration.ZERO, Map.of(Right.VOTE, "admin")))
                .hasMessageContaining("admin");
    }

    @Test
    void eachLevelAddsTheRightsTheLevelBelowLacksAndMoreWishesOnlyWhenItHasMore() {
        assertThat(ladder.rightsAddedAt(ladder.find("newcomer").orElseThrow())).containsExactly(Right.VOTE);
        assertThat(ladder.rightsAddedAt(ladder.find("fan").orElseThrow())).isEmpty();
        assertThat(ladder.rightsAddedAt(ladder.find("enthusiast").orElseThrow())).containsExactly(Right.NOMINATE);
        assertThat(ladder.rightsAddedAt(ladder.find("pioneer").orElseThrow())).containsExactly(Right.EARLY_ACCESS);
        assertThat(ladder.moreWishesAt(ladder.first())).isTrue();
        assertThat(ladder.moreWishesAt(ladder.find("fan").orElseThrow())).as("3 -> 5").isTrue();
        LevelLadder flat = new LevelLadder(List.of(
                new Level("newcomer", 0, "新米粉", "Newcomer", Level.Requirement.nothing(), 3, false),
                new Level("fan", 1, "米粉", "Fan", new Level.Requirement(20, 2, 2), 3, false)),
                13, 90, java.time.Duration.ofDays(14), java.util.Map.of(Right.VOTE, "newcomer"));
        assertThat(flat.moreWishesAt(flat.find("fan").orElseThrow())).as("3 -> 3 adds nothing").isFalse();
    }
}
