package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.store.PostgresSchema;
import dev.popcorn.store.Store;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 5: a database made by an earlier release is migrated by today's build when it starts, and its pages
 * and API answer with the history it held. The fixture is the demo week of the build at schema version 12
 * ({@code src/test/resources/upgrade/}), once as H2 wrote it and once as PostgreSQL did; every schema change since
 * must keep both readable.
 */
class UpgradeIT {

    /** The day after the fixture's demo week was made: its release still takes reports. */
    private static final Instant THEN = Instant.parse("2026-12-08T02:00:00Z");

    /** The schema the PostgreSQL fixture was dumped from; loading it renames it to a test schema of its own. */
    private static final String FIXTURE_SCHEMA = "popcorn_upgrade_v12";

    @TempDir
    Path data;

    @Test
    void anEmbeddedDemoWeekMadeAtSchemaVersion12IsMigratedAtStartAndItsHistoryAnswers() throws Exception {
        Path script = data.resolve("v12-demo.sql.gz");
        try (InputStream fixture = UpgradeIT.class.getResourceAsStream("/upgrade/v12-demo.sql.gz")) {
            Files.copy(fixture, script);
        }
        String url = "jdbc:h2:file:" + data.resolve("popcorn");
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement sql = db.createStatement()) {
            sql.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION GZIP");
        }
        upgradeAndCheck(() -> DriverManager.getConnection(url, "", ""), Map.of());
    }

    @Test
    void aPostgresqlDemoWeekMadeAtSchemaVersion12IsMigratedAtStartAndItsHistoryAnswers() throws Exception {
        PostgresSchema schema = PostgresSchema.create("popcorn_upgrade_");
        try {
            Store.Settings settings = schema.settings(4);
            Database database = () -> DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            // The schema is made by the dump itself (pg_dump -n): start from nothing, as a restore would.
            schema.drop();
            try (Connection db = database.open(); Statement sql = db.createStatement()) {
                sql.execute(postgresFixture(schema.name()));
            }
            upgradeAndCheck(database, Map.of("db.url", settings.url(), "db.user", settings.user(),
                    "db.password", settings.password()));
        } finally {
            schema.drop();
        }
    }

    /**
     * The other way round: a database a newer Popcorn upgraded (here, a schema version no build has yet) is refused
     * at start with what to do, before anything is written; the operator's command ends with exit code 2.
     */
    @Test
    void aDatabaseANewerPopcornUpgradedIsRefusedAtStartWithWhatToDo() throws Exception {
        TestServer.start(data, THEN, false).close();
        String url = "jdbc:h2:file:" + data.resolve("popcorn");
        String newer = "9999";
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement sql = db.createStatement()) {
            sql.execute(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                            + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (9999, '" + newer
                            + "', 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, '', 0, TRUE)");
        }
        Path jar = Path.of("target", "popcorn.jar");
        assertThat(jar).as("the packaged server (mvn package runs before the integration tests)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--data", data.toString(), "--port",
                "0")
                .redirectErrorStream(true).start();
        String said = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve ends by itself: " + said).isTrue();
        assertThat(serve.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("schema version " + newer, "newer Popcorn upgraded it", "restore the backup")
                .doesNotContain("Exception", "\tat ");
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '" + newer + "'"))
                    .as("nothing was undone or added").isEqualTo(1);
            assertThat(count(sql, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")).isZero();
        }
    }

    /** The same questions to the upgraded database, whichever kind it is. */
    private void upgradeAndCheck(Database database, Map<String, String> config) throws Exception {
        long ballots;
        long grants;
        try (Connection db = database.open(); Statement sql = db.createStatement()) {
            assertThat(version(sql)).as("the fixture is an old database").isEqualTo("12");
            ballots = count(sql, "SELECT COUNT(*) FROM ballots");
            grants = count(sql, "SELECT COUNT(*) FROM participation_events");
            assertThat(ballots).isPositive();
            assertThat(grants).isPositive();
        }

        try (TestServer server = TestServer.start(data, THEN, false, config)) {
            HttpResponse<String> home = server.page("GET", "/?lang=en", null, null);
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("2026.12.04");
            String releases = server.send("GET", "/api/v1/releases", null, null).body();
            assertThat(releases).contains("\"version\":\"2026.12.04\"", "\"version\":\"2026.11.27\"");
            HttpResponse<String> winners = server.page("GET", "/winners?lang=zh-CN", null, null);
            assertThat(winners.statusCode()).isEqualTo(200);
            assertThat(winners.body()).contains("2026.11.27");
            assertThat(server.page("GET", "/fans/demo-fan-002?lang=en", null, null).body()).contains("David Wu");
            assertThat(server.send("GET", "/api/v1/leaderboards?period=all", null, null).body()).contains("David Wu");
            assertThat(server.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).statusCode()).isEqualTo(200);
            assertThat(server.page("GET", "/lead/people?q=david", server.leadSession(), null).body())
                    .contains("David Wu");
        }
        try (Connection db = database.open(); Statement sql = db.createStatement()) {
            assertThat(Integer.parseInt(version(sql))).as("migrated to today's schema").isGreaterThanOrEqualTo(28);
            // The ballots and the ledger were rebuilt on the way (V22, V23): every row is still there.
            assertThat(count(sql, "SELECT COUNT(*) FROM ballots")).as("every ballot kept").isEqualTo(ballots);
            assertThat(count(sql, "SELECT COUNT(*) FROM participation_events")).as("every grant kept")
                    .isGreaterThanOrEqualTo(grants);
            assertThat(count(sql, "SELECT COUNT(*) FROM participation_totals")).isPositive();
        }
    }

    /**
     * The plain {@code pg_dump --inserts} of the fixture, made runnable over JDBC: psql's own commands
     * ({@code \restrict}) left out and the schema renamed to the test's.
     */
    private static String postgresFixture(String schema) throws Exception {
        try (InputStream gz = UpgradeIT.class.getResourceAsStream("/upgrade/v12-demo-postgresql.sql.gz")) {
            String dump = new String(new GZIPInputStream(gz).readAllBytes(), StandardCharsets.UTF_8);
            return dump.lines().filter(line -> !line.startsWith("\\"))
                    .map(line -> line.replace(FIXTURE_SCHEMA, schema))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Opens a connection to the database under test. */
    private interface Database {
        Connection open() throws Exception;
    }

    private static String version(Statement sql) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
