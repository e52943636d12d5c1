package dev.popcorn.app.participation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The review after every grant: levels reached and lost, streak bonuses, badge tiers, what revoked acts take back. */
class StandingReviewsTest {

    private final AStanding world = new AStanding();
    private final StandingReviews reviews = world.reviews;

    @Test
    void aFanWhoseActivityMeetsTheNextLevelIsPromotedAuditedMirroredAndToldOnce() {
        world.store.given("ada").activity(25, 2, 2);

        assertThat(reviews.review("ada").id()).isEqualTo("fan");
        assertThat(reviews.review("ada").id()).as("a second review changes nothing").isEqualTo("fan");

        assertThat(world.levels.level("ada").id()).isEqualTo("fan");
        assertThat(world.changes).containsExactly("ada:newcomer->fan");
        assertThat(world.audited()).containsOnlyOnce("level.promote");
        assertThat(world.toldNow("ada")).containsExactly("PROMOTED fan");
        assertThat(world.toldNow("ada")).as("told once").isEmpty();
    }

    @Test
    void aLevelIsKeptThroughTheGraceAndLostPastItWithoutANotice() {
        world.store.given("ada").activity(25, 2, 2);
        reviews.review("ada");
        world.toldNow("ada");
        world.store.given("ada").activity(10, 1, 1);

        world.clock.advance(Duration.ofDays(13));
        assertThat(reviews.review("ada").id()).as("within the grace after the promotion").isEqualTo("fan");

        world.clock.advance(Duration.ofDays(2));
        assertThat(reviews.review("ada").id()).as("past the grace, below the margin").isEqualTo("newcomer");
        assertThat(world.changes).containsExactly("ada:newcomer->fan", "ada:fan->newcomer");
        assertThat(world.audited()).contains("level.demote");
        assertThat(world.toldNow("ada")).as("a fall is not news").isEmpty();
    }

    @Test
    void activityWithinTheMarginKeepsALevelPastTheGrace() {
        world.store.given("ada").activity(25, 2, 2);
        reviews.review("ada");
        world.store.given("ada").activity(18, 2, 2);
        world.clock.advance(Duration.ofDays(30));

        assertThat(reviews.review("ada").id()).as("90% of the fan's 20 points").isEqualTo("fan");
    }

    @Test
    void aStreakReachingItsBonusEarnsTheBonusOnceDatedAtTheReportOnItsRelease() {
        Instant reported = AStanding.NOW.minus(Duration.ofDays(3));
        world.store.given("ada").turns(false, true, true, true, true);
        world.granted("ada", ParticipationKind.REPORT_HANDED_IN, "release:4", reported);

        reviews.review("ada");
        reviews.review("ada");

        assertThat(world.held("ada", ParticipationKind.STREAK_BONUS)).singleElement().satisfies(bonus -> {
            assertThat(bonus.ref()).isEqualTo("streak:release:4");
            assertThat(bonus.at()).isEqualTo(reported);
        });
    }

    @Test
    void aBadgeTierIsGrantedOnceDatedAtTheGrantThatReachedItsThresholdAndToldOnce() {
        for (int i = 1; i <= 11; i++) {
            world.granted("ada", ParticipationKind.REPORT_HANDED_IN, "release:" + i,
                    AStanding.NOW.minus(Duration.ofDays(100 - i)));
        }
        world.store.given("ada").reports(11);

        reviews.review("ada");
        reviews.review("ada");

        assertThat(world.store.badges("ada"))
                .containsEntry("first-report.bronze", AStanding.NOW.minus(Duration.ofDays(99)))
                .as("the tenth report reached the bronze")
                .containsEntry("reports.bronze", AStanding.NOW.minus(Duration.ofDays(90)))
                .hasSize(2);
        assertThat(world.held("ada", ParticipationKind.BADGE)).extracting(Grant::ref)
                .containsExactlyInAnyOrder("badge:first-report.bronze", "badge:reports.bronze");
        assertThat(world.badgesMirrored).containsExactly("ada:first-report.bronze", "ada:reports.bronze");
        assertThat(world.toldNow("ada")).containsExactly("BADGE first-report.bronze", "BADGE reports.bronze");
    }

    @Test
    void aRevokedReportTakesBackTheBadgeTierItEarnedAndItsPoints() {
        world.granted("ada", ParticipationKind.REPORT_HANDED_IN, "release:1", AStanding.NOW.minus(Duration.ofDays(1)));
        world.store.given("ada").reports(1);
        reviews.review("ada");
        assertThat(world.store.badges("ada")).containsKey("first-report.bronze");

        Grant report = world.held("ada", ParticipationKind.REPORT_HANDED_IN).get(0);
        world.stores.participation().revoke(report.id(), "lead", "copied", AStanding.NOW);
        world.store.given("ada").reports(0);
        reviews.revoked("ada", AStanding.NOW);

        assertThat(world.store.badges("ada")).isEmpty();
        assertThat(world.held("ada", ParticipationKind.BADGE)).as("the badge's points revoked too").isEmpty();
        assertThat(world.audited()).contains("points.revoke");
    }

    @Test
    void aStreakBonusWhoseMilestoneTheStreakNoLongerReachesIsTakenBack() {
        world.store.given("ada").turns(false, true, true, true, true);
        reviews.review("ada");
        assertThat(world.held("ada", ParticipationKind.STREAK_BONUS)).hasSize(1);

        world.store.given("ada").turns(false, true, true, true, false, false, false);
        reviews.revoked("ada", AStanding.NOW);

        assertThat(world.held("ada", ParticipationKind.STREAK_BONUS)).isEmpty();
    }

    @Test
    void aReviewOfEveryoneCountsOnlyTheUsersWhoseLevelChanged() {
        world.store.given("ada").activity(25, 2, 2);
        world.store.given("bo");

        assertThat(reviews.reviewAll()).isEqualTo(1);
        assertThat(reviews.reviewAll()).as("nothing moved since").isZero();
    }

    @Test
    void aReviewOfEveryoneStopsWhenItsPaceSaysSo() {
        world.store.given("ada").activity(25, 2, 2);

        assertThat(reviews.reviewAll(() -> false)).isZero();
        assertThat(world.levels.level("ada").id()).isEqualTo("newcomer");
    }
}
