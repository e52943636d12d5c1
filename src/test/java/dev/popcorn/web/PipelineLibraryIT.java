package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.jira.FakeJira;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.util.Expando;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins shared library ({@code plugin-resources/jenkins}) and its example Jenkinsfile run on
 * the Groovy Jenkins uses, with stand-ins for the Jenkins steps, against a real Popcorn and a
 * WireMock Jira. Every request the steps send, and every answer, is checked against Popcorn's
 * OpenAPI document, so a change of the API that would break a pipeline breaks this test.
 */
class PipelineLibraryIT {

    static final Path LIBRARY = Path.of("plugin-resources", "jenkins");
    static final String JENKINS_TOKEN = "jenkins-token-0123456789abcdef";

    @TempDir
    Path data;

    FakeJira jira;
    TestServer server;
    Pipeline pipeline;

    /** One build of a job: the binding Jenkins would give its scripts, and what the steps did. */
    final class Pipeline {
        final Binding binding = new Binding();
        final Map<String, Object> env = new LinkedHashMap<>();
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, String> credentials = new LinkedHashMap<>();
        final List<String> log = new ArrayList<>();
        final List<Map<String, Object>> http = new ArrayList<>();
        final Expando currentBuild = new Expando();
        final GroovyShell shell;

        Pipeline(int number, List<String> commitMessages) throws IOException {
            env.put("JOB_NAME", "miui-weekly-release");
            env.put("BUILD_NUMBER", String.valueOf(number));
            env.put("BUILD_URL", "https://ci.example.org/job/miui-weekly-release/" + number + "/");
            env.put("POPCORN_URL", server.popcorn.baseUrl());
            params.put("RELEASE_VERSION", "2026.11.20");
            credentials.put("popcorn-ci-token", JENKINS_TOKEN);
            // What Jenkins' git plugin records: change sets of entries with the commit's message.
            List<Expando> entries = new ArrayList<>();
            for (String message : commitMessages) {
                Expando entry = new Expando();
                entry.setProperty("msg", message.lines().findFirst().orElse(""));
                entry.setProperty("comment", message);
                entries.add(entry);
            }
            Expando changeSet = new Expando();
            changeSet.setProperty("items", entries.toArray());
            currentBuild.setProperty("changeSets", List.of(changeSet));
            Expando tests = new Expando();
            tests.setProperty("totalCount", 1840);
            tests.setProperty("failCount", 0);
            tests.setProperty("skipCount", 8);
            tests.setProperty("passCount", 1832);
            binding.setVariable("env", env);
            binding.setVariable("params", params);
            binding.setVariable("credentials", credentials);
            binding.setVariable("log", log);
            binding.setVariable("http", http);
            binding.setVariable("currentBuild", currentBuild);
            binding.setVariable("tests", tests);
            CompilerConfiguration compiler = new CompilerConfiguration();
            // Jenkins imports these into every pipeline script.
            compiler.addCompilationCustomizers(new ImportCustomizer().addStarImports("com.cloudbees.groovy.cps"));
            shell = new GroovyShell(PipelineLibraryIT.class.getClassLoader(), binding, compiler);
            shell.evaluate(Files.readString(Path.of("src", "test", "resources", "jenkins", "stand-ins.groovy")));
            shell.getContext().setVariable("shell", shell);
            shell.evaluate("loadLibrary(new File('" + LIBRARY.resolve("vars").toAbsolutePath() + "'), shell)");
        }

        /** Runs a Jenkinsfile; its {@code @Library('popcorn') _} line is what loaded the library above. */
        Object runJenkinsfile(String name) throws IOException {
            String script = Files.readString(LIBRARY.resolve("examples").resolve(name), StandardCharsets.UTF_8);
            assertThat(script).contains("@Library('popcorn') _");
            return shell.evaluate(script.replace("@Library('popcorn') _", ""));
        }

        Object run(String groovy) {
            return shell.evaluate(groovy);
        }
    }

    @BeforeEach
    void start() throws IOException {
        jira = FakeJira.weeklyRelease();
        jira.keySearch("MIUI-2101", "MIUI-2102", "UTF-8");
        server = TestServer.start(data, TestServer.FRIDAY, false, jira.settings(Map.of(
                "jenkins.token", JENKINS_TOKEN,
                "jenkins.job", "miui-weekly-release",
                "jenkins.features", "parameter:FIX_VERSION")));
        for (String team : new String[] {"camera", "system", "design"}) {
            server.send("PUT", "/api/v1/teams/" + team, TestServer.ADMIN_TOKEN, "{\"name\":\"" + team + " team\"}");
        }
        pipeline = new Pipeline(112, List.of("MIUI-2101 night mode in the camera\n\nLow light pipeline",
                "Faster settings search (MIUI-2102)", "Handle UTF-8 file names"));
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(jira.contractViolations()).isEmpty();
        jira.close();
    }

    @Test
    void theExampleJenkinsfileOpensTheRightReleaseWithTheRightFeaturesOnce() throws IOException {
        pipeline.runJenkinsfile("Jenkinsfile");
        assertThat(pipeline.log).contains("+ ./gradlew --no-daemon assembleRelease test",
                "Popcorn: opened release 2026.11.20 with 2 features (MIUI-2101, MIUI-2102); award poll 1 is a draft;"
                        + " mentioned but no tickets: UTF-8",
                "Popcorn: camera's candidate in Popcorn Award · 2026.11.20 is now \"Night mode\"");
        JsonObject release = onlyRelease();
        List<String> features = new ArrayList<>();
        release.getAsJsonArray("features").forEach(f -> features.add(f.getAsJsonObject().get("key").getAsString()
                + " " + f.getAsJsonObject().get("team").getAsString()));
        assertThat(features).containsExactly("MIUI-2101 camera", "MIUI-2102 system");
        JsonObject build = release.getAsJsonObject("build");
        assertThat(build.get("number").getAsInt()).isEqualTo(112);
        assertThat(build.getAsJsonObject("tests").get("total").getAsInt()).isEqualTo(1840);
        JsonArray candidates = JsonParser
                .parseString(server.send("GET", "/api/v1/polls/1", TestServer.ADMIN_TOKEN, null)
                        .body())
                .getAsJsonObject().getAsJsonArray("candidates");
        List<String> proposed = new ArrayList<>();
        candidates.forEach(c -> proposed.add(c.getAsJsonObject().get("teamSlug").getAsString() + ": "
                + c.getAsJsonObject().get("title").getAsString()));
        assertThat(proposed).containsExactly("camera: Night mode", "system: Faster settings search");

        // The build is replayed, and the Notification plugin reports it too: still one release.
        Pipeline replay = new Pipeline(112, List.of("MIUI-2101 night mode in the camera"));
        replay.runJenkinsfile("Jenkinsfile");
        assertThat(replay.log)
                .contains("Popcorn: release 2026.11.20 was opened by this build already; nothing changed");
        String finalized = JenkinsHookIT.fixture("release_build_finalized.json");
        assertThat(server.send("POST", "/api/v1/hooks/jenkins?token=" + JENKINS_TOKEN, null, finalized).statusCode())
                .isEqualTo(200);
        assertThat(onlyRelease().get("id").getAsLong()).isEqualTo(release.get("id").getAsLong());
        assertThat(contractViolations(pipeline)).isEmpty();
        assertThat(contractViolations(replay)).isEmpty();
    }

    @Test
    void eachStepCallsTheApiAsDocumented() {
        jira.keySearch("MIUI-2102");
        jira.keySearch("MIUI-2101", "MIUI-2102");
        Object dryRun = pipeline.run("popcornRelease(version: '2026.11.20', keys: ['MIUI-2102'], dryRun: true)");
        assertThat(pipeline.log).contains("Popcorn: dry run: would open release 2026.11.20 with 1 feature (MIUI-2102)");
        assertThat(((Map<?, ?>) dryRun).get("created")).isEqualTo(false);
        assertThat(JsonParser.parseString(server.send("GET", "/api/v1/releases", null, null).body()).getAsJsonArray())
                .isEmpty();

        pipeline.run("popcornRelease(version: '2026.11.20', keys: ['MIUI-2101', 'MIUI-2102'])");
        pipeline.run(
                "popcornCandidate(version: '2026.11.20', team: 'design', title: 'New icons', pitch: 'Round at last')");
        pipeline.run(
                "popcornCandidate(version: '2026.11.20', team: 'design', title: 'New icons', titleZh: '新图标', pitch: 'Round at last', pitchZh: '终于圆了')");
        Object counts = pipeline
                .run("popcornTestSummary(version: '2026.11.20', tests: [total: 12, failed: 1, skipped: 2])");
        assertThat(counts).isEqualTo(Map.of("total", 12, "failed", 1, "skipped", 2));
        assertThat(pipeline.log).contains("Popcorn: proposed \"New icons\" for design in Popcorn Award · 2026.11.20",
                "Popcorn: design's candidate in Popcorn Award · 2026.11.20 is now \"New icons\"",
                "Popcorn: release 2026.11.20: 12 tests, 1 failed, 2 skipped");
        JsonObject tests = onlyRelease().getAsJsonObject("build").getAsJsonObject("tests");
        assertThat(tests.get("passed").getAsInt()).isEqualTo(9);
        assertThat(pipeline.http)
                .allSatisfy(call -> assertThat(call.get("headers")).isEqualTo(List.of("Authorization")));
        assertThat(contractViolations(pipeline)).isEmpty();
        JsonObject design = null;
        for (var candidate : JsonParser.parseString(server.send("GET", "/api/v1/polls/1", null, null).body())
                .getAsJsonObject()
                .getAsJsonArray("candidates")) {
            if (candidate.getAsJsonObject().get("teamSlug").getAsString().equals("design")) {
                design = candidate.getAsJsonObject();
            }
        }
        assertThat(design).isNotNull();
        assertThat(design.get("title").getAsString()).isEqualTo("New icons");
        assertThat(design.get("titleZh").getAsString()).as("the Chinese title from the step").isEqualTo("新图标");
        assertThat(design.get("pitchZh").getAsString()).isEqualTo("终于圆了");
        assertThat(pipeline.http)
                .extracting(call -> call.get("method") + " " + URI.create((String) call.get("url")).getPath())
                .contains("POST /api/v1/releases", "GET /api/v1/releases", "GET /api/v1/polls/1",
                        "POST /api/v1/polls/1/candidates", "PUT /api/v1/polls/1/candidates/3",
                        "PUT /api/v1/releases/1/tests");
    }

    @Test
    void aStepThatCannotDoItsWorkFailsTheBuildSayingWhy() {
        assertThatThrownBy(() -> pipeline.run("popcornTestSummary(version: '2026.11.20', tests: [total: 1])"))
                .hasMessage("popcorn: there is no release 2026.11.20; open it first with popcornRelease");
        assertThatThrownBy(() -> pipeline.run("popcornRelease(version: '')"))
                .hasMessageStartingWith("popcornRelease: version is required");
        pipeline.credentials.put("popcorn-ci-token", "not-the-ci-token-00000000");
        assertThatThrownBy(() -> pipeline.run("popcornRelease(version: '2026.11.20')"))
                .hasMessage(
                        "popcorn: The bearer token is neither the admin token, the CI token nor a valid API pass. (HTTP 401)")
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("AbortException"));
        assertThatThrownBy(() -> pipeline.run("popcornRelease(version: '2026.11.20', credentialsId: 'nope')"))
                .hasMessage("Could not find credentials entry with ID 'nope'");
        pipeline.env.remove("POPCORN_URL");
        assertThatThrownBy(() -> pipeline.run("popcornRelease(version: '2026.11.20')"))
                .hasMessageStartingWith("popcorn: no server");
        assertThat(pipeline.env).doesNotContainKey("POPCORN_TOKEN");
        assertThat(JsonParser.parseString(server.send("GET", "/api/v1/releases", null, null).body()).getAsJsonArray())
                .isEmpty();
    }

    private JsonObject onlyRelease() {
        JsonArray releases = JsonParser
                .parseString(server.send("GET", "/api/v1/releases?version=2026.11.20", null, null)
                        .body())
                .getAsJsonArray();
        assertThat(releases).hasSize(1);
        return releases.get(0).getAsJsonObject();
    }

    /** Each request the steps sent and each answer, against the OpenAPI document the server serves. */
    private List<String> contractViolations(Pipeline run) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                server.send("GET", "/api/openapi.json", null, null).body()).build();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> call : run.http) {
            URI url = URI.create((String) call.get("url"));
            SimpleRequest.Builder request = new SimpleRequest.Builder((String) call.get("method"), url.getPath())
                    .withAuthorization("Bearer " + JENKINS_TOKEN);
            if (url.getQuery() != null) {
                for (String pair : url.getQuery().split("&")) {
                    String[] nameAndValue = pair.split("=", 2);
                    request.withQueryParam(nameAndValue[0], nameAndValue[1]);
                }
            }
            if (call.get("body") != null) {
                request.withContentType("application/json").withBody((String) call.get("body"));
            }
            SimpleResponse response = SimpleResponse.Builder.status((Integer) call.get("status"))
                    .withContentType((String) call.get("contentType")).withBody((String) call.get("content")).build();
            ValidationReport report = validator.validate(request.build(), response);
            report.getMessages().forEach(m -> problems.add(call.get("method") + " " + url + ": " + m.getMessage()));
        }
        return problems;
    }
}
