package dev.popcorn.web;

import dev.popcorn.app.participation.BadgeNames;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.web.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A notice of a fan's standing in words (issue 28): "You are now Fan — it adds: up to 5 new wishes a day" with the
 * level's place on {@code /levels}, or "New badge: First report · Bronze" with the badge's page. Shared by the banner
 * of the next page, the fan's own page and {@code GET /api/v1/me/notices}.
 */
public final class NoticeTexts {

    /** A notice as told: its kind, the sentence in the reader's language, where it points, and when it happened. */
    record Told(long id, String kind, String text, String href, Instant at, String level, String badge) {
    }

    private final StandingNotices notices;
    private final LevelLadder ladder;

    public NoticeTexts(StandingNotices notices, LevelLadder ladder) {
        this.notices = notices;
        this.ladder = ladder;
    }

    /** The notice in words, or nothing when it names what the ladder or the badges no longer have. */
    Optional<Told> told(StandingStore.Notice notice, Locale locale) {
        if (StandingNotices.PROMOTED.equals(notice.kind())) {
            return ladder.find(notice.subject()).map(level -> new Told(notice.id(), notice.kind(),
                    promoted(ladder, level, locale), "/levels#level-" + level.id(), notice.at(), level.id(), null));
        }
        if (StandingNotices.BADGE.equals(notice.kind())) {
            try {
                Badge.Earned tier = Badge.Earned.parse(notice.subject());
                return Optional.of(new Told(notice.id(), notice.kind(),
                        Messages.text(locale, "notice.badge", BadgeNames.of(tier, locale)),
                        "/badges/" + LadderPages.slug(tier.badge()), notice.at(), null, tier.key()));
            } catch (IllegalArgumentException gone) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** "You are now Fan! It adds: Nominate projects for the award; up to 5 new wishes a day." */
    private static String promoted(LevelLadder ladder, Level level, Locale locale) {
        List<String> adds = adds(ladder, level, locale);
        return adds.isEmpty() ? Messages.text(locale, "notice.promoted", level.name(locale))
                : Messages.text(locale, "notice.promoted.adds", level.name(locale),
                        String.join("zh".equals(locale.getLanguage()) ? "；" : "; ", adds));
    }

    /** What a level adds to the one below it, in words: its new rights, and more new wishes a day. */
    static List<String> adds(LevelLadder ladder, Level level, Locale locale) {
        List<String> adds = new ArrayList<>();
        ladder.rightsAddedAt(level).forEach(right -> adds.add(Messages.text(locale, "right." + right.name())));
        if (ladder.moreWishesAt(level)) {
            adds.add(Messages.text(locale, "standing.wishesPerDay", level.wishesPerDay()));
        }
        return adds;
    }

    /** The user's latest notices in words, newest first. */
    List<Told> latest(String userId, int limit, Locale locale) {
        return notices.notices(userId, limit).stream().flatMap(n -> told(n, locale).stream()).toList();
    }

    /** The notices the user was not told yet, in words, newest first; from now on they count as told. */
    List<Told> unseen(String userId, Locale locale) {
        List<Told> told = new ArrayList<>(
                notices.tellUnseen(userId).stream().flatMap(n -> told(n, locale).stream()).toList());
        java.util.Collections.reverse(told);
        return told;
    }
}
