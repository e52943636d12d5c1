package dev.popcorn.announce;

import dev.popcorn.app.award.AnnouncementWriter;
import dev.popcorn.app.award.AwardFacts;
import dev.popcorn.app.forum.ForumNews;
import dev.popcorn.app.forum.ThreadWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The writer of what Popcorn announces: the award's text and the forum's threads from the Markdown
 * templates, the picture from the winner card, members' photos as PNG for the forum.
 */
public final class Announcements implements AnnouncementWriter, ThreadWriter {

    private final MarkdownTemplates templates;
    private final WinnerCard card;
    private final Photos photos;

    public Announcements(MarkdownTemplates templates, WinnerCard card, Photos photos) {
        this.templates = templates;
        this.card = card;
        this.photos = photos;
    }

    @Override
    public String words(AwardFacts facts) {
        return templates.words(facts);
    }

    @Override
    public Map<String, String> results(AwardFacts facts) {
        return templates.results(facts);
    }

    @Override
    public List<String> languages() {
        return templates.languages();
    }

    @Override
    public byte[] card(AwardFacts facts) {
        return card.png(facts);
    }

    @Override
    public String releaseThread(ForumNews.Release news) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", news.version());
        model.put("features", news.features().stream()
                .map(f -> Map.of("title", f.title(), "titleZh", f.titleZh(), "ticket", f.ticket(), "team", f.team()))
                .toList());
        model.put("reportUrl", news.reportUrl());
        model.put("reportsClose", time(news.reportsClose()));
        model.put("pollUrl", news.pollUrl());
        model.put("pollOpens", time(news.pollOpens()));
        model.put("pollCloses", time(news.pollCloses()));
        return templates.render("release-thread", model);
    }

    @Override
    public String pollThread(ForumNews.Poll news) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", news.version());
        model.put("open", news.open());
        model.put("closes", time(news.closes()));
        model.put("candidates", news.candidates().stream()
                .map(c -> Map.of("title", c.title(), "titleZh", c.titleZh(), "team", c.team(), "pitch", c.pitch(),
                        "pitchZh", c.pitchZh(), "url", c.url()))
                .toList());
        model.put("pollUrl", news.pollUrl());
        return templates.render("poll-thread", model);
    }

    @Override
    public String wishDone(ForumNews.WishDone news) {
        return templates.render("wish-done",
                Map.of("wish", news.wish(), "ticket", news.ticket(), "shipsIn", news.shipsIn(),
                        "wishUrl", news.wishUrl()));
    }

    @Override
    public Optional<byte[]> photo(String url) {
        return photos.png(url);
    }

    private static String time(LocalDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
    }
}
