package dev.popcorn.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Popcorn Award over real HTTP, from candidates to the announcement, with a clock the test
 * moves and a WireMock Slack-compatible webhook: the poll opens and closes by itself, users vote
 * under the eligibility rules and the rate limit, the lead disqualifies one candidate and
 * approves, and the announcement with the names and the card goes out exactly once, also across
 * a restart.
 */
class AwardLoopIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final String HOOK = "/services/T0POPCORN/B0AWARD/secret-part";
    /** Saturday 21 November 2026, 10:00 in Shanghai: the poll's opening time. */
    static final Instant SATURDAY_OPEN = Instant.parse("2026-11-21T02:00:00Z");
    /** Thursday 26 November 2026, 23:59 in Shanghai: the poll's closing time. */
    static final Instant THURSDAY_CLOSE = Instant.parse("2026-11-26T15:59:00Z");

    @TempDir
    Path data;

    WireMockServer slack;
    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
        server = startServer(TestServer.FRIDAY);
        api = new ApiClient(server);
    }

    private TestServer startServer(Instant now) {
        return TestServer.start(data, now, false, Map.of(
                "slack.webhook-url", "http://localhost:" + slack.port() + HOOK,
                "award.ballots-per-minute", "3"));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.stop();
    }

    private JsonObject object(String method, String path, String template, String bearer, String json, int status) {
        return api.call(method, path, template, bearer, json, status).getAsJsonObject();
    }

    private JsonObject poll(long id, String bearer) {
        return object("GET", "/api/v1/polls/" + id, "/api/v1/polls/{id}", bearer, null, 200);
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for: " + what).isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long openTheWeek() {
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, """
                {"name": "相机团队 Camera", "members": [
                  {"name": "王磊", "photoUrl": "/photos/wang.png", "userId": "wang.lei"},
                  {"name": "Li Na", "photoUrl": "", "userId": "li.na"}]}""", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, """
                {"name": "电池 Battery", "members": [{"name": "陈晓雨", "photoUrl": "", "userId": "chen.xy"}]}""", 200);
        JsonObject opened = object("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2104", "summary": "Portrait blur", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""", 201);
        return opened.getAsJsonObject("poll").get("id").getAsLong();
    }

    private JsonObject ballot(long poll, String user, long candidate, int status) {
        return object("PUT", "/api/v1/polls/" + poll + "/ballot", "/api/v1/polls/{id}/ballot", server.pass(user, user),
                "{\"candidate\": " + candidate + "}", status);
    }

    private static long candidateOf(JsonObject poll, String team) {
        for (JsonElement c : poll.getAsJsonArray("candidates")) {
            if (c.getAsJsonObject().get("teamSlug").getAsString().equals(team)
                    && c.getAsJsonObject().get("status").getAsString().equals("ACTIVE")) {
                return c.getAsJsonObject().get("id").getAsLong();
            }
        }
        throw new AssertionError("no standing candidate of " + team + " in " + poll);
    }

    private List<LoggedRequest> posts() {
        return slack.findAll(postRequestedFor(urlEqualTo(HOOK)));
    }

    @Test
    void fromCandidatesToTheAnnouncementExactlyOnce() throws Exception {
        long id = openTheWeek();
        String polls = "/api/v1/polls/" + id;

        // Candidates were proposed per team from the features; the lead corrects, adds and withdraws.
        JsonObject draft = poll(id, LEAD);
        assertThat(draft.get("state").getAsString()).isEqualTo("DRAFT");
        assertThat(draft.get("opensAt").getAsString()).isEqualTo(SATURDAY_OPEN.toString());
        JsonArray proposed = draft.getAsJsonArray("candidates");
        assertThat(proposed).hasSize(2);
        assertThat(proposed.get(0).getAsJsonObject().get("title").getAsString()).isEqualTo("Night mode in the camera");
        assertThat(proposed.get(0).getAsJsonObject().get("pitch").getAsString()).isEqualTo("Portrait blur");
        long camera = candidateOf(draft, "camera");
        long battery = candidateOf(draft, "battery");
        object("PUT", polls + "/candidates/" + camera, "/api/v1/polls/{id}/candidates/{candidate}", LEAD, """
                {"title": "夜景相机 Night camera", "tickets": ["MIUI-2101", "MIUI-2104"], "pitch": "Photos after dark"}""",
                200);
        long extra = object("POST", polls + "/candidates", "/api/v1/polls/{id}/candidates", LEAD,
                "{\"team\": \"battery\", \"title\": \"Battery saver\"}", 201).get("id").getAsLong();
        object("POST", polls + "/candidates/" + extra + "/withdraw",
                "/api/v1/polls/{id}/candidates/{candidate}/withdraw",
                LEAD, null, 200);
        ballot(id, "fan-1", camera, 409);

        // Saturday 10:00: the poll opens by itself, and candidates are locked.
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        eventually("the poll opens", () -> poll(id, null).get("state").getAsString().equals("OPEN"));
        object("PUT", polls + "/candidates/" + camera, "/api/v1/polls/{id}/candidates/{candidate}", LEAD,
                "{\"title\": \"Too late\"}", 409);

        // Ballots: one per user, changeable; not for one's own team; receipts seen again.
        JsonObject first = ballot(id, "fan-1", camera, 200);
        ballot(id, "fan-2", camera, 200);
        ballot(id, "fan-3", battery, 200);
        ballot(id, "fan-4", camera, 200);
        ballot(id, "fan-4", battery, 200);
        JsonObject own = object("PUT", polls + "/ballot", "/api/v1/polls/{id}/ballot", server.pass("wang.lei", "王磊"),
                "{\"candidate\": " + camera + "}", 403);
        assertThat(own.get("detail").getAsString()).contains("夜景相机 Night camera");
        ballot(id, "wang.lei", battery, 200);
        JsonObject again = object("GET", polls + "/ballot", "/api/v1/polls/{id}/ballot", server.pass("fan-1", "fan-1"),
                null, 200);
        assertThat(again.get("receipt").getAsString()).isEqualTo(first.get("receipt").getAsString())
                .matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        // The rate limit: the fourth ballot within a minute is refused and changes nothing.
        ballot(id, "fan-5", camera, 200);
        ballot(id, "fan-5", battery, 200);
        ballot(id, "fan-5", camera, 200);
        HttpResponse<String> tooMany = server.send("PUT", polls + "/ballot", server.pass("fan-5", "fan-5"),
                "{\"candidate\": " + battery + "}");
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
        assertThat(
                object("GET", polls + "/ballot", "/api/v1/polls/{id}/ballot", server.pass("fan-5", "fan-5"), null, 200)
                        .get("candidateId").getAsLong())
                .isEqualTo(camera);
        // camera: fan-1, fan-2, fan-5 = 3; battery: fan-3, fan-4, wang.lei = 3. Nothing is public yet.
        assertThat(poll(id, null).get("result")).isNull();
        object("GET", polls + "/card.png", "/api/v1/polls/{id}/card.png", null, null, 404);
        // The lead's glance keeps the count live: the page asks for it again on its own.
        assertThat(server.page("GET", "/lead/glance/count?lang=en", server.leadSession(), null).body())
                .contains("id=\"glance-ballots\"", "6 ballots so far").doesNotContain("<html");
        assertThat(server.page("GET", "/lead/glance/count", server.session("fan-1", "fan-1"), null).statusCode())
                .as("a fan is sent to the lead sign-in").isEqualTo(302);

        // Thursday 23:59: the poll closes by itself and waits for the lead.
        server.clock.set(THURSDAY_CLOSE.plusSeconds(1));
        eventually("the close is recorded", () -> poll(id, LEAD).has("closedAt"));
        ballot(id, "fan-6", camera, 409);
        assertThat(server.page("GET", "/lead/glance/count?lang=en", server.leadSession(), null).body())
                .contains("The poll is no longer open");
        assertThat(poll(id, null).get("result")).isNull();
        object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", null, null, 404);
        JsonObject tied = poll(id, LEAD).getAsJsonObject("result");
        assertThat(tied.get("tie").getAsBoolean()).isTrue();
        assertThat(tied.getAsJsonArray("winners")).hasSize(2);
        byte[] preview = png(polls + "/card.png", LEAD);
        assertThat(preview).isNotEmpty();
        // The text previewed as the forum will show it, for leads only; HTML in it is shown as text.
        String lead = server.leadSession();
        HttpResponse<String> rendered = server.page("POST", "/lead/polls/" + id + "/announcement/preview", lead,
                "&text=" + java.net.URLEncoder.encode("**Thanks** <script>alert(1)</script>",
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).contains("<p><strong>Thanks</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
                .as("the text lost the result's lines: said before approval").contains("role=\"alert\"", "[[result:")
                .doesNotContain("<html");
        assertThat(server.page("POST", "/lead/polls/99999/announcement/preview", lead, "&text=x").statusCode())
                .isEqualTo(404);
        assertThat(server.page("POST", "/lead/polls/" + id + "/announcement/preview", server.session("fan-1", "fan-1"),
                "&text=x").statusCode()).isEqualTo(403);

        // Review: the lead edits the text, then disqualifies battery with a reason; the tally is recounted.
        JsonObject edited = object("PUT", polls + "/announcement", "/api/v1/polls/{id}/announcement", LEAD,
                "{\"text\": \"Both teams win!\"}", 200);
        assertThat(edited.get("edited").getAsBoolean()).isTrue();
        object("POST", polls + "/candidates/" + battery + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify",
                LEAD, "{\"reason\": \"\"}", 422);
        JsonObject recounted = object("POST", polls + "/candidates/" + battery + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify", LEAD,
                "{\"reason\": \"The demo video was not of this release\", \"resetAnnouncement\": true}", 200);
        assertThat(recounted.getAsJsonObject("result").getAsJsonArray("winners"))
                .containsExactly(JsonParser.parseString("" + camera));
        assertThat(recounted.getAsJsonObject("result").get("margin").getAsLong()).isEqualTo(3);
        // One set of numbers: the ballots counted and those set aside with the disqualified project add up to those cast.
        JsonObject counted = recounted.getAsJsonObject("result");
        JsonObject aside = counted.getAsJsonArray("setAside").get(0).getAsJsonObject();
        assertThat(counted.getAsJsonArray("setAside")).hasSize(1);
        assertThat(aside.get("candidate").getAsLong()).isEqualTo(battery);
        assertThat(aside.get("status").getAsString()).isEqualTo("DISQUALIFIED");
        assertThat(aside.get("reason").getAsString()).isEqualTo("The demo video was not of this release");
        assertThat(counted.get("cast").getAsLong()).isEqualTo(6)
                .isEqualTo(counted.get("ballots").getAsLong() + aside.get("votes").getAsLong());
        JsonObject draftText = object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", LEAD, null,
                200);
        assertThat(draftText.get("edited").getAsBoolean()).as("the lead asked for the template again").isFalse();
        assertThat(draftText.get("text").getAsString()).contains("夜景相机 Night camera", "相机团队 Camera", "王磊", "Li Na",
                "**3 votes**", "3 票", "Thank you to all 6 voters", "![王磊](http\\://localhost\\:",
                "disqualified: The demo video was not of this release", "已取消资格：The demo video was not of this release",
                "taken out of the poll", "投给已取消资格项目的");
        assertThat(posts()).isEmpty();

        // Approval: the announcement goes out once, with the names, and the card is public.
        object("POST", polls + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 200);
        eventually("the chat webhook is posted to", () -> posts().size() == 1);
        JsonObject message = JsonParser.parseString(posts().get(0).getBodyAsString()).getAsJsonObject();
        assertThat(message.get("text").getAsString()).contains("Popcorn Award", "2026.11.20");
        assertThat(message.toString()).contains("王磊", "Li Na", "相机团队 Camera").doesNotContain("secret-part");
        object("POST", polls + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 409);
        // The approved text is public on the poll page, rendered as the forum shows it.
        String page = server.send("GET", "/polls/" + id + "?lang=en", null, null).body();
        assertThat(page.substring(page.indexOf("id=\"announcement\"")))
                .contains("<strong>3 votes</strong>", "2026.11.20",
                        "<del>", "disqualified: The demo video was not of this release")
                .doesNotContain("2026\\.11");
        JsonObject published = object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", null, null,
                200);
        assertThat(published.getAsJsonArray("publishing").get(0).getAsJsonObject().get("state").getAsString())
                .isEqualTo("DONE");
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(png(polls + "/card.png", null)));
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
        assertThat(png("/polls/" + id + "/card.png", null)).isNotEmpty();

        // History: the leaderboard, the team page, the audit log with who and when.
        JsonArray board = api.call("GET", "/api/v1/leaderboard", "/api/v1/leaderboard", null, null, 200)
                .getAsJsonArray();
        assertThat(board.get(0).getAsJsonObject().get("team").getAsString()).isEqualTo("camera");
        assertThat(board.get(0).getAsJsonObject().get("buckets").getAsInt()).isEqualTo(1);
        JsonObject team = object("GET", "/api/v1/teams/camera", "/api/v1/teams/{slug}", null, null, 200);
        assertThat(team.getAsJsonArray("wins")).hasSize(1);
        object("GET", "/api/v1/teams/nobody", "/api/v1/teams/{slug}", null, null, 404);
        List<String> audit = new ArrayList<>();
        for (JsonElement e : api.call("GET", "/api/v1/audit", "/api/v1/audit", LEAD, null, 200).getAsJsonArray()) {
            JsonObject entry = e.getAsJsonObject();
            audit.add(entry.get("actor").getAsString() + " " + entry.get("action").getAsString() + " "
                    + entry.get("detail").getAsString());
        }
        assertThat(audit).anyMatch(a -> a.startsWith("schedule poll.open"))
                .anyMatch(a -> a.startsWith("schedule poll.close 6 ballots"))
                .anyMatch(
                        a -> a.contains("candidate.disqualify") && a.contains("The demo video was not of this release"))
                .anyMatch(a -> a.contains("poll.approve winner: 夜景相机 Night camera (3)"));
        api.call("GET", "/api/v1/audit", "/api/v1/audit", server.pass("fan-1", "fan-1"), null, 403);

        // A restart posts nothing again.
        server.close();
        server = startServer(THURSDAY_CLOSE.plus(Duration.ofHours(1)));
        Thread.sleep(3000);
        assertThat(posts()).hasSize(1);

        Set<String> award = new TreeSet<>();
        JsonObject spec = JsonParser.parseString(server.send("GET", "/api/openapi.json", null, null).body())
                .getAsJsonObject();
        for (var path : spec.getAsJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                JsonObject op = operation.getValue().getAsJsonObject();
                if (op.has("tags") && op.getAsJsonArray("tags").get(0).getAsString().equals("award")) {
                    award.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(award).hasSize(8);
        assertThat(api.exercised).containsAll(award);
    }

    @Test
    void anAnnouncementNeverCreditsAProjectDisqualifiedAfterTheLeadEditedIt() throws Exception {
        long id = openTheWeek();
        String polls = "/api/v1/polls/" + id;
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        eventually("the poll opens", () -> poll(id, null).get("state").getAsString().equals("OPEN"));
        long camera = candidateOf(poll(id, LEAD), "camera");
        long battery = candidateOf(poll(id, LEAD), "battery");
        ballot(id, "fan-1", camera, 200);
        ballot(id, "fan-2", camera, 200);
        ballot(id, "fan-3", battery, 200);
        server.clock.set(THURSDAY_CLOSE.plusSeconds(1));
        eventually("the close is recorded", () -> poll(id, LEAD).has("closedAt"));

        // The lead's words hold the place of the result; the text as it would go out has the numbers.
        JsonObject draft = object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", LEAD, null, 200);
        String words = draft.get("words").getAsString();
        assertThat(words).contains("[[result:en]]", "[[result:zh-CN]]").doesNotContain("2 votes", "2 票");
        assertThat(draft.get("text").getAsString()).contains("**2 votes**", "2 票").doesNotContain("[[result:");

        // Edited in review: a congratulation for the leader, and the whole text as it stood, numbers and all.
        String congratulating = "Congratulations, Night mode in the camera!\n\n" + words;
        object("PUT", polls + "/announcement", "/api/v1/polls/{id}/announcement", LEAD,
                "{\"text\": " + new com.google.gson.Gson().toJson(congratulating) + "}", 200);
        // Then the leader is disqualified, the lead's words kept.
        object("POST", polls + "/candidates/" + camera + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify",
                LEAD, "{\"reason\": \"Its votes came from one address\"}", 200);

        // Approval is refused, in both languages, and nothing goes out.
        JsonObject refused = object("POST", polls + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 409);
        assertThat(refused.get("type").getAsString()).isEqualTo("urn:popcorn:problem:announcement.result.setAside");
        assertThat(refused.get("detail").getAsString()).contains("Night mode in the camera", "which was disqualified");
        HttpResponse<String> inChinese = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(server.url(polls + "/approve")))
                        .header("Authorization", "Bearer " + LEAD).header("Accept-Language", "zh-CN")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inChinese.statusCode()).isEqualTo(409);
        assertThat(JsonParser.parseString(inChinese.body()).getAsJsonObject().get("detail").getAsString())
                .contains("Night mode in the camera", "但它已取消资格");
        assertThat(poll(id, LEAD).get("state").getAsString()).isEqualTo("CLOSED");

        // On the page: 409, the words kept in the form, the reason above it.
        String lead = server.leadSession();
        String stale = congratulating.replace("[[result:en]]",
                "## Night mode in the camera — 相机团队 Camera\n\n**2 votes** (67 %)");
        HttpResponse<String> page = server.page("POST", "/lead/polls/" + id + "/approve?lang=en", lead,
                "&text=" + java.net.URLEncoder.encode(stale, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"refused-" + id + "\"", "count votes or hold a table",
                "**2 votes** (67 %)",
                "Congratulations, Night mode in the camera!");
        assertThat(object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", LEAD, null, 200)
                .get("words").getAsString()).as("what the lead had on screen is kept").contains("**2 votes** (67 %)");
        HttpResponse<String> pageZh = server.page("POST", "/lead/polls/" + id + "/approve?lang=zh-CN", lead,
                "&text=" + java.net.URLEncoder.encode(stale, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(pageZh.statusCode()).isEqualTo(409);
        assertThat(pageZh.body()).contains("自己写了票数或表格");
        // The review page says so before the lead tries, and the live preview too.
        assertThat(server.page("GET", "/lead?lang=en", lead, null).body()).contains("id=\"contradiction-" + id + "\"",
                "Not ready to approve");
        assertThat(posts()).isEmpty();

        // The lead takes out what they wrote about the leader: approved, and the result is the one counted now.
        HttpResponse<String> approved = server.page("POST", "/lead/polls/" + id + "/approve", lead,
                "&text=" + java.net.URLEncoder.encode("Thanks for voting!\n\n" + words,
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        eventually("the chat webhook is posted to", () -> posts().size() == 1);
        String published = object("GET", polls + "/announcement", "/api/v1/polls/{id}/announcement", null, null, 200)
                .get("text").getAsString();
        assertThat(published)
                .contains("## Quiet charging — 电池 Battery", "**1 vote** (100 %)", "~~Night mode in the camera~~",
                        "disqualified: Its votes came from one address", "1 ballot was counted; 2 were set aside")
                .doesNotContain("2 votes", "[[result:");
        assertThat(published).startsWith("Thanks for voting!");
    }

    @Test
    void aPollWhoseCloseCameWhileTheServerWasDownIsClosedWhenItStarts() {
        long id = openTheWeek();
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        eventually("the poll opens", () -> poll(id, null).get("state").getAsString().equals("OPEN"));
        ballot(id, "fan-1", candidateOf(poll(id, LEAD), "camera"), 200);
        server.close();

        server = startServer(THURSDAY_CLOSE.plus(Duration.ofDays(2)));
        api = new ApiClient(server);

        // Recorded during start-up, before the first request.
        JsonObject closed = poll(id, LEAD);
        assertThat(closed.get("closedAt").getAsString()).isEqualTo(THURSDAY_CLOSE.plus(Duration.ofDays(2)).toString());
        assertThat(closed.get("state").getAsString()).isEqualTo("CLOSED");
        assertThat(closed.getAsJsonObject("result").get("ballots").getAsInt()).isEqualTo(1);
    }

    /** Fetches a PNG; the API route is checked against the document (status and content type). */
    private byte[] png(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        if (path.startsWith("/api/")) {
            api.exercised.add("GET /api/v1/polls/{id}/card.png");
        }
        return response.body();
    }
}
