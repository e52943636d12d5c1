package dev.popcorn.app.participation;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.domain.participation.Streak;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A fan's standing (参与感) as their pages, the API and the card read it: their level on the ladder and the rights it
 * holds, their streak of releases, their badges, and whether they show on public pages. Read-only but for the
 * fan's own choice of a public profile; {@link StandingReviews} moves the standing, {@link LevelOverrides} is the
 * lead's and the forum's say, {@link Levels} answers the rights, {@link StandingNotices} tells the news.
 */
public final class Standing {

    /** Where level changes and badges go beyond Popcorn (the forum's groups and badges). */
    public interface Mirror {
        void levelChanged(String userId, Level from, Level to);

        void badgeGranted(String userId, Badge.Earned badge);

        /** Puts the user in the early-access group; refused (409) where there is none. */
        void joinEarlyAccess(String userId);

        /** The user was given a notice of their standing (a promotion or a new badge tier), kept under {@code noticeId}. */
        default void noticed(String userId, long noticeId) {
        }

        static Mirror none() {
            return new Mirror() {
                @Override
                public void joinEarlyAccess(String userId) {
                    throw RuleViolation.conflict("earlyAccess.off");
                }

                @Override
                public void levelChanged(String userId, Level from, Level to) {
                }

                @Override
                public void badgeGranted(String userId, Badge.Earned badge) {
                }
            };
        }
    }

    /** A badge tier held, and since when. */
    public record Held(Badge.Earned badge, Instant at) {
    }

    /** The next tier of a badge not held yet: what it counts, how far the user is. */
    public record NextBadge(Badge.Earned badge, int have, int needs) {
    }

    /** Everything about a user's standing, for their page and the API. */
    public record View(String userId, Level level, Instant since, boolean locked, String lockReason,
            LevelLadder.Progress progress, List<Right> rights, Streak streak, Badge.Counts counts, List<Held> badges,
            List<NextBadge> nextBadges, boolean publicProfile) {
    }

    private final StandingStore store;
    private final LevelLadder ladder;
    private final Streak.Rules streakRules;
    private final ZoneId zone;
    private final Function<String, List<String>> memberNames;
    private final Clock clock;

    /**
     * {@code memberNames} gives the names a user may carry as a team member (their id and forum names); {@code zone}
     * is the week's, in which seasons are counted.
     */
    public Standing(StandingStore store, LevelLadder ladder, Streak.Rules streakRules, ZoneId zone,
            Function<String, List<String>> memberNames, Clock clock) {
        this.store = store;
        this.ladder = ladder;
        this.streakRules = streakRules;
        this.zone = zone;
        this.memberNames = memberNames;
        this.clock = clock;
    }

    public LevelLadder ladder() {
        return ladder;
    }

    public Streak.Rules streakRules() {
        return streakRules;
    }

    /** Everything about the user's standing, read now. */
    public View view(String userId) {
        Instant now = clock.instant();
        Optional<StandingStore.LevelRow> row = store.level(userId);
        Level level = row.map(r -> ladder.levelOrFirst(r.level())).orElse(ladder.first());
        Activity activity = store.activity(userId, store.windowStart(ladder.windowReleases(), now));
        Streak streak = streak(userId, now);
        Badge.Counts counts = counts(userId, streak, now);
        List<Held> held = new ArrayList<>();
        store.badges(userId).forEach((key, at) -> parse(key).ifPresent(b -> held.add(new Held(b, at))));
        // The next tier of each badge is the lowest one not held, whatever the count says: between a count reaching a
        // tier and the review granting it, that tier is next (about to be granted), never the one above it.
        Set<Badge.Earned> holding = new HashSet<>();
        held.forEach(h -> holding.add(h.badge()));
        List<NextBadge> next = new ArrayList<>();
        for (Badge badge : Badge.values()) {
            for (int i = 0; i < badge.thresholds().size(); i++) {
                Badge.Earned tier = new Badge.Earned(badge, Badge.Tier.values()[i]);
                if (!holding.contains(tier)) {
                    next.add(new NextBadge(tier, counts.of(badge), badge.thresholds().get(i)));
                    break;
                }
            }
        }
        return new View(userId, level, row.map(StandingStore.LevelRow::since).orElse(null),
                row.map(StandingStore.LevelRow::locked).orElse(false),
                row.map(StandingStore.LevelRow::lockReason).orElse(null),
                ladder.progress(level, activity), ladder.rights(level), streak, counts, held, next,
                store.publicProfile(userId));
    }

    /** The user's display name, if Popcorn knows the user. */
    public Optional<String> name(String userId) {
        return store.name(userId);
    }

    /** The user's latest reports, newest first. */
    public List<StandingStore.ReportLine> reports(String userId, int limit) {
        return store.reportsOf(userId, limit);
    }

    /** The wishes the user filed or backed, newest first, and what became of them. */
    public List<dev.popcorn.domain.feedback.Wish> wishes(String userId, int limit) {
        return store.wishesOf(userId, limit);
    }

    /** The user's streak as of {@code now}. */
    public Streak streak(String userId, Instant now) {
        return Streak.of(store.turns(userId, now), streakRules);
    }

    public void setPublicProfile(String userId, boolean visible) {
        store.setPublicProfile(userId, visible);
    }

    public boolean publicProfile(String userId) {
        return store.publicProfile(userId);
    }

    /** What the user's badges count as of {@code now}, with their streak as of then. */
    Badge.Counts counts(String userId, Streak streak, Instant now) {
        return new Badge.Counts(store.reports(userId), streak.longest(), store.wishesShipped(userId),
                store.helpful(userId), fullSeasons(store.polls(userId, now), now),
                store.wins(memberNames.apply(userId)),
                store.bugsHunted(userId));
    }

    /** Seasons (quarters in week.zone) that are over, had polls, and in every one of which the user voted. */
    int fullSeasons(List<StandingStore.PollTurn> polls, Instant now) {
        Map<String, Boolean> seasons = new LinkedHashMap<>();
        for (StandingStore.PollTurn poll : polls) {
            seasons.merge(season(poll.closedAt()), poll.voted(), Boolean::logicalAnd);
        }
        String current = season(now);
        return (int) seasons.entrySet().stream().filter(e -> e.getValue() && !e.getKey().equals(current)).count();
    }

    private String season(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.getYear() + "Q" + local.get(IsoFields.QUARTER_OF_YEAR);
    }

    /** The badge tier a stored key names; empty for a key of a badge no longer known. */
    static Optional<Badge.Earned> parse(String key) {
        try {
            return Optional.of(Badge.Earned.parse(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
