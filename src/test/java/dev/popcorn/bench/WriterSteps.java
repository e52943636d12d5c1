package dev.popcorn.bench;

import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The writer of a surge on its own (issue 27): the statements a batch of first ballots runs in its transaction, in the
 * order the ballot lane runs them, timed step by step on one thread against a fresh H2 file with the server's URL
 * options, and the commit. No HTTP, no other thread: what one ballot costs the one writer, and which step it goes to.
 * Batches of 20–64 fresh voters of two million, as a surge's batches come.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/surge.classpath)" dev.popcorn.bench.WriterSteps [seconds]
 * </pre>
 */
public final class WriterSteps {

    private static final String[] STEPS = {"the poll's lock", "ballots", "users' locks", "grants held", "week's points",
            "grants and totals", "commit"};

    private WriterSteps() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        Path dir = Files.createTempDirectory("popcorn-writer-steps");
        Store.Settings settings = new Store.Settings("jdbc:h2:file:" + dir.resolve("popcorn")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "", "", 2);
        try (Store store = Store.open(settings)) {
            try (Connection c = DriverManager.getConnection(settings.url(), "", "");
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO teams (slug, name) VALUES ('maps', 'Maps')");
                s.execute("INSERT INTO releases (id, version, shipped_at, reports_close_at)"
                        + " VALUES (1, '1.0', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute(
                        "INSERT INTO polls (id, release_id, title, state, closes_at) VALUES (1, 1, 'Award', 'OPEN', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO candidates (id, poll_id, team_slug, title, tickets, pitch, status, reason)"
                        + " VALUES (1, 1, 'maps', 'Maps', 'MAP-1', 'Maps', 'ACTIVE', '')");
            }
            Instant now = Instant.now();
            Instant weekFrom = now.minus(Duration.ofDays(3));
            Instant weekUntil = now.plus(Duration.ofDays(4));
            Set<ParticipationKind> capped = Set.of(ParticipationKind.BALLOT_CAST, ParticipationKind.REPORT_HANDED_IN);
            SplittableRandom random = new SplittableRandom(27);
            BitSet taken = new BitSet();
            long[] nanos = new long[STEPS.length];
            long ballots = 0;
            long warmUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long from = 0;
            while (from == 0 || System.nanoTime() - from < Duration.ofSeconds(seconds).toNanos()) {
                if (from == 0 && System.nanoTime() > warmUntil) {
                    from = System.nanoTime();
                    ballots = 0;
                    java.util.Arrays.fill(nanos, 0);
                }
                List<Ballot> batch = new ArrayList<>();
                for (int i = 20 + random.nextInt(45); i > 0; i--) {
                    int voter;
                    do {
                        voter = random.nextInt(2_000_000);
                    } while (taken.get(voter));
                    taken.set(voter);
                    batch.add(new Ballot(1, "voter-" + voter, 1, now, "ABCD-EFGH-JKLM"));
                }
                List<String> users = batch.stream().map(Ballot::userId).sorted().toList();
                long[] at = {System.nanoTime()};
                store.transactions().inTransaction(() -> {
                    store.polls().lock(1);
                    at[0] = step(nanos, 0, at[0]);
                    store.ballots().putAll(batch);
                    at[0] = step(nanos, 1, at[0]);
                    store.participation().lockUsers(users);
                    at[0] = step(nanos, 2, at[0]);
                    store.participation().held(ParticipationKind.BALLOT_CAST,
                            users.stream().map(u -> List.of(u, "poll:1")).toList());
                    at[0] = step(nanos, 3, at[0]);
                    store.participation().points(users, capped, weekFrom, weekUntil);
                    at[0] = step(nanos, 4, at[0]);
                    store.participation().recordAll(users.stream()
                            .map(u -> new ParticipationEvent(u, ParticipationKind.BALLOT_CAST, "poll:1", 5, now,
                                    "voted"))
                            .toList());
                    at[0] = step(nanos, 5, at[0]);
                    return null;
                });
                step(nanos, 6, at[0]);
                ballots += batch.size();
            }
            double wall = (System.nanoTime() - from) / 1e9;
            System.out.printf(
                    "one writer, H2: %,.0f first ballots a second over %.0f s (%,d), after 10 s not counted%n",
                    ballots / wall, wall, ballots);
            for (int i = 0; i < STEPS.length; i++) {
                System.out.printf("  %-18s %6.1f µs a ballot%n", STEPS[i], nanos[i] / 1e3 / ballots);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long step(long[] nanos, int step, long since) {
        long now = System.nanoTime();
        nanos[step] += now - since;
        return now;
    }
}
