package dev.popcorn.app.participation;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** The use cases of a fan's standing, built on the same ports as {@code Wiring} builds them, for tests. */
public record StandingParts(Standing standing, Levels levels, StandingNotices notices, StandingReviews reviews,
        LevelOverrides overrides) {

    public static StandingParts of(StandingStore store, ParticipationStore points, PointsRules rules,
            Transactions transactions, AuditLog audit, LevelLadder ladder, Streak.Rules streakRules, ZoneId zone,
            Function<String, List<String>> memberNames, Standing.Mirror mirror, Clock clock) {
        Standing standing = new Standing(store, ladder, streakRules, zone, memberNames, clock);
        Levels levels = new Levels(store, points, transactions, audit, ladder, zone, mirror, clock);
        StandingNotices notices = new StandingNotices(store, mirror, clock);
        StandingReviews reviews = new StandingReviews(standing, levels, notices, store, points, rules, transactions,
                audit,
                mirror, clock);
        return new StandingParts(standing, levels, notices, reviews,
                new LevelOverrides(reviews, levels, notices, store, transactions, audit, mirror, clock));
    }
}
