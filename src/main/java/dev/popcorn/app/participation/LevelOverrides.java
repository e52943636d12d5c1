package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Levels set by someone rather than earned by activity: a lead's lock (to any level, with a reason) and its unlock,
 * and the forum's group of a level granted by hand. A lead's lock wins over the forum; every change is audited,
 * mirrored, and a notice when it is a promotion.
 */
public final class LevelOverrides {

    private final StandingReviews reviews;
    private final Levels levels;
    private final StandingNotices notices;
    private final StandingStore store;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Standing.Mirror mirror;
    private final Clock clock;

    public LevelOverrides(StandingReviews reviews, Levels levels, StandingNotices notices, StandingStore store,
            Transactions transactions, AuditLog audit, Standing.Mirror mirror, Clock clock) {
        this.reviews = reviews;
        this.levels = levels;
        this.notices = notices;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** A lead locks a user's level (to any level, the ones granted by hand included), with a reason; audited. */
    public Level lock(String userId, String levelId, String reason, String lead) {
        Level target = levels.ladder().find(levelId).orElseThrow(() -> RuleViolation.invalid("level.unknown", levelId));
        String why = required(reason);
        known(userId);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Level before = levels.level(userId);
            store.lock(userId, target.id(),
                    before.equals(target) ? store.level(userId).map(StandingStore.LevelRow::since)
                            .orElse(now) : now,
                    true, lead, why);
            audit.record(new AuditEntry(now, lead, "level.lock", "user:" + userId, target.id() + ": " + why));
            if (!before.equals(target)) {
                notices.levelMoved(userId, before, target, now);
                mirror.levelChanged(userId, before, target);
            }
            return target;
        });
    }

    /** A lead unlocks a user's level; the next review moves it by activity again. Audited. */
    public Level unlock(String userId, String reason, String lead) {
        String why = required(reason);
        known(userId);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            StandingStore.LevelRow row = store.level(userId).filter(StandingStore.LevelRow::locked)
                    .orElseThrow(() -> RuleViolation.conflict("level.notLocked", userId));
            store.lock(userId, row.level(), row.since(), false, lead, why);
            audit.record(new AuditEntry(now, lead, "level.unlock", "user:" + userId, why));
            if (levels.ladder().levelOrFirst(row.level()).byHand()) {
                // A level only given by hand, no longer held by the lock: activity decides again at once (the forum's
                // group gives it back at the user's next sign-in or group change, if they are in it).
                store.saveLevel(userId, levels.ladder().first().id(), now, null);
            }
            return reviews.review(userId);
        });
    }

    /**
     * The forum says the user is (or is no longer) in the group of a level granted by hand: they
     * get that level, or fall back to what activity earns. A lead's lock wins over the forum.
     */
    public void forumSays(String userId, Optional<String> handLevel) {
        LevelLadder ladder = levels.ladder();
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<StandingStore.LevelRow> row = store.level(userId);
            if (row.map(StandingStore.LevelRow::locked).orElse(false)) {
                return null;
            }
            Level before = levels.level(userId);
            Optional<Level> granted = handLevel.flatMap(ladder::find).filter(Level::byHand);
            if (granted.isPresent() && !granted.get().equals(before)) {
                store.saveLevel(userId, granted.get().id(), now, null);
                audit.record(new AuditEntry(now, "forum", "level.forum", "user:" + userId, granted.get().id()));
                notices.levelMoved(userId, before, granted.get(), now);
                mirror.levelChanged(userId, before, granted.get());
            } else if (granted.isEmpty() && before.byHand()) {
                store.saveLevel(userId, ladder.first().id(), now, null);
                audit.record(new AuditEntry(now, "forum", "level.forum", "user:" + userId, "left " + before.id())
                        .noted("levelLeft", before.nameEn(), before.nameZh()));
                if (reviews.reviewLevel(userId, now).equals(ladder.first())) {
                    mirror.levelChanged(userId, before, ladder.first());
                }
            }
            return null;
        });
    }

    /** Refuses a user Popcorn does not know (a typo must not lock a level for nobody). */
    private void known(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 120 || !store.known(userId)) {
            throw RuleViolation.notFound("level.user.unknown", String.valueOf(userId));
        }
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("request.field.missing", "reason");
        }
        String text = reason.strip();
        if (text.length() > Ledger.MAX_REASON) {
            throw RuleViolation.invalid("request.field.maxLength", "reason", Ledger.MAX_REASON);
        }
        return text;
    }
}
