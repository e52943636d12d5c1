package dev.popcorn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/** {@code popcorn participation …} against a running server: each decision is made once, printed, audited; refusals exit 1. */
class ParticipationCommandIT {

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
        assertThat(server.send("PUT", "/api/v1/releases/" + release + "/report", server.pass("amy", "Amy"),
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
        all.add("--server");
        all.add(url);
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

    private long points(String user) {
        return JsonParser.parseString(server.send("GET", "/api/v1/me", server.pass(user, user), null).body())
                .getAsJsonObject().get("points").getAsLong();
    }

    @Test
    void aLeadMarksHelpfulGivesAndRevokesPointsFromTheCommandLine() {
        long before = points("amy");
        assertThat(run("participation", "helpful", String.valueOf(release), "amy")).isZero();
        assertThat(out()).isEqualTo("marked the report of amy on release " + release + " helpful");
        assertThat(run("participation", "helpful", String.valueOf(release), "amy")).isZero();
        assertThat(out())
                .isEqualTo("the report of amy on release " + release + " was marked helpful before; nothing changed");
        assertThat(run("participation", "helpful", String.valueOf(release), "amy", "--comment", "POP-1")).isZero();
        assertThat(out()).startsWith("marked the comment on POP-1 in the report of amy");
        assertThat(run("participation", "helpful", String.valueOf(release), "nobody")).isEqualTo(1);
        assertThat(err()).startsWith("popcorn: ").contains("(HTTP 404)");
        assertThat(points("amy")).as("two helpful marks and the first helpful badge").isEqualTo(before + 15 + 15 + 10);

        assertThat(run("participation", "points", "amy", "300", "--reason", "Best bug report of the month",
                "--ref", "forum:award:42")).isZero();
        assertThat(out()).matches("grant \\d+: 300 points to amy for forum:award:42");
        long grant = Long.parseLong(out().replaceAll("grant (\\d+):.*", "$1"));
        assertThat(run("participation", "points", "amy", "5", "--reason", "again", "--ref", "forum:award:42")).isZero();
        assertThat(out()).endsWith("300 points to amy for forum:award:42 (given before for this ref; nothing changed)");
        assertThat(run("participation", "points", "amy", "5000", "--reason", "too much", "--ref", "x")).isEqualTo(1);
        assertThat(err()).contains("(HTTP 422)");

        assertThat(run("participation", "revoke", String.valueOf(grant), "--reason", "withdrawn by the moderators"))
                .isZero();
        assertThat(out()).isEqualTo("revoked grant " + grant + ": 300 points of amy (AWARDED forum:award:42)");
        assertThat(run("participation", "revoke", String.valueOf(grant), "--reason", "twice")).isEqualTo(1);
        assertThat(err()).contains("(HTTP 409)");
        assertThat(run("participation", "revoke", String.valueOf(grant))).as("a revocation needs a reason")
                .isEqualTo(2);
        assertThat(points("amy")).isEqualTo(before + 15 + 15 + 10);

        String audit = server.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body();
        assertThat(audit).contains("report.helpful", "comment.helpful", "points.award", "points.revoke",
                "withdrawn by the moderators");
    }

    @Test
    void aLeadLocksAndUnlocksALevelFromTheCommandLine() {
        assertThat(run("participation", "lock", "amy", "honorary", "--reason", "十年老粉")).isZero();
        assertThat(out()).isEqualTo("locked amy at Honorary 荣誉元老 (honorary)");
        assertThat(run("participation", "lock", "amy", "emperor", "--reason", "no such level")).isEqualTo(1);
        assertThat(err()).contains("emperor", "(HTTP 422)");
        assertThat(run("participation", "unlock", "amy", "--reason", "by mistake")).isZero();
        assertThat(out()).startsWith("unlocked amy; the level is ");
        assertThat(run("participation", "unlock", "amy", "--reason", "again")).isEqualTo(1);
        assertThat(err()).contains("(HTTP 409)");
        assertThat(run("participation", "lock", "amy")).as("bad usage").isEqualTo(2);
        assertThat(run("participation", "--help")).isZero();
        assertThat(out()).contains("revoke", "helpful", "lock", "unlock", "points", "Exit codes");
        String audit = server.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body();
        assertThat(audit).contains("level.lock", "十年老粉", "level.unlock", "by mistake");
    }

    @Test
    void anUnreachableServerExitsWithThree() {
        url = "http://127.0.0.1:9";
        assertThat(run("participation", "revoke", "1", "--reason", "x")).isEqualTo(3);
        assertThat(err()).startsWith("popcorn: cannot reach Popcorn at http://127.0.0.1:9");
    }
}
