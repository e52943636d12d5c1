package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.Right;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who stands where on the ladder and what their level lets them do: a user's level, the {@link Rights} the acts ask
 * (vote, wishes a day, nominate, early access) refused with the level it takes, joining the early-access group, and
 * the ladder's figures (how many stand at each level, who holds each badge tier).
 */
public final class Levels implements Rights {

    private final StandingStore store;
    private final ParticipationStore points;
    private final Transactions transactions;
    private final AuditLog audit;
    private final LevelLadder ladder;
    private final ZoneId zone;
    private final Standing.Mirror mirror;
    private final Clock clock;

    /** {@code zone} is the week's: a day's wishes are counted from its midnight. */
    public Levels(StandingStore store, ParticipationStore points, Transactions transactions, AuditLog audit,
            LevelLadder ladder, ZoneId zone, Standing.Mirror mirror, Clock clock) {
        this.store = store;
        this.points = points;
        this.transactions = transactions;
        this.audit = audit;
        this.ladder = ladder;
        this.zone = zone;
        this.mirror = mirror;
        this.clock = clock;
    }

    public LevelLadder ladder() {
        return ladder;
    }

    /** The level the user stands at, as stored (the first level when none is). */
    public Level level(String userId) {
        return store.level(userId).map(r -> ladder.levelOrFirst(r.level())).orElse(ladder.first());
    }

    /** Whether the user's level holds the right. */
    public boolean holds(String userId, Right right) {
        return ladder.holds(level(userId), right);
    }

    /**
     * Refuses an act the user's level does not allow yet, naming the level they are at and the one
     * it takes (in both languages: Chinese names first, then English).
     */
    @Override
    public void require(String userId, Right right) {
        if (ladder.holds(ladder.first(), right)) {
            // Every level holds it (voting, by default): nothing to read on a ballot's hot path.
            return;
        }
        Level level = level(userId);
        if (!ladder.holds(level, right)) {
            Level needed = ladder.lowestWith(right);
            throw RuleViolation.forbidden("level.right." + right.name(), needed.nameZh(), needed.nameEn(),
                    level.nameZh(), level.nameEn());
        }
    }

    /** The wishes the user may still file today (the day in week.zone) at their level, under their row lock. */
    @Override
    public Rights.Allowance wishesLeft(String userId) {
        points.lockUser(userId);
        Level level = level(userId);
        Instant dayStart = ZonedDateTime.now(clock.withZone(zone)).toLocalDate().atStartOfDay(zone).toInstant();
        int left = Math.max(0, level.wishesPerDay() - store.wishesFiledSince(userId, dayStart));
        // The refusal speaks of the moment after what fits was filed: none left today.
        return new Rights.Allowance(left,
                RuleViolation.forbidden("level.wishes.limit", level.wishesPerDay(), level.nameZh(),
                        level.nameEn(), 0));
    }

    /**
     * The user joins the early-access group: only from the level that holds the right (refused with
     * the level it takes); they leave it by themselves when their level falls below. Audited.
     */
    public void joinEarlyAccess(String userId) {
        require(userId, Right.EARLY_ACCESS);
        transactions.inTransaction(() -> {
            if (store.earlyAccess(userId)) {
                // Asked before: nothing more to file or audit, however often it is asked again.
                return null;
            }
            store.setEarlyAccess(userId, true);
            mirror.joinEarlyAccess(userId);
            audit.record(
                    new AuditEntry(clock.instant(), userId, "earlyAccess.join", "user:" + userId, level(userId).id()));
            return null;
        });
    }

    public boolean earlyAccess(String userId) {
        return store.earlyAccess(userId);
    }

    /** How many users stand at each level, every level of the ladder listed (users without a row at the first). */
    public Map<Level, Long> levelCounts() {
        Map<String, Long> counts = store.levelCounts(ladder.first().id());
        Map<Level, Long> all = new LinkedHashMap<>();
        for (Level level : ladder.levels()) {
            all.put(level, counts.getOrDefault(level.id(), 0L));
        }
        return all;
    }

    /** How many users hold each tier of every badge, every tier listed (none held: 0). */
    public Map<Badge.Earned, Long> badgeCounts() {
        Map<String, Long> counts = store.badgeCounts();
        Map<Badge.Earned, Long> all = new LinkedHashMap<>();
        for (Badge badge : Badge.values()) {
            for (int i = 0; i < badge.thresholds().size(); i++) {
                Badge.Earned tier = new Badge.Earned(badge, Badge.Tier.values()[i]);
                all.put(tier, counts.getOrDefault(tier.key(), 0L));
            }
        }
        return all;
    }

    /** The keys of the badge tiers the user holds ({@code reports.silver}), oldest first: the ladder page marks them. */
    public Set<String> badgeKeys(String userId) {
        return store.badges(userId).keySet();
    }

    /** Up to {@code limit} holders of a badge tier who show on public pages, the latest first. */
    public List<StandingStore.Holder> holders(Badge.Earned tier, int limit) {
        return store.holders(tier.key(), limit);
    }
}
