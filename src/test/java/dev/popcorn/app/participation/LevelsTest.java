package dev.popcorn.app.participation;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.participation.Right;
import org.junit.jupiter.api.Test;

/** What a level lets a user do, as the acts ask it, and the ladder's figures. */
class LevelsTest {

    private final AStanding world = new AStanding();
    private final Levels levels = world.levels;

    @Test
    void anActTheLevelDoesNotHoldIsRefusedNamingTheLevelItTakesAndTheUsersOwn() {
        world.store.given("ada");

        assertThat(levels.holds("ada", Right.NOMINATE)).isFalse();
        assertThatViolation(() -> levels.require("ada", Right.NOMINATE)).is(Kind.FORBIDDEN, "level.right.NOMINATE")
                .withArgs("发烧友", "Enthusiast", "新米粉", "Newcomer");

        world.overrides.lock("ada", "enthusiast", "helps on the forum", "lead");
        levels.require("ada", Right.NOMINATE);
        assertThat(levels.holds("ada", Right.NOMINATE)).isTrue();
    }

    @Test
    void everyLevelHoldsTheVoteEvenAUserWithoutALevel() {
        levels.require("someone-new", Right.VOTE);

        assertThat(levels.holds("someone-new", Right.VOTE)).isTrue();
        assertThat(levels.level("someone-new").id()).isEqualTo("newcomer");
    }

    @Test
    void theWishesLeftTodayAreTheLevelsWishesADayLessThoseFiledToday() {
        world.store.given("ada").wishesFiled(2);

        Rights.Allowance allowance = levels.wishesLeft("ada");

        assertThat(allowance.left()).isEqualTo(1);
        assertThat(allowance.limit().code()).isEqualTo("level.wishes.limit");
        assertThat(allowance.limit().args()).containsExactly(3, "新米粉", "Newcomer", 0);

        world.store.given("ada").wishesFiled(7);
        assertThat(levels.wishesLeft("ada").left()).as("never below none").isZero();
    }

    @Test
    void earlyAccessIsRefusedBelowTheLevelThatHoldsItAndJoinedOnlyOnceAbove() {
        world.store.given("ada");
        assertThatViolation(() -> levels.joinEarlyAccess("ada")).is(Kind.FORBIDDEN, "level.right.EARLY_ACCESS");
        assertThat(levels.earlyAccess("ada")).isFalse();

        world.overrides.lock("ada", "pioneer", "runs the beta group", "lead");
        levels.joinEarlyAccess("ada");
        levels.joinEarlyAccess("ada");

        assertThat(levels.earlyAccess("ada")).isTrue();
        assertThat(world.joined).containsExactly("ada");
        assertThat(world.audited()).containsOnlyOnce("earlyAccess.join");
    }

    @Test
    void theLevelCountsListEveryLevelOfTheLadderUsersWithoutALevelAtTheFirst() {
        world.store.given("ada");
        world.store.given("bo");
        world.overrides.lock("bo", "fan", "starts as a fan", "lead");

        assertThat(levels.levelCounts()).extractingFromEntries(e -> e.getKey().id() + "=" + e.getValue())
                .containsExactly("newcomer=1", "fan=1", "enthusiast=0", "pioneer=0", "honorary=0");
    }
}
