package dev.popcorn.app.participation;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.RuleViolation.Kind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Levels set by someone: a lead's lock and unlock, the forum's group of a level granted by hand. */
class LevelOverridesTest {

    private final AStanding world = new AStanding();
    private final LevelOverrides overrides = world.overrides;

    @Test
    void aLeadsLockHoldsALevelActivityWouldNotAndIsToldAsAPromotion() {
        world.store.given("ada");

        overrides.lock("ada", "pioneer", "runs the beta group", "lead");
        world.clock.advance(Duration.ofDays(60));

        assertThat(world.reviews.review("ada").id()).as("no activity, still locked").isEqualTo("pioneer");
        assertThat(world.standing.view("ada").locked()).isTrue();
        assertThat(world.standing.view("ada").lockReason()).isEqualTo("runs the beta group");
        assertThat(world.changes).containsExactly("ada:newcomer->pioneer");
        assertThat(world.audited()).containsExactly("level.lock");
        assertThat(world.toldNow("ada")).containsExactly("PROMOTED pioneer");
    }

    @Test
    void aLockNeedsAUserPopcornKnowsAReasonAndALevelOfTheLadder() {
        world.store.given("ada");

        assertThatViolation(() -> overrides.lock("nobody", "fan", "typo", "lead"))
                .is(Kind.NOT_FOUND, "level.user.unknown").withArgs("nobody");
        assertThatViolation(() -> overrides.lock("ada", "fan", "  ", "lead")).is(Kind.INVALID, "request.field.missing");
        assertThatViolation(() -> overrides.lock("ada", "captain", "why not", "lead")).is(Kind.INVALID,
                "level.unknown");
        assertThat(world.levels.level("ada").id()).isEqualTo("newcomer");
    }

    @Test
    void unlockingALevelGivenByHandGivesTheUserWhatActivityEarnsAtOnce() {
        world.store.given("ada").activity(25, 2, 2);
        overrides.lock("ada", "honorary", "ten years with us", "lead");

        assertThat(overrides.unlock("ada", "a mistake", "lead").id()).isEqualTo("fan");
        assertThat(world.standing.view("ada").locked()).isFalse();
        assertThat(world.audited()).contains("level.unlock");
    }

    @Test
    void unlockingALevelThatIsNotLockedIsAConflict() {
        world.store.given("ada");

        assertThatViolation(() -> overrides.unlock("ada", "why", "lead")).is(Kind.CONFLICT, "level.notLocked");
    }

    @Test
    void theForumsGroupGivesALevelByHandAndLeavingItFallsBackToActivity() {
        world.store.given("ada").activity(25, 2, 2);
        world.reviews.review("ada");
        world.toldNow("ada");

        overrides.forumSays("ada", Optional.of("honorary"));
        assertThat(world.levels.level("ada").id()).isEqualTo("honorary");
        assertThat(world.toldNow("ada")).containsExactly("PROMOTED honorary");

        overrides.forumSays("ada", Optional.empty());
        assertThat(world.levels.level("ada").id()).isEqualTo("fan");
        assertThat(world.changes).containsExactly("ada:newcomer->fan", "ada:fan->honorary", "ada:newcomer->fan");
    }

    @Test
    void aLeadsLockWinsOverTheForum() {
        world.store.given("ada");
        overrides.lock("ada", "pioneer", "runs the beta group", "lead");

        overrides.forumSays("ada", Optional.of("honorary"));

        assertThat(world.levels.level("ada").id()).isEqualTo("pioneer");
    }

    @Test
    void theForumCannotGiveALevelThatIsEarnedByActivity() {
        world.store.given("ada");

        overrides.forumSays("ada", Optional.of("enthusiast"));

        assertThat(world.levels.level("ada").id()).isEqualTo("newcomer");
        assertThat(world.changes).isEmpty();
    }
}
