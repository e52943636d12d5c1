package dev.popcorn.domain.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The participation ladder (参与感): levels earned by what a user did over a rolling window of
 * releases, kept with a margin (lost only when some part falls below {@code keepPercent} % of its
 * requirement, and never within {@code grace} after the promotion), and the rights each level holds.
 * A level granted by hand is never reached by activity, and never lost by its absence.
 */
public record LevelLadder(List<Level> levels, int windowReleases, int keepPercent, Duration grace,
        Map<Right, String> rightsFrom) {

    /**
     * Where a user stands against the next level up: the level, what each part needs and what they
     * have, and the rights it would add (null level: at the top, or only a level by hand is left).
     */
    public record Progress(Level next, Level.Requirement needs, Activity have, List<Right> unlocks) {
    }

    public LevelLadder {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one level");
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).rank() != i) {
                throw new IllegalArgumentException("level " + levels.get(i).id() + " should have rank " + i);
            }
        }
        if (levels.get(0).byHand()) {
            throw new IllegalArgumentException("the first level cannot be one granted by hand");
        }
        if (windowReleases < 1 || keepPercent < 0 || keepPercent > 100 || grace.isNegative()) {
            throw new IllegalArgumentException("window, margin or grace out of range");
        }
        rightsFrom = Map.copyOf(new EnumMap<>(rightsFrom));
        for (String id : rightsFrom.values()) {
            if (find(levels, id).isEmpty()) {
                throw new IllegalArgumentException("a right names an unknown level: " + id);
            }
        }
    }

    /** The level every user starts at. */
    public Level first() {
        return levels.get(0);
    }

    public Optional<Level> find(String id) {
        return find(levels, id);
    }

    /** The level with this id, or the first one when the stored id is no longer on the ladder. */
    public Level levelOrFirst(String id) {
        return find(id).orElse(first());
    }

    /** Whether a user at {@code level} holds {@code right} (held from a configured level up; from the first if unconfigured). */
    public boolean holds(Level level, Right right) {
        String from = rightsFrom.get(right);
        return from == null || level.rank() >= find(from).orElseThrow().rank();
    }

    /** The lowest level holding {@code right}. */
    public Level lowestWith(Right right) {
        String from = rightsFrom.get(right);
        return from == null ? first() : find(from).orElseThrow();
    }

    /** The rights {@code level} holds that the level below it does not: all of them for the first level. */
    public List<Right> rightsAddedAt(Level level) {
        Level below = level.rank() == 0 ? null : levels.get(level.rank() - 1);
        return rights(level).stream().filter(r -> below == null || !holds(below, r)).toList();
    }

    /** Whether {@code level} lets a user file more new wishes a day than the level below it (the first level: any). */
    public boolean moreWishesAt(Level level) {
        return level.rank() == 0 || level.wishesPerDay() > levels.get(level.rank() - 1).wishesPerDay();
    }

    /** The rights a user at {@code level} holds, in their declared order. */
    public List<Right> rights(Level level) {
        return java.util.Arrays.stream(Right.values()).filter(r -> holds(level, r)).toList();
    }

    /**
     * The level a user should be at now: {@code current} if it is locked or granted by hand; else the
     * highest level earned by activity if that is higher (promotion); else {@code current} while it is
     * kept with the margin or still within the grace after {@code promotedAt} (the promotion that brought it; null
     * when no promotion did: a demotion, a lock or the forum earns no grace); else the highest level
     * below it that is kept with the margin (demotion).
     */
    public Level evaluate(Level current, Instant promotedAt, boolean locked, Activity activity, Instant now) {
        if (locked || current.byHand()) {
            return current;
        }
        Level earned = first();
        for (Level level : levels) {
            if (!level.byHand() && level.needs().metBy(activity)) {
                earned = level;
            }
        }
        if (earned.rank() >= current.rank()) {
            return earned;
        }
        boolean inGrace = promotedAt != null && now.isBefore(promotedAt.plus(grace));
        if (inGrace || current.needs().keptBy(activity, keepPercent)) {
            return current;
        }
        Level kept = earned;
        for (Level level : levels) {
            if (level.rank() < current.rank() && !level.byHand() && level.needs().keptBy(activity, keepPercent)) {
                kept = level;
            }
        }
        return kept;
    }

    /** The next level up earned by activity and what it takes and unlocks; a null level when none is left. */
    public Progress progress(Level current, Activity activity) {
        for (Level level : levels) {
            if (level.rank() > current.rank() && !level.byHand()) {
                List<Right> unlocks = rights(level).stream().filter(r -> !holds(current, r)).toList();
                return new Progress(level, level.needs(), activity, unlocks);
            }
        }
        return new Progress(null, Level.Requirement.nothing(), activity, List.of());
    }

    /** The default ladder, the story of a fan: 新米粉 Newcomer → 米粉 Fan → 发烧友 Enthusiast → 内测先锋 Pioneer → 荣誉元老 Honorary (by hand). */
    public static LevelLadder defaults() {
        return new LevelLadder(List.of(
                new Level("newcomer", 0, "新米粉", "Newcomer", Level.Requirement.nothing(), 3, false),
                new Level("fan", 1, "米粉", "Fan", new Level.Requirement(20, 2, 2), 5, false),
                new Level("enthusiast", 2, "发烧友", "Enthusiast", new Level.Requirement(90, 6, 6), 8, false),
                new Level("pioneer", 3, "内测先锋", "Pioneer", new Level.Requirement(180, 10, 10), 12, false),
                new Level("honorary", 4, "荣誉元老", "Honorary", Level.Requirement.nothing(), 20, true)),
                13, 90, Duration.ofDays(14),
                Map.of(Right.VOTE, "newcomer", Right.NOMINATE, "enthusiast", Right.EARLY_ACCESS, "pioneer"));
    }

    private static Optional<Level> find(List<Level> levels, String id) {
        return levels.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
