package dev.popcorn.web;

import dev.popcorn.web.common.ForumMarkdown;
import java.util.ArrayList;
import java.util.List;

/**
 * An approved announcement as the poll page shows it: the part in the reader's language, with the post as it was
 * sent (every language) folded below it. The post gives its languages in the configured order, a rule ({@code ---})
 * between them; when a lead's words moved those rules, so that the parts no longer match the languages, or when the
 * post has one language or none in the reader's, the whole post is shown as it is ({@link #own} is then null).
 *
 * @param whole the post as sent, as HTML
 * @param own the reader's part as HTML, or null
 * @param ownLanguage the language tag of {@code own}
 * @param parts every language's part, in the post's order (empty when {@code own} is null)
 */
record SentAnnouncement(String whole, String own, String ownLanguage, List<Part> parts) {

    /** One language's part of the post. */
    record Part(String language, String html) {
    }

    SentAnnouncement {
        parts = List.copyOf(parts);
    }

    /** {@code sent} (Markdown) for a reader of {@code readerLanguage}, the post being in {@code languages}. */
    static SentAnnouncement of(String sent, List<String> languages, String readerLanguage, ForumMarkdown markdown) {
        String whole = markdown.html(sent);
        List<String> html = markdown.htmlParts(sent);
        int reader = languages.indexOf(readerLanguage);
        if (languages.size() < 2 || html.size() != languages.size() || reader < 0) {
            return new SentAnnouncement(whole, null, null, List.of());
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            parts.add(new Part(languages.get(i), html.get(i)));
        }
        return new SentAnnouncement(whole, html.get(reader), readerLanguage, parts);
    }
}
