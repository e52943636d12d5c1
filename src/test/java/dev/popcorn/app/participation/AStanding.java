package dev.popcorn.app.participation;

import dev.popcorn.MutableClock;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.memory.MemoryStanding;
import dev.popcorn.memory.MemoryStores;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The standing's use cases on in-memory stores, the default ladder and streak rules, a clock the test moves, and a
 * mirror that records what it was told: the world of the standing's unit tests.
 */
final class AStanding {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-05-15T04:00:00Z");

    final MemoryStores stores = new MemoryStores();
    final MemoryStanding store = new MemoryStanding();
    final MutableClock clock = new MutableClock(NOW);
    final List<String> changes = new ArrayList<>();
    final List<String> badgesMirrored = new ArrayList<>();
    final List<String> joined = new ArrayList<>();
    final List<Long> noticed = new ArrayList<>();
    final Standing standing;
    final Levels levels;
    final StandingNotices notices;
    final StandingReviews reviews;
    final LevelOverrides overrides;

    AStanding() {
        Standing.Mirror mirror = new Standing.Mirror() {
            @Override
            public void levelChanged(String userId, Level from, Level to) {
                changes.add(userId + ":" + from.id() + "->" + to.id());
            }

            @Override
            public void badgeGranted(String userId, Badge.Earned badge) {
                badgesMirrored.add(userId + ":" + badge.key());
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
        StandingParts parts = StandingParts.of(store, stores.participation(), PointsRules.defaults(),
                stores.transactions(),
                stores.audit(), LevelLadder.defaults(), Streak.Rules.defaults(), ZONE, List::of, mirror, clock);
        standing = parts.standing();
        levels = parts.levels();
        notices = parts.notices();
        reviews = parts.reviews();
        overrides = parts.overrides();
    }

    /** A grant in the ledger, as the act that earned it records it. */
    void granted(String userId, ParticipationKind kind, String ref, Instant at) {
        stores.participation().record(new ParticipationEvent(userId, kind, ref, kind.points(), at, null));
    }

    /** The user's grants of {@code kind} not revoked. */
    List<Grant> held(String userId, ParticipationKind kind) {
        return stores.participation().grants(userId, Long.MAX_VALUE, 1000).stream()
                .filter(g -> g.kind() == kind && !g.revoked()).toList();
    }

    /** The audited actions, oldest first. */
    List<String> audited() {
        List<String> actions = new ArrayList<>(stores.audit().recent(1000).stream().map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }

    /** The kinds and subjects of the notices the user has not been told yet, oldest first; told now. */
    List<String> toldNow(String userId) {
        return notices.tellUnseen(userId).stream().map(n -> n.kind() + " " + n.subject()).toList();
    }
}
