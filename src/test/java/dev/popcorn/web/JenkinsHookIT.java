package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.jira.FakeJira;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins Notification plugin pointed at Popcorn, over real HTTP with a WireMock Jira: the
 * release job's successful end opens the week's release with the tickets of its fix version,
 * once; other phases, results and jobs are acknowledged and ignored; a wrong token or a body that
 * is not a notice changes nothing; a notice that could not open its release is kept and retried.
 */
class JenkinsHookIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final String TOKEN = "jenkins-token-0123456789abcdef";
    static final Path FIXTURES = Path.of("src", "test", "resources", "vendor", "jenkins-notification");
    /** The fixture's FIX_VERSION parameter, filled into the configured JQL template. */
    static final String JQL = "fixVersion = \"MIUI 2026.11.20\" ORDER BY key";

    @TempDir
    Path data;

    FakeJira jira;
    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        jira = FakeJira.weeklyRelease();
        jira.search(JQL, 50, "MIUI-2101", "MIUI-2102");
        server = TestServer.start(data, TestServer.FRIDAY, false, jira.settings(Map.of(
                "jenkins.token", TOKEN,
                "jenkins.job", "miui-weekly-release",
                "jenkins.branch", "origin/release/*",
                "jenkins.features", "jql:fixVersion = \"{param:FIX_VERSION}\" ORDER BY key")));
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "system"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD,
                    "{\"name\":\"" + team
                            + " team\",\"members\":[{\"name\":\"王磊 Wang Lei\",\"photoUrl\":\"/photos/a.png\"}]}",
                    200);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(jira.contractViolations()).isEmpty();
        jira.close();
    }

    @Test
    void theReleaseBuildOpensItsReleaseOnceHoweverOftenItIsReported() throws IOException {
        String finalized = fixture("release_build_finalized.json");
        JsonObject opened = hook(finalized, 201);
        assertThat(opened.get("outcome").getAsString()).isEqualTo("OPENED");
        assertThat(opened.get("message").getAsString()).isEqualTo("Opened the release 2026.11.20 with 2 features.");
        JsonObject release = opened.getAsJsonObject("release");
        assertThat(release.get("version").getAsString()).isEqualTo("2026.11.20");
        assertThat(strings(release.getAsJsonArray("features"))).containsExactly("MIUI-2101", "MIUI-2102");

        // The plugin retries, Jenkins re-sends, or a pipeline step reports the same build: nothing more is opened.
        JsonObject again = hook(finalized, 200);
        assertThat(again.get("outcome").getAsString()).isEqualTo("DUPLICATE");
        assertThat(again.getAsJsonObject("release").get("id").getAsLong()).isEqualTo(release.get("id").getAsLong());
        assertThat(send(finalized, Map.of(JenkinsRoutes.TOKEN_HEADER, TOKEN), "").statusCode()).isEqualTo(200);
        assertThat(send(finalized, Map.of(JenkinsRoutes.SIGNATURE_HEADER, "sha256=" + hmac(TOKEN, finalized)), "")
                .statusCode()).isEqualTo(200);
        assertThat(jira.requests("POST", ".*/search/jql")).hasSize(1);

        JsonArray found = api.call("GET", "/api/v1/releases?version=2026.11.20", "/api/v1/releases", null, null, 200)
                .getAsJsonArray();
        assertThat(found).hasSize(1);
        JsonObject build = found.get(0).getAsJsonObject().getAsJsonObject("build");
        assertThat(build.get("job").getAsString()).isEqualTo("miui-weekly-release");
        assertThat(build.get("number").getAsInt()).isEqualTo(112);
        assertThat(build.get("url").getAsString()).isEqualTo("https://ci.example.org/job/miui-weekly-release/112/");
        assertThat(build.getAsJsonObject("tests").get("passed").getAsInt()).isEqualTo(1832);
        assertThat(build.getAsJsonObject("tests").get("skipped").getAsInt()).isEqualTo(8);
        assertThat(api.call("GET", "/api/v1/releases", "/api/v1/releases", null, null, 200).getAsJsonArray())
                .hasSize(1);

        // The week's candidates are credited to the teams the ticket rules name.
        long poll = release.get("poll").getAsLong();
        JsonArray candidates = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject().getAsJsonArray("candidates");
        List<String> teams = new ArrayList<>();
        candidates.forEach(c -> teams.add(c.getAsJsonObject().get("teamSlug").getAsString()));
        assertThat(teams).containsExactly("camera", "system");

        JsonObject log = api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", LEAD, null, 200).getAsJsonObject();
        assertThat(log.get("enabled").getAsBoolean()).isTrue();
        List<String> outcomes = new ArrayList<>();
        log.getAsJsonArray("notices").forEach(n -> outcomes.add(n.getAsJsonObject().get("outcome").getAsString()));
        assertThat(outcomes).as("the same notice sent again is not stored again").containsExactly("OPENED");
        assertThat(again.get("notice").getAsLong()).isZero();
        // A different notice of the same build (another phase) is a notice of its own.
        String completed = finalized.replace("\"FINALIZED\"", "\"COMPLETED\"");
        assertThat(completed).isNotEqualTo(finalized);
        hook(completed, 202);
        for (int i = 0; i < 20; i++) {
            hook(completed, 202);
        }
        log = api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", LEAD, null, 200).getAsJsonObject();
        assertThat(log.getAsJsonArray("notices")).as("twenty replays cost no row").hasSize(2);
    }

    @Test
    void otherPhasesResultsJobsAndBranchesAreAcknowledgedAndIgnored() throws IOException {
        JsonObject started = hook(fixture("release_build_started.json"), 202);
        assertThat(started.get("outcome").getAsString()).isEqualTo("IGNORED");
        assertThat(started.get("message").getAsString()).isEqualTo("Ignored: the phase STARTED is not FINALIZED.");
        assertThat(started.has("release")).isFalse();

        String finalized = fixture("release_build_finalized.json");
        assertThat(hook(finalized.replace("\"SUCCESS\"", "\"FAILURE\""), 202).get("message").getAsString())
                .isEqualTo("Ignored: the result FAILURE is not SUCCESS.");
        assertThat(hook(finalized.replace("\"FINALIZED\"", "\"COMPLETED\""), 202)
                .get("message").getAsString()).isEqualTo("Ignored: the phase COMPLETED is not FINALIZED.");
        assertThat(hook(finalized.replace("job/miui-weekly-release/\",", "job/miui-nightly/\","), 202)
                .get("message").getAsString()).isEqualTo("Ignored: miui-nightly is not a release job.");
        assertThat(hook(finalized.replace("origin/release/2026.11.20", "origin/main"), 202)
                .get("message").getAsString()).isEqualTo("Ignored: the branch origin/main is not origin/release/*.");
        // In the caller's language.
        HttpResponse<String> chinese = send(fixture("release_build_started.json"), Map.of("Accept-Language", "zh-CN"),
                "?token=" + TOKEN);
        assertThat(JsonParser.parseString(chinese.body()).getAsJsonObject().get("message").getAsString())
                .isEqualTo("已忽略：阶段 STARTED 不是 FINALIZED。");

        assertThat(api.call("GET", "/api/v1/releases", "/api/v1/releases", null, null, 200).getAsJsonArray()).isEmpty();
        assertThat(jira.requests("POST", ".*/search/jql")).isEmpty();
        assertThat(api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("notices")).as("the started notice sent twice is kept once").hasSize(5);
    }

    @Test
    void aWrongTokenOrABodyThatIsNoNoticeChangesNothing() throws IOException {
        String finalized = fixture("release_build_finalized.json");
        assertThat(problem(send(finalized, Map.of(), ""), 401)).contains("Send the Jenkins token");
        assertThat(problem(send(finalized, Map.of(), "?token=not-the-token-at-all-000"), 401))
                .isEqualTo("The Jenkins token is wrong.");
        assertThat(problem(send(finalized, Map.of(JenkinsRoutes.TOKEN_HEADER, "wrong"), ""), 401))
                .isEqualTo("The Jenkins token is wrong.");
        assertThat(problem(
                send(finalized, Map.of(JenkinsRoutes.SIGNATURE_HEADER, "sha256=" + hmac("other", finalized)), ""),
                401)).isNotBlank();
        assertThat(problem(send("{\"name\": \"miui-weekly-release\", \"build\": {", Map.of(), "?token=" + TOKEN), 400))
                .startsWith("The request body is not valid JSON").contains("line 1");
        assertThat(problem(send("{\"name\": \"miui-weekly-release\"}", Map.of(), "?token=" + TOKEN), 422))
                .isEqualTo("\"build\" is missing.");
        assertThat(problem(
                send(finalized.replace("\"number\": 112", "\"number\": \"latest\""), Map.of(), "?token=" + TOKEN),
                400)).contains("build.number");

        assertThat(api.call("GET", "/api/v1/releases", "/api/v1/releases", null, null, 200).getAsJsonArray()).isEmpty();
        assertThat(api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("notices")).isEmpty();
        // The log is the leads' to read.
        api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", null, null, 401);
    }

    @Test
    void aNoticeThatCouldNotOpenItsReleaseIsKeptAndTriedAgain() throws IOException {
        // Nobody set the fix version on the tickets yet: the query finds nothing.
        jira.search(JQL, 50);
        String finalized = fixture("release_build_finalized.json");
        assertThat(problem(send(finalized, Map.of(), "?token=" + TOKEN), 422))
                .isEqualTo("The JQL finds no tickets: " + JQL);
        JsonObject failed = api.call("GET", "/api/v1/jenkins", "/api/v1/jenkins", LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("notices").get(0).getAsJsonObject();
        assertThat(failed.get("outcome").getAsString()).isEqualTo("FAILED");
        assertThat(failed.get("message").getAsString()).isEqualTo("The JQL finds no tickets: " + JQL);
        assertThat(api.call("GET", "/api/v1/releases", "/api/v1/releases", null, null, 200).getAsJsonArray()).isEmpty();

        // The fix version is set in Jira; the lead tries the kept notice again.
        jira.search(JQL, 50, "MIUI-2101", "MIUI-2102");
        long id = failed.get("id").getAsLong();
        JsonObject retried = api.call("POST", "/api/v1/jenkins/notices/" + id + "/retry",
                "/api/v1/jenkins/notices/{id}/retry", LEAD, null, 201).getAsJsonObject();
        assertThat(retried.get("outcome").getAsString()).isEqualTo("OPENED");
        assertThat(strings(retried.getAsJsonObject("release").getAsJsonArray("features")))
                .containsExactly("MIUI-2101", "MIUI-2102");
        api.call("POST", "/api/v1/jenkins/notices/" + id + "/retry", "/api/v1/jenkins/notices/{id}/retry", LEAD, null,
                409);
        api.call("POST", "/api/v1/jenkins/notices/999/retry", "/api/v1/jenkins/notices/{id}/retry", LEAD, null, 404);
        // The notice arriving once more now finds its release.
        assertThat(hook(finalized, 200).get("outcome").getAsString()).isEqualTo("DUPLICATE");
    }

    @Test
    void withoutATokenTheWebhookIsOff(@TempDir Path other) throws IOException {
        try (TestServer plain = TestServer.start(other, TestServer.FRIDAY, false)) {
            HttpResponse<String> answer = plain.send("POST", "/api/v1/hooks/jenkins?token=" + TOKEN, null,
                    fixture("release_build_finalized.json"));
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(JsonParser.parseString(answer.body()).getAsJsonObject().get("detail").getAsString())
                    .isEqualTo("The Jenkins webhook is off: set jenkins.token and jenkins.job.");
        }
    }

    private JsonObject hook(String body, int status) {
        return api.call("POST", "/api/v1/hooks/jenkins?token=" + TOKEN, "/api/v1/hooks/jenkins", null, body, status)
                .getAsJsonObject();
    }

    private HttpResponse<String> send(String body, Map<String, String> headers, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/hooks/jenkins" + query)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String page(HttpClient browser, String url) {
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(answer.statusCode()).as(url).isIn(200, 302);
        return answer.body();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JsonParser.parseString(answer.body()).getAsJsonObject().get("detail").getAsString();
    }

    static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        for (JsonElement e : array) {
            values.add(e.getAsString());
        }
        return values;
    }

    static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
