package dev.popcorn.domain.forum;

import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.Right;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which forum group stands for which participation level, and which forum badge for which badge
 * tier: what is mirrored to the forum ({@code forum.level-groups}, {@code forum.badge-ids}). A level
 * or a badge without an entry is not mirrored. A group mapped to a level granted by hand also works
 * the other way: the forum putting a user in that group grants the level ({@link #handLevelFromGroups}).
 */
public record ForumMirrorMap(LevelLadder ladder, Map<String, String> levelGroups, Map<String, Long> badgeIds,
        Optional<String> earlyAccessGroup) {

    /** Without an early-access group. */
    public ForumMirrorMap(LevelLadder ladder, Map<String, String> levelGroups, Map<String, Long> badgeIds) {
        this(ladder, levelGroups, badgeIds, Optional.empty());
    }

    public ForumMirrorMap {
        if (earlyAccessGroup.isPresent() && levelGroups.containsValue(earlyAccessGroup.get())) {
            throw new IllegalArgumentException("the early-access group cannot also be a level's group");
        }
        Map<String, String> groups = new LinkedHashMap<>();
        // In the ladder's order, so that "every mapped group" reads bottom up.
        for (Level level : ladder.levels()) {
            String group = levelGroups.get(level.id());
            if (group != null) {
                groups.put(level.id(), group);
            }
        }
        for (String id : levelGroups.keySet()) {
            if (!groups.containsKey(id)) {
                throw new IllegalArgumentException("no level '" + id + "' on the ladder");
            }
        }
        if (groups.values().stream().distinct().count() < groups.size()) {
            throw new IllegalArgumentException("two levels map to one forum group");
        }
        for (Map.Entry<String, Long> entry : badgeIds.entrySet()) {
            Badge.Earned earned = Badge.Earned.parse(entry.getKey());
            if (earned.tier().ordinal() >= earned.badge().thresholds().size()) {
                throw new IllegalArgumentException(
                        "the badge " + entry.getKey().substring(0, entry.getKey().lastIndexOf('.'))
                                + " has no " + earned.tier().name().toLowerCase(java.util.Locale.ROOT) + " tier");
            }
            if (!earned.key().equals(entry.getKey())) {
                throw new IllegalArgumentException("write the badge as " + earned.key());
            }
            if (entry.getValue() == null || entry.getValue() < 1) {
                throw new IllegalArgumentException("a forum badge id is a positive number");
            }
        }
        levelGroups = java.util.Collections.unmodifiableMap(groups);
        badgeIds = Map.copyOf(badgeIds);
    }

    /** Nothing mirrored. */
    public static ForumMirrorMap none(LevelLadder ladder) {
        return new ForumMirrorMap(ladder, Map.of(), Map.of());
    }

    /**
     * The groups a user at {@code level} belongs in and the mapped groups they do not: the level's
     * own group, and the early-access group when they asked to join it and the level holds the right.
     */
    public Optional<String> earlyAccessFor(Level level, boolean joined) {
        return earlyAccessGroup.filter(g -> joined && ladder.holds(level, Right.EARLY_ACCESS));
    }

    /** The forum group of this level, if it is mirrored. */
    public Optional<String> groupOf(String levelId) {
        return Optional.ofNullable(levelGroups.get(levelId));
    }

    /** Every mapped group, from the lowest level up. */
    public List<String> groups() {
        return List.copyOf(levelGroups.values());
    }

    /** The forum badge id of this badge tier, if it is mirrored. */
    public Optional<Long> badgeIdOf(Badge.Earned badge) {
        return Optional.ofNullable(badgeIds.get(badge.key()));
    }

    /**
     * The level granted by hand that these forum groups give: the highest level by hand whose mapped
     * group is among them; empty when none is (nothing to grant, and a level by hand that came from a
     * group is left).
     */
    public Optional<String> handLevelFromGroups(List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return Optional.empty();
        }
        List<Level> levels = new ArrayList<>(ladder.levels());
        java.util.Collections.reverse(levels);
        return levels.stream().filter(Level::byHand).filter(l -> groupOf(l.id()).filter(groups::contains).isPresent())
                .map(Level::id).findFirst();
    }

    /** Whether {@code levelId} is a level by hand that a forum group grants (and so the group's leaving takes back). */
    public boolean grantedByGroup(String levelId) {
        return ladder.find(levelId).filter(Level::byHand).isPresent() && levelGroups.containsKey(levelId);
    }
}
