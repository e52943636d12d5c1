package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same request sent many times at once, as a double-clicking lead or a retrying script does:
 * one success and clean refusals (409 problem JSON), never a server error, never two successes,
 * one audit entry per change.
 */
class ConcurrencyIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    Path data;

    TestServer server;
    ExecutorService pool;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    /** Sends the request {@code times} times, all released at the same moment; answers their statuses, counted. */
    private Map<Integer, Long> atOnce(int times, String method, String path, String bearer, String json)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return server.send(method, path, bearer, json);
            }));
        }
        go.countDown();
        List<HttpResponse<String>> all = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            all.add(answer.get());
        }
        for (HttpResponse<String> answer : all) {
            assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValue("application/problem+json; charset=utf-8");
            }
        }
        return all.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private JsonElement json(String method, String path, String bearer, String body, int status) {
        HttpResponse<String> answer = server.send(method, path, bearer, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JsonParser.parseString(answer.body());
    }

    /** Opens a release with one feature of the camera team and one of the battery team, and its draft poll. */
    private JsonObject openRelease() {
        return json("POST", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet charging", "team": "battery"}]}""", 201).getAsJsonObject();
    }

    private long audited(String action) {
        JsonArray log = json("GET", "/api/v1/audit", LEAD, null, 200).getAsJsonArray();
        long count = 0;
        for (JsonElement entry : log) {
            if (entry.getAsJsonObject().get("action").getAsString().equals(action)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theSameTeamOrTheSamePointsSentTenTimesAtOnceAnswerAsTheFirstDid() throws Exception {
        Map<Integer, Long> teams = atOnce(10, "PUT", "/api/v1/teams/radio", LEAD, "{\"name\": \"Radio\"}");
        assertThat(teams).as("every save answered, none told to try again").containsOnlyKeys(200);
        assertThat(audited("team.save")).isEqualTo(1);
        Map<Integer, Long> points = atOnce(10, "POST", "/api/v1/users/fan-1/points", LEAD,
                "{\"points\": 30, \"reason\": \"Best bug report\", \"ref\": \"forum-award-7\"}");
        assertThat(points.keySet()).as("201 for the first, 200 for the same ref again").isSubsetOf(201, 200);
        assertThat(points.get(201)).isEqualTo(1);
        assertThat(audited("points.award")).isEqualTo(1);
    }

    @Test
    void aPollsLifeDoneTenTimesAtOnceHappensOnce() throws Exception {
        assertThat(atOnce(20, "PUT", "/api/v1/teams/camera", LEAD,
                "{\"name\": \"Camera\", \"members\": [{\"name\": \"Lin\", \"photoUrl\": \"/photos/lin.png\"}]}")
                .keySet())
                .as("saving the same team at once: each save succeeds or is told to retry").contains(200)
                .isSubsetOf(200, 409);
        assertThat(audited("team.save")).as("the same team saved twenty times is one change").isEqualTo(1);
        json("PUT", "/api/v1/teams/battery", LEAD, "{\"name\": \"Battery\", \"members\": []}", 200);
        JsonObject opened = openRelease();
        long release = opened.getAsJsonObject("release").get("id").getAsLong();
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        long extra = json("POST", "/api/v1/polls/" + poll + "/candidates", LEAD,
                "{\"team\": \"battery\", \"title\": \"Duplicate entry\"}", 201).getAsJsonObject().get("id").getAsLong();

        assertThat(atOnce(10, "POST", "/api/v1/polls/" + poll + "/candidates/" + extra + "/withdraw", LEAD, null))
                .isEqualTo(Map.of(200, 1L, 409, 9L));
        assertThat(audited("candidate.withdraw")).isEqualTo(1);
        assertThat(server.send("POST", "/api/v1/polls/" + poll + "/candidates/" + extra + "/withdraw", LEAD, null)
                .statusCode()).as("withdrawn already").isEqualTo(409);

        assertThat(atOnce(10, "POST", "/api/v1/polls/" + poll + "/open", LEAD, null))
                .isEqualTo(Map.of(200, 1L, 409, 9L));
        assertThat(audited("poll.open")).isEqualTo(1);

        String fan = server.pass("fan-1", "Fan");
        server.clock.advance(Duration.ofHours(20));
        assertThat(atOnce(30, "PUT", "/api/v1/releases/" + release + "/report", fan,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}], \"newWishes\": [\"Call recording\"]}")
                .keySet())
                .as("one fan's report handed in thirty times at once").contains(200).isSubsetOf(200, 409);
        JsonObject report = json("GET", "/api/v1/releases/" + release + "/report", fan, null, 200).getAsJsonObject();
        assertThat(report.getAsJsonArray("verdicts")).hasSize(1);
        // The report's points once (10), and the first-report badge it earns once (10).
        assertThat(json("GET", "/api/v1/me", fan, null, 200).getAsJsonObject().get("points").getAsLong())
                .as("the report's points once").isEqualTo(20);
        assertThat(json("GET", "/api/v1/releases/" + release, null, null, 200).getAsJsonObject().get("reports")
                .getAsLong())
                .isEqualTo(1);

        long candidate = opened.getAsJsonObject("poll").getAsJsonArray("candidates").get(0).getAsJsonObject().get("id")
                .getAsLong();
        json("PUT", "/api/v1/polls/" + poll + "/ballot", fan, "{\"candidate\": " + candidate + "}", 200);
        assertThat(atOnce(10, "POST", "/api/v1/polls/" + poll + "/close", LEAD, null))
                .isEqualTo(Map.of(200, 1L, 409, 9L));
        assertThat(audited("poll.close")).isEqualTo(1);

        assertThat(atOnce(10, "POST", "/api/v1/polls/" + poll + "/approve", LEAD, null))
                .isEqualTo(Map.of(200, 1L, 409, 9L));
        assertThat(audited("poll.approve")).isEqualTo(1);
        JsonArray winners = json("GET", "/api/v1/winners", null, null, 200).getAsJsonArray();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).toString()).contains("camera");
    }

    @Test
    void ballotsRacingAnEarlyCloseAreEachCountedOrRefusedAndTheAnswerSaysWhich() throws Exception {
        json("PUT", "/api/v1/teams/camera", LEAD, "{\"name\": \"Camera\"}", 200);
        json("PUT", "/api/v1/teams/battery", LEAD, "{\"name\": \"Battery\"}", 200);
        JsonObject opened = openRelease();
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        long candidate = opened.getAsJsonObject("poll").getAsJsonArray("candidates").get(0).getAsJsonObject().get("id")
                .getAsLong();
        json("POST", "/api/v1/polls/" + poll + "/open", LEAD, null, 200);

        // Forty fans vote through the answered-when-committed route while the lead closes the poll at the same moment.
        ExecutorService racers = Executors.newFixedThreadPool(41);
        CountDownLatch go = new CountDownLatch(1);
        List<String> fans = new ArrayList<>();
        List<Future<HttpResponse<String>>> ballots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String fan = server.pass("racer-" + i, "Racer " + i);
            fans.add(fan);
            ballots.add(racers.submit(() -> {
                go.await();
                return server.send("PUT", "/api/v1/polls/" + poll + "/ballot", fan,
                        "{\"candidate\": " + candidate + "}");
            }));
        }
        Future<HttpResponse<String>> close = racers.submit(() -> {
            go.await();
            return server.send("POST", "/api/v1/polls/" + poll + "/close", LEAD, null);
        });
        go.countDown();
        assertThat(close.get().statusCode()).as(close.get().body()).isEqualTo(200);
        racers.shutdown();

        int counted = 0;
        for (int i = 0; i < fans.size(); i++) {
            HttpResponse<String> answer = ballots.get(i).get();
            HttpResponse<String> mine = server.send("GET", "/api/v1/polls/" + poll + "/ballot", fans.get(i), null);
            if (answer.statusCode() == 200) {
                counted++;
                assertThat(mine.statusCode()).as("an acknowledged ballot is stored: " + mine.body()).isEqualTo(200);
                assertThat(JsonParser.parseString(mine.body()).getAsJsonObject().get("receipt").getAsString())
                        .isEqualTo(
                                JsonParser.parseString(answer.body()).getAsJsonObject().get("receipt").getAsString());
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValue("application/problem+json; charset=utf-8");
                assertThat(answer.body()).contains("poll.closed");
                assertThat(mine.statusCode()).as("a refused ballot is not stored: " + mine.body()).isEqualTo(404);
            }
        }
        JsonObject result = json("GET", "/api/v1/polls/" + poll, LEAD, null, 200).getAsJsonObject()
                .getAsJsonObject("result");
        assertThat(result.get("ballots").getAsLong()).as("the closed poll counts exactly the acknowledged ballots")
                .isEqualTo(counted);
    }
}
