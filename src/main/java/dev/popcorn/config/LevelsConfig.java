package dev.popcorn.config;

import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.domain.participation.Streak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The participation ladder and streaks (参与感): five levels, each with its names, what it takes
 * over the rolling window and how many wishes a day it allows; the margin and grace that keep a
 * level; from which level each right is held; how streak freezes and bonuses come.
 */
public record LevelsConfig(LevelLadder ladder, Streak.Rules streak) {

    /** The levels, lowest first; the last is granted by hand (by a lead, or by its forum group). */
    static final List<String> IDS = List.of("newcomer", "fan", "enthusiast", "pioneer", "honorary");

    private static final Pattern NEEDS = Pattern.compile(
            "\\s*(\\d{1,7})\\s+points?\\s*,\\s*(\\d{1,4})\\s+reports?\\s*,\\s*(\\d{1,4})\\s+releases?\\s*");
    private static final String BY_HAND = "by hand";

    /** The levels.* and streak.* keys. */
    public static final List<Key> KEYS = keys();

    private static List<Key> keys() {
        LevelLadder defaults = LevelLadder.defaults();
        List<Key> keys = new ArrayList<>();
        keys.add(Key.of("levels.window-releases", String.valueOf(defaults.windowReleases()),
                "how many of the latest releases a level looks at (points, reports and releases taken part in)"));
        keys.add(Key.of("levels.keep-percent", String.valueOf(defaults.keepPercent()),
                "a level is lost only when some part of what it takes falls below this percentage"));
        keys.add(Key.of("levels.grace-days", String.valueOf(defaults.grace().toDays()),
                "days after a promotion during which the level is never lost"));
        for (Level level : defaults.levels()) {
            String prefix = "levels." + level.id();
            keys.add(Key.of(prefix + ".name", level.nameZh() + " / " + level.nameEn(),
                    "names of the level " + level.id() + ": Chinese / English"));
            keys.add(Key.of(prefix + ".needs", level.byHand() ? BY_HAND : needs(level.needs()),
                    level.rank() == 0 ? "what the first level takes (every user starts here: keep 0)"
                            : "what the level " + level.id()
                                    + " takes over the window ('N points, N reports, N releases'"
                                    + (level.byHand() ? ", or 'by hand': granted by a lead or its forum group)"
                                            : ")")));
            keys.add(Key.of(prefix + ".wishes-per-day", String.valueOf(level.wishesPerDay()),
                    "new wishes a user at the level " + level.id() + " may file per day"));
        }
        for (Right right : Right.values()) {
            keys.add(Key.of(right.key(), defaults.rightsFrom().get(right),
                    "the lowest level (" + String.join(", ", IDS) + ") that may " + switch (right) {
                        case VOTE -> "vote in the Popcorn Award";
                        case NOMINATE -> "nominate an award candidate before the poll opens";
                        case EARLY_ACCESS -> "join the early-access group";
                    }));
        }
        Streak.Rules streak = Streak.Rules.defaults();
        keys.add(Key.of("streak.freeze-every", String.valueOf(streak.freezeEvery()),
                "releases reported in a row that earn a streak freeze (used by itself when a release is missed)"));
        keys.add(Key.of("streak.max-freezes", String.valueOf(streak.maxFreezes()),
                "most streak freezes a user holds at once"));
        keys.add(Key.of("streak.bonus-every", String.valueOf(streak.bonusEvery()),
                "a streak earns points.streak-bonus each time it reaches a multiple of this many releases"));
        return List.copyOf(keys);
    }

    /** Reads the levels.* and streak.* keys. */
    public static LevelsConfig from(Values v) {
        List<Level> levels = new ArrayList<>();
        for (int rank = 0; rank < IDS.size(); rank++) {
            String id = IDS.get(rank);
            String prefix = "levels." + id;
            String[] names = v.text(prefix + ".name").split("/", -1);
            if (names.length != 2 || names[0].isBlank() || names[1].isBlank()
                    || names[0].strip().length() > 20 || names[1].strip().length() > 40) {
                throw new ConfigException(
                        prefix + ".name must be 'Chinese / English' (up to 20 and 40 characters), not '"
                                + v.text(prefix + ".name") + "'");
            }
            String needsText = v.text(prefix + ".needs").strip();
            boolean byHand = needsText.equalsIgnoreCase(BY_HAND);
            if (byHand && rank == 0) {
                throw new ConfigException(prefix + ".needs cannot be 'by hand': every user starts at the first level");
            }
            Level.Requirement needs = byHand ? Level.Requirement.nothing() : needs(prefix + ".needs", needsText);
            if (rank == 0 && !needs.equals(Level.Requirement.nothing())) {
                throw new ConfigException(
                        prefix + ".needs must be '0 points, 0 reports, 0 releases': every user starts there");
            }
            levels.add(new Level(id, rank, names[0].strip(), names[1].strip(), needs,
                    v.integer(prefix + ".wishes-per-day", 0, 1000), byHand));
        }
        Map<Right, String> rights = new EnumMap<>(Right.class);
        for (Right right : Right.values()) {
            String from = v.text(right.key()).strip();
            if (!IDS.contains(from)) {
                throw new ConfigException(right.key() + " must be one of " + IDS + ", not '" + from + "'");
            }
            rights.put(right, from);
        }
        LevelLadder ladder = new LevelLadder(levels, v.integer("levels.window-releases", 1, 520),
                v.integer("levels.keep-percent", 0, 100), Duration.ofDays(v.integer("levels.grace-days", 0, 3650)),
                rights);
        return new LevelsConfig(ladder, new Streak.Rules(v.integer("streak.freeze-every", 1, 520),
                v.integer("streak.max-freezes", 0, 52), v.integer("streak.bonus-every", 1, 520)));
    }

    public static LevelsConfig defaults() {
        return new LevelsConfig(LevelLadder.defaults(), Streak.Rules.defaults());
    }

    private static String needs(Level.Requirement r) {
        return r.points() + " points, " + r.reports() + " reports, " + r.releases() + " releases";
    }

    private static Level.Requirement needs(String key, String text) {
        Matcher m = NEEDS.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(
                    key + " must read 'N points, N reports, N releases' or 'by hand', not '" + text + "'");
        }
        return new Level.Requirement(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }
}
