package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaller fan-page items of issue 28 over real HTTP: the approved announcement in the reader's language with
 * the post as sent folded below it (8); a disqualified project called so in Chinese, 已取消资格 (18); the lead's
 * hint naming no file of the program (20); the award's week named by its release (21).
 */
class FanPagesIT {

    @TempDir
    Path data;

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String body(String path, String session) {
        return server.page("GET", path, session, null).body();
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as("the page has " + from).isNotNegative();
        int end = page.indexOf(to, start);
        assertThat(end).as("the page has " + to + " after " + from).isGreaterThan(start);
        return page.substring(start, end);
    }

    @Test
    void theAnnouncementIsReadInTheReadersLanguageWithThePostAsSentFoldedBelow() {
        AnnouncedWeek week = new AnnouncedWeek(server, "Quiet charging").disqualify().close().approve();
        String poll = "/polls/" + week.poll;

        String chinese = body(poll + "?lang=zh-CN", null);
        String ownZh = between(chinese, "id=\"announcement-own\"", "id=\"announcement-sent\"");
        assertThat(ownZh).contains("lang=\"zh-CN\"", "<h1>🍿 爆米花奖 · 版本 2026.11.20</h1>", "夜景相机", "3 票")
                .doesNotContain("Popcorn Award", "3 votes");
        String sentZh = between(chinese, "<details class=\"as-sent\" id=\"announcement-sent\">", "</details>");
        assertThat(sentZh).contains("<summary>发出的原帖（中英双语）</summary>", "<div lang=\"zh-CN\"><h1>🍿 爆米花奖",
                "<hr><div lang=\"en\"><h1>🍿 Popcorn Award · release 2026.11.20</h1>", "<strong>3 votes</strong>");
        assertThat(between(chinese, "id=\"announcement\"", "id=\"announcement-own\"")).contains("审核通过。")
                .doesNotContain("发出的公告原文");

        String english = body(poll + "?lang=en", null);
        String ownEn = between(english, "id=\"announcement-own\"", "id=\"announcement-sent\"");
        assertThat(ownEn)
                .contains("lang=\"en\"", "<h1>🍿 Popcorn Award · release 2026.11.20</h1>", "<strong>3 votes</strong>",
                        "disqualified: " + AnnouncedWeek.REASON)
                .doesNotContain("爆米花奖", "3 票");
        assertThat(between(english, "id=\"announcement-sent\"", "</details>"))
                .contains("<summary>The post as sent, in both languages</summary>", "爆米花奖", "Popcorn Award");
    }

    @Test
    void theAwardsWeekIsNamedByItsReleaseAndThePollPageHasOneDateFormat() {
        AnnouncedWeek week = new AnnouncedWeek(server, "Quiet charging").close().approve();
        for (String lang : new String[] {"zh-CN", "en"}) {
            String page = body("/polls/" + week.poll + "?lang=" + lang, null);
            String announcement = page.substring(page.indexOf("id=\"announcement\""));
            assertThat(announcement).as(lang).contains("2026.11.20").doesNotContain("2026-11-20", "week of", "这一周");
            assertThat(body("/winners?lang=" + lang, null)).as(lang).contains("2026.11.20")
                    .doesNotContain("2026-11-20");
        }
    }

    @Test
    void aDisqualifiedProjectIsCalledDisqualifiedInChineseWherever() {
        AnnouncedWeek week = new AnnouncedWeek(server, "Quiet charging").disqualify();
        String lead = server.leadSession();
        assertThat(body("/lead/glance/count?lang=zh-CN", lead)).contains("投给已取消资格项目的选票不在这些条形中。")
                .doesNotContain("已退出评选");
        assertThat(body("/lead/glance/count?lang=en", lead))
                .contains("Ballots for a disqualified project are not in these bars.");

        week.close().approve();
        String chinese = body("/polls/" + week.poll + "?lang=zh-CN", null);
        assertThat(between(chinese, "id=\"ballots\"", "</p>")).contains("共 4 张选票，计入 3 张；投给已取消资格项目的 1 张不计入。");
        assertThat(chinese).contains("<h3>已取消资格</h3>", "已取消资格：" + AnnouncedWeek.REASON).doesNotContain("已退出评选");
        String english = body("/polls/" + week.poll + "?lang=en", null);
        assertThat(english).contains("<h3>Disqualified</h3>",
                "3 ballots counted of 4 cast; 1 set aside: its project was disqualified.");
        assertThat(body("/lead?lang=zh-CN", lead)).doesNotContain("已退出评选");
    }

    @Test
    void theLeadsHintNamesNoFileOfTheProgram() {
        AnnouncedWeek week = new AnnouncedWeek(server, "Quiet charging").close();
        String lead = server.leadSession();
        String english = body("/lead?lang=en", lead);
        String chinese = body("/lead?lang=zh-CN", lead);
        assertThat(english)
                .contains("Drafted from your team&#39;s announcement templates.",
                        "Keep the line --- between the languages")
                .doesNotContain("plugin-resources");
        assertThat(chinese).contains("根据团队的公告模板起草。", "请保留两种语言之间的 --- 这一行").doesNotContain("plugin-resources");
        assertThat(week.poll).isPositive();
    }
}
