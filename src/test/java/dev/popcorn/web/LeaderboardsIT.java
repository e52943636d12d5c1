package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaderboards over HTTP: the API (checked against openapi.json) with the caller's place, bad parameters, the page. */
class LeaderboardsIT {

    private static final String BOARDS = "/api/v1/leaderboards";
    private static final String CSRF = "0123456789abcdef0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY.plusSeconds(3600), false);
        api = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Signs the user in with a personal link (which records them) and gives them points from outside. */
    private void fan(String id, String name, int points) throws Exception {
        String link = server.issue(Passes.Kind.LINK, id, name, Passes.Role.USER);
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/signin/" + link)))
                .header("Cookie", "popcorn_csrf=" + CSRF).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        api.call("POST", "/api/v1/users/" + id + "/points", "/api/v1/users/{id}/points", TestServer.ADMIN_TOKEN,
                "{\"points\": " + points + ", \"reason\": \"forum award\", \"ref\": \"forum:" + id + "\"}", 201);
    }

    private static List<String> names(JsonObject board) {
        List<String> names = new ArrayList<>();
        for (var line : board.getAsJsonArray("users")) {
            names.add(line.getAsJsonObject().get("rank").getAsInt() + " "
                    + line.getAsJsonObject().get("name").getAsString()
                    + " " + line.getAsJsonObject().get("points").getAsLong());
        }
        return names;
    }

    @Test
    void anyoneSeesTheBoardAndASignedInFanAlsoTheirOwnPlaceBelowTheTop() throws Exception {
        fan("ana", "Ana <b>", 90);
        fan("bo", "Bo", 60);
        fan("cy", "Cy", 30);

        JsonObject open = api.call("GET", BOARDS + "?period=week&limit=2", BOARDS, null, null, 200).getAsJsonObject();
        assertThat(names(open)).containsExactly("1 Ana <b> 90", "2 Bo 60");
        assertThat(open.has("me")).isFalse();
        assertThat(open.get("from").getAsString()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(open.get("until").getAsString()).isEqualTo("2026-11-27T10:00:00Z");

        JsonObject mine = api.call("GET", BOARDS + "?period=all&limit=2", BOARDS, server.pass("cy", "Cy"), null, 200)
                .getAsJsonObject();
        assertThat(mine.has("from")).isFalse();
        JsonObject me = mine.getAsJsonObject("me");
        assertThat(me.get("rank").getAsInt()).isEqualTo(3);
        assertThat(me.get("points").getAsLong()).isEqualTo(30);
        assertThat(me.get("gap").getAsLong()).isEqualTo(30);
        assertThat(me.get("level").getAsString()).isEqualTo("newcomer");

        // The admin token's lead is left off the boards like every lead.
        server.clock.advance(Duration.ofDays(7));
        JsonObject nextWeek = api.call("GET", BOARDS, BOARDS, server.pass("cy", "Cy"), null, 200).getAsJsonObject();
        assertThat(nextWeek.getAsJsonArray("users")).isEmpty();
        assertThat(nextWeek.getAsJsonObject("me").has("rank")).isFalse();

        JsonObject teams = api.call("GET", BOARDS + "?of=teams&period=month", BOARDS, null, null, 200)
                .getAsJsonObject();
        assertThat(teams.get("of").getAsString()).isEqualTo("teams");
        assertThat(teams.getAsJsonArray("users")).isEmpty();
    }

    @Test
    void aBadParameterIsA400NamingItInTheCallersLanguage() throws Exception {
        for (String query : new String[] {"period=year", "of=fans", "limit=0", "limit=101", "limit=x", "period="}) {
            api.call("GET", BOARDS + "?" + query, BOARDS, null, null, 400);
        }
        HttpResponse<String> english = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url(BOARDS + "?period=year"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonParser.parseString(english.body()).getAsJsonObject().get("detail").getAsString())
                .contains("\"period\"", "year", "week, month, all");
        HttpResponse<String> chinese = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(BOARDS + "?limit=500")))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(JsonParser.parseString(chinese.body()).getAsJsonObject().get("detail").getAsString())
                .contains("查询参数", "limit", "500");
    }

    @Test
    void equalPointsOnTheWeeksBoardGoToWhoeverGotThereFirstAndThePageSaysSo() throws Exception {
        fan("ana", "Ana", 40);
        server.clock.advance(java.time.Duration.ofMinutes(5));
        fan("bo", "Bo", 40);
        String en = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=week&lang=en"))).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(en).contains("id=\"ties\"", "whoever got there first ranks higher")
                .containsPattern("#1</span>\\s*<span class=\"who-name\"><a href=\"/fans/ana\">")
                .containsPattern("#2</span>\\s*<span class=\"who-name\"><a href=\"/fans/bo\">");
        // Off the public board, Bo still sees his own place: level on points with Ana, who got there first.
        server.hideProfile("bo");
        server.clock.advance(java.time.Duration.ofSeconds(31)); // the board is ranked again after 30 s
        String own = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=week&lang=en")))
                .header("Cookie", "popcorn_session=" + server.session("bo", "Bo")).build(),
                HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(own.substring(own.indexOf("class=\"own mine\""))).contains("#2",
                "Level on points with the place above");
        String zh = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=week&lang=zh-CN"))).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(zh).contains("积分相同时，先达到该积分的用户排名靠前。");
        String all = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=all&lang=en"))).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(all).doesNotContain("id=\"ties\"");
    }

    @Test
    void thePageEscapesNamesAndMarksTheSignedInFansOwnPlace() throws Exception {
        fan("ana", "<script>alert(1)</script>", 90);
        fan("bo", "Bo", 60);
        String session = server.session("bo", "Bo");
        HttpResponse<String> page = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=week&lang=en")))
                        .header("Cookie", "popcorn_session=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("class=\"mine\"", "90 points", "60 points");
        // Names lead to the fans' pages; two fans of one name are told apart by their ids.
        assertThat(page.body()).contains("<a href=\"/fans/bo\">Bo</a>").doesNotContain("(bo)");
        fan("bo-2", "Bo", 30);
        server.clock.advance(java.time.Duration.ofSeconds(31)); // the board is ranked again after 30 s
        String twins = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=week&lang=en"))).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(twins).contains("<a href=\"/fans/bo\">Bo</a> <span class=\"muted\">(bo)</span>",
                "<a href=\"/fans/bo-2\">Bo</a> <span class=\"muted\">(bo-2)</span>");
        HttpResponse<String> zh = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/leaderboards?of=teams&lang=zh-CN")))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(zh.body()).contains("排行榜", "aria-current=\"page\"");
        HttpResponse<String> bad = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/leaderboards?period=year"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

}
