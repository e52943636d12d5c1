package dev.popcorn.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.cli.PopcornCommand;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig.Deployment;
import dev.popcorn.jira.FakeJira;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker loop over real HTTP against a WireMock Jira: one command opens the round from a
 * JQL, users report, the round closes and every ticket gets its link, property and labels;
 * a wish is linked to a ticket and its supporter hears when the ticket is done.
 */
class TrackerLoopIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final String JQL = "fixVersion = \"2026.11.20\"";
    static final String HOOK_SECRET = "hook-secret-0123456789";
    static final Path FIXTURE = Path.of("src", "test", "resources", "vendor", "jira-webhooks",
            "issue_updated_status_in_progress.json");

    @TempDir
    Path data;

    FakeJira jira;
    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        jira = new FakeJira(Deployment.CLOUD);
        jira.ticket("MIUI-2101", "Night mode in the camera", "Done", List.of("Camera"), List.of());
        jira.ticket("MIUI-2102", "Faster settings search", "Done", List.of("Settings"), List.of());
        jira.ticket("MIUI-2103", "Portrait blur", "Done", List.of("Camera"), List.of("popcorn-needs-work"));
        jira.search(JQL, 2, "MIUI-2101", "MIUI-2102", "MIUI-2103");
        server = TestServer.start(data, TestServer.FRIDAY, false, settings(Map.of()));
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "system"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD,
                    "{\"name\":\"" + team
                            + " team\",\"members\":[{\"name\":\"王磊 Wang Lei\",\"photoUrl\":\"/photos/a.png\"}]}",
                    200);
        }
    }

    /** The server's settings for the fake Jira, with {@code more} on top. */
    private Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("jira.url", jira.url()),
                Map.entry("jira.user", "popcorn-bot@example.com"),
                Map.entry("jira.token", "token-123"),
                Map.entry("jira.project", "MIUI"),
                Map.entry("jira.team-rules", "component:Camera=camera"),
                Map.entry("jira.default-team", "system"),
                Map.entry("jira.refresh-minutes", "0"),
                Map.entry("jira.label.min-verdicts", "2"),
                Map.entry("jira.requests-per-second", "50"),
                Map.entry("jira.timeout-seconds", "2"),
                Map.entry("jira.webhook-secret", HOOK_SECRET),
                Map.entry("server.installation-id", "prod")));
        settings.putAll(more);
        return settings;
    }

    /** Stops the server and starts it again on the same data at the same instant, with {@code more} settings. */
    private void restart(Map<String, String> more) {
        java.time.Instant now = server.clock.instant();
        server.close();
        server = TestServer.start(data, now, false, settings(more));
        api = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(jira.contractViolations()).isEmpty();
        jira.close();
    }

    private JsonObject object(String method, String path, String template, String bearer, String json, int status) {
        return api.call(method, path, template, bearer, json, status).getAsJsonObject();
    }

    /** The lead's one command: {@code popcorn release open --version … --jql …}. */
    private String openFromTheCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PopcornCommand.run(new String[] {"release", "open", "--version", "2026.11.20", "--jql", JQL,
                "--server", server.popcorn.baseUrl(), "--token", LEAD, "--data", data.resolve("cli").toString()},
                Map.of(),
                new PopcornCommand.Launcher() {
                    @Override
                    public int start(Config config, boolean demo, PrintStream stream) {
                        throw new AssertionError("not a server command");
                    }

                    @Override
                    public List<dev.popcorn.app.Check> check(Config config) {
                        throw new AssertionError("not a check");
                    }
                }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private long openRoundAndReport() {
        assertThat(openFromTheCommandLine()).contains("opened release 2026.11.20", "3 features");
        JsonObject week = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200);
        long release = week.getAsJsonObject("release").get("id").getAsLong();
        JsonArray features = week.getAsJsonObject("release").getAsJsonArray("features");
        assertThat(features).extracting(f -> f.getAsJsonObject().get("team").getAsString())
                .containsExactly("camera", "system", "camera");
        server.clock.advance(Duration.ofHours(2));
        String report = "/api/v1/releases/" + release + "/report";
        object("PUT", report, "/api/v1/releases/{id}/report", server.pass("amy", "Amy"), """
                {"verdicts": [{"feature": "MIUI-2101", "verdict": "LIKE", "comment": "Love the <b>night</b> shots"},
                              {"feature": "MIUI-2102", "verdict": "NOT_GOOD_ENOUGH", "comment": "still slow"}],
                 "newWishes": ["Dark mode for the settings screens"]}""", 200);
        object("PUT", report, "/api/v1/releases/{id}/report", server.pass("bo", "薄"), """
                {"verdicts": [{"feature": "MIUI-2101", "verdict": "LIKE"},
                              {"feature": "MIUI-2102", "verdict": "NOT_GOOD_ENOUGH"}]}""", 200);
        object("PUT", report, "/api/v1/releases/{id}/report", server.pass("cy", "Cy"),
                "{\"verdicts\": [{\"feature\": \"MIUI-2101\", \"verdict\": \"LIKE\"}]}", 200);
        return release;
    }

    private JsonObject tracker() {
        return object("GET", "/api/v1/tracker", "/api/v1/tracker", LEAD, null, 200);
    }

    private JsonObject trackerIn(String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/tracker")))
                .header("Authorization", "Bearer " + LEAD).header("Accept-Language", language).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private boolean writesDone(int expected) {
        JsonObject outbox = tracker().getAsJsonObject("outbox");
        return outbox.get("PENDING").getAsInt() == 0 && outbox.get("DONE").getAsInt() == expected;
    }

    private static JsonObject body(LoggedRequest request) {
        return JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
    }

    @Test
    void afterTheCloseEveryTicketCarriesItsLinkPropertyAndLabels() {
        long release = openRoundAndReport();
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).as("nothing is written while the round runs"
                + " with refresh-minutes 0").isEmpty();

        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("three write-backs", () -> writesDone(3));

        for (String key : List.of("MIUI-2101", "MIUI-2102", "MIUI-2103")) {
            List<LoggedRequest> links = jira.requests("POST", "/issue/" + key + "/remotelink");
            assertThat(links).as(key).hasSize(1);
            assertThat(body(links.get(0)).get("globalId").getAsString())
                    .isEqualTo("popcorn:prod:" + server.popcorn.baseUrl() + "/releases/" + release + "#feature-" + key);
        }
        JsonObject loved = body(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.*").get(0));
        assertThat(loved.get("likes").getAsInt()).isEqualTo(3);
        assertThat(loved.get("notGoodEnough").getAsInt()).isZero();
        assertThat(loved.getAsJsonArray("topComments").get(0).getAsString()).isEqualTo("Love the <b>night</b> shots");
        assertThat(body(jira.requests("PUT", "/issue/MIUI-2101").get(0)).toString())
                .as("the ticket had neither label: nothing to take off")
                .isEqualTo("{\"update\":{\"labels\":[{\"add\":\"popcorn-loved\"}]}}");
        JsonObject needsWork = body(jira.requests("PUT", "/issue/MIUI-2102/properties/popcorn.feedback.*").get(0));
        assertThat(needsWork.get("notGoodEnough").getAsInt()).isEqualTo(2);
        assertThat(body(jira.requests("PUT", "/issue/MIUI-2102").get(0)).toString())
                .isEqualTo("{\"update\":{\"labels\":[{\"add\":\"popcorn-needs-work\"}]}}");
        // Nobody judged MIUI-2103: the label it earned in an earlier week is taken off again, and only that one.
        assertThat(body(jira.requests("PUT", "/issue/MIUI-2103").get(0)).toString())
                .isEqualTo("{\"update\":{\"labels\":[{\"remove\":\"popcorn-needs-work\"}]}}");
        assertThat(jira.requests("POST", "/issue/.*/comment")).as("no comments unless configured").isEmpty();

        // Planning again (every few seconds, on every instance) files nothing twice.
        server.clock.advance(Duration.ofMinutes(30));
        pause(Duration.ofSeconds(6));
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).hasSize(3);
        // Every line passes but one: links built from a localhost base URL would open nothing for Jira's readers.
        JsonObject check = object("GET", "/api/v1/tracker/check", "/api/v1/tracker/check", LEAD, null, 200);
        assertThat(check.getAsJsonArray("checks")).filteredOn(c -> !c.getAsJsonObject().get("ok").getAsBoolean())
                .extracting(c -> c.getAsJsonObject().get("code").getAsString()).containsExactly("check.baseUrl.local");
        assertThat(check.getAsJsonArray("checks").toString()).contains("check.jira.write");
    }

    @Test
    void rateLimitingAndFailuresDelayWritesButLoseNone() {
        jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-2101/remotelink")).atPriority(1)
                .inScenario("rate limited").whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-2102/remotelink")).atPriority(1)
                .inScenario("failing").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        openRoundAndReport();
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));

        // Jira asked for two minutes: the write is rescheduled, and the others are held back, not fired.
        eventually("three writes waiting", () -> tracker().getAsJsonArray("troubles").size() == 3);
        assertThat(tracker().getAsJsonArray("troubles").toString()).contains("429", "retry after 120 s");
        assertThat(jira.requests("POST", "/issue/MIUI-210[23]/remotelink")).isEmpty();
        server.clock.advance(Duration.ofSeconds(60));
        pause(Duration.ofSeconds(3));
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).as("Retry-After is honoured").hasSize(1);

        server.clock.advance(Duration.ofSeconds(61));
        eventually("the 503 met", () -> jira.requests("POST", "/issue/MIUI-2102/remotelink").size() == 1
                && tracker().getAsJsonObject("outbox").get("DONE").getAsInt() == 2);
        assertThat(tracker().getAsJsonArray("troubles").toString()).contains("503");

        server.clock.advance(Duration.ofSeconds(61));
        eventually("every write done", () -> writesDone(3));
        assertThat(jira.requests("POST", "/issue/MIUI-2101/remotelink")).hasSize(2);
        assertThat(jira.requests("POST", "/issue/MIUI-2102/remotelink")).hasSize(2);
        assertThat(jira.requests("POST", "/issue/MIUI-2103/remotelink")).hasSize(1);
        assertThat(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.*")).hasSize(1);
    }

    @Test
    void aWishLinkedToATicketIsFulfilledWhenJiraSaysItIsDone() throws IOException {
        openRoundAndReport();
        JsonObject week = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200);
        long wish = week.getAsJsonArray("wishes").get(0).getAsJsonObject().get("id").getAsLong();
        String amy = server.pass("amy", "Amy");
        JsonArray similar = api.call("GET", "/api/v1/wishes/similar?text=" + "settings%20dark%20mode",
                "/api/v1/wishes/similar", amy, null, 200).getAsJsonArray();
        assertThat(similar.get(0).getAsJsonObject().get("wishId").getAsLong()).isEqualTo(wish);

        JsonObject linked = object("PUT", "/api/v1/wishes/" + wish + "/ticket", "/api/v1/wishes/{id}/ticket", LEAD,
                "{\"key\": \"MIUI-2200\"}", 200);
        assertThat(linked.get("ticket").getAsString()).isEqualTo("MIUI-2200");
        eventually("the wish page linked from the ticket",
                () -> !jira.requests("POST", "/issue/MIUI-2200/remotelink").isEmpty());
        assertThat(body(jira.requests("POST", "/issue/MIUI-2200/remotelink").get(0)).get("globalId").getAsString())
                .isEqualTo("popcorn:prod:" + server.popcorn.baseUrl() + "/wishes/" + wish);
        long pointsBefore = points(amy);
        // Dan follows the wish from its page without backing it; Eve follows, then changes her mind.
        String dan = server.pass("dan", "Dan");
        String eve = server.pass("eve", "Eve");
        JsonObject following = object("PUT", "/api/v1/wishes/" + wish + "/follow", "/api/v1/wishes/{id}/follow", dan,
                null, 200);
        assertThat(following.get("follows").getAsBoolean()).isTrue();
        assertThat(following.get("backs").getAsBoolean()).isFalse();
        object("PUT", "/api/v1/wishes/" + wish + "/follow", "/api/v1/wishes/{id}/follow", eve, null, 200);
        assertThat(object("DELETE", "/api/v1/wishes/" + wish + "/follow", "/api/v1/wishes/{id}/follow", eve, null, 200)
                .get("follows").getAsBoolean()).isFalse();
        object("PUT", "/api/v1/wishes/999999/follow", "/api/v1/wishes/{id}/follow", dan, null, 404);
        object("PUT", "/api/v1/wishes/" + wish + "/follow", "/api/v1/wishes/{id}/follow", null, null, 401);
        jira.ticket("MIUI-2200", "Dark mode for the settings screens", "In Progress", List.of("Settings"), List.of());
        jira.keySearch("MIUI-2200");
        jira.ticket("TEST-1", "The fixture's ticket", "In Progress", List.of(), List.of());
        jira.keySearch("TEST-1");

        String fixture = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        // The fixture as Jira sent it: a ticket moved to In Progress; Popcorn will read it.
        JsonObject inProgress = hook(fixture, signature(fixture));
        assertThat(inProgress.get("handled").getAsBoolean()).isTrue();
        assertThat(inProgress.get("ticket").getAsString()).isEqualTo("TEST-1");

        JsonObject event = JsonParser.parseString(fixture).getAsJsonObject();
        JsonObject issue = event.getAsJsonObject("issue");
        issue.addProperty("key", "MIUI-2200");
        JsonObject fields = issue.getAsJsonObject("fields");
        fields.getAsJsonObject("status").addProperty("name", "Done");
        fields.getAsJsonObject("status").getAsJsonObject("statusCategory").addProperty("key", "done");
        fields.add("fixVersions", JsonParser.parseString("[{\"name\": \"2026.11.27\"}]"));
        String done = event.toString();

        assertThat(send(done, null).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(send(done, "sha256=" + "0".repeat(64)).statusCode()).as("wrong signature").isEqualTo(401);
        assertThat(send("{not json", signature("{not json")).statusCode()).isEqualTo(400);
        String lenient = "{'webhookEvent': 'jira:issue_updated', 'issue': {'key': 'MIUI-2200'}}";
        assertThat(send(lenient, signature(lenient)).statusCode()).as("not strict JSON, though signed").isEqualTo(400);

        // Signed, but Jira itself says the ticket is still in progress: the event's word is not taken.
        hook(done, signature(done));
        eventually("Popcorn read the ticket from Jira", () -> readsFromJira("MIUI-2200") == 1 && outboxSettled());
        assertThat(wishNotices(amy)).as("nobody is credited on the event's word").isEmpty();
        assertThat(points(amy)).isEqualTo(pointsBefore);

        // Now Jira has it done: the next event (however it is worded) makes Popcorn read it again, and credit once.
        jira.ticket("MIUI-2200", "Dark mode for the settings screens", "Done", List.of("Settings"), List.of());
        jira.issue("MIUI-2200").getAsJsonObject("fields").add("fixVersions",
                JsonParser.parseString("[{\"name\": \"2026.11.27\"}]"));
        jira.keySearch("MIUI-2200");
        hook(fixture.replace("TEST-1", "MIUI-2200"), signature(fixture.replace("TEST-1", "MIUI-2200")));
        eventually("read again", () -> readsFromJira("MIUI-2200") == 2 && outboxSettled());
        JsonObject replayed = hook(done, signature(done));
        assertThat(replayed.get("handled").getAsBoolean()).as("the same signed body again is a replay").isFalse();
        assertThat(readsFromJira("MIUI-2200")).isEqualTo(2);

        List<JsonObject> notices = wishNotices(amy);
        assertThat(notices).as("told once").hasSize(1);
        assertThat(notices.get(0).get("shipsIn").getAsString()).isEqualTo("2026.11.27");
        assertThat(notices.get(0).get("href").getAsString()).isEqualTo("/wishes/" + wish);
        // The badge the shipped wish earned is news too, in the same list.
        eventually("the wishes-shipped badge told",
                () -> api.call("GET", "/api/v1/me/notices", "/api/v1/me/notices", amy, null, 200)
                        .getAsJsonArray().asList().stream()
                        .anyMatch(n -> n.getAsJsonObject().get("kind").getAsString().equals("BADGE")
                                && n.getAsJsonObject().get("badge").getAsString().equals("wishes-shipped.bronze")));
        // Amy filed the wish: the author's share (40), and the first tier of the wishes-shipped badge (10).
        assertThat(points(amy)).isEqualTo(pointsBefore + 40 + 10);
        assertThat(object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).has("fulfilledAt"))
                .isTrue();
        // The follower is told, once, and earns nothing; the one who stopped following is not told.
        assertThat(wishNotices(dan)).hasSize(1);
        assertThat(points(dan)).isZero();
        assertThat(wishNotices(eve)).isEmpty();
        object("PUT", "/api/v1/wishes/" + wish + "/follow", "/api/v1/wishes/{id}/follow", eve, null, 409);
    }

    private long readsFromJira(String key) {
        return jira.requests("POST", "/search/jql").stream()
                .filter(r -> body(r).get("jql").getAsString().equals("key in (" + key + ")")).count();
    }

    private boolean outboxSettled() {
        JsonObject outbox = tracker().getAsJsonObject("outbox");
        return outbox.get("PENDING").getAsInt() == 0;
    }

    @Test
    void aTicketIsCreatedFromAWishOnceAndTheFailedWritesCanBeRetried() {
        openRoundAndReport();
        long wish = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200).getAsJsonArray("wishes").get(0)
                .getAsJsonObject().get("id").getAsLong();
        JsonObject filing = object("POST", "/api/v1/wishes/" + wish + "/ticket", "/api/v1/wishes/{id}/ticket", LEAD,
                null, 202);
        assertThat(filing.has("ticket")).isFalse();
        assertThat(filing.get("filing").getAsBoolean()).isTrue();
        eventually("the wish linked to its new ticket",
                () -> object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).has("ticket"));
        assertThat(object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).get("ticket")
                .getAsString())
                .isEqualTo("MIUI-3001");
        assertThat(jira.requests("POST", "/issue")).hasSize(1);
        JsonObject fields = body(jira.requests("POST", "/issue").get(0)).getAsJsonObject("fields");
        assertThat(fields.get("summary").getAsString()).isEqualTo("Dark mode for the settings screens");
        object("POST", "/api/v1/wishes/" + wish + "/ticket", "/api/v1/wishes/{id}/ticket", LEAD, null, 409);

        // A refusal no retry can fix is kept as failed for the lead, and tried again on request.
        var refusal = jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-2101/remotelink")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"errorMessages\":[\"You do not have permission to link issues.\"],\"errors\":{}}")));
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("one failed write", () -> tracker().getAsJsonObject("outbox").get("FAILED").getAsInt() == 1);
        assertThat(tracker().getAsJsonArray("troubles").toString()).contains("permission to link issues");
        // The lead is told which permission to grant, in their language.
        assertThat(trackerIn("en").getAsJsonArray("troubles").get(0).getAsJsonObject().get("advice").getAsString())
                .contains("Grant the Jira account Link issues");
        assertThat(trackerIn("zh-CN").getAsJsonArray("troubles").get(0).getAsJsonObject().get("advice").getAsString())
                .contains("链接问题");
        jira.server.removeStub(refusal);
        assertThat(object("POST", "/api/v1/tracker/retry", "/api/v1/tracker/retry", LEAD, null, 200).get("retried")
                .getAsInt())
                .isEqualTo(1);
        eventually("every write done", () -> tracker().getAsJsonObject("outbox").get("FAILED").getAsInt() == 0
                && tracker().getAsJsonObject("outbox").get("PENDING").getAsInt() == 0);
    }

    private long fileTheWish() {
        long wish = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200).getAsJsonArray("wishes").get(0)
                .getAsJsonObject().get("id").getAsLong();
        object("POST", "/api/v1/wishes/" + wish + "/ticket", "/api/v1/wishes/{id}/ticket", LEAD, null, 202);
        return wish;
    }

    private boolean wishHasTicket(long wish) {
        return object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).has("ticket");
    }

    /** Moves the clock a second at a time (as Retry-After asked) until {@code condition} holds. */
    private void tickUntil(String what, BooleanSupplier condition) {
        eventually(what, () -> {
            server.clock.advance(Duration.ofSeconds(1));
            return condition.getAsBoolean();
        });
    }

    @Test
    void twelveRateLimitedAnswersInARowEndInOneTicketAndNoFailure() {
        openRoundAndReport();
        jira.rateLimit("POST", "/issue", 12, 1);
        long wish = fileTheWish();

        tickUntil("the ticket created", () -> wishHasTicket(wish));

        assertThat(jira.requests("POST", "/issue")).as("twelve 429s, then the ticket").hasSize(13);
        assertThat(object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).get("ticket")
                .getAsString())
                .isEqualTo("MIUI-3001");
        eventually("the wish linked from its ticket",
                () -> jira.requests("POST", "/issue/MIUI-3001/remotelink").size() == 1);
        assertThat(tracker().getAsJsonObject("outbox").get("FAILED").getAsInt()).isZero();
    }

    @Test
    void aLostAnswerAfterRateLimitingEndsSoonInExactlyOneTicketLinkedToTheWish() {
        openRoundAndReport();
        long wish = object("GET", "/api/v1/week", "/api/v1/week", null, null, 200).getAsJsonArray("wishes").get(0)
                .getAsJsonObject().get("id").getAsLong();
        jira.rateLimit("POST", "/issue", 3, 1);
        jira.createsTicketButLosesTheAnswer("MIUI-3050", "Dark mode for the settings screens",
                List.of("popcorn-prod-wish-" + wish, "popcorn-wish"));
        fileTheWish();

        tickUntil("the answer lost", () -> jira.requests("POST", "/issue").size() == 4
                && tracker().getAsJsonArray("troubles").toString().contains("broke off"));
        JsonObject task = tracker().getAsJsonArray("troubles").get(0).getAsJsonObject();
        assertThat(task.get("attempts").getAsInt()).as("the 429s spent no attempt").isEqualTo(1);
        assertThat(task.get("waits").getAsInt()).isEqualTo(3);
        Instant next = Instant.parse(task.get("dueAt").getAsString());
        assertThat(Duration.between(server.clock.instant(), next)).as("the next try is soon")
                .isLessThanOrEqualTo(Duration.ofMinutes(1));

        server.clock.set(next);
        eventually("the wish linked to the ticket that was created", () -> wishHasTicket(wish));
        assertThat(object("GET", "/api/v1/wishes/" + wish, "/api/v1/wishes/{id}", null, null, 200).get("ticket")
                .getAsString())
                .isEqualTo("MIUI-3050");
        eventually("the wish page linked from it",
                () -> jira.requests("POST", "/issue/MIUI-3050/remotelink").size() == 1);
        assertThat(jira.requests("POST", "/issue")).as("looked up, not created again").hasSize(4);
    }

    @Test
    void aRefreshWithNothingNewSendsNothingAndALeadCanForceAFullOne() {
        openRoundAndReport();
        restart(Map.of("jira.refresh-minutes", "60"));
        eventually("the first refresh", () -> writesDone(3));
        int links = jira.requests("POST", "/issue/.*/remotelink").size();
        int properties = jira.requests("PUT", "/issue/.*/properties/.*").size();
        int labels = jira.requests("PUT", "/issue/MIUI-[0-9]+").size();
        assertThat(links).isEqualTo(3);
        assertThat(properties).isEqualTo(3);

        server.clock.advance(Duration.ofMinutes(61));
        eventually("the second refresh",
                () -> writesDone(3) && tracker().getAsJsonObject("outbox").get("DONE").getAsInt() == 3
                        && jira.requests("POST", "/search/jql").size() >= 0);
        pause(Duration.ofSeconds(7));
        eventually("settled", () -> writesDone(3));
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).as("nothing changed: no write").hasSize(links);
        assertThat(jira.requests("PUT", "/issue/.*/properties/.*")).hasSize(properties);
        assertThat(jira.requests("PUT", "/issue/MIUI-[0-9]+")).hasSize(labels);

        // One more verdict on MIUI-2102: its link title and property carry the counts; nothing else is sent.
        object("PUT", "/api/v1/releases/1/report", "/api/v1/releases/{id}/report", server.pass("dee", "Dee"),
                "{\"verdicts\": [{\"feature\": \"MIUI-2102\", \"verdict\": \"LIKE\"}]}", 200);
        server.clock.advance(Duration.ofMinutes(61));
        eventually("the changed ticket written",
                () -> jira.requests("PUT", "/issue/.*/properties/.*").size() == properties + 1);
        pause(Duration.ofSeconds(7));
        assertThat(jira.requests("PUT", "/issue/MIUI-2102/properties/.*")).hasSize(2);
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).hasSize(links + 1);
        assertThat(jira.requests("POST", "/issue/MIUI-2102/remotelink")).hasSize(2);
        assertThat(jira.requests("PUT", "/issue/MIUI-[0-9]+")).as("no label crossed a threshold").hasSize(labels);

        JsonObject forced = object("POST", "/api/v1/tracker/refresh", "/api/v1/tracker/refresh", LEAD, null, 200);
        assertThat(forced.get("filed").getAsInt()).isEqualTo(3);
        eventually("everything written again",
                () -> jira.requests("PUT", "/issue/.*/properties/.*").size() == properties + 4);
        assertThat(jira.requests("POST", "/issue/.*/remotelink")).hasSize(links + 4);
    }

    @Test
    void aSecondInstallationOnTheSameJiraLeavesTheFirstOnesDataAlone() {
        Map<String, String> site = Map.of("server.base-url", "https://popcorn.example.com", "jira.comments", "true");
        restart(site);
        openRoundAndReport();
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("the first installation's feedback", () -> writesDone(3));
        List<LoggedRequest> firstComments = jira.requests("POST", "/issue/MIUI-2101/comment");
        assertThat(firstComments).hasSize(1);
        jira.holdsComments("MIUI-2101", List.of(body(firstComments.get(0)).get("body")));
        Set<String> firstLinks = new TreeSet<>(jira.requests("POST", "/issue/.*/remotelink").stream()
                .map(r -> body(r).get("globalId").getAsString()).toList());
        assertThat(firstLinks).allMatch(id -> id.startsWith("popcorn:prod:https://popcorn.example.com/releases/1#"));
        int before = jira.server.getAllServeEvents().size();

        // A reinstall with a fresh data folder (or staging) on the same Jira and base URL: its release is number 1 too.
        server.close();
        server = TestServer.start(data.resolve("second"), TestServer.FRIDAY, false,
                settings(Map.of("server.base-url", "https://popcorn.example.com", "jira.comments", "true",
                        "server.installation-id", "staging")));
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "system"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD,
                    "{\"name\":\"" + team + " team\",\"members\":[{\"name\":\"Bo\",\"photoUrl\":\"/photos/a.png\"}]}",
                    200);
        }
        assertThat(openFromTheCommandLine()).contains("opened release 2026.11.20");
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("the second installation's feedback", () -> writesDone(3));

        List<ServeEvent> second = jira.server.getAllServeEvents().subList(0,
                jira.server.getAllServeEvents().size() - before);
        for (ServeEvent event : second) {
            LoggedRequest r = event.getRequest();
            String url = r.getUrl();
            assertThat(url).as("no write to the first installation's property").doesNotContain("popcorn.feedback.prod");
            if (url.endsWith("/remotelink")) {
                assertThat(body(r).get("globalId").getAsString()).as("its own links")
                        .startsWith("popcorn:staging:https://popcorn.example.com/releases/1#")
                        .isNotIn(firstLinks);
            }
        }
        assertThat(jira.requests("POST", "/issue/MIUI-2101/comment")).as("its own comment, beside the first one's")
                .hasSize(2);
        assertThat(jira.requests("PUT", "/issue/.*/properties/popcorn.feedback.staging")).hasSize(3);
    }

    @Test
    void aReinstallWithAFreshDataFolderThatKeptTheInstallationIdWritesNothingOverTheFirstOnesRound() {
        Map<String, String> site = Map.of("server.base-url", "https://popcorn.example.com", "server.installation-id",
                "prod");
        restart(site);
        openRoundAndReport();
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("the first database's feedback", () -> writesDone(3));
        // Jira holds what the first database wrote: each property names the database.
        Set<String> databases = new TreeSet<>();
        for (String key : List.of("MIUI-2101", "MIUI-2102", "MIUI-2103")) {
            JsonObject property = body(
                    jira.requests("PUT", "/issue/" + key + "/properties/popcorn.feedback.prod").get(0));
            databases.add(property.get("database").getAsString());
            jira.holdsProperty(key, "popcorn.feedback.prod", property);
        }
        assertThat(databases).as("one database wrote them all").hasSize(1);
        assertThat(object("GET", "/api/v1/tracker/check", "/api/v1/tracker/check", LEAD, null, 200).toString())
                .contains("is this database's own");
        int links = jira.requests("POST", "/issue/.*/remotelink").size();
        int properties = jira.requests("PUT", "/issue/.*/properties/.*").size();
        int labels = jira.requests("PUT", "/issue/MIUI-[0-9]+").size();

        // The operator starts again on a fresh data folder and keeps the configured installation id.
        server.close();
        server = TestServer.start(data.resolve("fresh"), TestServer.FRIDAY, false, settings(site));
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "system"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD,
                    "{\"name\":\"" + team + " team\",\"members\":[{\"name\":\"Bo\",\"photoUrl\":\"/photos/a.png\"}]}",
                    200);
        }
        assertThat(openFromTheCommandLine()).contains("opened release 2026.11.20");
        server.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        eventually("three refusals", () -> tracker().getAsJsonObject("outbox").get("FAILED").getAsInt() == 3);

        assertThat(jira.requests("POST", "/issue/.*/remotelink")).as("no link written over").hasSize(links);
        assertThat(jira.requests("PUT", "/issue/.*/properties/.*")).as("no property written over").hasSize(properties);
        assertThat(jira.requests("PUT", "/issue/MIUI-[0-9]+")).as("no label taken off").hasSize(labels);
        JsonObject refused = trackerIn("en").getAsJsonArray("troubles").get(0).getAsJsonObject();
        assertThat(refused.get("error").getAsString()).contains("another Popcorn database", "server.installation-id");
        assertThat(refused.get("advice").getAsString()).contains("Give this installation an id of its own");
        assertThat(trackerIn("zh-CN").getAsJsonArray("troubles").get(0).getAsJsonObject().get("advice").getAsString())
                .contains("server.installation-id", "未覆盖");
        // The operator's check says it too.
        JsonObject check = object("GET", "/api/v1/tracker/check", "/api/v1/tracker/check", LEAD, null, 200);
        assertThat(check.getAsJsonArray("checks")).filteredOn(c -> !c.getAsJsonObject().get("ok").getAsBoolean())
                .anySatisfy(c -> assertThat(c.toString()).contains("MIUI-2101", databases.iterator().next(),
                        "will not write over it"));
    }

    @Test
    void everyTrackerOperationIsExercisedAgainstTheDocument() throws IOException {
        aWishLinkedToATicketIsFulfilledWhenJiraSaysItIsDone();
        assertThat(tracker().get("tracker").getAsString()).startsWith("Jira Cloud http://localhost:");
        object("GET", "/api/v1/tracker/check", "/api/v1/tracker/check", LEAD, null, 200);
        object("POST", "/api/v1/tracker/retry", "/api/v1/tracker/retry", LEAD, null, 200);
        object("POST", "/api/v1/wishes/999/ticket", "/api/v1/wishes/{id}/ticket", LEAD, null, 404);
        api.call("POST", "/api/v1/hooks/jira", "/api/v1/hooks/jira", null,
                "{\"webhookEvent\":\"jira:version_released\"}", 401);
        JsonObject spec = JsonParser.parseString(server.send("GET", "/api/openapi.json", null, null).body())
                .getAsJsonObject();
        Set<String> tracker = new TreeSet<>();
        for (var path : spec.getAsJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                if (operation.getValue().getAsJsonObject().has("tags") && operation.getValue().getAsJsonObject()
                        .getAsJsonArray("tags").get(0).getAsString().equals("tracker")) {
                    tracker.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        object("POST", "/api/v1/tracker/refresh", "/api/v1/tracker/refresh", LEAD, null, 200);
        assertThat(tracker).hasSize(12);
        assertThat(api.exercised).containsAll(tracker);
    }

    private long points(String pass) {
        return object("GET", "/api/v1/me", "/api/v1/me", pass, null, 200).get("points").getAsLong();
    }

    private JsonObject hook(String body, String signature) {
        HttpResponse<String> response = send(body, signature);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpResponse<String> send(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/hooks/jira")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's notices of shipped wishes (the list also carries their promotions and badges). */
    private List<JsonObject> wishNotices(String pass) {
        return api.call("GET", "/api/v1/me/notices", "/api/v1/me/notices", pass, null, 200).getAsJsonArray().asList()
                .stream()
                .map(JsonElement::getAsJsonObject).filter(n -> n.get("kind").getAsString().equals("WISH_SHIPPED"))
                .toList();
    }
}
