package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fans nominate award candidates over real HTTP (ADR 0018): the right is enforced by level with the
 * reason in the caller's language, a lead accepts (a candidate) or declines (a reason the fan reads)
 * on the API and on the dashboard's forms, and nominating ends when the poll opens. Every call is
 * checked against the served openapi.json.
 */
class NominationsIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final String CSRF = "0123456789abcdef0123456789abcdef";
    /** Saturday 21 November 2026, 10:00 in Shanghai: the poll's opening time. */
    static final Instant SATURDAY_OPEN = Instant.parse("2026-11-21T02:00:00Z");
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    long poll;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, """
                {"name": "相机团队 Camera", "members": [{"name": "王磊", "photoUrl": "", "userId": "wang.lei"}]}""", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, """
                {"name": "电池 Battery", "members": [{"name": "陈晓雨", "photoUrl": "", "userId": "chen.xy"}]}""", 200);
        poll = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""", 201)
                .getAsJsonObject().getAsJsonObject("poll").get("id").getAsLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String nominations() {
        return "/api/v1/polls/" + poll + "/nominations";
    }

    private JsonObject nominate(String user, String json, int status) {
        return api.call("POST", nominations(), "/api/v1/polls/{id}/nominations", server.pass(user, user), json, status)
                .getAsJsonObject();
    }

    private JsonArray list(String bearer) {
        return api.call("GET", nominations(), "/api/v1/polls/{id}/nominations", bearer, null, 200).getAsJsonArray();
    }

    private JsonObject decide(long id, String what, String json, int status) {
        return api
                .call("POST", "/api/v1/nominations/" + id + "/" + what, "/api/v1/nominations/{id}/" + what, LEAD, json,
                        status)
                .getAsJsonObject();
    }

    private static String code(JsonObject problem) {
        return problem.get("type").getAsString().replace("urn:popcorn:problem:", "");
    }

    private HttpResponse<String> page(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (session != null) {
            request.header("Cookie", "popcorn_session=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String session, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", CSRF);
        String body = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "popcorn_session=" + session + "; popcorn_csrf=" + CSRF)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFanBelowTheLevelIsRefusedInTheirLanguageAndOneWithItNominatesUntilTheLeadDecides() throws Exception {
        String body = """
                {"team": "camera", "title": "夜景 Night mode", "pitch": "Stars at night, 星星"}""";
        JsonObject refused = nominate("fan-9", body, 403);
        assertThat(code(refused)).isEqualTo("level.right.NOMINATE");
        assertThat(refused.get("detail").getAsString()).isEqualTo(
                "Nominating a project takes the level Enthusiast; you are Newcomer. Keep reporting on each release to get there.");
        HttpResponse<String> chinese = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(nominations())))
                .header("Authorization", "Bearer " + server.pass("fan-9", "fan-9")).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chinese.statusCode()).isEqualTo(403);
        assertThat(chinese.body()).contains("达到“发烧友”才能提名候选项目，你现在是“新米粉”。");
        assertThat(list(LEAD)).isEmpty();

        server.lockLevel("fan-1", "enthusiast");
        server.lockLevel("fan-2", "enthusiast");
        JsonObject mine = nominate("fan-1", body, 201);
        assertThat(mine.get("state").getAsString()).isEqualTo("PENDING");
        assertThat(mine.get("userId").getAsString()).isEqualTo("fan-1");
        assertThat(code(nominate("fan-1", """
                {"team": "camera", "title": "Again", "pitch": "Again"}""", 409))).isEqualTo("nomination.repeat");
        assertThat(code(nominate("fan-1",
                "{\"team\": \"camera\", \"title\": \"" + "x".repeat(121) + "\", \"pitch\": \"p\"}", 422)))
                .isEqualTo("request.field.maxLength");
        assertThat(code(nominate("fan-1", "{\"team\": \"camera\", \"title\": \"t\"}", 422)))
                .isEqualTo("request.field.required");
        assertThat(code(
                nominate("fan-1", "{\"team\": \"camera\", \"title\": \"t\", \"pitch\": \"p\", \"votes\": 9}", 422)))
                .isEqualTo("request.field.unknown");
        assertThat(code(nominate("fan-1", "{\"team\": \"nobody\", \"title\": \"t\", \"pitch\": \"p\"}", 422)))
                .isEqualTo("candidate.team.unknown");
        JsonObject other = nominate("fan-2", """
                {"team": "battery", "title": "Quiet charging", "pitch": "No whine at night"}""", 201);

        assertThat(list(server.pass("fan-1", "fan-1"))).hasSize(1);
        assertThat(list(LEAD)).hasSize(2);

        JsonObject accepted = decide(mine.get("id").getAsLong(), "accept", null, 200);
        assertThat(accepted.get("state").getAsString()).isEqualTo("ACCEPTED");
        long candidate = accepted.get("candidateId").getAsLong();
        JsonObject draft = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject();
        assertThat(draft.getAsJsonArray("candidates").asList()).anySatisfy(c -> {
            assertThat(c.getAsJsonObject().get("id").getAsLong()).isEqualTo(candidate);
            assertThat(c.getAsJsonObject().get("title").getAsString()).isEqualTo("夜景 Night mode");
            assertThat(c.getAsJsonObject().get("status").getAsString()).isEqualTo("ACTIVE");
        });
        assertThat(code(decide(mine.get("id").getAsLong(), "accept", null, 409))).isEqualTo("nomination.decided");
        assertThat(code(decide(other.get("id").getAsLong(), "decline", "{\"reason\": \" \"}", 422)))
                .isEqualTo("request.field.missing");
        assertThat(code(decide(other.get("id").getAsLong(), "decline", "{}", 422))).isEqualTo("request.field.required");
        decide(other.get("id").getAsLong(), "decline", "{\"reason\": \"It shipped last week\"}", 200);
        assertThat(code(decide(other.get("id").getAsLong(), "decline", "{\"reason\": \"Twice\"}", 409)))
                .isEqualTo("nomination.decided");
        assertThat(code(decide(4242, "accept", null, 404))).isEqualTo("nomination.unknown");
        JsonObject seen = list(server.pass("fan-2", "fan-2")).get(0).getAsJsonObject();
        assertThat(seen.get("state").getAsString()).isEqualTo("DECLINED");
        assertThat(seen.get("decision").getAsString()).isEqualTo("It shipped last week");

        // The poll's opening time came: no more nominations, whether or not the schedule opened it yet.
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        assertThat(code(nominate("fan-1", """
                {"team": "battery", "title": "Late", "pitch": "Too late"}""", 409)))
                .isEqualTo("nomination.pollNotDraft");

        Set<String> tagged = new TreeSet<>();
        JsonObject spec = com.google.gson.JsonParser
                .parseString(server.send("GET", "/api/openapi.json", null, null).body())
                .getAsJsonObject();
        for (var path : spec.getAsJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                JsonObject op = operation.getValue().getAsJsonObject();
                if (op.has("tags") && op.getAsJsonArray("tags").get(0).getAsString().equals("nominations")) {
                    tagged.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(tagged).hasSize(4);
        assertThat(api.exercised).containsAll(tagged);
    }

    @Test
    void theDraftPollsPageOffersTheFormOrSaysWhichLevelItTakesAndTheLeadDecidesOnTheDashboard() throws Exception {
        String pollPage = "/polls/" + poll;
        assertThat(page(pollPage + "?lang=en", null).body())
                .contains("Sign in to nominate a project (from the level Enthusiast).")
                .doesNotContain("id=\"nominate-form\"");
        String newcomer = server.session("fan-9", "Nine");
        assertThat(page(pollPage + "?lang=en", newcomer).body())
                .contains("Nominating projects is open from the level Enthusiast; you are Newcomer.")
                .doesNotContain("id=\"nominate-form\"");
        assertThat(page(pollPage + "?lang=zh-CN", newcomer).body()).contains("达到“发烧友”才能提名候选项目，你现在是“新米粉”。");
        assertThat(form(pollPage + "/nominations", newcomer, Map.of("team", "camera", "title", "t", "pitch", "p"))
                .statusCode())
                .as("the form's route enforces the right too").isEqualTo(403);

        server.lockLevel("fan-1", "enthusiast");
        String fan = server.session("fan-1", "One");
        assertThat(page(pollPage + "?lang=en", fan).body()).contains("id=\"nominate-form\"",
                "Up to 3 nominations may wait at a time.");
        HttpResponse<String> sent = form(pollPage + "/nominations", fan,
                Map.of("team", "camera", "title", "<b>Night</b> mode", "pitch", "Stars & \"quotes\""));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValue(pollPage + "?nominated=1#nominate");
        String after = page(pollPage + "?nominated=1&lang=en", fan).body();
        assertThat(after).contains("Your nomination waits for a team lead.", "&lt;b&gt;Night&lt;/b&gt; mode",
                "waiting for a team lead").doesNotContain("<b>Night</b>");
        // Refused (the same team again): the form comes back with what the fan typed, and why.
        HttpResponse<String> again = form(pollPage + "/nominations", fan,
                Map.of("team", "camera", "title", "Night <mode> again", "pitch", "Still the best"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"nominate-problem\"", "value=\"Night &lt;mode&gt; again\"",
                ">Still the best</textarea>", "<option value=\"camera\" selected>");
        HttpResponse<String> noToken = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(pollPage + "/nominations")))
                        .header("Cookie", "popcorn_session=" + fan)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("team=battery&title=t&pitch=p")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("a form without the CSRF token").isEqualTo(403);

        String lead = server.leadSession();
        long id = list(LEAD).get(0).getAsJsonObject().get("id").getAsLong();
        String dashboard = page("/lead?lang=en", lead).body();
        assertThat(dashboard).contains("id=\"nominations-" + poll + "\"", "Nominations by fans",
                "by <a href=\"/lead/people/fan-1\" title=\"fan-1\">",
                "&lt;b&gt;Night&lt;/b&gt; mode", "action=\"/lead/nominations/" + id + "/accept\"",
                "action=\"/lead/nominations/" + id + "/decline\"");
        HttpResponse<String> declined = form("/lead/nominations/" + id + "/decline", lead,
                Map.of("reason", "Not <this> week"));
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(declined.headers().firstValue("Location"))
                .hasValue("/lead?done=nominationDeclined&at=desk-award#desk-award");
        assertThat(page("/lead?done=nominationDeclined&lang=en", lead).body())
                .contains("Nomination declined; the fan sees your reason.", "Not &lt;this&gt; week")
                .doesNotContain("action=\"/lead/nominations/" + id + "/accept\"");
        assertThat(page(pollPage + "?lang=zh-CN", fan).body()).contains("未采纳", "负责人的理由：Not &lt;this&gt; week");
        assertThat(form("/lead/nominations/" + id + "/accept", lead, Map.of()).statusCode())
                .as("a decided nomination stays decided").isEqualTo(409);

        server.clock.set(SATURDAY_OPEN.plus(Duration.ofSeconds(1)));
        assertThat(page(pollPage + "?lang=en", fan).body()).doesNotContain("id=\"nominate\"");
    }

    @Test
    void aChineseNominationWithItsEnglishTitleStandsInEachLanguageOnceAccepted() throws Exception {
        server.lockLevel("fan-1", "enthusiast");
        server.lockLevel("fan-2", "enthusiast");
        String fan = server.session("fan-1", "One");
        String pollPage = "/polls/" + poll;
        // Chinese readers are offered the English title beside theirs; English readers write English already.
        assertThat(page(pollPage + "?lang=zh-CN", fan).body()).contains("name=\"titleEn\"", "项目英文名（选填）");
        assertThat(page(pollPage + "?lang=en", fan).body()).contains("id=\"nominate-form\"")
                .doesNotContain("name=\"titleEn\"");

        HttpResponse<String> sent = form(pollPage + "/nominations", fan,
                Map.of("team", "camera", "title", "夜景相机", "titleEn", "Night <camera>", "pitch", "天黑也能拍清楚"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(page(pollPage + "?lang=zh-CN", fan).body())
                .contains("夜景相机</strong> <span lang=\"en\">· Night &lt;camera&gt;</span>");
        assertThat(code(nominate("fan-2", "{\"team\": \"battery\", \"title\": \"安静充电\", \"titleEn\": \""
                + "x".repeat(121) + "\", \"pitch\": \"p\"}", 422))).isEqualTo("request.field.maxLength");
        JsonObject api = nominate("fan-2", """
                {"team": "battery", "title": "安静充电", "titleEn": "Quiet charging", "pitch": "夜里充电没有声音"}""", 201);
        assertThat(api.get("titleEn").getAsString()).isEqualTo("Quiet charging");

        for (var nomination : list(LEAD)) {
            decide(nomination.getAsJsonObject().get("id").getAsLong(), "accept", null, 200);
        }
        JsonObject draft = this.api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject();
        assertThat(draft.getAsJsonArray("candidates").asList()).anySatisfy(c -> {
            assertThat(c.getAsJsonObject().get("title").getAsString()).isEqualTo("Night <camera>");
            assertThat(c.getAsJsonObject().get("titleZh").getAsString()).isEqualTo("夜景相机");
        });
        String english = page(pollPage + "?lang=en", null).body();
        assertThat(english).contains("Night &lt;camera&gt;", "Quiet charging").doesNotContain("夜景相机", "安静充电");
        assertThat(page(pollPage + "?lang=zh-CN", null).body()).contains("夜景相机", "安静充电");
    }
}
