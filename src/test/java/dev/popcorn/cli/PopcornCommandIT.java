package dev.popcorn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead's command line against a running server, as a CI step would use it. */
class PopcornCommandIT {

    @TempDir
    Path data;

    TestServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        server = TestServer.start(data.resolve("server"), TestServer.FRIDAY, false);
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\"}");
        server.send("PUT", "/api/v1/teams/battery", TestServer.ADMIN_TOKEN, "{\"name\": \"Battery\"}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.resolve("cli").toString());
        return PopcornCommand.run(all.toArray(String[]::new),
                Map.of("POPCORN_SECURITY_ADMIN_TOKEN", TestServer.ADMIN_TOKEN),
                new PopcornCommand.Launcher() {
                    @Override
                    public int start(dev.popcorn.config.Config config, boolean demo, PrintStream stream) {
                        return 0;
                    }

                    @Override
                    public java.util.List<dev.popcorn.app.Check> check(dev.popcorn.config.Config config) {
                        return dev.popcorn.Popcorn.check(config, java.time.Clock.systemUTC());
                    }
                }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aLeadRunsTheWeekFromTheCommandLine() {
        String server = this.server.popcorn.baseUrl();
        assertThat(run("release", "open", "--server", server, "--version", "2026.11.20",
                "--feature", "POP-1|Night mode|camera|夜景模式", "--feature", "POP-2|Quiet charging|battery")).isZero();
        assertThat(out()).startsWith("opened release 2026.11.20 (id 1, 2 features, reports until 2026-11-24T15:59:00Z)")
                .endsWith("award poll 1 is a draft");

        assertThat(this.server.send("GET", "/api/v1/releases/1", null, null).body()).contains("\"summaryZh\":\"夜景模式\"");
        assertThat(run("candidate", "add", "--server", server, "--poll", "1", "--team", "camera", "--title",
                "Night camera",
                "--title-zh", "夜拍相机", "--ticket", "POP-1", "--pitch", "after dark")).isZero();
        assertThat(this.server.send("GET", "/api/v1/polls/1", null, null).body()).contains("\"titleZh\":\"夜拍相机\"");
        assertThat(run("candidate", "add", "--server", server, "--poll", "1", "--team", "battery", "--title", "Quiet"))
                .isZero();
        // The release proposed one candidate per team (1 and 2); these are the lead's own.
        assertThat(out()).isEqualTo("added candidate 4 'Quiet' to poll 1");
        assertThat(run("poll", "open", "--server", server, "1")).isZero();
        assertThat(out()).isEqualTo("poll 1 'Popcorn Award · 2026.11.20' is OPEN, 4 candidates");
        assertThat(run("poll", "approve", "--server", server, "1")).isEqualTo(1);
        assertThat(err()).contains("can be approved only after it closed").contains("HTTP 409");
        assertThat(run("poll", "close", "--server", server, "1")).isZero();
        assertThat(run("poll", "approve", "--server", server, "1")).isZero();
        assertThat(out()).startsWith("poll 1 'Popcorn Award · 2026.11.20' is APPROVED, 4 candidates, 0 ballots");
    }

    @Test
    void aWrongTokenIsReportedAsAWrongToken() {
        assertThat(run("poll", "show", "--server", server.popcorn.baseUrl(), "--token", "not-the-token-at-all", "1"))
                .isEqualTo(1);
        assertThat(err()).isEqualTo(
                "popcorn: The bearer token is neither the admin token, the CI token nor a valid API pass. (HTTP 401)");
    }

    @Test
    void anUnreachableServerAndBadUsageHaveTheirOwnExitCodes() {
        assertThat(run("poll", "show", "--server", "http://127.0.0.1:9", "1")).isEqualTo(3);
        assertThat(err()).startsWith("popcorn: cannot reach Popcorn at http://127.0.0.1:9");
        assertThat(run("release", "open", "--version", "1", "--feature", "no pipes here")).isEqualTo(2);
        assertThat(err()).contains("--feature must be KEY|SUMMARY|TEAM");
        assertThat(run("poll", "open")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter");
    }

    @Test
    void linksSignInAndHelpIsEverywhere() {
        assertThat(run("link", "--user", "fan-1", "--name", "Fan One")).isZero();
        String link = out();
        assertThat(link).matches("http://localhost:8080/signin/v2\\.[\\w-]+\\.[\\w-]+");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("serve", "link", "release", "candidate", "poll");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out()).contains("--demo", "--port", "--data");
    }
}
