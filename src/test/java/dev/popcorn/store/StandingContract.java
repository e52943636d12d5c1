package dev.popcorn.store;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AuditLog;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.app.participation.StandingParts;
import dev.popcorn.app.participation.StandingReviews;
import dev.popcorn.config.LevelsConfig;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Messages;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Levels, streaks, badges and rights as the acts earn them, on a real database: every new grant
 * reviews the user's standing in its transaction. Runs on H2 and on PostgreSQL.
 */
abstract class StandingContract {

    /** Friday 6 November 2026, 18:00 in Shanghai: the first release of these tests. */
    static final Instant FIRST_FRIDAY = Instant.parse("2026-11-06T10:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    abstract Store.Settings freshDatabase() throws SQLException;

    void dropDatabase() throws SQLException {
    }

    private Store store;
    private Store.Settings settings;
    private final MutableClock clock = new MutableClock(FIRST_FRIDAY);
    private final List<Level> changes = new ArrayList<>();
    private final List<String> badgesMirrored = new ArrayList<>();
    private final List<String> joined = new ArrayList<>();
    private final List<Long> noticed = new ArrayList<>();
    private Standing standing;
    private Levels levels;
    private StandingReviews reviews;
    private LevelOverrides overrides;
    private Ledger ledger;
    private HandInReport handIn;
    private final List<Release> releases = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        settings = freshDatabase();
        store = Store.open(settings);
        Standing.Mirror mirror = new Standing.Mirror() {
            @Override
            public void levelChanged(String userId, Level from, Level to) {
                changes.add(to);
            }

            @Override
            public void badgeGranted(String userId, Badge.Earned badge) {
                badgesMirrored.add(badge.key());
            }

            @Override
            public void joinEarlyAccess(String userId) {
                joined.add(userId);
            }

            @Override
            public void noticed(String userId, long noticeId) {
                noticed.add(noticeId);
            }
        };
        PointsRules points = new PointsRules(10, 5, 20, 15, 50);
        StandingParts parts = StandingParts.of(store.standing(), store.participation(), points, store.transactions(),
                store.audit(), LevelsConfig.defaults().ladder(), LevelsConfig.defaults().streak(), ZONE,
                user -> List.of(user),
                mirror, clock);
        standing = parts.standing();
        levels = parts.levels();
        reviews = parts.reviews();
        overrides = parts.overrides();
        ledger = new Ledger(store.participation(), store.transactions(), store.audit(), points,
                WeekCalendar.defaults(ZONE), clock, reviews);
        handIn = new HandInReport(store.transactions(), store.releases(), store.reports(), store.tickets(), ledger,
                levels,
                store.audit(), dev.popcorn.app.GroupCommit.alone(store.transactions()), clock);
        store.teams().save(new dev.popcorn.domain.team.Team("camera", "Camera", List.of(
                new dev.popcorn.domain.team.Member("Ada", "/photos/ada.png", "ada"))));
        for (String user : List.of("fan-1", "fan-2", "fan-3")) {
            store.users().upsert(user, "Fan " + user.substring(4), FIRST_FRIDAY);
        }
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
        dropDatabase();
    }

    /** Ships the next weekly release (one feature), reports open four days; the clock moves to it. */
    private Release ship() {
        Instant shipped = FIRST_FRIDAY.plus(Duration.ofDays(7L * releases.size()));
        clock.set(shipped.plus(Duration.ofHours(1)));
        Release release = store.releases().create("2026." + (releases.size() + 1), shipped,
                shipped.plus(Duration.ofDays(4)),
                List.of(new Feature("POP-" + (releases.size() + 1), "Feature " + (releases.size() + 1), "camera")));
        releases.add(release);
        return release;
    }

    private void report(String user, Release release, String comment) {
        handIn.handIn(new ExperienceReport(user, release.id(),
                List.of(new FeatureVerdict(release.features().get(0).key(), Verdict.LIKE, comment)), List.of(),
                List.of()));
    }

    @Test
    void realReportsOverReleasesPromoteAndEarnBadgesAndTheStreakBonusOnce() {
        for (int i = 0; i < 4; i++) {
            report("fan-1", ship(), dev.popcorn.domain.DomainTestData.comment(i));
        }
        Standing.View view = standing.view("fan-1");
        // 4 reports with comments of their own (4 x 15) + first-report and streak bronze badges (2 x 10) + the streak
        // bonus at 4 (15) = 95 points
        assertThat(ledger.points("fan-1")).isEqualTo(95);
        assertThat(view.level().id()).isEqualTo("fan");
        assertThat(view.streak().current()).isEqualTo(4);
        assertThat(view.streak().freezes()).isEqualTo(1);
        assertThat(view.badges()).extracting(h -> h.badge().key()).containsExactly("first-report.bronze",
                "streak.bronze");
        assertThat(badgesMirrored).containsExactly("first-report.bronze", "streak.bronze");
        assertThat(changes).extracting(Level::id).containsExactly("fan");
        assertThat(view.progress().next().id()).isEqualTo("enthusiast");
        assertThat(view.progress().unlocks()).containsExactly(Right.NOMINATE);
        assertThat(store.audit().recent(20)).extracting(AuditEntry::action).contains("level.promote");
        // each notice is handed on under the id it is kept with (the forum's private message is named by it)
        assertThat(noticed).containsExactlyInAnyOrderElementsOf(
                store.standing().notices("fan-1", 10).stream().map(n -> n.id()).toList()).hasSize(3);
        assertThat(store.standing().notice("fan-1", noticed.get(0)).orElseThrow().kind())
                .isEqualTo(StandingNotices.BADGE);
        assertThat(store.standing().notice("fan-2", noticed.get(0))).as("another fan's").isEmpty();

        // reviewing again changes nothing: grants and badges are once
        reviews.review("fan-1");
        reviews.reviewAll();
        assertThat(ledger.points("fan-1")).isEqualTo(95);
        assertThat(badgesMirrored).hasSize(2);
        assertThat(noticed).hasSize(3);
    }

    @Test
    void aCopyPasteOfAnotherReportEarnsNothingAndAnEditEarnsNothingMore() {
        Release release = ship();
        String words = "The camera app opens in half a second now, and the new portrait mode is really good.";
        report("fan-1", release, words);
        report("fan-2", release, "  " + words.toUpperCase() + "!! ");
        report("fan-1", release, words + " Edited.");
        assertThat(ledger.pointsFor("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:" + release.id()))
                .isEqualTo(10);
        assertThat(ledger.points("fan-2")).isZero();
        assertThat(standing.view("fan-2").badges()).isEmpty();
    }

    @Test
    void aLevelFallsWhenTheWindowMovesOnButNotWithinTheGrace() {
        for (int i = 0; i < 3; i++) {
            report("fan-1", ship(), dev.popcorn.domain.DomainTestData.comment(i));
        }
        assertThat(levels.level("fan-1").id()).isEqualTo("fan");
        // thirteen quiet releases later the window holds nothing of theirs, but the grace counts from promotion
        for (int i = 0; i < 13; i++) {
            ship();
        }
        clock.advance(Duration.ofDays(5));
        assertThat(reviews.reviewAll()).isEqualTo(1);
        assertThat(levels.level("fan-1").id()).isEqualTo("newcomer");
        assertThat(changes).extracting(Level::id).containsExactly("fan", "newcomer");
        assertThat(store.audit().recent(5)).extracting(AuditEntry::action).contains("level.demote");
    }

    @Test
    void aLockedLevelHoldsAndUnlockingReviewsIt() {
        ship();
        overrides.lock("fan-3", "pioneer", "runs the beta group", "lead");
        assertThat(levels.level("fan-3").id()).isEqualTo("pioneer");
        reviews.reviewAll();
        overrides.forumSays("fan-3", java.util.Optional.of("honorary"));
        assertThat(levels.level("fan-3").id()).as("a lead's lock wins over the forum").isEqualTo("pioneer");
        assertThat(levels.holds("fan-3", Right.EARLY_ACCESS)).isTrue();
        levels.joinEarlyAccess("fan-3");
        assertThat(levels.earlyAccess("fan-3")).isTrue();
        assertThat(joined).containsExactly("fan-3");
        assertThatViolation(() -> levels.joinEarlyAccess("fan-2")).is(RuleViolation.Kind.FORBIDDEN,
                "level.right.EARLY_ACCESS");
        assertThat(levels.earlyAccess("fan-2")).isFalse();
        overrides.unlock("fan-3", "beta is over", "lead");
        assertThat(levels.level("fan-3").id()).as("activity decides again, at once").isEqualTo("newcomer");
        assertThat(standing.view("fan-3").locked()).isFalse();
        assertThat(store.audit().recent(5)).extracting(AuditEntry::action).contains("level.lock", "level.unlock");
    }

    @Test
    void aRightBelowTheLevelIsRefusedWithTheReasonInBothLanguages() {
        assertThatViolation(() -> levels.require("fan-2", Right.NOMINATE))
                .is(RuleViolation.Kind.FORBIDDEN, "level.right.NOMINATE");
        RuleViolation refused = (RuleViolation) org.assertj.core.api.Assertions.catchThrowable(
                () -> levels.require("fan-2", Right.NOMINATE));
        assertThat(Messages.text(Messages.ENGLISH, "error." + refused.code(), refused.args().toArray()))
                .isEqualTo("Nominating a project takes the level Enthusiast; you are Newcomer."
                        + " Keep reporting on each release to get there.");
        assertThat(Messages.text(Messages.CHINESE, "error." + refused.code(), refused.args().toArray()))
                .startsWith("达到“发烧友”才能提名候选项目，你现在是“新米粉”。");
    }

    @Test
    void aVoterBelowTheVotingLevelIsRefused() {
        LevelsConfig strict = new LevelsConfig(
                new dev.popcorn.domain.participation.LevelLadder(LevelsConfig.defaults().ladder().levels(),
                        13, 90, Duration.ofDays(14), java.util.Map.of(Right.VOTE, "fan")),
                LevelsConfig.defaults().streak());
        Levels gate = StandingParts
                .of(store.standing(), store.participation(), PointsRules.defaults(), store.transactions(),
                        store.audit(), strict.ladder(), strict.streak(), ZONE, List::of, Standing.Mirror.none(), clock)
                .levels();
        CastBallot ballots = new CastBallot(store.polls(), store.ballots(), ledger, gate, store.users(),
                store.teams(), null, Eligibility.anyone(), dev.popcorn.app.GroupCommit.alone(store.transactions()),
                clock);
        Release release = ship();
        var poll = store.polls().create(release.id(), "Award", clock.instant(),
                clock.instant().plus(Duration.ofDays(3)));
        store.polls().addCandidate(poll.id(), "camera", "Faster camera", List.of("POP-1"), "");
        store.teams().save(new dev.popcorn.domain.team.Team("battery", "Battery", List.of()));
        store.polls().addCandidate(poll.id(), "battery", "Longer battery", List.of("POP-1"), "");
        store.polls().markOpened(poll.id(), clock.instant());
        long candidate = store.polls().find(poll.id()).orElseThrow().candidates().get(0).id();
        assertThatViolation(() -> ballots.cast("fan-2", poll.id(), candidate)).is(RuleViolation.Kind.FORBIDDEN,
                "level.right.VOTE");
        assertThat(store.ballots().find(poll.id(), "fan-2")).isEmpty();
    }

    @Test
    void wishesPerDayFollowTheLevel() {
        Release release = ship();
        handIn.handIn(new ExperienceReport("fan-2", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "")), List.of(),
                List.of("Dark mode for the gallery", "A shutter sound switch", "Bigger fonts in settings")));
        // the newcomer's three a day are used; handing the same wishes in again files nothing new
        handIn.handIn(new ExperienceReport("fan-2", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(),
                List.of("Dark mode for the gallery", "A shutter sound switch", "Bigger fonts in settings")));
        // A fourth today: the report is saved (its verdict changed), the wish is not filed, and the fan is told why.
        ExperienceReport fourth = new ExperienceReport("fan-2", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "")), List.of(),
                List.of("Weather widget"));
        HandInReport.Saved saved = handIn.save(HandInReport.Request.of(fourth, List.of()));
        assertThat(saved.wishesNotFiled()).containsExactly("Weather widget");
        assertThat(saved.report().verdicts()).extracting(FeatureVerdict::verdict)
                .containsExactly(Verdict.NOT_GOOD_ENOUGH);
        assertThat(store.reports().wishOf("fan-2", release.id(), "Weather widget")).isEmpty();
        RuleViolation limit = saved.limit().orElseThrow();
        // A report of nothing but a wish over the limit is refused with the same words.
        assertThatViolation(() -> handIn.handIn(new ExperienceReport("fan-2", release.id(), List.of(), List.of(),
                List.of("Another wish")))).is(RuleViolation.Kind.FORBIDDEN, "level.wishes.limit");
        assertThat(store.reports().find(release.id(), "fan-2").orElseThrow().verdicts())
                .as("the saved report is untouched")
                .extracting(FeatureVerdict::verdict).containsExactly(Verdict.NOT_GOOD_ENOUGH);
        assertThat(Messages.text(Messages.ENGLISH, "error." + limit.code(), limit.args().toArray()))
                .isEqualTo("At the level Newcomer you may file 3 wishes a day; none is left today.");
        assertThat(Messages.text(Messages.CHINESE, "error." + limit.code(), limit.args().toArray()))
                .isEqualTo("“新米粉”每天可以提 3 个心愿，今天还剩 0 个。");
        clock.advance(Duration.ofDays(1));
        handIn.handIn(new ExperienceReport("fan-2", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(), List.of("Weather widget")));
        assertThat(store.reports().wishOf("fan-2", release.id(), "Weather widget")).isPresent();
    }

    @Test
    void helpfulMarksAreExemptFromTheCapAndEarnTheBadge() {
        Release release = ship();
        report("fan-1", release, "Short.");
        handIn.markHelpful(release.id(), "fan-1", "lead");
        assertThat(standing.view("fan-1").badges()).extracting(h -> h.badge().key())
                .containsExactly("first-report.bronze", "helpful.bronze");
        assertThat(ledger.points("fan-1")).isEqualTo(10 + 15 + 10 + 10);
    }

    @Test
    void unlockingEndsWhatTheLockHeldAtOnceHonoraryIncluded() {
        ship();
        overrides.lock("fan-3", "pioneer", "runs the beta group", "lead");
        overrides.lock("fan-2", "honorary", "ten years with us", "lead");
        assertThat(levels.holds("fan-3", Right.EARLY_ACCESS)).isTrue();
        // No activity of theirs: once unlocked, the level is what activity earns, not the lock's for 14 more days.
        assertThat(overrides.unlock("fan-3", "beta is over", "lead").id()).isEqualTo("newcomer");
        assertThat(levels.holds("fan-3", Right.EARLY_ACCESS)).isFalse();
        assertThat(overrides.unlock("fan-2", "a mistake", "lead").id()).isEqualTo("newcomer");
        assertThat(levels.level("fan-2").id()).isEqualTo("newcomer");
    }

    @Test
    void aPromotionStartsAGraceAndADemotionNone() {
        for (int i = 0; i < 6; i++) {
            report("fan-1", ship(), dev.popcorn.domain.DomainTestData.comment(i));
        }
        assertThat(levels.level("fan-1").id()).isEqualTo("enthusiast");
        assertThat(store.standing().level("fan-1").orElseThrow().promotedAt()).as("the promotion's time").isNotNull();
        // Nine quiet releases: the window holds four of their six reports, enough for Fan, not for Enthusiast.
        for (int i = 0; i < 9; i++) {
            ship();
        }
        reviews.reviewAll();
        assertThat(levels.level("fan-1").id()).isEqualTo("fan");
        assertThat(store.standing().level("fan-1").orElseThrow().promotedAt())
                .as("a demotion starts no grace: the next review may move them again").isNull();
    }

    @Test
    void theNextBadgeIsTheLowestTierNotHeldEvenBeforeTheReviewGrantsIt() {
        Release release = ship();
        // Twelve real reports counted, but no review has granted the bronze tier yet (as between a quarter's end
        // and the next review for the season voter): bronze is next, not silver.
        for (int i = 0; i < 12; i++) {
            store.participation()
                    .record(new dev.popcorn.domain.participation.ParticipationEvent("fan-1",
                            ParticipationKind.REPORT_HANDED_IN,
                            "release:" + (release.id() + 100 + i), 10, clock.instant(), "report handed in"));
        }
        assertThat(standing.view("fan-1").nextBadges()).filteredOn(n -> n.badge().badge() == Badge.REPORTS)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.badge().tier()).isEqualTo(Badge.Tier.BRONZE);
                    assertThat(n.have()).isEqualTo(12);
                    assertThat(n.needs()).isEqualTo(10);
                });
        reviews.review("fan-1");
        assertThat(standing.view("fan-1").nextBadges()).filteredOn(n -> n.badge().badge() == Badge.REPORTS)
                .singleElement()
                .satisfies(n -> assertThat(n.badge().tier()).isEqualTo(Badge.Tier.SILVER));
    }

    @Test
    void bonusesAndBadgesGrantedLateAreDatedAtTheActsThatEarnedThem() throws SQLException {
        List<Instant> reported = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            report("fan-1", ship(), dev.popcorn.domain.DomainTestData.comment(i));
            reported.add(clock.instant());
        }
        // As after a deploy that brings these rules: the bonus and the badges were never granted.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM participation_events WHERE kind IN ('STREAK_BONUS', 'BADGE')");
            s.executeUpdate("DELETE FROM user_badges");
        }
        clock.advance(Duration.ofDays(60));
        reviews.review("fan-1");
        var grants = ledger.summary("fan-1", null).grants();
        assertThat(grants).filteredOn(g -> g.kind() == ParticipationKind.STREAK_BONUS).singleElement()
                .satisfies(g -> assertThat(g.at()).as("at the fourth report").isEqualTo(reported.get(3)));
        assertThat(grants).filteredOn(g -> g.ref().equals("badge:first-report.bronze")).singleElement()
                .satisfies(g -> assertThat(g.at()).as("at the report that earned it, not the latest")
                        .isEqualTo(reported.get(0)));
        assertThat(grants).filteredOn(g -> g.ref().equals("badge:streak.bronze")).singleElement()
                .satisfies(g -> assertThat(g.at()).as("a streak's tier at the latest act, not the review")
                        .isEqualTo(reported.get(3)));
        assertThat(ledger.summary("fan-1", null).week()).as("nothing of it on this week's board").isZero();
    }

    @Test
    void revokingTheReportsBehindABonusOrABadgeTakesThemBackAndNeitherIsRevokedByHand() {
        List<Release> shipped = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Release release = ship();
            shipped.add(release);
            report("fan-1", release, dev.popcorn.domain.DomainTestData.comment(i));
        }
        assertThat(standing.view("fan-1").badges()).extracting(h -> h.badge().key()).contains("streak.bronze");
        var badge = ledger.summary("fan-1", null).grants().stream().filter(g -> g.kind() == ParticipationKind.BADGE)
                .findFirst().orElseThrow();
        assertThatViolation(() -> ledger.revoke(badge.id(), "I do not like it", "lead"))
                .is(RuleViolation.Kind.CONFLICT, "participation.grant.derived");

        // The first report was a copy: the lead revokes it, and the streak of four, its bonus and its badge go with it.
        var first = ledger.summary("fan-1", null).grants().stream()
                .filter(g -> g.kind() == ParticipationKind.REPORT_HANDED_IN
                        && g.ref().equals("release:" + shipped.get(0).id()))
                .findFirst().orElseThrow();
        ledger.revoke(first.id(), "copied from another fan", "lead");

        Standing.View view = standing.view("fan-1");
        assertThat(view.badges()).extracting(h -> h.badge().key()).contains("first-report.bronze")
                .doesNotContain("streak.bronze");
        assertThat(ledger.summary("fan-1", null).grants()).filteredOn(g -> g.kind() == ParticipationKind.STREAK_BONUS)
                .allSatisfy(g -> assertThat(g.revoked()).isTrue());
        assertThat(ledger.summary("fan-1", null).grants()).as("the report's comments go with it")
                .filteredOn(g -> g.ref().equals("release:" + shipped.get(0).id())).hasSize(2)
                .allSatisfy(g -> assertThat(g.revoked()).isTrue());
        // 3 reports with comments (45) + the first-report badge (10): the streak bonus and the streak badge count no more.
        assertThat(ledger.points("fan-1")).isEqualTo(55);
    }

    @Test
    void theLeadsCountOfUsersPerLevelHoldsUsersAtEveryLevelStoredOrNot() {
        ship();
        store.users().upsert("fan-4", "Fan 4", FIRST_FRIDAY);
        overrides.lock("fan-1", "newcomer", "starts over", "lead");
        overrides.lock("fan-2", "pioneer", "runs the beta group", "lead");
        overrides.lock("fan-3", "honorary", "ten years with us", "lead");
        // fan-4 has no stored level: it stands at the first with fan-1, whose row says so
        assertThat(levels.levelCounts()).extractingFromEntries(e -> e.getKey().id() + "=" + e.getValue())
                .containsExactly("newcomer=2", "fan=0", "enthusiast=0", "pioneer=1", "honorary=1");
    }

    /** Keeps AuditLog imported for readers: the audit is the real store's. */
    AuditLog audit() {
        return store.audit();
    }
}
