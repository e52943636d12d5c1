package dev.popcorn.domain.participation;

import dev.popcorn.domain.Text;

/**
 * One rung of the participation ladder: its id (as stored and as named in configuration), its
 * place from 0 up, its names in Chinese and English, what it takes over the rolling window, how
 * many wishes a day it allows, and whether it is only ever granted by hand (by a lead, or by the
 * forum group it mirrors).
 */
public record Level(String id, int rank, String nameZh, String nameEn, Requirement needs, int wishesPerDay,
        boolean byHand) {

    /** The points, real reports and releases taken part in over the window that earn a level. */
    public record Requirement(long points, int reports, int releases) {

        public Requirement {
            if (points < 0 || reports < 0 || releases < 0) {
                throw new IllegalArgumentException("a requirement cannot be negative");
            }
        }

        public static Requirement nothing() {
            return new Requirement(0, 0, 0);
        }

        /** Whether the activity meets every part of the requirement. */
        public boolean metBy(Activity a) {
            return a.points() >= points && a.reports() >= reports && a.releases() >= releases;
        }

        /**
         * Whether the activity still keeps a level earned with this requirement: every part at least
         * {@code percent} % of what it takes, exactly (90 % of 2 reports is 1.8, which 1 report does not reach), so
         * a level is not lost by a hair and not kept with half of what it takes.
         */
        public boolean keptBy(Activity a, int percent) {
            return a.points() * 100 >= points * percent && a.reports() * 100L >= (long) reports * percent
                    && a.releases() * 100L >= (long) releases * percent;
        }
    }

    public Level {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a level id is lower-case letters, digits and '-': " + id);
        }
        if (rank < 0 || wishesPerDay < 0) {
            throw new IllegalArgumentException("a level's rank and wishes per day cannot be negative");
        }
        nameZh = Text.require(nameZh, "level.name", 1, 20);
        nameEn = Text.require(nameEn, "level.name", 1, 40);
    }

    /** Its name in the language of {@code locale} (Chinese for any Chinese locale, English otherwise). */
    public String name(java.util.Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
