package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead's participation tools over real HTTP: the week's funnel counts what fans did, a report
 * and one comment are marked helpful (once each), a grant is revoked and a level locked and
 * unlocked, from the API and from the dashboard's forms; every decision is in the audit log.
 */
class LeadParticipationIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    long release;
    long poll;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "battery"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD, "{\"name\":\"" + team + " team\"}",
                    200);
        }
        JsonObject opened = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet charging", "team": "battery"}]}""", 201).getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        api.call("POST", "/api/v1/polls/" + poll + "/open", "/api/v1/polls/{id}/open", LEAD, null, 200);
        server.clock.advance(Duration.ofHours(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void report(String pass, String json) {
        api.call("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", pass, json, 200);
    }

    private long points(String pass) {
        return api.call("GET", "/api/v1/me", "/api/v1/me", pass, null, 200).getAsJsonObject().get("points").getAsLong();
    }

    private HttpResponse<String> page(String method, String path, String session, String form) {
        return server.page(method, path, session, form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String between(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">(.*?)</li>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the page has #" + id).isTrue();
        return m.group(1);
    }

    @Test
    void theFunnelCountsFirstVisitsRealReportsAndBallotsAndTheDashboardDrawsIt() {
        String amy = server.pass("amy", "Amy");
        String bo = server.pass("bo", "Bo");
        // Three fans open the release's page (Amy twice: counted once); a visitor without a session is not counted.
        for (String fan : new String[] {"amy", "bo", "cy", "amy"}) {
            assertThat(page("GET", "/releases/" + release, server.session(fan, fan), null).statusCode()).isEqualTo(200);
        }
        assertThat(page("GET", "/releases/" + release, null, null).statusCode()).isEqualTo(200);
        report(amy,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\", \"comment\": \"<b>bright</b> at night\"}]}");
        report(bo, "{\"verdicts\": [{\"feature\": \"POP-2\", \"verdict\": \"NOT_GOOD_ENOUGH\"}]}");
        JsonObject open = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", amy, null, 200)
                .getAsJsonObject();
        long candidate = open.getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsLong();
        api.call("PUT", "/api/v1/polls/" + poll + "/ballot", "/api/v1/polls/{id}/ballot", amy,
                "{\"candidate\": " + candidate + "}", 200);

        String lead = server.leadSession();
        String html = page("GET", "/lead?lang=en", lead, null).body();
        assertThat(between(html, "funnel-opened")).contains("Opened the release&#39;s page", "<strong>3</strong>");
        assertThat(between(html, "funnel-reported")).contains("<strong>2</strong>", "67 % of those who opened it");
        assertThat(between(html, "funnel-voted")).contains("<strong>1</strong>", "33 % of those who opened it",
                "width=\"33\"");
        assertThat(html).contains("id=\"level-bars\"", "Newcomer", "id=\"recent-grants\"", "id=\"lock-level\"");
        // The lead reads why points were granted in the third person: the fan's "you" is the fan's.
        int grants = html.indexOf("id=\"recent-grants\"");
        assertThat(html.substring(grants, html.indexOf("</section>", grants))).contains("A report on a release")
                .doesNotContain("You earned", "your report");
        // Every user text is escaped: the comment shows as text.
        assertThat(html).contains("&lt;b&gt;bright&lt;/b&gt; at night").doesNotContain("<b>bright</b>");

        // Revoking Bo's report grant takes it out of the funnel: only reports that earned points count.
        long grant = java.util.stream.StreamSupport.stream(api.call("GET", "/api/v1/me/participation",
                "/api/v1/me/participation", bo, null, 200).getAsJsonObject().getAsJsonArray("grants").spliterator(),
                false)
                .map(g -> g.getAsJsonObject()).filter(g -> g.get("kind").getAsString().equals("REPORT_HANDED_IN"))
                .findFirst().orElseThrow().get("id").getAsLong();
        long before = points(bo);
        assertThat(page("POST", "/lead/participation/grants/" + grant + "/revoke", lead,
                "&reason=" + enc("a copy of Amy's"))
                .headers().firstValue("Location"))
                .hasValue("/lead?done=grantRevoked&at=desk-participation#desk-participation");
        assertThat(points(bo)).as("the report's 10, and the first-report badge it earned").isEqualTo(before - 20);
        String zh = page("GET", "/lead?lang=zh-CN", lead, null).body();
        assertThat(between(zh, "funnel-reported")).contains("<strong>1</strong>", "占打开者的 33%");
        assertThat(zh).contains("已由", "a copy of Amy&#39;s");
    }

    @Test
    void aLeadMarksAReportAndOneCommentHelpfulOnceEachByApiAndByTheDashboard() {
        String amy = server.pass("amy", "Amy");
        report(amy, """
                {"verdicts": [{"feature": "POP-1", "verdict": "LIKE", "comment": "Finally usable at night"},
                              {"feature": "POP-2", "verdict": "NOT_GOOD_ENOUGH"}]}""");
        long before = points(amy);
        String comment = "/api/v1/releases/{id}/reports/{user}/comments/{ticket}/helpful";
        String pop1 = "/api/v1/releases/" + release + "/reports/amy/comments/POP-1/helpful";
        assertThat(api.call("POST", pop1, comment, LEAD, null, 200).getAsJsonObject().get("marked").getAsBoolean())
                .isTrue();
        assertThat(api.call("POST", pop1, comment, LEAD, null, 200).getAsJsonObject().get("marked").getAsBoolean())
                .isFalse();
        api.call("POST", "/api/v1/releases/" + release + "/reports/amy/comments/POP-2/helpful", comment, LEAD, null,
                404);
        api.call("POST", "/api/v1/releases/" + release + "/reports/nobody/comments/POP-1/helpful", comment, LEAD, null,
                404);
        api.call("POST", pop1, comment, amy, null, 403);
        assertThat(points(amy)).as("a helpful comment earns the helpful points once, and the first helpful badge")
                .isEqualTo(before + 15 + 10);

        String lead = server.leadSession();
        String html = page("GET", "/lead?lang=en", lead, null).body();
        assertThat(html).contains("comment marked helpful")
                .contains("/lead/releases/" + release + "/reports/amy/helpful");
        HttpResponse<String> marked = page("POST", "/lead/releases/" + release + "/reports/amy/helpful", lead, "");
        assertThat(marked.headers().firstValue("Location"))
                .hasValue("/lead?done=helpfulMarked&at=desk-participation#desk-participation");
        assertThat(page("POST", "/lead/releases/" + release + "/reports/amy/helpful", lead, "").headers()
                .firstValue("Location")).hasValue("/lead?done=helpfulAlready&at=desk-participation#desk-participation");
        assertThat(points(amy)).as("the report and its comment are two marks").isEqualTo(before + 15 + 10 + 15);
        String after = page("GET", "/lead?lang=en&done=helpfulMarked", lead, null).body();
        assertThat(after).contains("Marked helpful: its author earns the helpful points.", "marked helpful")
                .doesNotContain("/lead/releases/" + release + "/reports/amy/helpful\"");
        assertThat(page("POST", "/lead/releases/" + release + "/reports/amy/helpful", null, "").statusCode())
                .as("no lead, no mark").isEqualTo(401);

        String audit = server.send("GET", "/api/v1/audit", LEAD, null).body();
        assertThat(audit).contains("comment.helpful", "report:" + release + "/amy/POP-1", "report.helpful");
    }

    @Test
    void aLeadLocksAndUnlocksALevelByApiAndByTheDashboardAndEachDecisionIsAudited() {
        String level = "/api/v1/users/{id}/level";
        String unlock = "/api/v1/users/{id}/level/unlock";
        // A typo names nobody: refused, nothing locked.
        api.call("POST", "/api/v1/users/amyy/level", level, LEAD, "{\"level\": \"pioneer\", \"reason\": \"typo\"}",
                404);
        server.signedInOnce("amy", "Amy");
        server.signedInOnce("bo", "Bo");
        JsonObject locked = api.call("POST", "/api/v1/users/amy/level", level, LEAD,
                "{\"level\": \"pioneer\", \"reason\": \"Runs the beta group on the forum\"}", 200).getAsJsonObject();
        assertThat(locked.get("level").getAsString()).isEqualTo("pioneer");
        assertThat(locked.get("nameZh").getAsString()).isEqualTo("内测先锋");
        assertThat(locked.get("locked").getAsBoolean()).isTrue();
        api.call("POST", "/api/v1/users/amy/level", level, LEAD, "{\"level\": \"emperor\", \"reason\": \"no\"}", 422);
        api.call("POST", "/api/v1/users/amy/level", level, server.pass("amy", "Amy"),
                "{\"level\": \"honorary\", \"reason\": \"me\"}", 403);
        assertThat(server.send("POST", "/api/v1/users/amy/level", LEAD, "{\"level\": \"fan\"}").statusCode())
                .isEqualTo(422);
        JsonObject unlocked = api.call("POST", "/api/v1/users/amy/level/unlock", unlock, LEAD,
                "{\"reason\": \"The beta is over\"}", 200).getAsJsonObject();
        assertThat(unlocked.get("locked").getAsBoolean()).isFalse();
        assertThat(unlocked.get("level").getAsString()).as("unlocked, the level follows activity at once: a lock is no"
                + " promotion, and starts no grace").isEqualTo("newcomer");
        api.call("POST", "/api/v1/users/amy/level/unlock", unlock, LEAD, "{\"reason\": \"again\"}", 409);

        String lead = server.leadSession();
        String html = page("GET", "/lead?lang=zh-CN", lead, null).body();
        assertThat(html).contains("<option value=\"honorary\">荣誉元老</option>");
        assertThat(page("POST", "/lead/participation/level", lead, "&user=bo&level=honorary&reason=" + enc("十年老粉"))
                .headers().firstValue("Location"))
                .hasValue("/lead?done=levelLocked&at=desk-participation#desk-participation");
        assertThat(page("GET", "/lead?lang=en", lead, null).body())
                .containsPattern("Honorary\\s*<svg[^>]*aria-label=\"Honorary: one user\"");
        assertThat(page("POST", "/lead/participation/level", lead, "&user=bo&level=honorary&reason=").statusCode())
                .as("a lock needs a written reason").isEqualTo(422);
        assertThat(page("POST", "/lead/participation/level/unlock", lead, "&user=bo&reason=" + enc("by mistake"))
                .headers().firstValue("Location"))
                .hasValue("/lead?done=levelUnlocked&at=desk-participation#desk-participation");

        String audit = server.send("GET", "/api/v1/audit", LEAD, null).body();
        assertThat(audit).contains("level.lock", "Runs the beta group on the forum", "level.unlock", "The beta is over",
                "十年老粉", "by mistake");
    }
}
