package dev.popcorn.domain.participation;

import java.util.ArrayList;
import java.util.List;

/**
 * The badges of participation, each with up to three tiers earned at a count of something a user
 * did. A badge is granted once per tier and never taken back; when the counts grow (or the rules
 * change) the missing tiers are back-filled. Names are in the messages ({@code badge.<NAME>}).
 */
public enum Badge {
    /** The first real report. */
    FIRST_REPORT(1),
    /** Real reports handed in. */
    REPORTS(10, 50, 200),
    /** The longest streak of releases with a real report. */
    STREAK(4, 12, 52),
    /** Wishes the user filed or supported that shipped. */
    WISHES_SHIPPED(1, 5, 20),
    /** Reports a lead marked helpful. */
    HELPFUL(1, 10, 50),
    /** Seasons (quarters in week.zone) in which the user voted in every award poll. */
    SEASON_VOTER(1, 2, 4),
    /** Popcorn Awards won as a member of the winning team. */
    AWARD_WINNER(1, 3, 10),
    /** "Not good enough" verdicts on a feature whose ticket was fixed in a later release. */
    BUG_HUNTER(1, 5, 20);

    /** A badge's tiers, in the order they are earned. */
    public enum Tier {
        BRONZE, SILVER, GOLD
    }

    /** One tier of one badge, as stored: {@code reports.silver}. */
    public record Earned(Badge badge, Tier tier) {

        public String key() {
            return badge.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "."
                    + tier.name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Earned parse(String key) {
            int dot = key.lastIndexOf('.');
            if (dot < 1) {
                throw new IllegalArgumentException("not a badge: " + key);
            }
            return new Earned(Badge.valueOf(key.substring(0, dot).toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    Tier.valueOf(key.substring(dot + 1).toUpperCase(java.util.Locale.ROOT)));
        }
    }

    /** The counts the badges look at. */
    public record Counts(int reports, int longestStreak, int wishesShipped, int helpful, int fullSeasons, int wins,
            int bugsHunted) {

        public int of(Badge badge) {
            return switch (badge) {
                case FIRST_REPORT, REPORTS -> reports;
                case STREAK -> longestStreak;
                case WISHES_SHIPPED -> wishesShipped;
                case HELPFUL -> helpful;
                case SEASON_VOTER -> fullSeasons;
                case AWARD_WINNER -> wins;
                case BUG_HUNTER -> bugsHunted;
            };
        }
    }

    private final int[] thresholds;

    Badge(int... thresholds) {
        this.thresholds = thresholds;
    }

    /** The count that earns each tier, bronze first. */
    public List<Integer> thresholds() {
        return java.util.Arrays.stream(thresholds).boxed().toList();
    }

    /** Every tier of every badge these counts earn, badge by badge, lowest tier first. */
    public static List<Earned> earned(Counts counts) {
        List<Earned> earned = new ArrayList<>();
        for (Badge badge : values()) {
            for (int i = 0; i < badge.thresholds.length; i++) {
                if (counts.of(badge) >= badge.thresholds[i]) {
                    earned.add(new Earned(badge, Tier.values()[i]));
                }
            }
        }
        return earned;
    }
}
