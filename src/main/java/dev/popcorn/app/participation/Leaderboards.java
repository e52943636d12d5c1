package dev.popcorn.app.participation;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The leaderboards of participation: users per release week (Friday to Friday in the week's zone,
 * not a rolling seven days), per calendar month and of all time, and teams by the award. Users in
 * the excluded forum groups, and leads when so configured, are on no board; a user who keeps their
 * profile private is left off the public board but still sees their own rank. The caller's own
 * place comes with the board, even far below the top.
 */
public final class Leaderboards {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The span a board counts: this release week, this calendar month, or all time. */
    public enum Period {
        WEEK, MONTH, ALL;

        /** {@code week}, {@code month} or {@code all} (null: the week); anything else is refused naming {@code period}. */
        public static Period parse(String value) {
            if (value == null) {
                return WEEK;
            }
            for (Period period : values()) {
                if (period.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return period;
                }
            }
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "leaderboard.param.invalid", "period", value,
                    "week, month, all");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether a board ranks users or teams. */
    public enum Of {
        USERS, TEAMS;

        /** {@code users} or {@code teams} (null: users); anything else is refused naming {@code of}. */
        public static Of parse(String value) {
            if (value == null) {
                return USERS;
            }
            for (Of of : values()) {
                if (of.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return of;
                }
            }
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "leaderboard.param.invalid", "of", value,
                    "users, teams");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How many lines: 1 to {@link #MAX_LIMIT} (null: {@link #DEFAULT_LIMIT}); anything else is refused naming {@code limit}. */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RuleViolation(RuleViolation.Kind.MALFORMED, "leaderboard.param.invalid", "limit", value,
                "1 … " + MAX_LIMIT);
    }

    /** A user on the board: rank, name, level, points, and whether it is the caller's own line. */
    public record Entry(int rank, String userId, String name, Level level, long points, boolean mine) {
    }

    /**
     * The caller's own place: their points, their rank (null with no points, or when excluded), the
     * points they lack to reach the place above (null at the top), whether the public board lists
     * them, whether leads' or groups' exclusion keeps them off, and whether their line is in the top shown.
     */
    public record Own(String userId, String name, Level level, long points, Integer rank, Long gap, boolean listed,
            boolean excluded, boolean inTop) {
    }

    /** A users' board: its period, the span it counts (null bounds: all time), the top lines and the caller's place. */
    public record UserBoard(Period period, Instant from, Instant until, List<Entry> entries, Own own) {
    }

    /** A teams' board: its period, the span it counts (null bounds: all time), the top lines. */
    public record TeamBoard(Period period, Instant from, Instant until, List<LeaderboardStore.TeamLine> teams) {
    }

    private final LeaderboardStore store;
    private final LeaderboardStore.Exclusions exclusions;
    private final LevelLadder ladder;
    private final WeekCalendar calendar;
    private final Clock clock;

    /** A board as read, and until when it may be shown again without reading it. */
    private record Kept(Object board, Instant until) {
    }

    private final java.time.Duration keepFor;
    private final java.util.Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    public Leaderboards(LeaderboardStore store, LeaderboardStore.Exclusions exclusions, LevelLadder ladder,
            WeekCalendar calendar, Clock clock) {
        this(store, exclusions, ladder, calendar, clock, java.time.Duration.ZERO);
    }

    /**
     * {@code keepFor}: how long a board's top lines (not a viewer's own place) are shown again without
     * reading them, per instance, so a board linked from a busy post is ranked a few times a minute,
     * not on every request (ZERO: read every time).
     */
    public Leaderboards(LeaderboardStore store, LeaderboardStore.Exclusions exclusions, LevelLadder ladder,
            WeekCalendar calendar, Clock clock, java.time.Duration keepFor) {
        this.keepFor = keepFor;
        this.store = store;
        this.exclusions = exclusions;
        this.ladder = ladder;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The span of {@code period} now: this release week, this calendar month (both in the week's zone), or null for all time. */
    public WeekCalendar.Period span(Period period) {
        Instant now = clock.instant();
        return switch (period) {
            case WEEK -> calendar.releaseWeekOf(now);
            case MONTH -> calendar.monthOf(now);
            case ALL -> null;
        };
    }

    /** The top {@code limit} users of {@code period}, and the place of {@code viewer} (null: nobody signed in). */
    public UserBoard users(Period period, int limit, String viewer) {
        WeekCalendar.Period span = span(period);
        List<LeaderboardStore.UserLine> lines = kept(
                "users/" + period + "/" + limit + "/" + (span == null ? "" : span.from()),
                () -> store.users(span, exclusions, limit));
        List<Entry> entries = lines.stream()
                .map(line -> new Entry(line.rank(), line.userId(), line.name(), ladder.levelOrFirst(line.level()),
                        line.points(),
                        line.userId().equals(viewer)))
                .toList();
        Own own = viewer == null ? null : store.position(viewer, span, exclusions)
                .map(s -> new Own(s.userId(), s.name(), ladder.levelOrFirst(s.level()), s.points(), s.rank(),
                        s.rank() == null || s.above() == null ? null : s.above() - s.points(), s.listed(), s.excluded(),
                        entries.stream().anyMatch(Entry::mine)))
                .orElse(null);
        return new UserBoard(period, span == null ? null : span.from(), span == null ? null : span.until(), entries,
                own);
    }

    /** The top {@code limit} teams of {@code period}. */
    public TeamBoard teams(Period period, int limit) {
        WeekCalendar.Period span = span(period);
        return new TeamBoard(period, span == null ? null : span.from(), span == null ? null : span.until(),
                kept("teams/" + period + "/" + limit + "/" + (span == null ? "" : span.from()),
                        () -> store.teams(span, limit)));
    }

    /** The board under {@code key} as kept, or read now (and kept for {@code keepFor}). The keys are few: periods × limits. */
    @SuppressWarnings("unchecked")
    private <T> T kept(String key, java.util.function.Supplier<T> read) {
        if (keepFor.isZero()) {
            return read.get();
        }
        Instant now = clock.instant();
        Kept known = kept.get(key);
        if (known != null && now.isBefore(known.until())) {
            return (T) known.board();
        }
        T board = read.get();
        kept.put(key, new Kept(board, now.plus(keepFor)));
        return board;
    }
}
