package dev.popcorn.web;

import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.participation.BadgeNames;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.MarkdownLiteral;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Templates;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fan's private messages on the forum in words (issue 28): the same sentences as the banner, {@code /me} and the way
 * back say, in each language asked for (Chinese first, as the forum's threads), separated by a rule. Every sentence is
 * made literal for the forum's Markdown before Popcorn's own links are put around it, so no name, version or
 * translation can format the message or mention anyone.
 */
public final class ForumLetters implements FanMessages.Letters {

    private final Standing standing;
    private final NoticeTexts notices;
    private final ZoneId zone;
    private final Clock clock;

    public ForumLetters(Standing standing, StandingNotices notices, ZoneId zone, Clock clock) {
        this.standing = standing;
        this.notices = new NoticeTexts(notices, standing.ladder());
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Optional<FanMessages.Letter> notice(String userId, StandingStore.Notice notice, List<Locale> languages,
            String pageUrl) {
        List<String> titles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Locale locale : languages) {
            Optional<NoticeTexts.Told> told = notices.told(notice, locale);
            if (told.isEmpty()) {
                return Optional.empty();
            }
            titles.add(title(told.get(), locale));
            texts.add(MarkdownLiteral.of(told.get().text()) + "\n\n"
                    + link(Messages.text(locale, "forumMessage.seeYourPage"), pageUrl));
        }
        return Optional.of(letter(titles, texts));
    }

    @Override
    public FanMessages.Letter reminder(String userId, Release release, List<Locale> languages, String reportUrl,
            String pageUrl) {
        Streak streak = standing.streak(userId, clock.instant());
        boolean atRisk = streak.current() > 0 && streak.freezes() == 0;
        List<String> titles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Locale locale : languages) {
            String by = Templates.when(release.reportsCloseAt(), zone, locale);
            titles.add(Messages.text(locale, "forumMessage.reminder.title", release.version(), by));
            String stake = atRisk ? Messages.text(locale, "wayBack.atRisk", streak.current(), release.version(), by)
                    : Messages.text(locale, "wayBack.reportBy", release.version(), by, streak.current() + 1);
            texts.add(MarkdownLiteral.of(stake) + "\n\n"
                    + link(Messages.text(locale, "forumMessage.reminder.report"), reportUrl)
                    + "\n\n" + MarkdownLiteral.of(Messages.text(locale, "forumMessage.reminder.why"))
                    + (Messages.supported(locale) == Messages.CHINESE ? "" : " ")
                    + link(Messages.text(locale, "forumMessage.yourPage"), pageUrl));
        }
        return letter(titles, texts);
    }

    /** "You are now Fan" or "New badge: Reports · Gold", short enough for a title. */
    private String title(NoticeTexts.Told told, Locale locale) {
        if (told.level() != null) {
            return Messages.text(locale, "forumMessage.title.promoted",
                    standing.ladder().find(told.level()).map(l -> l.name(locale)).orElse(told.level()));
        }
        return Messages.text(locale, "forumMessage.title.badge",
                BadgeNames.of(Badge.Earned.parse(told.badge()), locale));
    }

    private static FanMessages.Letter letter(List<String> titles, List<String> texts) {
        return new FanMessages.Letter("🍿 " + String.join(" · ", titles), String.join("\n\n---\n\n", texts) + "\n");
    }

    /** A link of Popcorn's own: its words literal, its address as Popcorn wrote it. */
    private static String link(String words, String url) {
        return "[" + MarkdownLiteral.of(words) + "](" + url + ")";
    }
}
