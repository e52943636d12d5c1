package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan's report form over real HTTP, as a browser without JavaScript and the page's script use it:
 * the wishes a new wish resembles, asked while typing; a report whose matches were seen goes through in
 * one step, one whose were not is shown them first (nothing saved yet); after saving, the points it earned.
 */
class ReportFlowIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;
    private static final String DARK = "Dark theme for the whole phone";

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    long release;
    long darkWish;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Camera\"}", 200);
        JsonObject opened = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "summaryZh": "夜景模式", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet shutter", "team": "camera"}]}""", 201).getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        server.clock.advance(Duration.ofHours(2));
        // Another fan wished for it first.
        api.call("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("amy", "Amy"),
                "{\"newWishes\": [\"A dark theme for the whole system\"]}", 200);
        darkWish = api.call("GET", "/api/v1/wishes/similar?text=" + enc("dark theme"), "/api/v1/wishes/similar",
                server.pass("amy", "Amy"), null, 200).getAsJsonArray().get(0).getAsJsonObject().get("wishId")
                .getAsLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theMatchesAreAskedWhileTypingAndTheReportThenGoesThroughInOneStep() {
        String bo = server.session("bo", "Bo");
        HttpResponse<String> live = page("GET",
                "/releases/" + release + "/wish-matches?lang=en&text=" + enc(DARK + "\n\n" + DARK + "\nLonger battery"),
                bo, null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body())
                .contains("id=\"wish-matches\"", "Is it one of these?", "A dark theme for the whole system",
                        "value=\"" + darkWish + "\"", "1 supporter)")
                .as("the wishes as the report will read them: repeats and blank lines dropped")
                .contains("name=\"matchesSeen\" value=\"" + DARK + "\nLonger battery\"")
                .doesNotContain("<html");
        assertThat(
                page("GET", "/releases/" + release + "/wish-matches?text=" + enc("Something else entirely"), bo, null)
                        .body())
                .doesNotContain("wish-matches").contains("matchesSeen");
        assertThat(page("GET", "/releases/" + release + "/wish-matches?text=dark", null, null).statusCode())
                .as("asked by someone not signed in").isEqualTo(401);
        HttpResponse<String> tooLong = page("GET",
                "/releases/" + release + "/wish-matches?lang=en&text=" + "a".repeat(1501), bo, null);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("New wishes may take at most 1,500 characters.");
        assertThat(page("GET", "/releases/999/wish-matches?text=dark", bo, null).statusCode()).isEqualTo(404);

        // The browser sends the text area's line breaks as CRLF: the same wishes all the same.
        HttpResponse<String> sent = page("POST", "/releases/" + release + "/report", bo,
                "&verdict.POP-1=LIKE&comment.POP-1=" + enc("bright") + "&newWishes=" + enc(DARK + "\r\nLonger battery")
                        + "&matchesSeen=" + enc(DARK + "\r\nLonger battery"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValue("/releases/" + release + "?saved=1#saved");

        // The points as the ledger has them: the report's own, and the week's (a first report's badge among them).
        long week = api
                .call("GET", "/api/v1/me/participation", "/api/v1/me/participation", server.pass("bo", "Bo"), null, 200)
                .getAsJsonObject().get("week").getAsLong();
        assertThat(week).isGreaterThanOrEqualTo(10);
        String saved = page("GET", "/releases/" + release + "?saved=1&lang=en", bo, null).body();
        assertThat(saved).contains("id=\"earned\"",
                "This report earned you 10 points; " + week + " points this week so far",
                "href=\"/fans/bo/share\"", "1 of 2 features rated");
        assertThat(page("GET", "/releases/" + release + "?saved=1&lang=zh-CN", bo, null).body())
                .contains("这份报告为你赢得 10 积分；本周目前共 " + week + " 积分", "已评价 1 / 2 项功能");
    }

    @Test
    void withoutScriptTheMatchesAreShownFirstAndNothingIsSavedUntilTheFanHasSeenThem() {
        String cy = server.session("cy", "Cy");
        HttpResponse<String> first = page("POST", "/releases/" + release + "/report?lang=en", cy,
                "&verdict.POP-2=NOT_GOOD_ENOUGH&newWishes=" + enc(DARK));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Your report is not sent yet", "A dark theme for the whole system",
                "name=\"matchesSeen\" value=\"" + DARK + "\"");
        // Without script the notice's "check them below" is a link to the matches, which are on the page.
        assertThat(first.body()).contains(
                "<a href=\"#wish-matches\" id=\"matches-link\">Check them below, then send.</a>",
                "<fieldset class=\"matches\" id=\"wish-matches\">");
        assertThat(page("POST", "/releases/" + release + "/report?lang=zh-CN", cy,
                "&verdict.POP-2=NOT_GOOD_ENOUGH&newWishes="
                        + enc(DARK))
                .body()).contains("报告还没有提交：你的心愿和已有的几个很像。 <a href=\"#wish-matches\" id=\"matches-link\">"
                        + "请先在下方看看，再提交。</a>", "id=\"wish-matches\"");
        api.call("GET", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("cy", "Cy"),
                null, 404);
        // Matches seen for another text do not count for this one.
        assertThat(page("POST", "/releases/" + release + "/report", cy, "&verdict.POP-2=NOT_GOOD_ENOUGH&newWishes="
                + enc(DARK) + "&matchesSeen=" + enc("Dark theme")).statusCode()).isEqualTo(200);

        // The fan ticks the wish that is theirs and clears their text: saved.
        HttpResponse<String> second = page("POST", "/releases/" + release + "/report", cy,
                "&verdict.POP-2=NOT_GOOD_ENOUGH&wish=" + darkWish + "&newWishes=&matchesSeen=" + enc(DARK));
        assertThat(second.statusCode()).isEqualTo(302);
        JsonObject mine = api.call("GET", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("cy", "Cy"), null, 200).getAsJsonObject();
        assertThat(mine.getAsJsonArray("wishes").get(0).getAsLong()).isEqualTo(darkWish);
        // Ticked on the page, then the text cleared: the ticked wish is still offered, ticked.
        assertThat(page("GET", "/releases/" + release + "/wish-matches?text=&wish=" + darkWish, cy, null).body())
                .contains("A dark theme for the whole system").containsPattern("value=\"" + darkWish + "\"\\s+checked")
                .doesNotContain("matchesSeen");
        // Asked again while typing, the wish the fan backs comes ticked.
        assertThat(page("GET", "/releases/" + release + "/wish-matches?text=" + enc(DARK), cy, null).body())
                .containsPattern("value=\"" + darkWish + "\"\\s+checked");
    }

    @Test
    void aWishOverTheDaysLimitIsLeftOutAndTheRestOfTheReportIsSaved() {
        // A newcomer may file 3 new wishes a day: the fourth and fifth are not filed, the verdicts are kept.
        String wishes = "Longer battery life\nA louder speaker\nSmaller icons\nA weather widget\nFaster charging";
        HttpResponse<String> sent = page("POST", "/releases/" + release + "/report?lang=en",
                server.session("dee", "Dee"),
                "&verdict.POP-1=LIKE&verdict.POP-2=NOT_GOOD_ENOUGH&newWishes=" + enc(wishes) + "&matchesSeen="
                        + enc(wishes));
        assertThat(sent.statusCode()).as("saved, not refused").isEqualTo(200);
        assertThat(sent.body()).contains("id=\"not-filed\"", "Your verdicts and +1s are saved",
                "At the level Newcomer you may file 3 wishes a day; none is left today.")
                .contains("A weather widget\nFaster charging</textarea>");
        JsonObject mine = api.call("GET", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("dee", "Dee"), null, 200).getAsJsonObject();
        assertThat(mine.getAsJsonArray("verdicts")).hasSize(2);
        assertThat(mine.getAsJsonArray("wishes")).as("the three that fit").hasSize(3);
        // Over the API: the same, said in the answer.
        JsonObject api2 = api.call("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("dee", "Dee"), "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}],"
                        + " \"newWishes\": [\"Longer battery life\", \"A weather widget\"]}",
                200).getAsJsonObject();
        assertThat(api2.getAsJsonArray("wishesNotFiled").toString()).isEqualTo("[\"A weather widget\"]");
        assertThat(api2.get("notice").getAsString()).contains("3 wishes a day");
    }

    @Test
    void theApiHoldsANewWishLikeAnOpenOneUntilTheCallerHasSeenWhatItResembles() {
        String report = "/api/v1/releases/" + release + "/report";
        String cy = server.pass("cy", "Cy");
        String body = "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}], \"newWishes\": [\"" + DARK
                + "\"]";

        JsonObject refused = api.call("PUT", report + "?lang=en", "/api/v1/releases/{id}/report", cy, body + "}", 409)
                .getAsJsonObject();
        assertThat(refused.get("type").getAsString()).isEqualTo("urn:popcorn:problem:report.wishes.similar");
        assertThat(refused.get("detail").getAsString())
                .isEqualTo("Your new wish resembles a wish or ticket already there:"
                        + " +1 one of them instead, or send your report again confirming that yours is new.");
        assertThat(refused.getAsJsonArray("similar")).singleElement().satisfies(m -> {
            assertThat(m.getAsJsonObject().get("kind").getAsString()).isEqualTo("wish");
            assertThat(m.getAsJsonObject().get("wishId").getAsLong()).isEqualTo(darkWish);
        });
        assertThat(api.call("PUT", report + "?lang=zh-CN", "/api/v1/releases/{id}/report", cy, body + "}", 409)
                .getAsJsonObject().get("detail").getAsString()).startsWith("你的新心愿与已有的 1 个心愿或工单相似");
        api.call("GET", report, "/api/v1/releases/{id}/report", cy, null, 404);

        JsonObject filed = api
                .call("PUT", report, "/api/v1/releases/{id}/report", cy, body + ", \"similarSeen\": true}", 200)
                .getAsJsonObject();
        assertThat(filed.getAsJsonArray("wishes")).hasSize(1);
        assertThat(filed.getAsJsonArray("wishes").get(0).getAsLong()).as("a wish of its own").isNotEqualTo(darkWish);
        assertThat(api.call("PUT", report, "/api/v1/releases/{id}/report", cy, body + "}", 200).getAsJsonObject()
                .getAsJsonArray("wishes")).as("sent again as it was: filed already, nothing to ask")
                .isEqualTo(filed.getAsJsonArray("wishes"));
    }

    @Test
    void aWishPageTakesAPlusOneAndAFollowAndOffersASignInToVisitors() {
        String wishPage = "/wishes/" + darkWish + "?lang=en";
        String visitor = page("GET", wishPage, null, null).body();
        assertThat(visitor).contains("Sign in to add your +1 or to follow this wish.", "1 user wants this")
                .doesNotContain("id=\"wish-back\"", "id=\"wish-follow\"");
        assertThat(page("POST", "/wishes/" + darkWish + "/follow", null, "").statusCode())
                .as("a visitor follows nothing")
                .isEqualTo(401);

        String bo = server.session("bo", "Bo");
        assertThat(page("GET", wishPage, bo, null).body()).contains("id=\"wish-back\"", "id=\"wish-follow\"",
                "Your +1 joins your report on release 2026.11.20.");
        HttpResponse<String> followed = page("POST", "/wishes/" + darkWish + "/follow", bo, "");
        assertThat(followed.headers().firstValue("Location")).hasValue("/wishes/" + darkWish + "?done=followed");
        assertThat(page("GET", wishPage + "&done=followed", bo, null).body())
                .contains("You follow this wish now.", "id=\"wish-following\"", "id=\"wish-unfollow\"",
                        "1 user wants this");

        HttpResponse<String> backed = page("POST", "/wishes/" + darkWish + "/back", bo, "");
        assertThat(backed.headers().firstValue("Location")).hasValue("/wishes/" + darkWish + "?done=backed");
        assertThat(page("POST", "/wishes/" + darkWish + "/back", bo, "").statusCode()).as("a second +1 is the same +1")
                .isEqualTo(302);
        assertThat(page("GET", wishPage, bo, null).body()).contains("id=\"wish-backed\"", "2 users want this")
                .doesNotContain("id=\"wish-back\"");
        JsonObject report = api.call("GET", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report",
                server.pass("bo", "Bo"), null, 200).getAsJsonObject();
        assertThat(report.getAsJsonArray("wishes")).hasSize(1);
        assertThat(report.getAsJsonArray("wishes").get(0).getAsLong()).isEqualTo(darkWish);

        // Unfollowing keeps the +1; a backer is told when it ships anyway, so no follow button is offered.
        page("POST", "/wishes/" + darkWish + "/unfollow", bo, "");
        assertThat(page("GET", wishPage, bo, null).body()).contains("id=\"wish-backed\"", "2 users want this")
                .doesNotContain("id=\"wish-following\"", "id=\"wish-follow\"");

        // Once reports close, a +1 waits for the next build; following still works.
        server.clock.advance(Duration.ofDays(6));
        String cy = server.session("cy", "Cy");
        assertThat(page("GET", "/wishes/" + darkWish + "?lang=zh-CN", cy, null).body())
                .contains("id=\"wish-back-closed\"")
                .doesNotContain("id=\"wish-back\"");
        HttpResponse<String> late = page("POST", "/wishes/" + darkWish + "/back?lang=en", cy, "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(page("GET", wishPage, cy, null).body()).contains("2 users want this");
        assertThat(page("POST", "/wishes/" + darkWish + "/follow", cy, "").statusCode()).isEqualTo(302);
        assertThat(page("POST", "/wishes/999999/follow?lang=en", cy, "").statusCode()).isEqualTo(404);
    }

    @Test
    void featuresAndCandidatesReadInTheReadersLanguageWhereTheyHaveAChineseTitle() {
        String bo = server.session("bo", "Bo");
        assertThat(page("GET", "/releases/" + release + "?lang=zh-CN", bo, null).body())
                .contains("夜景模式", "Quiet shutter")
                .as("the English summary is for English readers").doesNotContain("Night mode");
        assertThat(page("GET", "/releases/" + release + "?lang=en", bo, null).body())
                .contains("Night mode", "Quiet shutter")
                .doesNotContain("夜景模式");
        JsonObject shipped = api.call("GET", "/api/v1/releases/" + release, "/api/v1/releases/{id}", null, null, 200)
                .getAsJsonObject();
        assertThat(shipped.getAsJsonArray("features").get(0).getAsJsonObject().get("summaryZh").getAsString())
                .isEqualTo("夜景模式");
        assertThat(shipped.getAsJsonArray("features").get(1).getAsJsonObject().get("summaryZh").getAsString())
                .isEmpty();

        // The proposed candidate takes the Chinese title of its team's first feature; a lead corrects it through the API.
        long poll = shipped.get("pollId").getAsLong();
        JsonObject candidate = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", null, null, 200)
                .getAsJsonObject()
                .getAsJsonArray("candidates").get(0).getAsJsonObject();
        assertThat(candidate.get("titleZh").getAsString()).isEqualTo("夜景模式");
        long id = candidate.get("id").getAsLong();
        String edit = "/api/v1/polls/" + poll + "/candidates/" + id;
        api.call("PUT", edit, "/api/v1/polls/{id}/candidates/{candidate}", LEAD,
                "{\"title\": \"Night camera\", \"titleZh\": \"夜拍相机\", \"tickets\": [\"POP-1\"],"
                        + " \"pitch\": \"Bright photos after dark\", \"pitchZh\": \"天黑后也能拍亮\"}",
                200);
        api.call("PUT", edit, "/api/v1/polls/{id}/candidates/{candidate}", LEAD,
                "{\"title\": \"Night camera\", \"titleZh\": \"" + "夜".repeat(121) + "\"}", 422);
        assertThat(page("GET", "/polls/" + poll + "?lang=zh-CN", null, null).body()).contains("夜拍相机", "天黑后也能拍亮")
                .doesNotContain("Night camera", "Bright photos after dark");
        assertThat(page("GET", "/polls/" + poll + "?lang=en", null, null).body())
                .contains("Night camera", "Bright photos after dark")
                .doesNotContain("夜拍相机", "天黑后也能拍亮");
    }

    private HttpResponse<String> page(String method, String path, String session, String form) {
        return server.page(method, path, session, form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
