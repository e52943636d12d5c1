package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The review of a fan's standing. Every new grant in the ledger reviews the user's standing in the same transaction
 * ({@link #review}): streak bonuses and badge tiers granted (once, back-filled when the rules change), then the level
 * promoted or, past the margin and the grace, demoted. A revoked grant takes back what stood on it ({@link #revoked}).
 * Every level change is audited and handed to the forum mirror; a promotion or a new tier is a notice.
 */
public final class StandingReviews implements Ledger.Review {

    private static final System.Logger LOG = System.getLogger(StandingReviews.class.getName());

    /** The most grants read back to date a badge tier; a longer history dates the tier at the latest act. */
    private static final int HISTORY = 5000;

    /** The badges counted from the ledger's own grants: a revoked grant may take one of these back. */
    private static final Set<Badge> FROM_GRANTS = EnumSet.of(Badge.FIRST_REPORT, Badge.REPORTS, Badge.STREAK,
            Badge.WISHES_SHIPPED, Badge.HELPFUL);

    private final Standing standing;
    private final Levels levels;
    private final StandingNotices notices;
    private final StandingStore store;
    private final ParticipationStore points;
    private final PointsRules rules;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Standing.Mirror mirror;
    private final Clock clock;

    public StandingReviews(Standing standing, Levels levels, StandingNotices notices, StandingStore store,
            ParticipationStore points, PointsRules rules, Transactions transactions, AuditLog audit,
            Standing.Mirror mirror, Clock clock) {
        this.standing = standing;
        this.levels = levels;
        this.notices = notices;
        this.store = store;
        this.points = points;
        this.rules = rules;
        this.transactions = transactions;
        this.audit = audit;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** Reviews the user's standing now (see {@link #review(String, Instant)}). */
    public Level review(String userId) {
        return review(userId, clock.instant());
    }

    /**
     * Reviews the user's standing as of {@code at} (never later than now): streak bonuses and badge tiers
     * not granted yet, then the level. A grant is dated at the act that earned it, not at the review, so that
     * tiers back-filled after a deploy do not land on this week's boards: a streak bonus at the report on its
     * release, a badge tier counted from grants at the grant that reached its threshold, another tier at the user's
     * latest act the review counted. Safe to repeat: it only ever writes
     * what is missing or changed. Answers the level they stand at.
     */
    @Override
    public Level review(String userId, Instant at) {
        return transactions.inTransaction(() -> {
            Instant now = at.isAfter(clock.instant()) ? clock.instant() : at;
            Streak streak = standing.streak(userId, now);
            grantMissing(userId, streak, Badge.earned(standing.counts(userId, streak, now)), now);
            return reviewLevel(userId, now);
        });
    }

    /**
     * After a lead revoked one of the user's grants: the bonuses and badge tiers that stood on it are taken back,
     * then the standing is reviewed as after any grant.
     */
    @Override
    public Level revoked(String userId, Instant at) {
        return transactions.inTransaction(() -> {
            Instant now = at.isAfter(clock.instant()) ? clock.instant() : at;
            Streak streak = standing.streak(userId, now);
            List<Badge.Earned> earned = Badge.earned(standing.counts(userId, streak, now));
            takeBackWhatRevokedActsEarned(userId, streak, earned, now);
            grantMissing(userId, streak, earned, now);
            return reviewLevel(userId, now);
        });
    }

    /** Reviews every user a review may move (those with recent grants or above the first level); answers how many changed level. */
    public int reviewAll() {
        return reviewAll(() -> true);
    }

    /**
     * {@link #reviewAll()} at a pace: {@code pace} is asked before each user, may wait (a surge goes first),
     * and stops the round when it answers false (the server stops).
     */
    public int reviewAll(BooleanSupplier pace) {
        Instant now = clock.instant();
        LevelLadder ladder = levels.ladder();
        Instant since = store.windowStart(ladder.windowReleases(), now).minus(Duration.ofDays(7));
        int changed = 0;
        for (String user : store.usersToReview(since, ladder.first().id())) {
            if (!pace.getAsBoolean()) {
                break;
            }
            // One user's review failing (their transaction rolls back) holds back nobody else's.
            try {
                Level before = levels.level(user);
                if (!review(user).equals(before)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the review of user {0} failed, tried again next time: {1}", user,
                        e.getMessage());
            }
        }
        return changed;
    }

    /**
     * The level by activity as of {@code now}: promoted, or demoted past the margin and the grace (a lead's lock holds
     * it), audited, told and mirrored. Inside the caller's transaction.
     */
    Level reviewLevel(String userId, Instant now) {
        LevelLadder ladder = levels.ladder();
        Optional<StandingStore.LevelRow> row = store.level(userId);
        Level current = row.map(r -> ladder.levelOrFirst(r.level())).orElse(ladder.first());
        Activity activity = store.activity(userId, store.windowStart(ladder.windowReleases(), now));
        Level target = ladder.evaluate(current, row.map(StandingStore.LevelRow::promotedAt).orElse(null),
                row.map(StandingStore.LevelRow::locked).orElse(false), activity, now);
        if (!target.equals(current)) {
            store.saveLevel(userId, target.id(), now, target.rank() > current.rank() ? now : null);
            audit.record(new AuditEntry(now, "popcorn",
                    target.rank() > current.rank() ? "level.promote" : "level.demote",
                    "user:" + userId, current.id() + " -> " + target.id() + " (" + activity.points() + " points, "
                            + activity.reports() + " reports, " + activity.releases() + " releases)")
                    .noted("levelChanged", current.nameEn(), target.nameEn(), activity.points(), activity.reports(),
                            activity.releases(), current.nameZh(), target.nameZh()));
            notices.levelMoved(userId, current, target, now);
            mirror.levelChanged(userId, current, target);
        }
        return target;
    }

    /**
     * The streak bonuses and badge tiers earned and not granted yet, each dated at the act that earned it (a bonus at
     * the report on its release, a tier as {@link #earnedAt} says). What is held already costs one query each
     * for bonuses and for badges, whatever the history: a review follows every grant.
     */
    private void grantMissing(String userId, Streak streak, List<Badge.Earned> earned, Instant now) {
        List<List<String>> milestones = streak.milestone().stream().map(r -> List.of(userId, "streak:release:" + r))
                .toList();
        Set<List<String>> bonused = milestones.isEmpty() ? Set.of()
                : points.held(ParticipationKind.STREAK_BONUS, milestones);
        for (long release : streak.milestone()) {
            String ref = "streak:release:" + release;
            if (!bonused.contains(List.of(userId, ref))) {
                Instant reported = points.find(userId, ParticipationKind.REPORT_HANDED_IN, "release:" + release)
                        .map(Grant::at).filter(t -> t.isBefore(now)).orElse(now);
                bonus(userId, ParticipationKind.STREAK_BONUS, ref, reported);
            }
        }
        Set<String> held = earned.isEmpty() ? Set.of() : store.badges(userId).keySet();
        List<Grant> history = null;
        for (Badge.Earned badge : earned) {
            if (held.contains(badge.key())) {
                continue;
            }
            if (history == null) {
                history = points.grants(userId, Long.MAX_VALUE, HISTORY);
            }
            Instant at = earnedAt(badge, history, now);
            if (store.grantBadge(userId, badge.key(), at)) {
                bonus(userId, ParticipationKind.BADGE, "badge:" + badge.key(), at);
                notices.badgeGranted(userId, badge, now);
                mirror.badgeGranted(userId, badge);
            }
        }
    }

    /**
     * When a badge tier was earned: for a badge counted from grants, the grant that reached its threshold (the tenth
     * report for reports' bronze); for the others (streak, season voter, award winner, bug hunter), and when the
     * history is longer than what is read, the user's latest act the review counted. Never later than {@code now}.
     */
    private static Instant earnedAt(Badge.Earned badge, List<Grant> history, Instant now) {
        Predicate<Grant> counted = switch (badge.badge()) {
            case FIRST_REPORT, REPORTS -> g -> g.kind() == ParticipationKind.REPORT_HANDED_IN;
            case WISHES_SHIPPED -> g -> g.kind() == ParticipationKind.WISH_AUTHOR_SHIPPED
                    || g.kind() == ParticipationKind.WISH_FULFILLED && g.points() > 0;
            case HELPFUL -> g -> g.kind() == ParticipationKind.REPORT_HELPFUL;
            default -> null;
        };
        int threshold = badge.badge().thresholds().get(badge.tier().ordinal());
        if (counted != null && history.size() < HISTORY) {
            List<Instant> times = history.stream().filter(g -> !g.revoked()).filter(counted).map(Grant::at).sorted()
                    .toList();
            if (times.size() >= threshold) {
                Instant reached = times.get(threshold - 1);
                return reached.isBefore(now) ? reached : now;
            }
        }
        return latestAct(history, now);
    }

    /** When the user last did something that counts (a grant that is not itself a bonus or a badge), at most {@code now}. */
    private static Instant latestAct(List<Grant> history, Instant now) {
        for (Grant grant : history) {
            if (grant.kind() != ParticipationKind.BADGE && grant.kind() != ParticipationKind.STREAK_BONUS
                    && !grant.revoked()) {
                return grant.at().isBefore(now) ? grant.at() : now;
            }
        }
        return now;
    }

    /**
     * What a bonus or a badge tier was granted for no longer holds, because a lead revoked the acts behind it (a
     * copied report, say): the streak bonus of a release no longer a milestone, and a tier of a badge counted from
     * grants the counts no longer reach, are revoked in turn (the badge leaves the pages and the card).
     */
    private void takeBackWhatRevokedActsEarned(String userId, Streak streak, List<Badge.Earned> earnedNow,
            Instant now) {
        Set<String> earned = new HashSet<>();
        earnedNow.forEach(b -> earned.add(b.key()));
        Set<String> milestones = new HashSet<>();
        streak.milestone().forEach(release -> milestones.add("streak:release:" + release));
        for (String key : store.badges(userId).keySet()) {
            Optional<Badge.Earned> held = Standing.parse(key);
            if (held.isPresent() && FROM_GRANTS.contains(held.get().badge()) && !earned.contains(key)
                    && store.takeBadge(userId, key)) {
                points.find(userId, ParticipationKind.BADGE, "badge:" + key).filter(g -> !g.revoked())
                        .ifPresent(g -> takeBack(g, now));
            }
        }
        for (Grant grant : points.grants(userId, Long.MAX_VALUE, 1000)) {
            if (grant.kind() == ParticipationKind.STREAK_BONUS && !grant.revoked()
                    && !milestones.contains(grant.ref())) {
                takeBack(grant, now);
            }
        }
    }

    private void takeBack(Grant grant, Instant now) {
        String why = "the acts that earned it were revoked";
        points.revoke(grant.id(), "popcorn", why, now);
        audit.record(new AuditEntry(now, "popcorn", "points.revoke", "user:" + grant.userId(),
                grant.points() + " points of " + grant.kind() + " " + grant.ref() + ": " + why)
                .noted("pointsTakenBack", grant.points(), grant.kind() + " " + grant.ref()));
    }

    /** A streak bonus or badge's points: exempt from the weekly cap, once per ref. */
    private void bonus(String userId, ParticipationKind kind, String ref, Instant at) {
        points.record(new ParticipationEvent(userId, kind, ref, rules.points(kind), at, kind.reason()));
    }
}
