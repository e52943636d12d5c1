package dev.popcorn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.config.Config;
import dev.popcorn.jira.FakeJira;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code popcorn release open} from a Jenkins {@code sh} step against a running server: the
 * token from the environment, the build from Jenkins' variables, the features from the Jira keys
 * in the build's commit messages; a dry run first, then the release, then the same build again.
 * Every outcome is one line and an exit code a pipeline can act on.
 */
class ReleaseFromCiIT {

    static final String CHANGELOG = """
            MIUI-2101 night mode in the camera

            Faster settings search (MIUI-2102)

            Handle UTF-8 file names
            """;

    @TempDir
    Path data;

    FakeJira jira;
    TestServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    /** The CI token the pipeline has: it opens releases and decides nothing (never the admin token). */
    static final String CI_TOKEN = "ci-token-0123456789abcdef0123";

    @BeforeEach
    void start() throws IOException {
        jira = FakeJira.weeklyRelease();
        jira.keySearch("MIUI-2101", "MIUI-2102", "UTF-8");
        jira.search("fixVersion = \"2026.11.27\"", 50, "MIUI-2102");
        server = TestServer.start(data.resolve("server"), TestServer.FRIDAY, false, jira.settings(Map.of(
                "jenkins.token", CI_TOKEN, "jenkins.job", "miui-weekly-release")));
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\"}");
        server.send("PUT", "/api/v1/teams/system", TestServer.ADMIN_TOKEN, "{\"name\": \"System\"}");
        Files.writeString(data.resolve("changelog.txt"), CHANGELOG);
        // What a Jenkins agent has: the build's variables and the CI token bound from a credential.
        env.put("POPCORN_TOKEN", CI_TOKEN);
        env.put("JOB_NAME", "miui-weekly-release");
        env.put("BUILD_NUMBER", "112");
        env.put("BUILD_URL", "https://ci.example.org/job/miui-weekly-release/112/");
        env.put("POPCORN_DATA_DIR", data.resolve("agent").toString());
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(jira.contractViolations()).isEmpty();
        jira.close();
    }

    @Test
    void aReleaseBuildOpensItsReleaseFromTheCommitKeysOnce() {
        String url = server.popcorn.baseUrl();
        String changelog = data.resolve("changelog.txt").toString();

        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--changelog", changelog,
                "--dry-run"))
                .isZero();
        assertThat(out()).isEqualTo("dry run: would open release 2026.11.20 with 2 features (MIUI-2101 camera,"
                + " MIUI-2102 system), reports until 2026-11-24T15:59:00Z; candidates: camera \"Night mode in the camera\","
                + " system \"Faster settings search\"; mentioned but no tickets: UTF-8");
        assertThat(releases("2026.11.20")).isEmpty();

        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--changelog", changelog))
                .isZero();
        assertThat(out()).isEqualTo("opened release 2026.11.20 (id 1, 2 features, reports until 2026-11-24T15:59:00Z);"
                + " award poll 1 is a draft; mentioned but no tickets: UTF-8");
        assertThat(err()).isEmpty();

        // The step runs again in the same build (a replay, a retry): nothing more is opened.
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--changelog", changelog))
                .isZero();
        assertThat(out()).isEqualTo("release 2026.11.20 (id 1) was opened by build miui-weekly-release #112 already;"
                + " nothing changed");
        JsonArray found = releases("2026.11.20");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getAsJsonObject().getAsJsonObject("build").get("number").getAsInt()).isEqualTo(112);

        // The same build cannot open a second version.
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.27")).isEqualTo(1);
        assertThat(err()).isEqualTo("popcorn: The build miui-weekly-release #112 opened the release 2026.11.20 already;"
                + " one build opens one release. (HTTP 409)");
        // Nor did the agent get a data folder: with --server and a token, no configuration is read.
        assertThat(data.resolve("agent")).doesNotExist();
    }

    @Test
    void aQueryOfItsOwnIsRefusedAndTheConfiguredOneOpensTheNextBuildsRelease() {
        env.put("BUILD_NUMBER", "113");
        // The CI token may not send a query of its own: it could read any ticket Popcorn's Jira account sees.
        assertThat(run("release", "open", "--server", server.popcorn.baseUrl(), "--version", "2026.11.27",
                "--jql", "fixVersion = \"2026.11.27\"")).isEqualTo(1);
        assertThat(err()).contains("not by a query of its own", "(HTTP 403)").doesNotContain("\n");
        // Without one, the server's jira.release-jql with the version finds the features.
        assertThat(run("release", "open", "--server", server.popcorn.baseUrl(), "--version", "2026.11.27")).isZero();
        assertThat(out()).startsWith("opened release 2026.11.27 (id 1, 1 features,");
    }

    @Test
    void everyFailureIsOneLineAndAnExitCode() throws IOException {
        String url = server.popcorn.baseUrl();
        env.put("POPCORN_TOKEN", "not-the-token-0123456789");
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--jql", "x")).isEqualTo(1);
        assertThat(err()).endsWith("(HTTP 401)").doesNotContain("\n");

        env.put("POPCORN_TOKEN", CI_TOKEN);
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--changelog",
                data.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err())
                .isEqualTo("popcorn: cannot read --changelog " + data.resolve("missing.txt") + ": no such file");
        Files.writeString(data.resolve("empty.txt"), "Tidy the build scripts\n");
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--changelog",
                data.resolve("empty.txt").toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("popcorn: The change log mentions no Jira keys (such as MIUI-1024). (HTTP 422)");
        assertThat(run("release", "open", "--server", url, "--version", "2026.11.20", "--jql", "x", "--key", "MIUI-1"))
                .isEqualTo(2);
        assertThat(run("release", "open", "--server", "ci.example.org", "--version", "2026.11.20")).isEqualTo(2);
        assertThat(run("release", "open", "--server", url)).isEqualTo(2);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run("release", "open", "--server", "http://127.0.0.1:" + closed, "--version", "2026.11.20"))
                .isEqualTo(3);
        assertThat(err()).startsWith("popcorn: cannot reach Popcorn at http://127.0.0.1:" + closed);
        assertThat(releases("2026.11.20")).isEmpty();
    }

    private JsonArray releases(String version) {
        return JsonParser.parseString(server.send("GET", "/api/v1/releases?version=" + version, null, null).body())
                .getAsJsonArray();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return PopcornCommand.run(args, env, new PopcornCommand.Launcher() {
            @Override
            public int start(Config config, boolean demo, PrintStream stream) {
                throw new AssertionError("not a server command");
            }

            @Override
            public List<dev.popcorn.app.Check> check(Config config) {
                throw new AssertionError("not a check");
            }
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
