package dev.popcorn.web.json;

import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import java.time.Instant;
import java.util.List;

/**
 * A leaderboard as the API answers it: the period and the span it counts (no bounds for all
 * time), the users or the teams (the other list empty), and the caller's own place when signed in.
 */
public record LeaderboardJson(String period, String of, Instant from, Instant until, List<UserLine> users,
        List<TeamLine> teams, Me me) {

    /** A user on the board: rank (ties share one), id, display name, level id, points, whether it is the caller. */
    public record UserLine(int rank, String user, String name, String level, long points, boolean mine) {
    }

    /** A team on the board: rank, slug, name (and in Chinese, empty where there is none), award votes, "like" verdicts. */
    public record TeamLine(int rank, String team, String name, String nameZh, long votes, long likes) {
    }

    /**
     * The caller's place: rank (absent with no points, or when excluded), points, the points that
     * lack to the place above (absent at the top), level, whether the public board lists them,
     * whether they are excluded (a lead, a staff group).
     */
    public record Me(Integer rank, long points, Long gap, String level, boolean listed, boolean excluded) {
    }

    public static LeaderboardJson of(Leaderboards.UserBoard board) {
        Leaderboards.Own own = board.own();
        return new LeaderboardJson(board.period().id(), Leaderboards.Of.USERS.id(), board.from(), board.until(),
                board.entries().stream()
                        .map(e -> new UserLine(e.rank(), e.userId(), e.name(), e.level().id(), e.points(),
                                e.mine()))
                        .toList(),
                List.of(),
                own == null ? null : new Me(own.rank(), own.points(), own.gap(), own.level().id(), own.listed(),
                        own.excluded()));
    }

    public static LeaderboardJson of(Leaderboards.TeamBoard board) {
        return new LeaderboardJson(board.period().id(), Leaderboards.Of.TEAMS.id(), board.from(), board.until(),
                List.of(),
                board.teams().stream().map(LeaderboardJson::line).toList(), null);
    }

    private static TeamLine line(LeaderboardStore.TeamLine t) {
        return new TeamLine(t.rank(), t.slug(), t.name(), t.nameZh(), t.votes(), t.likes());
    }
}
