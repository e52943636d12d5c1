package dev.popcorn.web.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Announcement Markdown as the forum shows it, for a preview beside the lead's text and for the poll
 * page once approved: CommonMark with the forum's tables and strikethrough, a single line break kept
 * as a break (the forum's default), raw HTML shown as text and links other than http(s) and mailto
 * dropped, so a text can neither run a script nor leave the page's styles. Links are marked
 * {@code nofollow ugc} and open the referrer-free way, as on the forum. Images are drawn only from Popcorn's own
 * address (the team photos and the card the announcement shows); any other image becomes a link to it, so that no
 * reader's browser fetches an address the text chose.
 */
public final class ForumMarkdown {

    private static final String REL = "nofollow ugc noopener noreferrer";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer;

    /** {@code ownAddress}: Popcorn's public address (server.base-url), the one place images come from. */
    public ForumMarkdown(Supplier<String> ownAddress) {
        renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .softbreak("<br>\n")
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Link || node instanceof Image && tag.equals("a")) {
                        attributes.put("rel", REL);
                    }
                })
                .nodeRendererFactory(context -> new Images(context, ownAddress))
                .build();
    }

    /** The words a reader sees, without the Markdown: to check what a text says. */
    public static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** The text as HTML, safe to place in a page as it is. */
    public String html(String markdown) {
        return renderer.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /**
     * The text as HTML in the parts that its top-level rules ({@code ---}) divide it into, in order, the rules
     * left out: the announcement's languages follow each other that way. A text without a rule is one part.
     */
    public List<String> htmlParts(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        List<String> parts = new ArrayList<>();
        Document part = new Document();
        for (Node child = document.getFirstChild(); child != null;) {
            Node next = child.getNext();
            if (child instanceof ThematicBreak) {
                parts.add(renderer.render(part));
                part = new Document();
            } else {
                part.appendChild(child);
            }
            child = next;
        }
        parts.add(renderer.render(part));
        return parts;
    }

    /** An image from Popcorn's own address as an image; any other as a link to it, named by its alt text. */
    private static final class Images implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final Supplier<String> ownAddress;

        Images(HtmlNodeRendererContext context, Supplier<String> ownAddress) {
            this.context = context;
            this.ownAddress = ownAddress;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = image.getDestination() == null ? "" : image.getDestination();
            String alt = words(image);
            HtmlWriter html = context.getWriter();
            if (own(url)) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("src", context.encodeUrl(context.urlSanitizer().sanitizeImageUrl(url)));
                attributes.put("alt", alt);
                if (image.getTitle() != null) {
                    attributes.put("title", image.getTitle());
                }
                html.tag("img", context.extendAttributes(image, "img", attributes), true);
            } else {
                html.tag("a", context.extendAttributes(image, "a",
                        Map.of("href", context.encodeUrl(context.urlSanitizer().sanitizeLinkUrl(url)))));
                html.text(alt.isBlank() ? url : alt);
                html.tag("/a");
            }
        }

        /**
         * Whether a browser would load {@code url} from Popcorn itself. Decided on the address as a browser reads it
         * (backslashes are slashes, tabs and line breaks are dropped), so that {@code /\evil.example/p.png}, which a
         * browser loads from evil.example, is not taken for a path of ours; an absolute address must have our
         * scheme, host and port.
         */
        private boolean own(String url) {
            String read = url.replace('\\', '/').replaceAll("[\t\n\r]", "");
            if (read.startsWith("/")) {
                return !read.startsWith("//");
            }
            String own = ownAddress.get();
            if (own == null || own.isBlank()) {
                return false;
            }
            try {
                java.net.URI asked = new java.net.URI(read);
                java.net.URI ours = new java.net.URI(own);
                return asked.getScheme() != null && asked.getScheme().equalsIgnoreCase(ours.getScheme())
                        && asked.getRawAuthority() != null
                        && asked.getRawAuthority().equalsIgnoreCase(ours.getRawAuthority())
                        && asked.getRawPath() != null && asked.getRawPath().startsWith("/");
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private static String words(Node node) {
            StringBuilder words = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    words.append(text.getLiteral());
                } else if (child instanceof Code code) {
                    words.append(code.getLiteral());
                } else {
                    words.append(words(child));
                }
            }
            return words.toString();
        }
    }
}
