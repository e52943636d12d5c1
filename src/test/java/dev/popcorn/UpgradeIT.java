package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 5: a database made by an earlier release is migrated by today's build when it starts, and its pages
 * and API answer with the history it held. The fixture is the demo week of the build at schema version 12
 * ({@code src/test/resources/upgrade/}); every schema change since must keep it readable.
 */
class UpgradeIT {

    /** The day after the fixture's demo week was made: its release still takes reports. */
    private static final Instant THEN = Instant.parse("2026-12-08T02:00:00Z");

    @TempDir
    Path data;

    @Test
    void aDemoWeekMadeAtSchemaVersion12IsMigratedAtStartAndItsHistoryAnswers() throws Exception {
        Path script = data.resolve("v12-demo.sql.gz");
        try (InputStream fixture = UpgradeIT.class.getResourceAsStream("/upgrade/v12-demo.sql.gz")) {
            Files.copy(fixture, script);
        }
        String url = "jdbc:h2:file:" + data.resolve("popcorn");
        long ballots;
        long grants;
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement sql = db.createStatement()) {
            sql.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION GZIP");
            assertThat(version(sql)).as("the fixture is an old database").isEqualTo("12");
            ballots = count(sql, "SELECT COUNT(*) FROM ballots");
            grants = count(sql, "SELECT COUNT(*) FROM participation_events");
            assertThat(ballots).isPositive();
            assertThat(grants).isPositive();
        }

        try (TestServer server = TestServer.start(data, THEN, false)) {
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
            assertThat(server.page("GET", "/lead/people?q=david", server.leadSession(), null).body()).contains("David Wu");
        }
        try (Connection db = DriverManager.getConnection(url, "", ""); Statement sql = db.createStatement()) {
            assertThat(Integer.parseInt(version(sql))).as("migrated to today's schema").isGreaterThanOrEqualTo(28);
            // The ballots and the ledger were rebuilt on the way (V22, V23): every row is still there.
            assertThat(count(sql, "SELECT COUNT(*) FROM ballots")).as("every ballot kept").isEqualTo(ballots);
            assertThat(count(sql, "SELECT COUNT(*) FROM participation_events")).as("every grant kept")
                    .isGreaterThanOrEqualTo(grants);
            assertThat(count(sql, "SELECT COUNT(*) FROM participation_totals")).isPositive();
        }
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
