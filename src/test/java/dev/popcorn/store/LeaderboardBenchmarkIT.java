package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.LevelLadder;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a timed test: the week's and the all-time users' boards (and a user's own place
 * on each) over a ledger of one million grants, on the embedded database and on PostgreSQL (when
 * reachable). Each figure is printed beside a ceiling measured in the same run on the same data —
 * one plain {@code GROUP BY user_id} over the whole ledger, what a board would cost without the
 * index and the totals — so the ratio means the same on a fast or a slow machine. It asserts only
 * that the boards are right; the figures are for people to read (see the README).
 *
 * <p>PostgreSQL's runs in every {@code mvn verify} (about 25 s). The embedded database's runs on request,
 * {@code -Dpopcorn.bench.leaderboards=true}: seeding a million grants into H2 (in memory: in a file it
 * grows by gigabytes) takes about a minute, more than the suite can spend on every run.
 */
class LeaderboardBenchmarkIT {

    private static final int GRANTS = 1_000_000;
    private static final int USERS = 20_000;
    /** One grant every 31 seconds from the first of January: a year of grants, about 19,500 a week. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = START.plusSeconds(31L * GRANTS / 2);

    @TempDir
    Path data;

    @Test
    @EnabledIfSystemProperty(named = "popcorn.bench.leaderboards", matches = "true")
    void aMillionGrantsOnTheEmbeddedDatabase() {
        // In memory: the figures are about the queries, and a million rows written in bulk to a file grows it by gigabytes.
        try (Store store = Store.open(new Store.Settings(
                "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE", "", "",
                4))) {
            run("H2", store, "SYSTEM_RANGE(%d, %d) n(x)",
                    "DATEADD(SECOND, x * 31, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
        }
    }

    @Test
    void aMillionGrantsOnPostgresql() throws SQLException {
        PostgresSchema schema = PostgresSchema.create("popcorn_bench_");
        try (Store store = Store.open(schema.settings(4))) {
            run("PostgreSQL", store, "generate_series(CAST(%d AS BIGINT), CAST(%d AS BIGINT)) AS n(x)",
                    "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + x * INTERVAL '31 seconds'");
        } finally {
            schema.drop();
        }
    }

    private static void run(String database, Store store, String series, String at) {
        long t0 = System.nanoTime();
        // Set-based seeding in ten statements of 100,000 grants (one transaction of a million rows bloats H2's
        // undo log): the users, the ledger, then the all-time totals as the migration back-fills them.
        store.db().with(
                h -> h.execute("INSERT INTO users (id, name, joined_at) SELECT CONCAT('bench-', x), CONCAT('Fan ', x),"
                        + " TIMESTAMP WITH TIME ZONE '2025-12-01 00:00:00+00' FROM "
                        + String.format(series, 0, USERS - 1)));
        int chunk = GRANTS / 10;
        for (int from = 0; from < GRANTS; from += chunk) {
            // Points 1..10 by a spread of x, so users differ.
            String insert = "INSERT INTO participation_events (user_id, kind, ref, points, at, reason)"
                    + " SELECT CONCAT('bench-', MOD(x * 7919, " + USERS
                    + ")), 'AWARDED', CONCAT('r', x), 1 + MOD(x * 31, 10), "
                    + at + ", 'bench' FROM " + String.format(series, from, from + chunk - 1);
            store.db().with(h -> h.execute(insert));
        }
        // Every hundredth user is a lead, left off the boards.
        store.db().with(
                h -> h.execute("UPDATE users SET is_lead = TRUE WHERE MOD(CAST(SUBSTRING(id, 7) AS INT), 100) = 0"));
        store.db().with(h -> h.execute("INSERT INTO participation_totals (user_id, points)"
                + " SELECT user_id, SUM(points) FROM participation_events WHERE revoked_at IS NULL GROUP BY user_id"));
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        if (database.equals("PostgreSQL")) {
            store.db().with(h -> h.execute("ANALYZE"));
        }

        Leaderboards boards = new Leaderboards(store.leaderboards(),
                new LeaderboardStore.Exclusions(List.of("staff", "admins", "moderators"), true), LevelLadder.defaults(),
                WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), new MutableClock(NOW));
        String me = "bench-4321";
        Leaderboards.UserBoard[] week = new Leaderboards.UserBoard[1];
        Leaderboards.UserBoard[] all = new Leaderboards.UserBoard[1];
        long ceiling = best(
                () -> store.db().with(h -> h.createQuery("SELECT user_id, SUM(points) AS p FROM participation_events"
                        + " WHERE revoked_at IS NULL GROUP BY user_id ORDER BY p DESC LIMIT 20").mapToMap().list()));
        long weekBoard = best(() -> week[0] = boards.users(Leaderboards.Period.WEEK, 20, null));
        long weekOwn = best(() -> boards.users(Leaderboards.Period.WEEK, 20, me));
        long allBoard = best(() -> all[0] = boards.users(Leaderboards.Period.ALL, 20, null));
        long allOwn = best(() -> boards.users(Leaderboards.Period.ALL, 20, me));
        System.out.printf(
                "[benchmark] %s: leaderboards over %,d grants of %,d users: the week's top 20 %.0f ms (%.2f of the"
                        + " ceiling), with the caller's own place %.0f ms (%.2f); all time %.0f ms (%.2f), with the own place %.0f ms"
                        + " (%.2f); ceiling, one GROUP BY over the whole ledger: %.0f ms (seeding took %.1f s)%n",
                database, GRANTS, USERS, weekBoard / 1e6, (double) weekBoard / ceiling, weekOwn / 1e6,
                (double) weekOwn / ceiling,
                allBoard / 1e6, (double) allBoard / ceiling, allOwn / 1e6, (double) allOwn / ceiling, ceiling / 1e6,
                seedSeconds);

        WeekCalendar.Period span = boards.span(Leaderboards.Period.WEEK);
        long weekTop = store.db().with(h -> h.createQuery("SELECT MAX(p) FROM (SELECT e.user_id, SUM(e.points) AS p"
                + " FROM participation_events e JOIN users u ON u.id = e.user_id WHERE NOT u.is_lead"
                + " AND e.at >= :from AND e.at < :until GROUP BY e.user_id) t")
                .bind("from", span.from()).bind("until", span.until()).mapTo(Long.class).one());
        long allTop = store.db().with(h -> h.createQuery("SELECT MAX(p) FROM (SELECT e.user_id, SUM(e.points) AS p"
                + " FROM participation_events e JOIN users u ON u.id = e.user_id WHERE NOT u.is_lead GROUP BY e.user_id) t")
                .mapTo(Long.class).one());
        assertThat(week[0].entries()).hasSize(20);
        assertThat(week[0].entries().get(0).points()).isEqualTo(weekTop);
        assertThat(all[0].entries()).hasSize(20);
        assertThat(all[0].entries().get(0).points()).isEqualTo(allTop);
        assertThat(all[0].entries()).extracting(Leaderboards.Entry::userId)
                .noneMatch(id -> Integer.parseInt(id.substring(6)) % 100 == 0);
    }

    /** The best of three runs, in nanoseconds; the first also warms the caches as a real board's repeat would find them. */
    private static long best(Supplier<?> work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }
}
