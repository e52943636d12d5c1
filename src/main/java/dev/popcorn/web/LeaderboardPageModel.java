package dev.popcorn.web;

import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard page's model: the tabs (week, month, all time; users, teams) with the one shown
 * marked, the lines in the visitor's language (a level by its name), and the visitor's own place
 * when it is not among the lines shown.
 */
final class LeaderboardPageModel {

    /** A tab: its label's message key, its link, and whether it is the board shown. */
    record Tab(String label, String href, boolean current) {
    }

    /** A user's line: rank, name, level name, points, whether it is the visitor's. */
    /** A fan's line: {@code twin} when another fan on the board has the same name, so the page tells them apart by id. */
    record Row(int rank, String userId, String name, String level, long points, boolean mine, boolean twin) {
    }

    private LeaderboardPageModel() {
    }

    /**
     * The page: the board shown ({@code period}, {@code of}) and its tabs, the span it counts (null bounds: all time),
     * the teams' lines or the fans' rows (the other empty), and the reader's own place when it is not among the rows
     * ({@code own}, {@code ownLevel}; else null).
     */
    record Page(String period, String of, List<Tab> periodTabs, List<Tab> ofTabs, Instant from, Instant until,
            List<LeaderboardStore.TeamLine> teams, List<Row> rows, Leaderboards.Own own, String ownLevel) {
    }

    static Page of(Leaderboards leaderboards, Leaderboards.Period period, Leaderboards.Of of, String viewer,
            Locale locale) {
        List<Tab> periodTabs = tabs(period, of, true);
        List<Tab> ofTabs = tabs(period, of, false);
        if (of == Leaderboards.Of.TEAMS) {
            Leaderboards.TeamBoard board = leaderboards.teams(period, Leaderboards.DEFAULT_LIMIT);
            return new Page(period.id(), of.id(), periodTabs, ofTabs, board.from(), board.until(), board.teams(),
                    List.of(), null, null);
        }
        Leaderboards.UserBoard board = leaderboards.users(period, Leaderboards.DEFAULT_LIMIT, viewer);
        Map<String, Long> names = board.entries().stream()
                .collect(java.util.stream.Collectors.groupingBy(Leaderboards.Entry::name,
                        java.util.stream.Collectors.counting()));
        List<Row> rows = board.entries().stream()
                .map(e -> new Row(e.rank(), e.userId(), e.name(), e.level().name(locale), e.points(), e.mine(),
                        names.get(e.name()) > 1))
                .toList();
        boolean ownApart = board.own() != null && !board.own().inTop();
        return new Page(period.id(), of.id(), periodTabs, ofTabs, board.from(), board.until(), List.of(), rows,
                ownApart ? board.own() : null, ownApart ? board.own().level().name(locale) : null);
    }

    private static List<Tab> tabs(Leaderboards.Period period, Leaderboards.Of of, boolean periods) {
        List<Tab> tabs = new ArrayList<>();
        if (periods) {
            for (Leaderboards.Period p : Leaderboards.Period.values()) {
                tabs.add(new Tab("leaderboards.period." + p.id(), href(p, of), p == period));
            }
        } else {
            for (Leaderboards.Of o : Leaderboards.Of.values()) {
                tabs.add(new Tab("leaderboards.of." + o.id(), href(period, o), o == of));
            }
        }
        return tabs;
    }

    private static String href(Leaderboards.Period period, Leaderboards.Of of) {
        return "/leaderboards?period=" + period.id() + "&of=" + of.id();
    }
}
