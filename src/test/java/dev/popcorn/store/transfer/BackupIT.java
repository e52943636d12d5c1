package dev.popcorn.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import dev.popcorn.store.PostgresSchema;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 2: a backup taken while fans vote holds every ballot acknowledged before it began, restored into an
 * empty H2 folder and an empty PostgreSQL schema alike — from a server on H2 (which takes the backup itself) and one
 * on PostgreSQL (read by the command directly). A database holding rows, and a file cut short, are refused.
 */
class BackupIT {

    /** Saturday noon in Shanghai: the demo's poll is open. */
    private static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T04:00:00Z");
    /** Ballots as fast as the test sends them: the rate limits are not what is tested here. */
    private static final Map<String, String> NO_LIMITS = Map.of("award.ballots-per-minute", "100000",
            "award.ballots-per-minute-per-address", "10000000");

    @TempDir
    Path dir;

    private final List<PostgresSchema> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() throws Exception {
        for (PostgresSchema schema : schemas) {
            schema.drop();
        }
    }

    private Database freshPostgres(String prefix) throws Exception {
        PostgresSchema schema = PostgresSchema.create(prefix);
        schemas.add(schema);
        return Databases.of(schema);
    }

    /** Fans voting one after another through the API, each ballot recorded once the server acknowledged it. */
    private static final class Voters implements AutoCloseable {
        private final List<String> acknowledged = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Voters(TestServer server, long poll, List<Long> candidates) {
            thread = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 100_000; i++) {
                    String voter = "load-" + i;
                    var answer = server.send("PUT", "/api/v1/polls/" + poll + "/ballot",
                            server.pass(voter, "Load " + i),
                            "{\"candidate\": " + candidates.get(i % candidates.size()) + "}");
                    if (answer.statusCode() == 200) {
                        acknowledged.add(voter);
                    }
                }
            }, "voters");
            thread.start();
        }

        /** The voters acknowledged until now. */
        Set<String> soFar() {
            return new HashSet<>(acknowledged);
        }

        @Override
        public void close() {
            stop.set(true);
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long openPoll(TestServer server, List<Long> candidates) {
        JsonObject poll = JsonParser.parseString(server.send("GET", "/api/v1/week", null, null).body())
                .getAsJsonObject()
                .getAsJsonObject("poll");
        assertThat(poll.get("state").getAsString()).isEqualTo("OPEN");
        poll.getAsJsonArray("candidates").forEach(c -> candidates.add(c.getAsJsonObject().get("id").getAsLong()));
        return poll.get("id").getAsLong();
    }

    /** Backs up under load; returns the voters acknowledged before the backup began. */
    private Set<String> backUpWhileFansVote(TestServer server, Path file, String... how) throws Exception {
        List<Long> candidates = new ArrayList<>();
        long poll = openPoll(server, candidates);
        Set<String> before;
        try (Voters voters = new Voters(server, poll, candidates)) {
            Eventually.holds("fans voting", Duration.ofSeconds(30), () -> voters.soFar().size() >= 20);
            before = voters.soFar();
            List<String> args = new ArrayList<>(List.of("backup", "--to", file.toString()));
            args.addAll(List.of(how));
            Databases.Run run = Databases.popcorn(Map.of(), args.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("backed up", "read back whole");
            Eventually.holds("fans voting during the backup", Duration.ofSeconds(30),
                    () -> voters.soFar().size() > before.size());
        }
        return before;
    }

    private static Set<String> voters(Database database) throws Exception {
        Set<String> voters = new HashSet<>();
        try (Connection connection = database.open("-");
                PreparedStatement sql = connection
                        .prepareStatement("SELECT user_id FROM ballots WHERE user_id LIKE 'load-%'");
                ResultSet rs = sql.executeQuery()) {
            while (rs.next()) {
                voters.add(rs.getString(1));
            }
        }
        return voters;
    }

    private static void restoredWithEveryBallot(Path file, Map<String, String> env, Path data, Database restored,
            Set<String> before) throws Exception {
        Databases.Run run = Databases.popcorn(env, "restore", file.toString(), "--data", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("restored", "the same as the file's");
        assertThat(voters(restored)).as("every ballot acknowledged before the backup").containsAll(before);
    }

    @Test
    void aServerOnH2BacksUpWhileFansVoteIntoAFileThatRestoresIntoH2AndPostgresql() throws Exception {
        Path file = dir.resolve("popcorn.backup.gz");
        Set<String> before;
        try (TestServer server = TestServer.start(dir.resolve("live"), SATURDAY_NOON, true, NO_LIMITS)) {
            before = backUpWhileFansVote(server, file, "--server", server.url(""), "--token", TestServer.ADMIN_TOKEN);
        }
        assertThat(Files.getPosixFilePermissions(file)).as("readable by its owner only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        restoredWithEveryBallot(file, Map.of(), dir.resolve("restored"), Databases.h2(dir.resolve("restored")), before);
        Database postgres = freshPostgres("popcorn_restore_");
        restoredWithEveryBallot(file, Databases.env(postgres), dir.resolve("unused"), postgres, before);
        assertThat(Databases.sums(postgres)).as("H2's backup restored into PostgreSQL is the same database")
                .isEqualTo(Databases.sums(Databases.h2(dir.resolve("restored"))));

        // Restored again over what is there: refused, naming the tables that hold rows, and nothing changed.
        Map<String, String> sums = Databases.sums(postgres);
        Databases.Run again = Databases.popcorn(Databases.env(postgres), "restore", file.toString(), "--data",
                dir.resolve("unused").toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty", "ballots (", "restore into an empty database");
        assertThat(Databases.sums(postgres)).isEqualTo(sums);
    }

    @Test
    void aServerOnPostgresqlIsBackedUpByTheCommandWhileFansVoteAndRestoresIntoH2() throws Exception {
        Database live = freshPostgres("popcorn_live_");
        Path file = dir.resolve("pg.backup.gz");
        Set<String> before;
        Map<String, String> config = new HashMap<>(NO_LIMITS);
        config.putAll(Databases.pointingAt(live));
        try (TestServer server = TestServer.start(dir.resolve("live-pg"), SATURDAY_NOON, true, config)) {
            before = backUpWhileFansVote(server, file, "--data", dir.resolve("cli").toString(), "--config",
                    properties(live).toString());
        }
        restoredWithEveryBallot(file, Map.of(), dir.resolve("restored"), Databases.h2(dir.resolve("restored")), before);
    }

    @Test
    void aFileCutShortOrNotABackupIsRefusedAndWritesNothing() throws Exception {
        Path data = dir.resolve("source");
        try (TestServer server = TestServer.start(data, SATURDAY_NOON, false)) {
            server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\"}");
        }
        Path whole = dir.resolve("whole.gz");
        assertThat(Databases.popcorn(Map.of(), "backup", "--data", data.toString(), "--to", whole.toString()).code())
                .isZero();
        assertThat(Databases.popcorn(Map.of(), "backup", "--data", data.toString(), "--to", whole.toString()).err())
                .as("an existing file is never written over").contains("exists already");

        // The same rows without the last line, as a backup whose copy was cut off.
        Path cut = dir.resolve("cut.gz");
        List<String> lines = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(whole)),
                java.nio.charset.StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
            out.write(String.join("\n", lines.subList(0, lines.size() - 1))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Databases.Run refused = Databases.popcorn(Map.of(), "restore", cut.toString(), "--data",
                dir.resolve("into").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("cut short");
        assertThat(dir.resolve("into").resolve("popcorn.mv.db")).as("nothing written").doesNotExist();

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a backup");
        Databases.Run notGzip = Databases.popcorn(Map.of(), "restore", text.toString(), "--data",
                dir.resolve("into").toString());
        assertThat(notGzip.code()).isEqualTo(2);
        assertThat(notGzip.err()).contains("is not a Popcorn backup");

        Databases.Run restored = Databases.popcorn(Map.of(), "restore", whole.toString(), "--data",
                dir.resolve("into").toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(Databases.sums(Databases.h2(dir.resolve("into")))).isEqualTo(Databases.sums(Databases.h2(data)));
    }

    /** A configuration file naming the database, as an operator's would (the password not on the command line). */
    private Path properties(Database database) throws Exception {
        return Files.writeString(dir.resolve("popcorn.properties"),
                "db.url=" + database.url() + "\ndb.user=" + database.user()
                        + "\ndb.password=" + database.password() + "\n");
    }
}
