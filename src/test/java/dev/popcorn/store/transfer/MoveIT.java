package dev.popcorn.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.TestServer;
import dev.popcorn.store.PostgresSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 1: {@code popcorn migrate} moves the demo's community from its data folder's H2 to PostgreSQL, and a
 * server on the copy answers what one on the original answers; a move killed half-way and resumed ends the same; a
 * target holding rows and a source a server uses are refused with why.
 */
class MoveIT {

    /** Saturday noon in Shanghai: last week's award approved, this week's poll open. */
    private static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T04:00:00Z");

    @TempDir
    static Path demo;

    @TempDir
    Path scratch;

    private PostgresSchema schema;

    @BeforeAll
    static void makeTheDemo() {
        TestServer.start(demo, SATURDAY_NOON, true).close();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            schema.drop();
        }
    }

    /** What a visitor, a fan and a lead see: the week, polls and their results, a fan's standing, boards, the audit log. */
    private static Map<String, String> answers(TestServer server) {
        String pass = server.pass("demo-fan-002", "David Wu");
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/week", "/api/v1/releases", "/api/v1/winners", "/api/v1/polls/1",
                "/api/v1/polls/2",
                "/api/v1/leaderboards?period=all", "/api/v1/leaderboards?period=week",
                "/api/v1/leaderboards?period=all&of=teams")) {
            answers.put(path, body(server, path, null));
        }
        answers.put("/api/v1/me", body(server, "/api/v1/me", pass));
        answers.put("/api/v1/me/participation", body(server, "/api/v1/me/participation", pass));
        answers.put("/api/v1/audit", body(server, "/api/v1/audit", TestServer.ADMIN_TOKEN));
        for (String page : List.of("/?lang=en", "/winners?lang=zh-CN", "/leaderboards?lang=en",
                "/fans/demo-fan-002?lang=en")) {
            var answer = server.page("GET", page, null, null);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            // Links name the server's own address, whose port is new each start; the script nonce is new each request.
            answers.put(page,
                    answer.body().replace(server.url(""), "http://popcorn").replaceAll("nonce=\"[^\"]*\"", "nonce"));
        }
        return answers;
    }

    private static String body(TestServer server, String path, String bearer) {
        var answer = server.send("GET", path, bearer, null);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theDemoMovedToPostgresqlAnswersAsItDidOnH2() throws Exception {
        schema = PostgresSchema.create("popcorn_move_");
        Database target = Databases.of(schema);
        Map<String, String> before;
        try (TestServer server = TestServer.start(demo, SATURDAY_NOON, false)) {
            before = answers(server);
        }
        assertThat(before.get("/api/v1/winners")).contains("approvedAt");
        assertThat(before.get("/api/v1/audit")).contains("\"action\"");

        Databases.Run run = Databases.popcorn(Map.of("POPCORN_TO_PASSWORD", target.password()), "migrate", "--data",
                demo.toString(), "--to", target.url(), "--user", target.user(), "--batch", "250");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("verified: ", "rows/s", "left").doesNotContain("password=");
        assertThat(Databases.sums(target)).isEqualTo(Databases.sums(Databases.h2(demo)));

        try (TestServer server = TestServer.start(demo, SATURDAY_NOON, false, Databases.pointingAt(target))) {
            Map<String, String> after = answers(server);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((path, answer) -> assertThat(after.get(path)).as(path).isEqualTo(answer));
            // New rows get new numbers: the identities were set past the ids that were copied.
            long entries = count(target, "audit_log");
            assertThat(
                    server.send("POST", "/api/v1/users/demo-fan-002/revoke", TestServer.ADMIN_TOKEN, null).statusCode())
                    .isEqualTo(200);
            assertThat(count(target, "audit_log")).isEqualTo(entries + 1);
        }
    }

    @Test
    void aMoveKilledHalfWayAndResumedEndsWithTheSameDatabase() throws Exception {
        schema = PostgresSchema.create("popcorn_resume_");
        Database target = Databases.of(schema);
        AtomicInteger batches = new AtomicInteger();
        Progress dies = (table, done, total) -> {
            if (batches.incrementAndGet() == 4) {
                throw new IllegalStateException("killed after 3 batches");
            }
        };
        assertThatThrownBy(
                () -> new Move(Databases.h2(demo), target, 250, false, dies).run(new PrintWriter(new StringWriter())))
                .hasMessageContaining("killed");
        long copied = Databases.sums(target).values().stream().mapToLong(s -> Long.parseLong(s.split(" ")[0])).sum();
        long all = Databases.sums(Databases.h2(demo)).values().stream().mapToLong(s -> Long.parseLong(s.split(" ")[0]))
                .sum();
        assertThat(copied).as("part of the rows were copied").isPositive().isLessThan(all);

        Databases.Run refused = Databases.popcorn(Map.of(), "migrate", "--data", demo.toString(), "--to", target.url(),
                "--user", target.user());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("is not empty", "audit_log", "--resume");
        assertThat(Databases.sums(target).values().stream().mapToLong(s -> Long.parseLong(s.split(" ")[0])).sum())
                .as("a refusal changes nothing").isEqualTo(copied);

        Databases.Run resumed = Databases.popcorn(Map.of(), "migrate", "--data", demo.toString(), "--to", target.url(),
                "--user", target.user(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming", "verified: ");
        assertThat(Databases.sums(target)).isEqualTo(Databases.sums(Databases.h2(demo)));
    }

    @Test
    void aTargetThatIsNotPostgresqlIsBadUsage() {
        Databases.Run run = Databases.popcorn(Map.of(), "migrate", "--data", demo.toString(), "--to",
                Databases.h2(scratch.resolve("copy")).url());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--to must be a jdbc:postgresql: URL", "popcorn backup and popcorn restore");
        assertThat(scratch.resolve("copy")).doesNotExist();
    }

    @Test
    void aSourceARunningServerUsesIsRefusedAndLeftAlone() throws Exception {
        Path data = scratch.resolve("running");
        // Never reached: the source is refused first.
        Database target = new Database("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=never_made", "postgres",
                "");
        try (TestServer server = TestServer.start(data, SATURDAY_NOON, false)) {
            server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\"}");
            Databases.Run run = Databases.popcorn(Map.of(), "migrate", "--data", data.toString(), "--to", target.url());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err())
                    .contains("a server is using " + data.toAbsolutePath(), "stop it first", "popcorn backup")
                    .doesNotContain("Exception");
            // From another process, as an operator runs it: H2's file lock keeps it out, and it says so in one line.
            Path jar = Path.of("target", "popcorn.jar");
            assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
            ProcessBuilder command = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "migrate", "--data", data.toString(), "--to", target.url())
                    .redirectErrorStream(true);
            command.environment().put("POPCORN_SECURITY_SECRET", TestServer.SECRET);
            command.environment().put("POPCORN_SECURITY_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
            Process process = command.start();
            String said = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(said).isEqualTo(1);
            assertThat(said.strip()).isEqualTo("popcorn: a server is using " + data.toAbsolutePath()
                    + "; stop it first, or use `popcorn backup` to copy it while it runs");
            assertThat(server.send("GET", "/api/v1/teams", null, null).body()).contains("camera");
        }
    }

    @Test
    void aFolderWithNoDatabaseIsBadUsageAndMakesNone() {
        Path empty = scratch.resolve("nothing-here");
        Databases.Run run = Databases.popcorn(Map.of(), "migrate", "--data", empty.toString(), "--to",
                "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=never_made");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("there is no Popcorn database in " + empty.toAbsolutePath());
        assertThat(empty.resolve("popcorn.mv.db")).doesNotExist();
    }

    private static long count(Database database, String table) throws Exception {
        try (Connection connection = database.open("-");
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
