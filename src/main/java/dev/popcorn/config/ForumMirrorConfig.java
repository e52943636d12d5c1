package dev.popcorn.config;

import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.LevelLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of participation is mirrored to the forum (issue 16, item 8): a forum group per level
 * ({@code forum.level-groups}) and a forum badge per badge tier ({@code forum.badge-ids}). Both
 * are empty by default: nothing is mirrored. Read into a {@link ForumMirrorMap}.
 */
public final class ForumMirrorConfig {

    /** The forum.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("forum.level-groups", "",
                    "forum group of each participation level, level=group comma separated, e.g."
                            + " fan=popcorn-fans,enthusiast=popcorn-enthusiasts,pioneer=popcorn-pioneers,honorary=popcorn-honorary"
                            + " (empty: levels are not mirrored)"),
            Key.of("forum.badge-ids", "",
                    "forum badge id of each badge tier, badge.tier=id comma separated, e.g."
                            + " first-report.bronze=101,reports.gold=102 (empty: badges are not mirrored)"),
            Key.of("forum.early-access-group", "",
                    "forum group that gets builds early; a user whose level holds the right (levels.early-access-from)"
                            + " joins it from their page and leaves it when the level falls (empty: no early-access group)"));

    private ForumMirrorConfig() {
    }

    /** Reads the forum.* keys against {@code ladder}; a malformed entry or an unknown level or badge names the key and the entry. */
    public static ForumMirrorMap from(Values v, LevelLadder ladder) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String entry : v.list("forum.level-groups")) {
            String[] pair = pair("forum.level-groups", entry, "level=group, e.g. fan=popcorn-fans");
            if (ladder.find(pair[0]).isEmpty()) {
                throw new ConfigException("forum.level-groups: '" + entry + "' names no level of the ladder (levels: "
                        + String.join(", ",
                                ladder.levels().stream().map(dev.popcorn.domain.participation.Level::id).toList())
                        + ")");
            }
            if (!pair[1].matches("[A-Za-z0-9_.-]{1,60}")) {
                throw new ConfigException(
                        "forum.level-groups: '" + entry + "': a forum group name is letters, digits, '_', '.' and '-'");
            }
            if (groups.put(pair[0], pair[1]) != null) {
                throw new ConfigException("forum.level-groups: the level " + pair[0] + " is given twice");
            }
            if (groups.values().stream().filter(pair[1]::equals).count() > 1) {
                throw new ConfigException("forum.level-groups: the group " + pair[1] + " is given to two levels");
            }
        }
        Map<String, Long> badges = new LinkedHashMap<>();
        for (String entry : v.list("forum.badge-ids")) {
            String[] pair = pair("forum.badge-ids", entry, "badge.tier=id, e.g. reports.gold=102");
            Badge.Earned earned;
            try {
                earned = Badge.Earned.parse(pair[0]);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("forum.badge-ids: '" + entry + "' names no badge (badges: "
                        + String.join(", ", java.util.Arrays.stream(Badge.values())
                                .map(b -> new Badge.Earned(b, Badge.Tier.BRONZE).key().replace(".bronze", "")).toList())
                        + "; tiers: bronze, silver, gold)");
            }
            long id;
            try {
                id = Long.parseLong(pair[1]);
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1 || id > Integer.MAX_VALUE) {
                throw new ConfigException(
                        "forum.badge-ids: '" + entry + "': the forum badge id must be a positive whole number");
            }
            if (badges.put(earned.key(), id) != null) {
                throw new ConfigException("forum.badge-ids: the badge " + earned.key() + " is given twice");
            }
        }
        String early = v.text("forum.early-access-group").strip();
        if (!early.isEmpty() && !early.matches("[A-Za-z0-9_.-]{1,60}")) {
            throw new ConfigException("forum.early-access-group: '" + early
                    + "': a forum group name is letters, digits, '_', '.' and '-'");
        }
        if (groups.containsValue(early)) {
            throw new ConfigException(
                    "forum.early-access-group: '" + early + "' is also a level's group in forum.level-groups");
        }
        try {
            return new ForumMirrorMap(ladder, groups, badges, early.isEmpty() ? Optional.empty() : Optional.of(early));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().contains("badge") ? "forum.badge-ids" : "forum.level-groups";
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    private static String[] pair(String key, String entry, String example) {
        int eq = entry.indexOf('=');
        if (eq < 1 || eq == entry.length() - 1 || entry.indexOf('=', eq + 1) >= 0) {
            throw new ConfigException(key + ": '" + entry + "' is not " + example);
        }
        return new String[] {entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()};
    }
}
