package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The points ledger: grants points for acts (with the configured points and the weekly cap on
 * the plain kinds), lets a lead give points from outside or revoke a grant with a reason, and
 * answers a user's totals and history. Every total is summed by the store.
 */
public final class Ledger {

    /** What follows a new grant in the same transaction: a review of the user's standing (levels, badges). */
    @FunctionalInterface
    public interface Review {
        /** Reviews the user's standing as of {@code at}, the moment of the act that earned the grant. */
        Object review(String userId, Instant at);

        /** Reviews the user's standing after a lead revoked one of their grants: what stood on it may go too. */
        default Object revoked(String userId, Instant at) {
            return review(userId, at);
        }

        static Review none() {
            return (user, at) -> null;
        }
    }

    /**
     * Reviews asked for once a batch of grants committed ({@link #grantAll}): a background reviewer
     * that keeps up at its own pace (ADR 0020), or, by default, each user's review at once.
     */
    @FunctionalInterface
    public interface Later {
        void review(Collection<String> userIds);
    }

    /** An act that earns points: of what kind, who, about what ({@code poll:12}), when. */
    public record Act(ParticipationKind kind, String userId, String ref, Instant at) {
    }

    /** Grants on one page of a user's history. */
    public static final int PAGE = 20;
    public static final int MAX_REASON = 500;
    public static final int MAX_POINTS = 1000;

    private static final Set<ParticipationKind> CAPPED = EnumSet.copyOf(
            Arrays.stream(ParticipationKind.values()).filter(ParticipationKind::capped).toList());
    private static final Set<ParticipationKind> ALL = EnumSet.allOf(ParticipationKind.class);

    /** A user's totals (this release week, this month, all time) and a page of their grants, newest first. */
    public record Summary(long week, long month, long all, List<Grant> grants) {
    }

    /** Points given from outside: the grant, and whether it was made now (false: the same ref was given before). */
    public record Awarded(Grant grant, boolean created) {
    }

    private final ParticipationStore store;
    private final Transactions transactions;
    private final AuditLog audit;
    private final PointsRules rules;
    private final WeekCalendar calendar;
    private final Clock clock;
    private final Review review;
    private final Later later;

    public Ledger(ParticipationStore store, Transactions transactions, AuditLog audit, PointsRules rules,
            WeekCalendar calendar, Clock clock) {
        this(store, transactions, audit, rules, calendar, clock, Review.none());
    }

    /**
     * {@code review} runs after every new grant, award and revocation, in its transaction; the reviews a batch's
     * grants ask for once it committed are made at once.
     */
    public Ledger(ParticipationStore store, Transactions transactions, AuditLog audit, PointsRules rules,
            WeekCalendar calendar, Clock clock, Review review) {
        this(store, transactions, audit, rules, calendar, clock, review,
                users -> users.forEach(user -> review.review(user, clock.instant())));
    }

    /**
     * {@code review} runs after every new grant, award and revocation, in its transaction; {@code later} takes the
     * reviews a batch's grants ask for once it committed (a background reviewer at its own pace, ADR 0020).
     */
    public Ledger(ParticipationStore store, Transactions transactions, AuditLog audit, PointsRules rules,
            WeekCalendar calendar, Clock clock, Review review, Later later) {
        this.review = review;
        this.later = later;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Grants the points an act of {@code kind} about {@code ref} earns, once per user, kind and ref;
     * called inside the transaction of the act. A plain kind beyond the weekly cap is recorded with
     * the points it could still have (possibly 0) and a reason saying so. True if the grant was new.
     */
    public boolean grant(String userId, ParticipationKind kind, String ref, Instant at) {
        if (kind == ParticipationKind.AWARDED) {
            throw new IllegalArgumentException("points from outside are given by award()");
        }
        return transactions.inTransaction(() -> {
            boolean created = record(userId, kind, ref, at);
            if (created) {
                review.review(userId, at);
            }
            return created;
        });
    }

    /**
     * The grant itself. Under a cap, the user's row is locked first, so two acts of one user at once
     * are summed one after the other and cannot both slip under the cap.
     */
    private boolean record(String userId, ParticipationKind kind, String ref, Instant at) {
        long earnedThisWeek = 0;
        if (kind.capped() && rules.weeklyCap() > 0) {
            store.lockUser(userId);
            if (store.find(userId, kind, ref).isPresent()) {
                return false;
            }
            WeekCalendar.Period week = calendar.releaseWeekOf(at);
            earnedThisWeek = store.points(userId, CAPPED, week.from(), week.until());
        }
        PointsRules.Award award = rules.award(kind, earnedThisWeek);
        return store.record(new ParticipationEvent(userId, kind, ref, award.points(), at, award.reason()));
    }

    /**
     * {@link #grant} for many acts at once, inside the caller's transaction (a group commit's batch), by the same
     * rules — once per user, kind and ref; under the weekly cap, the users' row locks taken first (in id order, so
     * two batches cannot deadlock) and each user's acts summed one after the other, in the order given — in a few
     * statements for the whole batch, whatever kinds it holds. The users whose grant is new are not reviewed here:
     * the caller hands them to {@link #reviewSoon} once the batch committed. Answers, per act, whether its grant
     * was new.
     */
    public List<Boolean> grantAll(List<Act> acts) {
        if (acts.stream().anyMatch(a -> a.kind() == ParticipationKind.AWARDED)) {
            throw new IllegalArgumentException("points from outside are given by award()");
        }
        return transactions.inTransaction(() -> {
            boolean capping = rules.weeklyCap() > 0;
            List<String> cappedUsers = acts.stream().filter(a -> a.kind().capped()).map(Act::userId).distinct().sorted()
                    .toList();
            if (capping && !cappedUsers.isEmpty()) {
                store.lockUsers(cappedUsers);
            }
            Set<String> seen = new HashSet<>();
            Map<ParticipationKind, List<Act>> byKind = new java.util.EnumMap<>(ParticipationKind.class);
            acts.forEach(a -> byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a));
            byKind.forEach(
                    (kind, ofKind) -> store.held(kind, ofKind.stream().map(a -> List.of(a.userId(), a.ref())).toList())
                            .forEach(key -> seen.add(kind.name() + '\n' + key.get(0) + '\n' + key.get(1))));
            List<Boolean> created = new ArrayList<>(acts.size());
            List<Act> fresh = new ArrayList<>();
            for (Act act : acts) {
                boolean isNew = seen.add(act.kind().name() + '\n' + act.userId() + '\n' + act.ref());
                created.add(isNew);
                if (isNew) {
                    fresh.add(act);
                }
            }
            // Only the users whose capped grant is new are summed: a batch of changed ballots asks nothing more.
            List<String> earning = fresh.stream().filter(a -> a.kind().capped()).map(Act::userId).distinct().toList();
            List<ParticipationEvent> events = new ArrayList<>(fresh.size());
            Map<WeekCalendar.Period, Map<String, Long>> used = new HashMap<>();
            for (Act act : fresh) {
                ParticipationKind kind = act.kind();
                PointsRules.Award award = rules.award(kind, 0);
                if (capping && kind.capped()) {
                    // A batch is milliseconds long; one across a week's edge sums each week on its own.
                    WeekCalendar.Period week = calendar.releaseWeekOf(act.at());
                    Map<String, Long> sums = used.computeIfAbsent(week,
                            w -> new HashMap<>(store.points(earning, CAPPED, w.from(), w.until())));
                    long before = sums.getOrDefault(act.userId(), 0L);
                    award = rules.award(kind, before);
                    sums.put(act.userId(), before + award.points());
                }
                events.add(new ParticipationEvent(act.userId(), kind, act.ref(), award.points(), act.at(),
                        award.reason()));
            }
            store.recordAll(events);
            return created;
        });
    }

    /** Reviews these users' standing soon (after the batch that granted them points committed). */
    public void reviewSoon(Collection<String> userIds) {
        if (!userIds.isEmpty()) {
            later.review(userIds);
        }
    }

    /** The most points of plain kinds a user earns per release week (0: no cap). */
    public int weeklyCap() {
        return rules.weeklyCap();
    }

    /** The points a user has in the ledger for one act, unless revoked (0 if none). */
    public int pointsFor(String userId, ParticipationKind kind, String ref) {
        return store.find(userId, kind, ref).filter(g -> !g.revoked()).map(Grant::points).orElse(0);
    }

    /** Whether the user has a grant for this act, revoked or not (a capped one may hold 0 points). */
    public boolean held(String userId, ParticipationKind kind, String ref) {
        return store.find(userId, kind, ref).isPresent();
    }

    /** What an act of this kind is worth as configured. */
    public int pointsOf(ParticipationKind kind) {
        return rules.points(kind);
    }

    /** All-time points of the user, without revoked grants. */
    public long points(String userId) {
        return store.points(userId);
    }

    /**
     * A lead gives a user points from outside (a forum moderator's award): kind {@code AWARDED},
     * exempt from the cap, audited. The same ref twice gives one grant: the first.
     */
    public Awarded award(String userId, int points, String reason, String ref, String lead) {
        if (userId == null || userId.isBlank() || userId.length() > 120) {
            throw RuleViolation.invalid("participation.user.invalid", String.valueOf(userId));
        }
        if (points < 1 || points > MAX_POINTS) {
            throw RuleViolation.invalid("participation.points.range", points, MAX_POINTS);
        }
        String why = required(reason, "reason", 200);
        String thing = required(ref, "ref", 60);
        Instant now = clock.instant();
        // The same ref sent twice at once: the second finds the first's grant and answers it, as a later one would.
        return transactions.retryingOnce(() -> {
            Optional<Grant> known = store.find(userId, ParticipationKind.AWARDED, thing);
            if (known.isPresent()) {
                return new Awarded(known.get(), false);
            }
            if (!store.record(new ParticipationEvent(userId, ParticipationKind.AWARDED, thing, points, now, why))) {
                // Given by another request between the look and the write (it committed first): its grant is the answer.
                return new Awarded(store.find(userId, ParticipationKind.AWARDED, thing).orElseThrow(), false);
            }
            audit.record(new AuditEntry(now, lead, "points.award", "user:" + userId,
                    points + " points, ref " + thing + ": " + why).noted("pointsAwarded", points, thing, why));
            review.review(userId, now);
            return new Awarded(store.find(userId, ParticipationKind.AWARDED, thing).orElseThrow(), true);
        });
    }

    /** A lead revokes a grant with a written reason (audited): it counts in no total from now on. */
    public Grant revoke(long grantId, String reason, String lead) {
        String why = required(reason, "reason", MAX_REASON);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Grant grant = store.find(grantId)
                    .orElseThrow(() -> RuleViolation.notFound("participation.grant.unknown", grantId));
            if (grant.kind() == ParticipationKind.BADGE || grant.kind() == ParticipationKind.STREAK_BONUS) {
                // These follow from other grants: revoking the acts behind them takes them back, the review decides.
                throw RuleViolation.conflict("participation.grant.derived", grantId);
            }
            if (!store.revoke(grantId, lead, why, now)) {
                throw RuleViolation.conflict("participation.grant.revoked", grantId);
            }
            audited(grant, lead, why, now);
            if (grant.kind() == ParticipationKind.REPORT_HANDED_IN) {
                // The points for the report's comments stand on the report: a revoked report takes them along.
                store.find(grant.userId(), ParticipationKind.REPORT_WRITTEN, grant.ref()).filter(g -> !g.revoked())
                        .filter(g -> store.revoke(g.id(), lead, why, now)).ifPresent(g -> audited(g, lead, why, now));
            }
            review.revoked(grant.userId(), now);
            return store.find(grantId).orElseThrow();
        });
    }

    private void audited(Grant grant, String lead, String why, Instant now) {
        audit.record(new AuditEntry(now, lead, "points.revoke", "grant:" + grant.id(),
                grant.points() + " points of " + grant.userId() + " (" + grant.kind() + " " + grant.ref() + "): " + why)
                .noted("pointsRevoked", grant.points(), grant.userId(), grant.kind() + " " + grant.ref(), why));
    }

    /** The user's totals and the page of grants older than {@code beforeId} (null: the newest). */
    public Summary summary(String userId, Long beforeId) {
        Instant now = clock.instant();
        WeekCalendar.Period week = calendar.releaseWeekOf(now);
        WeekCalendar.Period month = calendar.monthOf(now);
        return new Summary(store.points(userId, ALL, week.from(), week.until()),
                store.points(userId, ALL, month.from(), month.until()), store.points(userId),
                store.grants(userId, beforeId == null ? Long.MAX_VALUE : beforeId, PAGE));
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("request.field.missing", field);
        }
        String text = value.strip();
        if (text.length() > max) {
            throw RuleViolation.invalid("request.field.maxLength", field, max);
        }
        return text;
    }
}
