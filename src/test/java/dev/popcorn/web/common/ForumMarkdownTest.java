package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForumMarkdownTest {

    @Test
    void showsTheAnnouncementsShapesAsTheForumDoes() {
        String html = ForumMarkdown.html("""
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
    void rawHtmlIsShownAsTextAndOnlyWebLinksAreKept() {
        String html = ForumMarkdown.html("""
                <script>alert(1)</script> <img src=x onerror=alert(1)>

                [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [home](https://forum.example/t/1)
                ![photo](https://photos.example/a.png)
                """);

        assertThat(html).doesNotContain("<script", "<img src=x", "javascript:", "data:text")
                .contains("&lt;script&gt;", "href=\"https://forum.example/t/1\"", "rel=\"nofollow ugc noopener noreferrer\"",
                        "<img src=\"https://photos.example/a.png\" alt=\"photo\"");
    }

    @Test
    void escapedValuesComeOutLiteral() {
        assertThat(ForumMarkdown.html("2026\\-11\\-27 \\*not bold\\*")).isEqualTo("<p>2026-11-27 *not bold*</p>\n");
    }
}
