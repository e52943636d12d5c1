package dev.popcorn.web.json;

import dev.popcorn.app.participation.BadgeNames;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.web.common.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where a user stands, in the caller's language: level, what the next one needs and unlocks,
 * rights, streak, badges held and the next tier of each. Pages render the same record.
 */
public record StandingJson(LevelJson level, NextJson next, List<RightJson> rights, int wishesPerDay, StreakJson streak,
        List<BadgeJson> badges, List<NextBadgeJson> nextBadges, boolean publicProfile) {

    public record LevelJson(String id, int rank, String name, Instant since, boolean locked, boolean byHand) {
        static LevelJson of(Level level, Instant since, boolean locked, Locale locale) {
            return new LevelJson(level.id(), level.rank(), level.name(locale), since, locked, level.byHand());
        }
    }

    /** What a level takes over the window, or what the user has: points, real reports, releases taken part in. */
    public record Amounts(long points, int reports, int releases) {
    }

    /** One part of the next level's requirement: what it takes, what the user has, how far in percent. */
    public record Part(String what, long have, long needs, int percent) {
    }

    public record NextJson(String id, String name, Amounts needs, Amounts have, List<Part> parts,
            List<RightJson> unlocks,
            int wishesPerDay) {
    }

    public record RightJson(String id, String name) {
        static RightJson of(Right right, Locale locale) {
            return new RightJson(right.name(), Messages.text(locale, "right." + right.name()));
        }
    }

    public record StreakJson(int current, int longest, int freezes) {
    }

    public record BadgeJson(String key, String badge, String tier, String name, Instant at) {
    }

    public record NextBadgeJson(String key, String name, String what, int have, int needs, int percent) {
    }

    public static StandingJson of(Standing.View view, Locale locale) {
        LevelLadder.Progress progress = view.progress();
        NextJson next = null;
        if (progress.next() != null) {
            Amounts needs = new Amounts(progress.needs().points(), progress.needs().reports(),
                    progress.needs().releases());
            Amounts have = new Amounts(progress.have().points(), progress.have().reports(), progress.have().releases());
            List<Part> parts = List.of(
                    part(locale, "points", have.points(), needs.points()),
                    part(locale, "reports", have.reports(), needs.reports()),
                    part(locale, "releases", have.releases(), needs.releases()));
            next = new NextJson(progress.next().id(), progress.next().name(locale), needs, have, parts,
                    progress.unlocks().stream().map(r -> RightJson.of(r, locale)).toList(),
                    progress.next().wishesPerDay());
        }
        return new StandingJson(LevelJson.of(view.level(), view.since(), view.locked(), locale), next,
                view.rights().stream().map(r -> RightJson.of(r, locale)).toList(), view.level().wishesPerDay(),
                new StreakJson(view.streak().current(), view.streak().longest(), view.streak().freezes()),
                view.badges().stream().map(h -> new BadgeJson(h.badge().key(), h.badge().badge().name(),
                        h.badge().tier().name(), badgeName(h.badge(), locale), h.at())).toList(),
                view.nextBadges().stream().map(n -> new NextBadgeJson(n.badge().key(), badgeName(n.badge(), locale),
                        Messages.text(locale, "badge.what." + n.badge().badge().name(), n.needs()), n.have(), n.needs(),
                        percent(n.have(), n.needs()))).toList(),
                view.publicProfile());
    }

    /** "Silver · Reporter" / "银牌·报告达人": see {@link BadgeNames}. */
    public static String badgeName(Badge.Earned badge, Locale locale) {
        return BadgeNames.of(badge, locale);
    }

    private static Part part(Locale locale, String what, long have, long needs) {
        return new Part(Messages.text(locale, "standing.part." + what, needs), have, needs, percent(have, needs));
    }

    private static int percent(long have, long needs) {
        return needs <= 0 ? 100 : (int) Math.min(100, have * 100 / needs);
    }
}
