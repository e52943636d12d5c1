package dev.popcorn.app.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is filed for the forum when a level or a badge changes, and what the forum's groups do to levels. */
class StandingMirrorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final LevelLadder LADDER = LevelLadder.defaults();

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStores stores = new MemoryStores();
    private final Forum forum = mock(Forum.class);
    private final ForumMirrorMap map = new ForumMirrorMap(LADDER,
            Map.of("fan", "popcorn-fans", "enthusiast", "popcorn-enthusiasts", "honorary", "popcorn-honorary"),
            Map.of("reports.gold", 102L));
    private final Levels levels = new Levels();
    private final StandingMirror mirror = new StandingMirror(forum, map, levels, stores.users(), stores.outbox(),
            clock);

    StandingMirrorTest() {
        when(forum.enabled()).thenReturn(true);
        stores.users().upsertFromForum(new ForumIdentity("42", "xiaoyu", "Xiao Yu", "", List.of(), false, false), NOW);
    }

    private static Level level(String id) {
        return LADDER.find(id).orElseThrow();
    }

    private long filed() {
        return stores.outbox().counts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aChangeIsFiledWhenEitherLevelHasAGroupAndOnlyThen() {
        mirror.levelChanged("42", level("newcomer"), level("pioneer"));
        assertThat(filed()).as("neither has a group").isZero();

        mirror.levelChanged("42", level("pioneer"), level("fan"));
        clock.advance(Duration.ofMillis(1));
        mirror.levelChanged("42", level("fan"), level("newcomer"));
        assertThat(filed()).as("joining a group, and leaving one").isEqualTo(2);
        assertThat(stores.outbox().find(StandingMirror.LEVEL, "42/" + NOW.toEpochMilli())).isPresent();
    }

    @Test
    void aBadgeIsFiledOncePerUserAndTierWhenItHasAForumBadge() {
        mirror.badgeGranted("42", Badge.Earned.parse("reports.gold"));
        mirror.badgeGranted("42", Badge.Earned.parse("reports.gold"));
        mirror.badgeGranted("42", Badge.Earned.parse("reports.silver"));
        assertThat(filed()).isEqualTo(1);
        assertThat(stores.outbox().find(StandingMirror.BADGE, "42/reports.gold")).isPresent();
    }

    @Test
    void withTheForumOffNothingIsFiled() {
        when(forum.enabled()).thenReturn(false);
        mirror.levelChanged("42", level("newcomer"), level("fan"));
        mirror.badgeGranted("42", Badge.Earned.parse("reports.gold"));
        assertThat(filed()).isZero();
        assertThat(mirror.signedIn("42")).isZero();
    }

    @Test
    void theDeliveryMirrorsTheLevelTheUserIsAtNowNotTheOneItWasFiledFor() {
        mirror.levelChanged("42", level("newcomer"), level("fan"));
        levels.setLevel("42", "enthusiast", NOW);

        mirror.deliverLevel("42/" + NOW.toEpochMilli());

        verify(forum).mirrorGroups("xiaoyu", List.of("popcorn-enthusiasts"),
                List.of("popcorn-fans", "popcorn-honorary"));
    }

    @Test
    void aBadgeNoLongerMappedWhenItIsDeliveredSendsNothing() {
        new StandingMirror(forum, ForumMirrorMap.none(LADDER), levels, stores.users(), stores.outbox(), clock)
                .deliverBadge("42/reports.gold");
        verify(forum, never()).grantForumBadge(anyString(), anyLong());
        mirror.deliverBadge("42/reports.gold");
        verify(forum).grantForumBadge("xiaoyu", 102L);
    }

    @Test
    void signingInThroughTheForumRearmsOnlyThatUsersParkedDeliveries() {
        for (String ref : List.of("42/1", "421/1")) {
            stores.outbox().enqueue(StandingMirror.LEVEL, ref, NOW);
        }
        stores.outbox().enqueue(StandingMirror.BADGE, "42/reports.gold", NOW);
        for (OutboxStore.Task task : stores.outbox().claim("t", NOW, NOW.plusSeconds(60), 10)) {
            stores.outbox().fail(task.id(), "t", "no forum account yet", StandingMirror.NO_ACCOUNT);
        }
        assertThat(mirror.signedIn("42")).isEqualTo(2);
        assertThat(stores.outbox().find(StandingMirror.LEVEL, "421/1").orElseThrow().state())
                .isEqualTo(OutboxStore.State.FAILED);
        verify(forum, never()).mirrorGroups(anyString(), any(), any());
    }

    /** user_levels in a map. */
    private static final class Levels implements ForumLevelStore {
        final Map<String, Stored> rows = new HashMap<>();
        final java.util.Set<String> early = new java.util.HashSet<>();

        @Override
        public boolean earlyAccess(String userId) {
            return early.contains(userId);
        }

        @Override
        public Optional<Stored> level(String userId) {
            return Optional.ofNullable(rows.get(userId));
        }

        @Override
        public void setLevel(String userId, String level, Instant since) {
            rows.put(userId, new Stored(level, rows.containsKey(userId) && rows.get(userId).locked()));
        }
    }
}
