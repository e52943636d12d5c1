package dev.popcorn.app.participation;

import dev.popcorn.domain.WeekCalendar.Period;
import java.util.List;
import java.util.Optional;

/**
 * The leaderboards as the database ranks them: users by the points of the ledger in a period (or
 * of all time), teams by the award votes and likes of a period. Every sum, rank and count is
 * computed by the store in one query; nothing is loaded row by row.
 */
public interface LeaderboardStore {

    /**
     * Who is left off the boards altogether: members of these forum groups (matched without regard
     * to case) and, when {@code leads} is true, team leads.
     */
    record Exclusions(List<String> groups, boolean leads) {
        public Exclusions {
            groups = List.copyOf(groups);
        }
    }

    /**
     * One line of the users' board: competition rank (1 for the most points; equal points share a
     * rank and the next rank is skipped), display name, level id (null: no level recorded), points.
     */
    record UserLine(int rank, String userId, String name, String level, long points) {
    }

    /**
     * Where one user stands on a board, whether or not they appear on it: their points in the
     * period, the rank they hold among the users listed publicly (null when they have no points
     * or are excluded), the points of the place just above them (null at the top), whether the
     * public board lists them (they chose a public profile) and whether they are excluded.
     */
    record Position(String userId, String name, String level, long points, Integer rank, Long above, boolean listed,
            boolean excluded) {
    }

    /** One line of the teams' board: rank by votes, then likes (equal on both share a rank); its Chinese name, if any. */
    record TeamLine(int rank, String slug, String name, String nameZh, long votes, long likes) {
    }

    /**
     * The top {@code limit} users with points in {@code period} (null: all time) who are not excluded
     * and keep a public profile, by rank, then name.
     */
    List<UserLine> users(Period period, Exclusions exclusions, int limit);

    /** Where {@code userId} stands on that board; empty for a user Popcorn does not know. */
    Optional<Position> position(String userId, Period period, Exclusions exclusions);

    /**
     * The top {@code limit} teams of {@code period} (null: all time): the votes their standing
     * candidates received in approved polls that closed in the period, then the "like" verdicts on
     * their features in the releases shipped in it; teams with neither are left out.
     */
    List<TeamLine> teams(Period period, int limit);
}
