package dev.popcorn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code popcorn user export|forget} against a running server (ADR 0030): the export written where asked, the erasure
 * refused without {@code --yes} and changing nothing, then done once; an unknown user and a dead server exit as documented.
 */
class UserCommandIT {

    @TempDir
    Path data;

    TestServer server;
    String url;
    long release;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        server = TestServer.start(data.resolve("server"), TestServer.FRIDAY, false);
        url = server.popcorn.baseUrl();
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\"}");
        JsonObject opened = JsonParser.parseString(server.send("POST", "/api/v1/releases", TestServer.ADMIN_TOKEN,
                "{\"version\": \"2026.11.20\", \"features\": [{\"key\": \"POP-1\", \"summary\": \"Night\", \"team\": \"camera\"}]}")
                .body()).getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        server.clock.advance(java.time.Duration.ofHours(1));
        server.signedInOnce("amy", "Amy Lin");
        assertThat(server.send("PUT", "/api/v1/releases/" + release + "/report", server.pass("amy", "Amy Lin"),
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\", \"comment\": \"Bright at night\"}]}")
                .statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("--help")) {
            all.add("--data");
            all.add(data.resolve("cli").toString());
        }
        return PopcornCommand.run(all.toArray(String[]::new),
                Map.of("POPCORN_SECURITY_ADMIN_TOKEN", TestServer.ADMIN_TOKEN),
                new PopcornCommand.Launcher() {
                    @Override
                    public int start(dev.popcorn.config.Config config, boolean demo, PrintStream stream) {
                        return 0;
                    }

                    @Override
                    public List<dev.popcorn.app.Check> check(dev.popcorn.config.Config config) {
                        return List.of();
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
    void aLeadExportsThenForgetsAUserFromTheCommandLine() throws Exception {
        Path file = data.resolve("amy.json");
        assertThat(run("user", "export", "amy", "--out", file.toString(), "--server", url)).as(err()).isZero();
        assertThat(out()).isEqualTo("wrote everything Popcorn holds about amy to " + file);
        JsonObject export = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(export.getAsJsonArray("account").get(0).getAsJsonObject().get("name").getAsString())
                .isEqualTo("Amy Lin");
        assertThat(export.getAsJsonArray("verdicts").get(0).getAsJsonObject().get("comment").getAsString())
                .isEqualTo("Bright at night");
        assertThat(run("user", "export", "amy", "--server", url)).isZero();
        assertThat(JsonParser.parseString(out()).getAsJsonObject().get("user").getAsString()).isEqualTo("amy");

        assertThat(run("user", "forget", "amy", "--server", url)).as("not without --yes").isEqualTo(1);
        assertThat(err()).contains("not erased", "--yes");
        assertThat(run("user", "export", "amy", "--server", url)).as("nothing changed").isZero();

        assertThat(run("user", "forget", "amy", "--yes", "--server", url)).as(err()).isZero();
        assertThat(out())
                .matches("forgot amy: their counts are kept as gone-[0-9a-f]{16}; passes issued until .* are refused");
        assertThat(run("user", "forget", "amy", "--yes", "--server", url)).as("forgotten already").isEqualTo(1);
        assertThat(err()).contains("(HTTP 404)");
        assertThat(run("user", "export", "amy", "--server", url)).isEqualTo(1);
        assertThat(server.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body())
                .contains("user.export", "user.forget").doesNotContain("Amy Lin");

        assertThat(run("user", "forget", "bob", "--yes", "--server", "http://127.0.0.1:1")).as("not reachable")
                .isEqualTo(3);
        assertThat(run("user", "forget", "--yes", "--server", url)).as("no id").isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out()).containsPattern("(?m)^\\s+user\\s+A user who asks to be forgotten");
        assertThat(run("user", "--help")).isZero();
        assertThat(out()).contains("export", "forget");
    }
}
