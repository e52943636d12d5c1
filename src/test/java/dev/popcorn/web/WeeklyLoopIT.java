package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole week over HTTP: a lead opens the round, users report and vote, the poll closes, the lead approves. */
class WeeklyLoopIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject object(String method, String path, String template, String bearer, String json, int status) {
        return api.call(method, path, template, bearer, json, status).getAsJsonObject();
    }

    private JsonObject openWeek() {
        return openWeek("2026.11.20", "POP-1", "POP-2");
    }

    private JsonObject openWeek(String version, String firstKey, String secondKey) {
        for (String team : new String[] {"camera", "battery"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD,
                    "{\"name\":\"" + team
                            + " team\",\"members\":[{\"name\":\"王磊 Wang Lei\",\"photoUrl\":\"/photos/a.png\"}]}",
                    200);
        }
        JsonObject opened = object("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "%s", "features": [
                  {"key": "%s", "summary": "Night mode", "team": "camera"},
                  {"key": "%s", "summary": "Quiet charging", "team": "battery"}]}""".formatted(version, firstKey,
                secondKey), 201);
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        String candidates = "/api/v1/polls/" + poll + "/candidates";
        // One candidate per team was proposed from the features; the lead names the camera's project.
        long proposed = opened.getAsJsonObject("poll").getAsJsonArray("candidates").get(0).getAsJsonObject().get("id")
                .getAsLong();
        object("PUT", candidates + "/" + proposed, "/api/v1/polls/{id}/candidates/{candidate}", LEAD,
                "{\"title\":\"Night camera\",\"tickets\":[\"POP-1\"],\"pitch\":\"after dark\"}", 200);
        long extra = object("POST", candidates, "/api/v1/polls/{id}/candidates", LEAD,
                "{\"team\":\"battery\",\"title\":\"Duplicate entry\"}", 201).get("id").getAsLong();
        JsonObject withdrawn = object("POST", candidates + "/" + extra + "/withdraw",
                "/api/v1/polls/{id}/candidates/{candidate}/withdraw", LEAD, null, 200);
        assertThat(withdrawn.getAsJsonArray("candidates").get(2).getAsJsonObject().get("status").getAsString())
                .isEqualTo("WITHDRAWN");
        object("POST", "/api/v1/polls/" + poll + "/open", "/api/v1/polls/{id}/open", LEAD, null, 200);
        return opened;
    }

    @Test
    void aWholeWeekFromReleaseToApprovedWinner() {
        JsonObject opened = openWeek();
        long release = opened.getAsJsonObject("release").get("id").getAsLong();
        JsonObject poll = opened.getAsJsonObject("poll");
        long pollId = poll.get("id").getAsLong();
        assertThat(opened.getAsJsonObject("release").get("reportsCloseAt").getAsString())
                .isEqualTo("2026-11-24T15:59:00Z");
        assertThat(poll.get("closesAt").getAsString()).isEqualTo("2026-11-26T15:59:00Z");

        String amy = server.pass("amy", "Amy");
        String bo = server.pass("bo", "薄");
        String cy = server.pass("cy", "Cy");
        server.clock.advance(Duration.ofHours(20));
        object("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", amy, """
                {"verdicts": [{"feature": "POP-1", "verdict": "LIKE", "comment": "<b>bright</b>"},
                              {"feature": "POP-2", "verdict": "NOT_GOOD_ENOUGH"}],
                 "newWishes": ["Call recording"]}""", 200);
        JsonObject week = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200);
        long wish = week.getAsJsonArray("wishes").get(0).getAsJsonObject().get("id").getAsLong();
        object("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", bo,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}], \"wishes\": [" + wish + "]}", 200);
        // Amy changes her mind before the deadline: one report, the new verdicts.
        object("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", amy,
                "{\"verdicts\": [{\"feature\": \"POP-2\", \"verdict\": \"LIKE\"}], \"newWishes\": [\"Call recording\"]}",
                200);
        JsonObject mine = object("GET", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", amy,
                null, 200);
        assertThat(object("GET", "/api/v1/me", "/api/v1/me", amy, null, 200).get("points").getAsLong())
                .as("one report earns its points once, however often it is edited (and the first-report badge, 10)")
                .isEqualTo(20);
        assertThat(mine.getAsJsonArray("verdicts")).hasSize(1);
        assertThat(mine.getAsJsonArray("wishes").get(0).getAsLong()).isEqualTo(wish);

        // A lead finds Amy's report helpful: she earns the helpful points once, however often it is marked.
        String helpful = "/api/v1/releases/" + release + "/reports/amy/helpful";
        String template = "/api/v1/releases/{id}/reports/{user}/helpful";
        assertThat(object("POST", helpful, template, LEAD, null, 200).get("marked").getAsBoolean()).isTrue();
        assertThat(object("POST", helpful, template, LEAD, null, 200).get("marked").getAsBoolean()).isFalse();
        object("POST", helpful, template, amy, null, 403);
        object("POST", "/api/v1/releases/" + release + "/reports/nobody/helpful", template, LEAD, null, 404);
        // 20 before, the helpful points (15) and the first tier of the helpful badge (10).
        assertThat(object("GET", "/api/v1/me", "/api/v1/me", amy, null, 200).get("points").getAsLong()).isEqualTo(45);

        JsonObject feedback = object("GET", "/api/v1/releases/" + release, "/api/v1/releases/{id}", null, null, 200);
        assertThat(feedback.get("reports").getAsLong()).isEqualTo(2);
        JsonArray features = feedback.getAsJsonArray("features");
        assertThat(features.get(0).getAsJsonObject().get("likes").getAsLong()).isEqualTo(1);
        assertThat(features.get(1).getAsJsonObject().get("likes").getAsLong()).isEqualTo(1);
        assertThat(features.get(1).getAsJsonObject().get("notGoodEnough").getAsLong()).isZero();

        JsonObject open = object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", amy, null, 200);
        long camera = open.getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsLong();
        long battery = open.getAsJsonArray("candidates").get(1).getAsJsonObject().get("id").getAsLong();
        String ballot = "/api/v1/polls/" + pollId + "/ballot";
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", amy, "{\"candidate\": " + battery + "}", 200);
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", bo, "{\"candidate\": " + camera + "}", 200);
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", cy, "{\"candidate\": " + battery + "}", 200);
        String receipt = object("PUT", ballot, "/api/v1/polls/{id}/ballot", cy, "{\"candidate\": " + camera + "}", 200)
                .get("receipt").getAsString();
        assertThat(object("GET", ballot, "/api/v1/polls/{id}/ballot", cy, null, 200).get("receipt").getAsString())
                .isEqualTo(receipt).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", LEAD, null, 200).has("result"))
                .as("no one sees counts while the poll is open").isFalse();

        // Thursday 23:59 in Shanghai passes: the poll is closed for everyone, with no scheduler involved.
        server.clock.set(java.time.Instant.parse("2026-11-26T15:59:00Z"));
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", amy, "{\"candidate\": " + camera + "}", 409);
        assertThat(object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", amy, null, 200).has("result"))
                .as("users see the result only after approval").isFalse();
        JsonObject review = object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", LEAD, null, 200);
        assertThat(review.get("state").getAsString()).isEqualTo("CLOSED");
        JsonObject result = review.getAsJsonObject("result");
        assertThat(result.get("ballots").getAsLong()).isEqualTo(3);
        assertThat(result.getAsJsonArray("winners").get(0).getAsLong()).isEqualTo(camera);
        assertThat(result.get("margin").getAsLong()).isEqualTo(1);

        object("POST", "/api/v1/polls/" + pollId + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 200);
        JsonObject published = object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", null, null, 200);
        assertThat(published.get("state").getAsString()).isEqualTo("APPROVED");
        assertThat(published.getAsJsonObject("result").getAsJsonArray("standings").get(0).getAsJsonObject().get("title")
                .getAsString()).isEqualTo("Night camera");
        JsonArray winners = api.call("GET", "/api/v1/winners", "/api/v1/winners", null, null, 200).getAsJsonArray();
        assertThat(winners).hasSize(1);
        object("POST", "/api/v1/polls/" + pollId + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 409);

        // Reports closed on Tuesday night.
        object("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", cy,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}]}", 409);
        assertThat(object("GET", "/api/v1/releases/" + release, "/api/v1/releases/{id}", null, null, 200)
                .get("reports").getAsLong()).isEqualTo(2);
    }

    @Test
    void theLeadCanCloseAPollEarly() {
        theLeadClosesEarly(openWeek());
    }

    private void theLeadClosesEarly(JsonObject opened) {
        long pollId = opened.getAsJsonObject("poll").get("id").getAsLong();
        JsonObject closed = object("POST", "/api/v1/polls/" + pollId + "/close", "/api/v1/polls/{id}/close", LEAD, null,
                200);
        assertThat(closed.get("state").getAsString()).isEqualTo("CLOSED");
        assertThat(closed.getAsJsonObject("result").get("ballots").getAsLong()).isZero();
    }

    @Test
    void badRequestsGetAClearProblemAndChangeNothing() {
        JsonObject opened = openWeek();
        long release = opened.getAsJsonObject("release").get("id").getAsLong();
        long pollId = opened.getAsJsonObject("poll").get("id").getAsLong();
        String amy = server.pass("amy", "Amy");
        String ballot = "/api/v1/polls/" + pollId + "/ballot";
        String report = "/api/v1/releases/" + release + "/report";

        JsonObject malformed = object("PUT", ballot, "/api/v1/polls/{id}/ballot", amy, "{\"candidate\": ", 400);
        assertThat(malformed.get("detail").getAsString()).startsWith("The request body is not valid JSON");
        assertThat(malformed.get("type").getAsString()).isEqualTo("urn:popcorn:problem:request.json.malformedAt");
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", amy, "{}", 422);
        object("PUT", ballot, "/api/v1/polls/{id}/ballot", amy, "{\"candidate\": 999}", 422);
        object("PUT", "/api/v1/polls/4242/ballot", "/api/v1/polls/{id}/ballot", amy, "{\"candidate\": 1}", 404);
        object("PUT", "/api/v1/releases/4242/report", "/api/v1/releases/{id}/report", amy,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\"}]}", 404);
        object("PUT", report, "/api/v1/releases/{id}/report", amy,
                "{\"verdicts\": [{\"feature\": \"POP-9\", \"verdict\": \"LIKE\"}]}", 422);
        JsonObject unknownVerdict = object("PUT", report, "/api/v1/releases/{id}/report", amy,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"MEH\"}]}", 422);
        assertThat(unknownVerdict.get("detail").getAsString()).contains("verdicts[0].verdict")
                .contains("NOT_GOOD_ENOUGH");

        String tampered = amy.substring(0, amy.length() - 3) + (amy.endsWith("AAA") ? "BBB" : "AAA");
        JsonObject refused = object("PUT", ballot, "/api/v1/polls/{id}/ballot", tampered, "{\"candidate\": 1}", 401);
        assertThat(refused.get("detail").getAsString())
                .contains("neither the admin token, the CI token nor a valid API pass");
        String expiring = server.pass("dee", "Dee");
        server.clock.advance(Duration.ofDays(15));
        assertThat(object("GET", "/api/v1/polls/" + pollId, "/api/v1/polls/{id}", expiring, null, 401)
                .get("detail").getAsString()).contains("expired");
        server.clock.advance(Duration.ofDays(-15));

        object("POST", "/api/v1/releases", "/api/v1/releases", "wrong-admin-token-xxxxxxxx",
                "{\"version\": \"9\", \"features\": []}", 401);
        object("POST", "/api/v1/releases", "/api/v1/releases", amy,
                "{\"version\": \"9\", \"features\": [{\"key\": \"POP-7\", \"summary\": \"x\", \"team\": \"camera\"}]}",
                403);
        object("POST", "/api/v1/releases", "/api/v1/releases", LEAD,
                "{\"version\": \"2026.11.20\", \"features\": [{\"key\": \"POP-7\", \"summary\": \"x\", \"team\": \"camera\"}]}",
                409);
        object("POST", "/api/v1/releases", "/api/v1/releases", LEAD,
                "{\"version\": \"2026.11.27\", \"features\": [{\"key\": \"POP-7\", \"summary\": \"x\", \"team\": \"nobody\"}]}",
                422);

        String huge = "{\"newWishes\": [\"" + "x".repeat(20_000) + "\"]}";
        HttpResponse<String> tooLarge = server.send("PUT", report, amy, huge);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).as("problem body").startsWith("{");
        assertThat(JsonParser.parseString(tooLarge.body()).getAsJsonObject().get("detail").getAsString())
                .isEqualTo("The request is too large.");

        // Nothing above changed anything.
        object("GET", ballot, "/api/v1/polls/{id}/ballot", amy, null, 404);
        object("GET", report, "/api/v1/releases/{id}/report", amy, null, 404);
        JsonObject week = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200);
        assertThat(week.getAsJsonObject("release").get("version").getAsString()).isEqualTo("2026.11.20");
        assertThat(week.getAsJsonObject("release").get("reports").getAsLong()).isZero();
    }

    @Test
    void problemsComeInTheCallersLanguageAndHealthAnswers() {
        HttpResponse<String> health = server.send("GET", "/api/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonParser.parseString(health.body()).getAsJsonObject().get("status").getAsString()).isEqualTo("UP");
        api.call("GET", "/api/health", "/api/health", null, null, 200);
        api.call("GET", "/api/openapi.json", "/api/openapi.json", null, null, 200);
        api.call("GET", "/api/v1/teams", "/api/v1/teams", null, null, 200);

        HttpResponse<String> chinese = server.send("GET", "/api/v1/releases/77", null, null);
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void everyDocumentedOperationIsExercisedAgainstTheDocument() {
        aWholeWeekFromReleaseToApprovedWinner();
        theLeadClosesEarly(openWeek("2026.11.27", "POP-3", "POP-4"));
        problemsComeInTheCallersLanguageAndHealthAnswers();
        JsonObject spec = JsonParser.parseString(server.send("GET", "/api/openapi.json", null, null).body())
                .getAsJsonObject();
        Set<String> documented = new TreeSet<>();
        for (var path : spec.getAsJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                // Tagged operations have their own suites: TrackerLoopIT (a fake Jira), AwardLoopIT.
                if (!operation.getValue().getAsJsonObject().has("tags")) {
                    documented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(api.exercised).containsAll(documented);
    }
}
