package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.Right;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder and the badges in public (issue 28): {@code /levels} lists every level with what it takes and what it adds,
 * {@code /badges} every badge with its tiers and how many hold each, {@code /badges/{badge}} the fans who show on public
 * pages, latest first, each linked to their page. Every badge is granted before any page is read: the pages count at most
 * once a minute.
 */
class LadderPagesIT {

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        server.signedInOnce("ann", "<b>Ann</b>");
        server.signedInOnce("bo", "Bo");
        server.signedInOnce("cy", "Cy");
        server.signedInOnce("dan", "Dan");
        server.grantBadge("ann", "first-report.bronze", TestServer.FRIDAY.minus(Duration.ofDays(3)));
        server.grantBadge("bo", "first-report.bronze", TestServer.FRIDAY.minus(Duration.ofDays(2)));
        server.grantBadge("cy", "first-report.bronze", TestServer.FRIDAY.minus(Duration.ofDays(1)));
        server.grantBadge("bo", "reports.bronze", TestServer.FRIDAY.minus(Duration.ofDays(1)));
        server.grantBadge("cy", "helpful.bronze", TestServer.FRIDAY.minus(Duration.ofDays(1)));
        server.hideProfile("cy");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLevelsPageListsEveryLevelWithWhatItTakesAndAddsInBothLanguages() {
        List<Level> ladder = server.ladder().levels();
        String en = ok("/levels?lang=en", null);
        String zh = ok("/levels?lang=zh-CN", null);
        for (Level level : ladder) {
            assertThat(en).contains("id=\"level-" + level.id() + "\"").contains(level.nameEn());
            assertThat(zh).contains(level.nameZh());
        }
        assertThat(en).contains("Where everyone starts.").contains("4 fans here").doesNotContain("ladder.");
        assertThat(zh).contains("人人都从这一级开始。").contains("这一级有 4 位粉丝").doesNotContain("ladder.");
        for (Right right : Right.values()) {
            assertThat(en).as("every right is added by some level")
                    .contains(dev.popcorn.web.common.Messages.text(java.util.Locale.ENGLISH, "right." + right.name()));
        }
        // Signed in, the reader's own level is marked.
        String mine = ok("/levels?lang=en", server.session("bo", "Bo"));
        assertThat(mine).contains("id=\"level-" + ladder.get(0).id() + "\" aria-current=\"true\"").contains("(you)");
        assertThat(en).doesNotContain("aria-current=\"true\"");
    }

    @Test
    void theBadgesPageListsEveryTierWithWhatEarnsItAndHowManyHoldIt() {
        String en = ok("/badges?lang=en", null);
        assertThat(en).contains("First report").contains("Reporter · Bronze").contains("10 real reports")
                .contains("Reporter · Gold").contains("200 real reports").contains("href=\"/badges/first-report\"")
                .contains("3 fans hold it").contains("one fan holds it").contains("nobody holds it yet")
                .doesNotContain("ladder.");
        String zh = ok("/badges?lang=zh-CN", null);
        assertThat(zh).contains("铜牌·报告达人").contains("10 份有效报告").contains("3 人已获得").contains("还没有人获得");
        assertThat(ok("/badges?lang=en", server.session("bo", "Bo"))).contains("✓ yours");
    }

    @Test
    void aBadgesPageListsItsPublicHoldersLatestFirstEachLinkedAndEscaped() {
        String page = ok("/badges/first-report?lang=en", null);
        assertThat(page).contains("href=\"/fans/bo\"").contains("href=\"/fans/ann\"").contains("&lt;b&gt;Ann&lt;/b&gt;")
                .doesNotContain("<b>Ann</b>").doesNotContain("/fans/cy").contains("3 fans hold it");
        assertThat(page.indexOf("/fans/bo")).as("the latest first").isLessThan(page.indexOf("/fans/ann"));
        assertThat(ok("/badges/bug-hunter?lang=zh-CN", null)).contains("捉虫能手").contains("还没有人获得")
                .doesNotContain("还没有公开主页的粉丝");
        assertThat(ok("/badges/helpful?lang=en", null)).as("held only by a fan who stays off public pages")
                .contains("one fan holds it").contains("No fan who shows on public pages holds it yet.")
                .doesNotContain("/fans/cy");
    }

    @Test
    void aFansPublicPageSpeaksAboutTheFanAndKeepsTheLaddersAdviceForTheOwner() {
        String visitor = ok("/fans/bo?lang=en", null);
        assertThat(visitor).doesNotContain("To become").doesNotContain("It unlocks:")
                .doesNotContain("your first real report")
                .contains("href=\"/badges/first-report\"").contains("href=\"/levels#level-");
        String owner = ok("/fans/bo?lang=en", server.session("bo", "Bo"));
        assertThat(owner).contains("To become").contains("It unlocks:");
        assertThat(ok("/fans/dan?lang=en", null)).contains("Dan has no badges yet.", "No reports yet")
                .as("no zero bragged").doesNotContain("wishes shipped").doesNotContain("0 reports");
        assertThat(ok("/fans/dan?lang=zh-CN", null)).contains("Dan 还没有徽章。", "还没有报告").doesNotContain("0 个心愿");
    }

    @Test
    void aVisitorWhoNeverSignedInIsToldOnceHowToGetIn() {
        HttpResponse<String> me = server.page("GET", "/me?lang=en", null, null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("Sign in to open this page.").doesNotContain("again")
                .doesNotContain("problem-detail");
        assertThat(server.page("GET", "/me?lang=zh-CN", null, null).body()).contains("登录后才能打开这个页面。");
        // The lead's pages say who they are for and how a lead gets in, to a visitor and to a fan.
        HttpResponse<String> lead = server.page("GET", "/lead?lang=en", null, null);
        assertThat(lead.statusCode()).as("a visitor is sent to the lead's sign-in").isEqualTo(302);
        assertThat(lead.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/lead/signin"));
        HttpResponse<String> fan = server.page("POST", "/lead/polls/1/close?lang=zh-CN", server.session("bo", "Bo"),
                "");
        assertThat(fan.statusCode()).isEqualTo(403);
        assertThat(fan.body()).contains("这些页面供团队负责人使用", "负责人登录");
    }

    @Test
    void anIdIsWrittenWithoutAThousandsSeparator() {
        HttpResponse<String> poll = server.send("GET", "/api/v1/polls/12345", null, null);
        assertThat(poll.statusCode()).isEqualTo(404);
        assertThat(poll.body()).contains("There is no poll 12345.").doesNotContain("12,345");
        assertThat(server.page("GET", "/wishes/12345?lang=zh-CN", null, null).body()).contains("没有编号为 12345 的心愿。");
    }

    @Test
    void anUnknownBadgeIsAFriendlyNotFoundThatEscapesWhatWasAsked() {
        HttpResponse<String> unknown = server.page("GET", "/badges/%3Cscript%3Ex?lang=en", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unknown.body()).contains("There is no badge").contains("&lt;script&gt;x")
                .doesNotContain("<script>x");
    }

    private static String ok(String path, String session) {
        HttpResponse<String> answer = server.page("GET", path, session, null);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }
}
