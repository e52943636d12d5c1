package dev.popcorn.discourse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.forum.ForumLevelStore;
import dev.popcorn.app.forum.StandingMirror;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.config.DiscourseConfig;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Levels and badges mirrored to a (fake) Discourse through the outbox, on the embedded database:
 * every request checked against Discourse's OpenAPI document (and the badge grant against its
 * contract fixture).
 */
class ForumMirrorIT {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final LevelLadder LADDER = LevelLadder.defaults();
    private static final Level NEWCOMER = LADDER.find("newcomer").orElseThrow();
    private static final Level FAN = LADDER.find("fan").orElseThrow();
    private static final Level ENTHUSIAST = LADDER.find("enthusiast").orElseThrow();
    private static final Level PIONEER = LADDER.find("pioneer").orElseThrow();
    private static final Badge.Earned REPORTS_GOLD = new Badge.Earned(Badge.REPORTS, Badge.Tier.GOLD);

    private final FakeDiscourse fake = new FakeDiscourse();
    private final MutableClock clock = new MutableClock(NOW);
    /** Pioneer and newcomer have no group; the first report's badge and the gold reports badge have forum badges. */
    private final ForumMirrorMap map = new ForumMirrorMap(LADDER,
            Map.of("fan", "popcorn-fans", "enthusiast", "popcorn-enthusiasts", "honorary", "popcorn-honorary"),
            Map.of("first-report.bronze", 101L, "reports.gold", 102L));
    private Store store;
    private StandingMirror mirror;
    private Outbox outbox;

    @TempDir
    Path data;

    @BeforeEach
    void open() {
        store = Store.open(new Store.Settings("jdbc:h2:file:" + data.resolve("popcorn") + ";WRITE_DELAY=0", "", "", 4));
        DiscourseConfig config = discourse();
        DiscourseForum forum = new DiscourseForum(new DiscourseClient(config, clock), config);
        mirror = new StandingMirror(forum, map, store.forumLevels(), store.users(), store.outbox(), clock);
        outbox = new Outbox(store.outbox(), Map.of(StandingMirror.LEVEL, mirror::deliverLevel, StandingMirror.BADGE,
                mirror::deliverBadge), Set.of(),
                new Outbox.Settings(5, Duration.ofSeconds(30), Duration.ofHours(1),
                        Duration.ofMinutes(1), 10),
                clock, "test");
        for (String group : List.of("popcorn-fans", "popcorn-enthusiasts", "popcorn-honorary")) {
            fake.group(group);
        }
        fake.user(42, "xiaoyu", 1, false);
        store.users().upsertFromForum(new ForumIdentity("42", "xiaoyu", "Xiao Yu", "", List.of(), false, false), NOW);
    }

    @AfterEach
    void close() {
        store.close();
        assertThat(fake.contractViolations()).isEmpty();
        fake.close();
    }

    private DiscourseConfig discourse() {
        return new DiscourseConfig(URI.create(fake.url()), FakeDiscourse.API_KEY, "system",
                FakeDiscourse.CATEGORY, 6000, Duration.ofSeconds(5), "", Duration.ofMinutes(10), List.of(), "", 0, "",
                Duration.ofMinutes(15), "");
    }

    /** The level service's step: the new level and the mirror's task, in one transaction. */
    private void promote(String userId, Level from, Level to) {
        clock.advance(Duration.ofMillis(5));
        store.transactions().inTransaction(() -> {
            store.forumLevels().setLevel(userId, to.id(), clock.instant());
            mirror.levelChanged(userId, from, to);
            return null;
        });
    }

    private List<String> writes() {
        return fake.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    @Test
    void aLevelChangeMovesTheUserFromTheOldGroupToTheNewAndARepeatWritesNothing() {
        fake.group("popcorn-fans", "xiaoyu");
        fake.group("beta-testers", "xiaoyu");

        promote("42", FAN, ENTHUSIAST);
        assertThat(outbox.deliverDue()).isEqualTo(1);

        assertThat(fake.groupMembers("popcorn-fans")).isEmpty();
        assertThat(fake.groupMembers("popcorn-enthusiasts")).containsExactly("xiaoyu");
        assertThat(fake.groupMembers("beta-testers")).as("a group no level maps to is not touched")
                .containsExactly("xiaoyu");
        assertThat(writes()).containsExactly("DELETE /groups/" + groupId("popcorn-fans") + "/members.json",
                "PUT /groups/" + groupId("popcorn-enthusiasts") + "/members.json");

        int before = fake.requests().size();
        promote("42", FAN, ENTHUSIAST);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(fake.requests().subList(before, fake.requests().size())).as("the forum agrees already")
                .containsExactly("GET /u/xiaoyu.json");
        assertThat(store.outbox().counts()).containsEntry(OutboxStore.State.DONE, 2L);
    }

    @Test
    void lateDeliveriesConvergeOnTheLevelTheUserIsAtNow() {
        fake.group("popcorn-fans", "xiaoyu");
        promote("42", FAN, ENTHUSIAST);
        promote("42", ENTHUSIAST, PIONEER);

        assertThat(outbox.deliverDue()).isEqualTo(2);

        // Pioneer has no group: out of every mapped group, and the enthusiasts' group never joined.
        assertThat(fake.groupMembers("popcorn-fans")).isEmpty();
        assertThat(fake.groupMembers("popcorn-enthusiasts")).isEmpty();
        assertThat(writes()).noneMatch(w -> w.startsWith("PUT"));

        promote("42", PIONEER, NEWCOMER);
        promote("42", NEWCOMER, FAN);
        outbox.deliverDue();
        assertThat(fake.groupMembers("popcorn-fans")).containsExactly("xiaoyu");
    }

    @Test
    void anUnmappedLevelOrBadgeFilesNothingAndSendsNothing() {
        promote("42", NEWCOMER, PIONEER);
        mirror.badgeGranted("42", new Badge.Earned(Badge.REPORTS, Badge.Tier.SILVER));

        assertThat(outbox.deliverDue()).isZero();
        assertThat(store.outbox().counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aBadgeIsGrantedOnceWithItsForumIdHoweverOftenItIsDelivered() {
        mirror.badgeGranted("42", REPORTS_GOLD);
        mirror.badgeGranted("42", REPORTS_GOLD);
        assertThat(outbox.deliverDue()).as("filed once").isEqualTo(1);
        assertThat(fake.badgesGranted()).containsExactly("xiaoyu:102");

        // Delivered again (a lost answer, say): the forum is asked first, and the badge is not granted twice.
        store.outbox().enqueueOrRearm(StandingMirror.BADGE, "42/reports.gold", clock.instant(), clock.instant());
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(fake.badgesGranted()).containsExactly("xiaoyu:102");
        assertThat(fake.requests()).containsExactly("GET /user-badges/xiaoyu.json", "POST /user_badges.json",
                "GET /user-badges/xiaoyu.json");
        assertThat(fake.badgeReasons()).containsExactly("");
    }

    @Test
    void aUserWithoutAForumAccountIsParkedWithTheReasonAndMirroredOnceTheySignInThroughTheForum() {
        store.users().upsert("7", "Fan seven", NOW);
        promote("7", FAN, ENTHUSIAST);
        mirror.badgeGranted("7", REPORTS_GOLD);

        assertThat(outbox.deliverDue()).isEqualTo(2);

        assertThat(fake.requests()).isEmpty();
        OutboxStore.Task parked = store.outbox().find(StandingMirror.BADGE, "7/reports.gold").orElseThrow();
        assertThat(parked.state()).isEqualTo(OutboxStore.State.FAILED);
        assertThat(parked.lastError()).contains("no forum account yet");
        assertThat(parked.advice()).isEqualTo(StandingMirror.NO_ACCOUNT);
        assertThat(store.outbox().troubles(10)).extracting(OutboxStore.Task::kind)
                .containsExactlyInAnyOrder(StandingMirror.LEVEL, StandingMirror.BADGE);

        fake.user(7, "fan7", 0, false);
        store.users().upsertFromForum(new ForumIdentity("7", "fan7", "Fan seven", "", List.of(), false, false), NOW);
        assertThat(mirror.signedIn("7")).isEqualTo(2);
        assertThat(outbox.deliverDue()).isEqualTo(2);

        assertThat(fake.groupMembers("popcorn-enthusiasts")).containsExactly("fan7");
        assertThat(fake.badgesGranted()).containsExactly("fan7:102");
        assertThat(store.outbox().troubles(10)).isEmpty();
    }

    @Test
    void theEarlyAccessGroupHoldsUsersWhoAskedWhileTheirLevelHasTheRightAndOnlyThen() {
        ForumMirrorMap withEarly = new ForumMirrorMap(LADDER, map.levelGroups(), map.badgeIds(),
                Optional.of("popcorn-early"));
        fake.group("popcorn-early");
        StandingMirror early = new StandingMirror(
                new DiscourseForum(new DiscourseClient(discourse(), clock), discourse()),
                withEarly, store.forumLevels(), store.users(), store.outbox(), clock);
        Outbox delivery = new Outbox(store.outbox(), Map.of(StandingMirror.LEVEL, early::deliverLevel), Set.of(),
                new Outbox.Settings(5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(1), 10), clock,
                "test");
        dev.popcorn.app.participation.StandingParts standing = dev.popcorn.app.participation.StandingParts.of(
                store.standing(), store.participation(), dev.popcorn.domain.participation.PointsRules.defaults(),
                store.transactions(),
                store.audit(), LADDER, dev.popcorn.domain.participation.Streak.Rules.defaults(),
                java.time.ZoneId.of("UTC"), List::of, early,
                clock);
        standing.overrides().lock("42", "pioneer", "runs the beta group", "lead");
        delivery.deliverDue();
        assertThat(fake.groupMembers("popcorn-early")).as("not asked yet").isEmpty();

        assertThat(userReads()).as("one look at the user for the level's group and the early-access group")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        standing.levels().joinEarlyAccess("42");
        delivery.deliverDue();
        assertThat(fake.groupMembers("popcorn-early")).containsExactly("xiaoyu");
        assertThat(userReads()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        standing.overrides().lock("42", "fan", "the beta is over", "lead");
        delivery.deliverDue();
        assertThat(fake.groupMembers("popcorn-early")).as("the level no longer holds the right").isEmpty();
        assertThat(fake.groupMembers("popcorn-fans")).containsExactly("xiaoyu");
        assertThat(userReads()).as("one per delivery").isEqualTo(3);
        assertThat(fake.contractViolations()).isEmpty();
    }

    /** How often Popcorn read a forum user ({@code GET /u/{username}.json}); the forum's rate budget is shared. */
    private long userReads() {
        return fake.requests().stream().filter(r -> r.matches("GET /u/[^/]+\\.json")).count();
    }

    @Test
    void theForumsHonoraryGroupGrantsTheLevelByHandAndLeavingItTakesItBack() {
        java.util.function.BiConsumer<String, Optional<String>> feed = standing()::forumSays;
        store.forumLevels().setLevel("42", "fan", NOW);
        fake.group("popcorn-fans", "xiaoyu");
        // A moderator put xiaoyu in the honorary group on the forum; a webhook or sign-in told Popcorn.
        fake.group("popcorn-honorary", "xiaoyu");

        feed.accept("42", map.handLevelFromGroups(List.of("trust_level_2", "popcorn-honorary")));

        assertThat(store.forumLevels().level("42")).map(ForumLevelStore.Stored::level).contains("honorary");
        outbox.deliverDue();
        assertThat(fake.groupMembers("popcorn-fans")).as("the previous level's group is left").isEmpty();
        assertThat(fake.groupMembers("popcorn-honorary")).containsExactly("xiaoyu");

        clock.advance(Duration.ofSeconds(1));
        feed.accept("42", map.handLevelFromGroups(List.of("trust_level_2")));

        assertThat(store.forumLevels().level("42")).map(ForumLevelStore.Stored::level).as("back to the first level")
                .contains("newcomer");
        outbox.deliverDue();
        assertThat(List.of("popcorn-fans", "popcorn-enthusiasts", "popcorn-honorary")).allSatisfy(
                group -> assertThat(fake.groupMembers(group)).as(group).isEmpty());
    }

    @Test
    void leavingTheHonoraryGroupLeavesALevelEarnedByActivityAlone() {
        java.util.function.BiConsumer<String, Optional<String>> feed = standing()::forumSays;
        store.forumLevels().setLevel("42", "pioneer", NOW);

        feed.accept("42", Optional.empty());

        assertThat(store.forumLevels().level("42")).map(ForumLevelStore.Stored::level).contains("pioneer");
        assertThat(store.outbox().counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    /** The lead's and the forum's say over levels, mirroring through {@link #mirror}. */
    private dev.popcorn.app.participation.LevelOverrides standing() {
        return dev.popcorn.app.participation.StandingParts.of(store.standing(), store.participation(),
                dev.popcorn.domain.participation.PointsRules.defaults(), store.transactions(), store.audit(), LADDER,
                dev.popcorn.domain.participation.Streak.Rules.defaults(), java.time.ZoneId.of("UTC"), List::of, mirror,
                clock).overrides();
    }

    /** The fake forum's id of a group: 40 and up, in the order the groups were made. */
    private static String groupId(String name) {
        return String.valueOf(40 + List.of("popcorn-winners", "beta-testers", "popcorn-fans", "popcorn-enthusiasts",
                "popcorn-honorary").indexOf(name));
    }
}
