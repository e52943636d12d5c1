package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by an older release (schema version 21) opened by this one: V22 and V23 rebuild the ballots and
 * the ledger with other keys (issue 27), and every row, its id and the ledger's next id must come through.
 */
class SchemaUpgradeIT {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anH2DatabaseOfVersion21KeepsItsBallotsAndGrantsAndGoesOnNumberingAfterThem(@TempDir Path dir)
            throws Exception {
        Store.Settings settings = new Store.Settings("jdbc:h2:file:" + dir.resolve("popcorn") + ";WRITE_DELAY=0", "",
                "", 2);
        assertUpgraded(settings, Dialect.H2);
    }

    @Test
    void aPostgresqlDatabaseOfVersion21KeepsItsBallotsAndGrantsAndGoesOnNumberingAfterThem() throws Exception {
        PostgresSchema schema = PostgresSchema.create("popcorn_upgrade_");
        try {
            assertUpgraded(schema.settings(2), Dialect.POSTGRESQL);
        } finally {
            schema.drop();
        }
    }

    private static void assertUpgraded(Store.Settings settings, Dialect dialect) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations(Store.migrations(dialect)).target("21").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO teams (slug, name) VALUES ('maps', 'Maps')");
            s.execute("INSERT INTO releases (id, version, shipped_at, reports_close_at)"
                    + " VALUES (7, '7.0', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-24 23:59:00+00')");
            s.execute("INSERT INTO polls (id, release_id, title, state, closes_at)"
                    + " VALUES (3, 7, 'Award', 'OPEN', TIMESTAMP WITH TIME ZONE '2026-11-27 18:00:00+00')");
            s.execute("INSERT INTO candidates (id, poll_id, team_slug, title, tickets, pitch, status, reason)"
                    + " VALUES (5, 3, 'maps', 'Offline maps', 'MAP-1', 'Maps without a network', 'ACTIVE', '')");
            s.execute("INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt)"
                    + " VALUES (3, 'ana', 5, TIMESTAMP WITH TIME ZONE '2026-11-21 09:00:00+00', 'ABCD-EFGH-JKLM')");
            // Numbered by the table, as the older release's rows were; a gap, as a crash or a rollback leaves.
            s.execute("INSERT INTO participation_events (user_id, kind, ref, points, at, reason)"
                    + " VALUES ('bo', 'BALLOT_CAST', 'poll:3', 5, TIMESTAMP WITH TIME ZONE '2026-11-21 08:00:00+00', 'voted')");
            s.execute("INSERT INTO participation_events (user_id, kind, ref, points, at, reason)"
                    + " VALUES ('ana', 'BALLOT_CAST', 'poll:3', 5, TIMESTAMP WITH TIME ZONE '2026-11-21 09:00:00+00', 'voted')");
            s.execute(
                    "INSERT INTO participation_events (user_id, kind, ref, points, at, reason, revoked_at, revoked_by, revoke_reason)"
                            + " VALUES ('ana', 'REPORT_HANDED_IN', 'release:7', 10, TIMESTAMP WITH TIME ZONE '2026-11-21 09:05:00+00', 'report',"
                            + " TIMESTAMP WITH TIME ZONE '2026-11-22 08:00:00+00', 'lead', 'copied')");
            s.execute("DELETE FROM participation_events WHERE user_id = 'bo'");
        }
        try (Store store = Store.open(settings)) {
            // A team of before V27 has no Chinese name: its readers read the English one.
            assertThat(store.teams().find("maps")).hasValueSatisfying(t -> assertThat(t.nameZh()).isEmpty());
            assertThat(store.ballots().find(3, "ana")).hasValueSatisfying(b -> {
                assertThat(b.candidateId()).isEqualTo(5);
                assertThat(b.receipt()).isEqualTo("ABCD-EFGH-JKLM");
            });
            assertThat(store.ballots().tally(3)).containsEntry(5L, 1L);
            List<Grant> grants = store.participation().grants("ana", Long.MAX_VALUE, 10);
            assertThat(grants).extracting(Grant::id).containsExactly(3L, 2L);
            assertThat(grants.get(0).revokedBy()).isEqualTo("lead");
            assertThat(store.participation().find("ana", ParticipationKind.BALLOT_CAST, "poll:3")).isPresent();

            // The same act again is still refused by the key; a new one is numbered after the old rows.
            assertThat(store.participation()
                    .record(new ParticipationEvent("ana", ParticipationKind.BALLOT_CAST, "poll:3", 5,
                            AT, "again")))
                    .isFalse();
            assertThat(store.participation()
                    .record(new ParticipationEvent("ana", ParticipationKind.BALLOT_CAST, "poll:4", 5,
                            AT, "voted")))
                    .isTrue();
            assertThat(store.participation().find("ana", ParticipationKind.BALLOT_CAST, "poll:4"))
                    .hasValueSatisfying(g -> assertThat(g.id()).isGreaterThan(3));
        }
    }
}
