package dev.popcorn.config;

import java.util.List;

/**
 * Who the leaderboards leave off: members of these forum groups (staff, engineers: people whose
 * points are part of their job), and team leads when {@code excludeLeads}.
 */
public record LeaderboardConfig(List<String> excludedGroups, boolean excludeLeads) {

    /** The leaderboards.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("leaderboards.excluded-groups", "staff,admins,moderators",
                    "forum groups, comma separated, whose members are on no leaderboard (matched without regard to case)"),
            Key.of("leaderboards.exclude-leads", "true",
                    "whether team leads are left off the leaderboards"));

    public LeaderboardConfig {
        excludedGroups = List.copyOf(excludedGroups);
    }

    /** Reads the leaderboards.* keys. */
    public static LeaderboardConfig from(Values v) {
        List<String> groups = v.list("leaderboards.excluded-groups");
        for (String group : groups) {
            if (!group.matches("[\\p{L}\\p{N}_.-]{1,60}")) {
                throw new ConfigException(
                        "leaderboards.excluded-groups must be forum group names (letters, digits, '_', '.', '-'),"
                                + " not '" + group + "'");
            }
        }
        return new LeaderboardConfig(groups, v.bool("leaderboards.exclude-leads"));
    }
}
