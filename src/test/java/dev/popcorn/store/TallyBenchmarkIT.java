package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.award.Tally;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a timed test: closes a poll of one million ballots on the embedded database
 * and on PostgreSQL (when reachable) and prints how long the tally took. It asserts only that
 * the counts are right; the figures are for people to read (see the README).
 */
class TallyBenchmarkIT {

    private static final int BALLOTS = 1_000_000;
    private static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void aMillionBallotsOnTheEmbeddedDatabase() {
        try (Store store = Store
                .open(new Store.Settings("jdbc:h2:file:" + data.resolve("bench") + ";WRITE_DELAY=0", "", "", 4))) {
            run("H2", store, "SELECT X FROM SYSTEM_RANGE(1, " + BALLOTS + ")");
        }
    }

    @Test
    void aMillionBallotsOnPostgresql() throws SQLException {
        PostgresSchema schema = PostgresSchema.create("popcorn_bench_");
        try (Store store = Store.open(schema.settings(4))) {
            run("PostgreSQL", store, "SELECT x FROM generate_series(1, " + BALLOTS + ") AS g(x)");
        } finally {
            schema.drop();
        }
    }

    private static void run(String database, Store store, String numbers) {
        List<Feature> features = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            store.teams().save(new Team("team-" + t, "Team " + t, List.of()));
            features.add(new Feature("POP-" + t, "Feature " + t, "team-" + t));
        }
        Release release = store.releases().create("2026.11.20", SHIPPED, SHIPPED.plus(Duration.ofDays(4)), features);
        Poll draft = store.polls().create(release.id(), "Popcorn Award", SHIPPED, SHIPPED.plus(Duration.ofDays(6)));
        List<Long> ids = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            ids.add(store.polls().addCandidate(draft.id(), "team-" + t, "Project " + t, List.of("POP-" + t), "").id());
        }
        Poll poll = store.polls().find(draft.id()).orElseThrow();
        // Ballot n goes to candidate (n mod 21) mapped onto weights 6,5,4,3,2,1: a clear order, no tie.
        long started = System.nanoTime();
        store.transactions().inTransaction(() -> {
            StringBuilder choice = new StringBuilder("CASE");
            int[] upTo = {6, 11, 15, 18, 20, 21};
            for (int c = 0; c < 6; c++) {
                choice.append(" WHEN MOD(x, 21) < ").append(upTo[c]).append(" THEN ").append(ids.get(c));
            }
            choice.append(" END");
            String insert = "INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt) SELECT "
                    + poll.id() + ", CONCAT('bench-', x), " + choice
                    + ", TIMESTAMP WITH TIME ZONE '2026-11-21 10:00:00+00', 'BENCH'"
                    + " FROM (" + numbers + ") n";
            store.db().with(h -> h.execute(insert));
            return null;
        });
        double insertSeconds = (System.nanoTime() - started) / 1e9;

        Tally tally = new Tally(store.ballots(), store.reports(), TieRule.SHARED);
        // The first count is the one closing the poll pays; a database may answer a repeat from its cache.
        long t0 = System.nanoTime();
        PollResult result = tally.of(poll);
        long first = System.nanoTime() - t0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            store.ballots()
                    .put(new dev.popcorn.domain.award.Ballot(poll.id(), "bench-1", ids.get(i % 2), SHIPPED, "BENCH"));
            long t1 = System.nanoTime();
            tally.of(poll);
            best = Math.min(best, System.nanoTime() - t1);
        }
        System.out.printf("[benchmark] %s: closing a poll of %,d ballots over 6 candidates: first tally %.0f ms,"
                + " best of 3 after a changed ballot %.0f ms (inserting them took %.1f s)%n",
                database, BALLOTS, first / 1e6, best / 1e6, insertSeconds);

        assertThat(result.ballots()).isEqualTo(BALLOTS);
        assertThat(result.standings()).extracting(s -> s.candidate().id()).containsExactlyElementsOf(ids);
        long perUnit = BALLOTS / 21;
        assertThat(result.standings().get(0).votes()).isBetween(6 * perUnit, 6 * perUnit + 6);
        assertThat(result.margin()).isBetween(perUnit - 6, perUnit + 6);
    }
}
