package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.Activity;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.Badge;
import dev.popcorn.domain.Grant;
import dev.popcorn.domain.Level;
import dev.popcorn.domain.LevelLadder;
import dev.popcorn.domain.ParticipationEvent;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.PointsRules;
import dev.popcorn.domain.Right;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Streak;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a user stands (参与感): their level on the ladder and the rights it holds, their streak of
 * releases, their badges. Every new grant in the ledger reviews the user's standing in the same
 * transaction ({@link #review}): streak bonuses and badge tiers granted (once, back-filled when the
 * rules change), then the level promoted or, past the margin and the grace, demoted. Every level
 * change is audited and handed to the forum mirror.
 */
public final class Standing implements Ledger.Review, Rights {

    private static final System.Logger LOG = System.getLogger(Standing.class.getName());

    /** Where level changes and badges go beyond Popcorn (the forum's groups and badges). */
    public interface Mirror {
        void levelChanged(String userId, Level from, Level to);

        void badgeGranted(String userId, Badge.Earned badge);

        /** Puts the user in the early-access group; refused (409) where there is none. */
        void joinEarlyAccess(String userId);

        /** The user was given a notice of their standing (a promotion or a new badge tier), kept under {@code noticeId}. */
        default void noticed(String userId, long noticeId) {
        }

        static Mirror none() {
            return new Mirror() {
                @Override
                public void joinEarlyAccess(String userId) {
                    throw RuleViolation.conflict("earlyAccess.off");
                }

                @Override
                public void levelChanged(String userId, Level from, Level to) {
                }

                @Override
                public void badgeGranted(String userId, Badge.Earned badge) {
                }
            };
        }
    }

    /** A badge tier held, and since when. */
    public record Held(Badge.Earned badge, Instant at) {
    }

    /** The next tier of a badge not held yet: what it counts, how far the user is. */
    public record NextBadge(Badge.Earned badge, int have, int needs) {
    }

    /** Everything about a user's standing, for their page and the API. */
    public record View(String userId, Level level, Instant since, boolean locked, String lockReason,
            LevelLadder.Progress progress, List<Right> rights, Streak streak, Badge.Counts counts, List<Held> badges,
            List<NextBadge> nextBadges, boolean publicProfile) {
    }

    private final StandingStore store;
    private final ParticipationStore points;
    private final PointsRules rules;
    private final Transactions transactions;
    private final AuditLog audit;
    private final LevelLadder ladder;
    private final Streak.Rules streakRules;
    private final ZoneId zone;
    private final Function<String, List<String>> memberNames;
    private final Mirror mirror;
    private final Clock clock;

    /** {@code memberNames} gives the names a user may carry as a team member (their id and forum names). */
    public Standing(StandingStore store, ParticipationStore points, PointsRules rules, Transactions transactions,
            AuditLog audit, LevelLadder ladder, Streak.Rules streakRules, ZoneId zone, Function<String, List<String>> memberNames, Mirror mirror,
            Clock clock) {
        this.store = store;
        this.points = points;
        this.rules = rules;
        this.transactions = transactions;
        this.audit = audit;
        this.ladder = ladder;
        this.streakRules = streakRules;
        this.zone = zone;
        this.memberNames = memberNames;
        this.mirror = mirror;
        this.clock = clock;
    }

    public LevelLadder ladder() {
        return ladder;
    }

    public Streak.Rules streakRules() {
        return streakRules;
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
            Streak streak = streak(userId, now);
            grantMissing(userId, streak, Badge.earned(counts(userId, streak, now)), now);
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
            Streak streak = streak(userId, now);
            List<Badge.Earned> earned = Badge.earned(counts(userId, streak, now));
            takeBackWhatRevokedActsEarned(userId, streak, earned, now);
            grantMissing(userId, streak, earned, now);
            return reviewLevel(userId, now);
        });
    }

    /**
     * The streak bonuses and badge tiers earned and not granted yet, each dated at the act that earned it (a bonus at
     * the report on its release, a tier as {@link #earnedAt} says). What is held already costs one query each
     * for bonuses and for badges, whatever the history: a review follows every grant.
     */
    private void grantMissing(String userId, Streak streak, List<Badge.Earned> earned, Instant now) {
        List<List<String>> milestones = streak.milestone().stream().map(r -> List.of(userId, "streak:release:" + r)).toList();
        java.util.Set<List<String>> bonused = milestones.isEmpty() ? java.util.Set.of()
                : points.held(ParticipationKind.STREAK_BONUS, milestones);
        for (long release : streak.milestone()) {
            String ref = "streak:release:" + release;
            if (!bonused.contains(List.of(userId, ref))) {
                Instant reported = points.find(userId, ParticipationKind.REPORT_HANDED_IN, "release:" + release)
                        .map(Grant::at).filter(t -> t.isBefore(now)).orElse(now);
                bonus(userId, ParticipationKind.STREAK_BONUS, ref, reported);
            }
        }
        java.util.Set<String> held = earned.isEmpty() ? java.util.Set.of() : store.badges(userId).keySet();
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
                mirror.noticed(userId, store.addNotice(userId, NOTICE_BADGE, badge.key(), now));
                mirror.badgeGranted(userId, badge);
            }
        }
    }

    /** The most grants read back to date a badge tier; a longer history dates the tier at the latest act. */
    private static final int HISTORY = 5000;

    /**
     * When a badge tier was earned: for a badge counted from grants, the grant that reached its threshold (the tenth
     * report for reports' bronze); for the others (streak, season voter, award winner, bug hunter), and when the
     * history is longer than what is read, the user's latest act the review counted. Never later than {@code now}.
     */
    private static Instant earnedAt(Badge.Earned badge, List<Grant> history, Instant now) {
        java.util.function.Predicate<Grant> counted = switch (badge.badge()) {
            case FIRST_REPORT, REPORTS -> g -> g.kind() == ParticipationKind.REPORT_HANDED_IN;
            case WISHES_SHIPPED -> g -> g.kind() == ParticipationKind.WISH_AUTHOR_SHIPPED
                    || g.kind() == ParticipationKind.WISH_FULFILLED && g.points() > 0;
            case HELPFUL -> g -> g.kind() == ParticipationKind.REPORT_HELPFUL;
            default -> null;
        };
        int threshold = badge.badge().thresholds().get(badge.tier().ordinal());
        if (counted != null && history.size() < HISTORY) {
            List<Instant> times = history.stream().filter(g -> !g.revoked()).filter(counted).map(Grant::at).sorted().toList();
            if (times.size() >= threshold) {
                Instant reached = times.get(threshold - 1);
                return reached.isBefore(now) ? reached : now;
            }
        }
        return latestAct(history, now);
    }

    /** The badges counted from the ledger's own grants: a revoked grant may take one of these back. */
    private static final java.util.Set<Badge> FROM_GRANTS = java.util.EnumSet.of(Badge.FIRST_REPORT, Badge.REPORTS,
            Badge.STREAK, Badge.WISHES_SHIPPED, Badge.HELPFUL);

    /**
     * What a bonus or a badge tier was granted for no longer holds, because a lead revoked the acts behind it (a
     * copied report, say): the streak bonus of a release no longer a milestone, and a tier of a badge counted from
     * grants the counts no longer reach, are revoked in turn (the badge leaves the pages and the card).
     */
    private void takeBackWhatRevokedActsEarned(String userId, Streak streak, List<Badge.Earned> earnedNow, Instant now) {
        java.util.Set<String> earned = new java.util.HashSet<>();
        earnedNow.forEach(b -> earned.add(b.key()));
        java.util.Set<String> milestones = new java.util.HashSet<>();
        streak.milestone().forEach(release -> milestones.add("streak:release:" + release));
        for (String key : store.badges(userId).keySet()) {
            Optional<Badge.Earned> held = parse(key);
            if (held.isPresent() && FROM_GRANTS.contains(held.get().badge()) && !earned.contains(key)
                    && store.takeBadge(userId, key)) {
                points.find(userId, ParticipationKind.BADGE, "badge:" + key).filter(g -> !g.revoked())
                        .ifPresent(g -> takeBack(g, now));
            }
        }
        for (Grant grant : points.grants(userId, Long.MAX_VALUE, 1000)) {
            if (grant.kind() == ParticipationKind.STREAK_BONUS && !grant.revoked() && !milestones.contains(grant.ref())) {
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

    /** When the user last did something that counts (a grant that is not itself a bonus or a badge), at most {@code now}. */
    private static Instant latestAct(List<Grant> history, Instant now) {
        for (Grant grant : history) {
            if (grant.kind() != ParticipationKind.BADGE && grant.kind() != ParticipationKind.STREAK_BONUS && !grant.revoked()) {
                return grant.at().isBefore(now) ? grant.at() : now;
            }
        }
        return now;
    }

    /** Reviews every user a review may move (those with recent grants or above the first level); answers how many changed level. */
    public int reviewAll() {
        return reviewAll(() -> true);
    }

    /**
     * {@link #reviewAll()} at a pace: {@code pace} is asked before each user, may wait (a surge goes first),
     * and stops the round when it answers false (the server stops).
     */
    public int reviewAll(java.util.function.BooleanSupplier pace) {
        Instant now = clock.instant();
        Instant since = store.windowStart(ladder().windowReleases(), now).minus(Duration.ofDays(7));
        int changed = 0;
        for (String user : store.usersToReview(since, ladder().first().id())) {
            if (!pace.getAsBoolean()) {
                break;
            }
            // One user's review failing (their transaction rolls back) holds back nobody else's.
            try {
                Level before = level(user);
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

    /** The level the user stands at, as stored (the first level when none is). */
    public Level level(String userId) {
        return store.level(userId).map(r -> ladder().levelOrFirst(r.level())).orElse(ladder().first());
    }

    /** Whether the user's level holds the right. */
    public boolean holds(String userId, Right right) {
        return ladder().holds(level(userId), right);
    }

    /**
     * Refuses an act the user's level does not allow yet, naming the level they are at and the one
     * it takes (in both languages: Chinese names first, then English).
     */
    @Override
    public void require(String userId, Right right) {
        if (ladder().holds(ladder().first(), right)) {
            // Every level holds it (voting, by default): nothing to read on a ballot's hot path.
            return;
        }
        Level level = level(userId);
        if (!ladder().holds(level, right)) {
            Level needed = ladder().lowestWith(right);
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
        return new Rights.Allowance(left, RuleViolation.forbidden("level.wishes.limit", level.wishesPerDay(), level.nameZh(),
                level.nameEn(), 0));
    }

    /** A lead locks a user's level (to any level, the ones granted by hand included), with a reason; audited. */
    public Level lock(String userId, String levelId, String reason, String lead) {
        Level target = ladder().find(levelId).orElseThrow(() -> RuleViolation.invalid("level.unknown", levelId));
        String why = required(reason);
        known(userId);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Level before = level(userId);
            store.lock(userId, target.id(), before.equals(target) ? store.level(userId).map(StandingStore.LevelRow::since)
                    .orElse(now) : now, true, lead, why);
            audit.record(new AuditEntry(now, lead, "level.lock", "user:" + userId, target.id() + ": " + why));
            if (!before.equals(target)) {
                told(userId, before, target, now);
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
            if (ladder().levelOrFirst(row.level()).byHand()) {
                // A level only given by hand, no longer held by the lock: activity decides again at once (the forum's
                // group gives it back at the user's next sign-in or group change, if they are in it).
                store.saveLevel(userId, ladder().first().id(), now, null);
            }
            return review(userId);
        });
    }

    /**
     * The forum says the user is (or is no longer) in the group of a level granted by hand: they
     * get that level, or fall back to what activity earns. A lead's lock wins over the forum.
     */
    public void forumSays(String userId, Optional<String> handLevel) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<StandingStore.LevelRow> row = store.level(userId);
            if (row.map(StandingStore.LevelRow::locked).orElse(false)) {
                return null;
            }
            Level before = level(userId);
            Optional<Level> granted = handLevel.flatMap(id -> ladder().find(id)).filter(Level::byHand);
            if (granted.isPresent() && !granted.get().equals(before)) {
                store.saveLevel(userId, granted.get().id(), now, null);
                audit.record(new AuditEntry(now, "forum", "level.forum", "user:" + userId, granted.get().id()));
                told(userId, before, granted.get(), now);
                mirror.levelChanged(userId, before, granted.get());
            } else if (granted.isEmpty() && before.byHand()) {
                store.saveLevel(userId, ladder().first().id(), now, null);
                audit.record(new AuditEntry(now, "forum", "level.forum", "user:" + userId, "left " + before.id())
                        .noted("levelLeft", before.nameEn(), before.nameZh()));
                if (reviewLevel(userId, now).equals(ladder().first())) {
                    mirror.levelChanged(userId, before, ladder().first());
                }
            }
            return null;
        });
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
            audit.record(new AuditEntry(clock.instant(), userId, "earlyAccess.join", "user:" + userId, level(userId).id()));
            return null;
        });
    }

    public boolean earlyAccess(String userId) {
        return store.earlyAccess(userId);
    }

    public void setPublicProfile(String userId, boolean visible) {
        store.setPublicProfile(userId, visible);
    }

    public boolean publicProfile(String userId) {
        return store.publicProfile(userId);
    }

    /** How many users stand at each level, every level of the ladder listed (users without a row at the first). */
    public Map<Level, Long> levelCounts() {
        Map<String, Long> counts = store.levelCounts(ladder().first().id());
        Map<Level, Long> all = new LinkedHashMap<>();
        for (Level level : ladder().levels()) {
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

    /** The keys of the badge tiers the user holds ({@code reports.silver}), oldest first. */
    public java.util.Set<String> badgeKeys(String userId) {
        return store.badges(userId).keySet();
    }

    /** Up to {@code limit} holders of a badge tier who show on public pages, the latest first. */
    public List<StandingStore.Holder> holders(Badge.Earned tier, int limit) {
        return store.holders(tier.key(), limit);
    }

    /** Everything about the user's standing, read now. */
    public View view(String userId) {
        Instant now = clock.instant();
        Optional<StandingStore.LevelRow> row = store.level(userId);
        Level level = row.map(r -> ladder().levelOrFirst(r.level())).orElse(ladder().first());
        Activity activity = store.activity(userId, store.windowStart(ladder().windowReleases(), now));
        Streak streak = streak(userId, now);
        Badge.Counts counts = counts(userId, streak, now);
        List<Held> held = new ArrayList<>();
        store.badges(userId).forEach((key, at) -> parse(key).ifPresent(b -> held.add(new Held(b, at))));
        // The next tier of each badge is the lowest one not held, whatever the count says: between a count reaching a
        // tier and the review granting it, that tier is next (about to be granted), never the one above it.
        java.util.Set<Badge.Earned> holding = new java.util.HashSet<>();
        held.forEach(h -> holding.add(h.badge()));
        List<NextBadge> next = new ArrayList<>();
        for (Badge badge : Badge.values()) {
            for (int i = 0; i < badge.thresholds().size(); i++) {
                Badge.Earned tier = new Badge.Earned(badge, Badge.Tier.values()[i]);
                if (!holding.contains(tier)) {
                    next.add(new NextBadge(tier, counts.of(badge), badge.thresholds().get(i)));
                    break;
                }
            }
        }
        return new View(userId, level, row.map(StandingStore.LevelRow::since).orElse(null),
                row.map(StandingStore.LevelRow::locked).orElse(false), row.map(StandingStore.LevelRow::lockReason).orElse(null),
                ladder().progress(level, activity), ladder().rights(level), streak, counts, held, next,
                store.publicProfile(userId));
    }

    /** The user's display name, if Popcorn knows the user. */
    public Optional<String> name(String userId) {
        return store.name(userId);
    }

    /** The user's latest reports, newest first. */
    public List<StandingStore.ReportLine> reports(String userId, int limit) {
        return store.reportsOf(userId, limit);
    }

    /** The wishes the user filed or backed, newest first, and what became of them. */
    public List<dev.popcorn.domain.Wish> wishes(String userId, int limit) {
        return store.wishesOf(userId, limit);
    }

    /** The user's streak now. */
    public Streak streak(String userId, Instant now) {
        return Streak.of(store.turns(userId, now), streakRules);
    }

    /** A streak bonus or badge's points: exempt from the weekly cap, once per ref. */
    private void bonus(String userId, ParticipationKind kind, String ref, Instant now) {
        points.record(new ParticipationEvent(userId, kind, ref, rules.points(kind), now, kind.reason()));
    }

    private Level reviewLevel(String userId, Instant now) {
        Optional<StandingStore.LevelRow> row = store.level(userId);
        Level current = row.map(r -> ladder().levelOrFirst(r.level())).orElse(ladder().first());
        Activity activity = store.activity(userId, store.windowStart(ladder().windowReleases(), now));
        Level target = ladder().evaluate(current, row.map(StandingStore.LevelRow::promotedAt).orElse(null),
                row.map(StandingStore.LevelRow::locked).orElse(false), activity, now);
        if (!target.equals(current)) {
            store.saveLevel(userId, target.id(), now, target.rank() > current.rank() ? now : null);
            audit.record(new AuditEntry(now, "popcorn", target.rank() > current.rank() ? "level.promote" : "level.demote",
                    "user:" + userId, current.id() + " -> " + target.id() + " (" + activity.points() + " points, "
                    + activity.reports() + " reports, " + activity.releases() + " releases)")
                    .noted("levelChanged", current.nameEn(), target.nameEn(), activity.points(), activity.reports(),
                            activity.releases(), current.nameZh(), target.nameZh()));
            told(userId, current, target, now);
            mirror.levelChanged(userId, current, target);
        }
        return target;
    }

    /** A notice of a promotion, whoever made it (activity, a lead's lock, the forum group): a fall is not news. */
    private void told(String userId, Level from, Level to, Instant at) {
        if (to.rank() > from.rank()) {
            mirror.noticed(userId, store.addNotice(userId, NOTICE_PROMOTED, to.id(), at));
        }
    }

    /** Kinds of {@link StandingStore.Notice}. */
    public static final String NOTICE_PROMOTED = "PROMOTED";
    public static final String NOTICE_BADGE = "BADGE";

    /** The user's latest notices of promotions and badges, newest first. */
    public List<StandingStore.Notice> notices(String userId, int limit) {
        return store.notices(userId, limit);
    }

    /** The user's notices not told yet, oldest first: told now (a page shows them once). */
    public List<StandingStore.Notice> tellUnseen(String userId) {
        return store.takeUnseen(userId, clock.instant());
    }

    private Badge.Counts counts(String userId, Streak streak, Instant now) {
        return new Badge.Counts(store.reports(userId), streak.longest(), store.wishesShipped(userId),
                store.helpful(userId), fullSeasons(store.polls(userId, now), now), store.wins(memberNames.apply(userId)),
                store.bugsHunted(userId));
    }

    /** Seasons (quarters in week.zone) that are over, had polls, and in every one of which the user voted. */
    int fullSeasons(List<StandingStore.PollTurn> polls, Instant now) {
        Map<String, Boolean> seasons = new LinkedHashMap<>();
        for (StandingStore.PollTurn poll : polls) {
            seasons.merge(season(poll.closedAt()), poll.voted(), Boolean::logicalAnd);
        }
        String current = season(now);
        return (int) seasons.entrySet().stream().filter(e -> e.getValue() && !e.getKey().equals(current)).count();
    }

    private String season(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.getYear() + "Q" + local.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static Optional<Badge.Earned> parse(String key) {
        try {
            return Optional.of(Badge.Earned.parse(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
