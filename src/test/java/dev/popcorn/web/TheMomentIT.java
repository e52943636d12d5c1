package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan's moment (issue 28): a report saved on the page says, item by item, what it earned where it happened — the
 * report, its written comments, the badge tier it reached — and, when it moved the fan up a level, the new level and
 * what it adds. The ladder here puts Fan within one considered first report (20 points, 1 report, 1 release).
 */
class TheMomentIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;
    private static final java.time.Instant SATURDAY_OPEN = AwardLoopIT.SATURDAY_OPEN;
    private static final java.time.Instant THURSDAY_CLOSE = AwardLoopIT.THURSDAY_CLOSE;

    @TempDir
    Path data;

    TestServer server;
    long release;
    long poll;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false,
                Map.of("levels.fan.needs", "20 points, 1 reports, 1 releases"));
        ApiClient api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Camera\"}", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Battery\"}", 200);
        JsonObject opened = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "summaryZh": "夜景模式", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet shutter", "team": "camera"},
                  {"key": "POP-3", "summary": "Quiet charging", "team": "battery"}]}""", 201).getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        server.clock.advance(Duration.ofHours(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSavedReportSaysWhatItEarnedItemByItemAndTheLevelItReached() {
        String dee = server.session("dee", "Dee");
        HttpResponse<String> sent = server.page("POST", "/releases/" + release + "/report", dee,
                "&verdict.POP-1=LIKE&comment.POP-1="
                        + enc("Night shots of the harbour finally keep the lights sharp and clean")
                        + "&verdict.POP-2=NOT_GOOD_ENOUGH");
        assertThat(sent.statusCode()).isEqualTo(302);

        String en = server.page("GET", "/releases/" + release + "?saved=1&lang=en", dee, null).body();
        assertThat(en)
                .contains("id=\"earned-items\"", "<strong>+10</strong> report", "<strong>+5</strong> written comments",
                        "<strong>+10</strong> new badge: First report · Bronze")
                .contains("id=\"promoted\"", "You are now Fan!", "Up to 5 new wishes a day",
                        "href=\"/levels#level-fan\"");
        String zh = server.page("GET", "/releases/" + release + "?saved=1&lang=zh-CN", dee, null).body();
        assertThat(zh).contains("<strong>+10</strong> 报告", "<strong>+5</strong> 文字评论", "新徽章：铜牌·初次报告",
                "你升级为“米粉”了！", "每天最多提 5 个新心愿");

        // A bare verdict from another fan: the report and its badge, no line for comments it did not write.
        String eve = server.session("eve", "Eve");
        server.page("POST", "/releases/" + release + "/report", eve, "&verdict.POP-1=LIKE");
        String bare = server.page("GET", "/releases/" + release + "?saved=1&lang=en", eve, null).body();
        assertThat(bare).contains("<strong>+10</strong> report", "new badge: First report · Bronze")
                .doesNotContain("written comments</li>");
    }

    @Test
    void aPromotionAndABadgeAreToldOnceOnTheNextPageAndKeptOnTheFansPageAndInTheApi() {
        String dee = server.session("dee", "Dee");
        server.page("POST", "/releases/" + release + "/report", dee, "&verdict.POP-1=LIKE");
        // A fragment the report form's script fetches has no room for a banner: it leaves them for the next page.
        assertThat(
                server.page("GET", "/releases/" + release + "/wish-matches?lang=en&text=dark", dee, null).statusCode())
                .isEqualTo(200);
        String next = server.page("GET", "/?lang=en", dee, null).body();
        assertThat(next).contains("id=\"banners\"", "You are now Fan! It adds: Up to 5 new wishes a day.",
                "href=\"/levels#level-fan\"", "New badge: First report · Bronze", "href=\"/badges/first-report\"");
        assertThat(server.page("GET", "/?lang=en", dee, null).body()).as("told once").doesNotContain("id=\"banners\"");

        String me = server.page("GET", "/me?lang=zh-CN", dee, null).body();
        assertThat(me).contains("id=\"notices\"", "新动态", "你升级为“米粉”了！新增权限：每天最多提 5 个新心愿。", "新徽章：铜牌·初次报告");

        JsonArray notices = new ApiClient(server)
                .call("GET", "/api/v1/me/notices", "/api/v1/me/notices", server.pass("dee", "Dee"),
                        null, 200)
                .getAsJsonArray();
        assertThat(notices.asList()).extracting(n -> n.getAsJsonObject().get("kind").getAsString())
                .containsExactlyInAnyOrder("PROMOTED", "BADGE");
        assertThat(notices.asList()).anySatisfy(n -> {
            assertThat(n.getAsJsonObject().get("level").getAsString()).isEqualTo("fan");
            assertThat(n.getAsJsonObject().get("href").getAsString()).isEqualTo("/levels#level-fan");
        });
        assertThat(notices.asList()).anySatisfy(n -> assertThat(n.getAsJsonObject().get("text").getAsString())
                .isEqualTo("New badge: First report · Bronze"));
    }

    @Test
    void manyNoticesAtOnceShowTheNewestThreeAndPointToTheRest() {
        server.signedInOnce("gus", "Gus");
        for (String level : List.of("fan", "enthusiast", "pioneer", "honorary")) {
            server.lockLevel("gus", level);
        }
        String gus = server.session("gus", "Gus");
        server.page("POST", "/releases/" + release + "/report", gus, "&verdict.POP-1=LIKE");
        String page = server.page("GET", "/?lang=en", gus, null).body();
        String banner = page.substring(page.indexOf("id=\"banners\""),
                page.indexOf("</div>", page.indexOf("id=\"banners\"")));
        assertThat(banner).contains("New badge: First report · Bronze", "You are now Honorary!", "You are now Pioneer!",
                "2 more on your page", "href=\"/me#notices\"").doesNotContain("You are now Fan!");
        assertThat(server.page("GET", "/me?lang=en", gus, null).body()).contains("You are now Fan!",
                "You are now Enthusiast!");
    }

    @Test
    void theSavedPanelTellsTheMomentSoNoBannerRepeatsIt() {
        String dee = server.session("dee", "Dee");
        server.page("POST", "/releases/" + release + "/report", dee, "&verdict.POP-1=LIKE");
        String saved = server.page("GET", "/releases/" + release + "?saved=1&lang=en", dee, null).body();
        assertThat(saved).contains("id=\"promoted\"", "new badge: First report · Bronze")
                .doesNotContain("id=\"banners\"");
        assertThat(server.page("GET", "/?lang=en", dee, null).body()).doesNotContain("id=\"banners\"");
    }

    @Test
    void withoutANewLevelThePanelNamesNoPromotion() {
        // One real report is not enough for Fan on the default ladder: the same report, another server.
        server.close();
        server = TestServer.start(data.resolve("default"), TestServer.FRIDAY, false);
        ApiClient api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Camera\"}", 200);
        long other = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [{"key": "POP-1", "summary": "Night mode", "team": "camera"}]}""",
                201)
                .getAsJsonObject().getAsJsonObject("release").get("id").getAsLong();
        server.clock.advance(Duration.ofHours(2));
        String dee = server.session("dee", "Dee");
        server.page("POST", "/releases/" + other + "/report", dee, "&verdict.POP-1=LIKE");
        String en = server.page("GET", "/releases/" + other + "?saved=1&lang=en", dee, null).body();
        assertThat(en).contains("<strong>+10</strong> report", "new badge: First report · Bronze")
                .doesNotContain("id=\"promoted\"");
        // On their page the part they have met is marked met; the one they have not still has its bar alone.
        String me = server.page("GET", "/me?lang=en", dee, null).body();
        assertThat(me).contains("<li class=\"met\">", "✓ 20 of 20 points <span class=\"muted\">(met)</span>",
                "1 of 2 real reports</span>");
        assertThat(server.page("GET", "/me?lang=zh-CN", dee, null).body()).contains("（已达到）");
    }

    @Test
    void theVoteSaysWhatItEarnedAndTheWinnersVotersHearTheirPickWon() {
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        long camera = openPollCandidate();
        String dee = server.session("dee", "Dee");
        assertThat(server.page("POST", "/polls/" + poll + "/ballot", dee, "&candidate=" + camera).statusCode())
                .isEqualTo(302);
        assertThat(server.page("GET", "/polls/" + poll + "?voted=1&lang=en", dee, null).body())
                .contains("id=\"vote-points\"", "+5</strong> for voting");
        assertThat(server.page("GET", "/polls/" + poll + "?voted=1&lang=zh-CN", dee, null).body())
                .contains("+5</strong> 投票积分");

        server.clock.set(THURSDAY_CLOSE.plusSeconds(1));
        eventually(
                () -> new ApiClient(server).call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                        .getAsJsonObject().has("closedAt"));
        new ApiClient(server).call("POST", "/api/v1/polls/" + poll + "/approve", "/api/v1/polls/{id}/approve", LEAD,
                null, 200);
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", dee, null).body()).contains("id=\"pick-won\"",
                "Your pick won:");
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", server.session("eve", "Eve"), null).body())
                .as("a fan who did not vote").doesNotContain("pick-won");
    }

    @Test
    void aFanBelowTheVotingLevelIsToldWhichLevelItTakesBeforeVoting() {
        server.close();
        server = TestServer.start(data.resolve("vote-from-fan"), TestServer.FRIDAY, false,
                Map.of("levels.vote-from", "fan"));
        ApiClient api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Camera\"}", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Battery\"}", 200);
        poll = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [{"key": "POP-1", "summary": "Night mode", "team": "camera"},
                  {"key": "POP-3", "summary": "Quiet charging", "team": "battery"}]}""", 201)
                .getAsJsonObject().getAsJsonObject("poll").get("id").getAsLong();
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        openPollCandidate();
        String page = server.page("GET", "/polls/" + poll + "?lang=en", server.session("dee", "Dee"), null).body();
        assertThat(page).contains("id=\"vote-level\"", "Voting takes the level Fan; you are Newcomer now.",
                "href=\"/levels#level-fan\"").doesNotContain("action=\"/polls/" + poll + "/ballot\"");
        assertThat(server.page("GET", "/polls/" + poll + "?lang=zh-CN", server.session("dee", "Dee"), null).body())
                .contains("达到“米粉”才能投票，你现在是“新米粉”。");
        server.lockLevel("fay", "fan");
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", server.session("fay", "Fay"), null).body())
                .doesNotContain("vote-level").contains("action=\"/polls/" + poll + "/ballot\"");
    }

    @Test
    void afterItsPickIsDisqualifiedTheVotersButtonSaysVoteAgain() {
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        long camera = openPollCandidate();
        String dee = server.session("dee", "Dee");
        server.page("POST", "/polls/" + poll + "/ballot", dee, "&candidate=" + camera);
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", dee, null).body()).contains("Change my vote");
        new ApiClient(server).call("POST", "/api/v1/polls/" + poll + "/candidates/" + camera + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify", LEAD, "{\"reason\": \"Shipped a week late\"}",
                200);
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", dee, null).body()).contains(">Vote again</button>")
                .doesNotContain("Change my vote");
        assertThat(server.page("GET", "/polls/" + poll + "?lang=zh-CN", dee, null).body()).contains(">重新投票</button>");
        // The lead's form asks first, as closing and withdrawing do, and says what it does.
        String lead = server.page("GET", "/lead?lang=en", server.leadSession(), null).body();
        assertThat(lead).contains("It cannot be undone.", "id=\"disqualify-confirm-");
    }

    @Test
    void homeAndMeSayWhenTheNextBuildComesAndWhatIsAtStakeDated() {
        String dee = server.session("dee", "Dee");
        assertThat(server.page("GET", "/?lang=en", dee, null).body()).contains("id=\"way-back\"",
                "Report on 2026.11.20 by", "to start a streak", "Next build: Fri 27 Nov");
        assertThat(server.page("GET", "/me?lang=zh-CN", dee, null).body()).contains("id=\"way-back\"", "提交报告，开始你的连续参与",
                "下一个版本：");
        server.page("POST", "/releases/" + release + "/report", dee, "&verdict.POP-1=LIKE");
        assertThat(server.page("GET", "/?lang=en", dee, null).body()).contains("Next build: Fri 27 Nov",
                "Report on it to make your streak 2.").doesNotContain("Report on 2026.11.20");

        // A week later the next build is out: the streak of one ends unless Dee reports on it, said before it closes.
        server.clock.set(java.time.Instant.parse("2026-11-27T12:00:00Z"));
        new ApiClient(server).call("POST", "/api/v1/releases", "/api/v1/releases", LEAD,
                """
                        {"version": "2026.11.27", "features": [{"key": "POP-9", "summary": "Lock screen", "team": "camera"}]}""",
                201);
        String atRisk = server.page("GET", "/?lang=en", dee, null).body();
        assertThat(atRisk).contains("class=\"card way-back at-risk\"",
                "Your streak of one release ends unless you report on 2026.11.27 by");
        assertThat(server.page("GET", "/?lang=zh-CN", dee, null).body()).contains("你已连续参与 1 个版本：在",
                "为 2026.11.27 提交报告，才能保住连续记录。");
        assertThat(server.page("GET", "/?lang=en", null, null).body()).as("a visitor has no streak")
                .doesNotContain("way-back");
    }

    /** Waits until the poll is open and answers its camera candidate. */
    private long openPollCandidate() {
        ApiClient api = new ApiClient(server);
        eventually(
                () -> api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200).getAsJsonObject()
                        .get("state").getAsString().equals("OPEN"));
        return api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsLong();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        dev.popcorn.Eventually.holds("the poll opened by its schedule", Duration.ofSeconds(20), condition);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
