package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForumMarkdownTest {

    private static final ForumMarkdown MARKDOWN = new ForumMarkdown(() -> "https://popcorn.example");

    @Test
    void showsTheAnnouncementsShapesAsTheForumDoes() {
        String html = MARKDOWN.html("""
                # 🍿 爆米花奖

                **3 votes** (60 %)
                first line
                second line

                | Rank | Project |
                |---:|---|
                | 1 | Night mode |
                | — | ~~Battery~~ |
                """);

        assertThat(html).contains("<h1>🍿 爆米花奖</h1>", "<strong>3 votes</strong>", "first line<br>", "<table>",
                "<td align=\"right\">1</td>", "<del>Battery</del>");
    }

    @Test
    void theTopLevelRulesPartTheTextAndAreLeftOut() {
        assertThat(MARKDOWN.htmlParts("# 中文\n\n正文\n\n---\n\n# English\n\nText\n")).containsExactly(
                "<h1>中文</h1>\n<p>正文</p>\n", "<h1>English</h1>\n<p>Text</p>\n");
        // A line of dashes under a paragraph is its heading, and one in a list item or a quote parts nothing.
        assertThat(MARKDOWN.htmlParts("Title\n---\n\n> quoted\n>\n> ***\n\n- a\n\n  ___\n")).hasSize(1);
        assertThat(MARKDOWN.htmlParts("")).containsExactly("");
    }

    @Test
    void rawHtmlIsShownAsTextAndOnlyWebLinksAreKept() {
        String html = MARKDOWN
                .html("""
                        <script>alert(1)</script> <img src=x onerror=alert(1)>

                        [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [home](https://forum.example/t/1)
                        ![photo](https://photos.example/a.png) ![王磊](https://popcorn.example/photos/camera-0.png)
                        ![card](/polls/3/card.png) ![](https://popcorn.example.evil.example/x.png)
                        """);

        assertThat(html).doesNotContain("<script", "<img src=x", "javascript:", "data:text")
                .contains("&lt;script&gt;", "href=\"https://forum.example/t/1\"",
                        "rel=\"nofollow ugc noopener noreferrer\"",
                        "<img src=\"https://popcorn.example/photos/camera-0.png\" alt=\"王磊\"",
                        "<img src=\"/polls/3/card.png\"");
        // An image from anywhere else is not fetched by the reader's browser: it is a link to it.
        assertThat(html).doesNotContain("<img src=\"https://photos.example", "<img src=\"https://popcorn.example.evil")
                .contains("<a href=\"https://photos.example/a.png\" rel=\"nofollow ugc noopener noreferrer\">photo</a>",
                        ">https://popcorn.example.evil.example/x.png</a>");
    }

    @Test
    void anImageAddressABrowserReadsAsAnotherSitesIsALinkHoweverItIsWritten() {
        for (String address : new String[] {"/\\evil.example/p.png", "\\\\\\\\evil.example/p.png",
                "//evil.example/p.png",
                "https://popcorn.example@evil.example/p.png", "https://popcorn.example:8443/p.png",
                "http://popcorn.example/p.png"}) {
            String html = MARKDOWN.html("![x](" + address + ")");
            assertThat(html).as(address).doesNotContain("<img").contains("<a href=");
        }
        assertThat(MARKDOWN.html("![x](/photos/a.png)")).contains("<img src=\"/photos/a.png\"");
        assertThat(MARKDOWN.html("![x](https://POPCORN.example/photos/a.png)")).contains("<img src=");
    }

    @Test
    void escapedValuesComeOutLiteral() {
        assertThat(MARKDOWN.html("2026\\-11\\-27 \\*not bold\\*")).isEqualTo("<p>2026-11-27 *not bold*</p>\n");
    }
}
