package dev.popcorn.web.common;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Announcement Markdown as the forum shows it, for a preview beside the lead's text and for the poll
 * page once approved: CommonMark with the forum's tables and strikethrough, a single line break kept
 * as a break (the forum's default), raw HTML shown as text and links other than http(s) and mailto
 * dropped, so a text can neither run a script nor leave the page's styles. Links are marked
 * {@code nofollow ugc} and open the referrer-free way, as on the forum.
 */
public final class ForumMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow ugc noopener noreferrer");
                }
            })
            .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private ForumMarkdown() {
    }

    /** The words a reader sees, without the Markdown: to check what a text says. */
    public static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** The text as HTML, safe to place in a page as it is. */
    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
