package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.AWeek;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing ballots and reports through the group commit is killed (SIGKILL, no shutdown hook)
 * in the middle of its batches. Opened again, the embedded database holds every request that was
 * acknowledged, and each request whole or not at all: a report with all its verdicts and its grant, a
 * ballot with its grant, every total the sum of its grants (ADR 0020).
 */
class KillDuringBatchIT {

    @TempDir
    Path data;

    @Test
    void aKillDuringABatchLosesNothingAcknowledgedAndLeavesNoHalfWrittenRequest() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("popcorn") + ";WRITE_DELAY=0";
        AWeek.Week week;
        try (Store store = Store.open(new Store.Settings(url, "", "", 2))) {
            week = AWeek.in(new JdbcStoreContract.Ports(store)).open().build();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WritingUntilKilled.class.getName(), url,
                String.valueOf(week.release().id()), week.release().features().get(0).key(),
                week.release().features().get(1).key(), String.valueOf(week.poll().id()),
                String.valueOf(week.candidate(0).id()), String.valueOf(week.candidate(1).id()),
                AWeek.POLL_OPENS.plusSeconds(60).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> reported = new ArrayList<>();
        Map<String, String> voted = new HashMap<>();
        try (BufferedReader acks = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = acks.readLine(); line != null
                    && reported.size() + voted.size() < 2000; line = acks.readLine()) {
                String[] ack = line.split(" ");
                if (ack[0].equals("report")) {
                    reported.add(ack[1]);
                } else if (ack[0].equals("ballot")) {
                    voted.put(ack[1], ack[2] + " " + ack[3]);
                }
            }
            // Killed while writing, mid-batch, by SIGKILL: nothing of the process runs after it. (Not destroyForcibly:
            // it closes the pipe, and the answers already written into it are read below.)
            assertThat(new ProcessBuilder("kill", "-KILL", String.valueOf(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            // What it acknowledged before dying, still in the pipe.
            for (String line = acks.readLine(); line != null; line = acks.readLine()) {
                String[] ack = line.split(" ");
                if (ack[0].equals("report") && ack.length == 2) {
                    reported.add(ack[1]);
                } else if (ack[0].equals("ballot") && ack.length == 4) {
                    voted.put(ack[1], ack[2] + " " + ack[3]);
                }
            }
        }
        assertThat(reported.size() + voted.size()).isGreaterThanOrEqualTo(2000);
        try (Store store = Store.open(new Store.Settings(url, "", "", 2))) {
            var jdbi = store.db().jdbi();
            Map<String, Integer> verdicts = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT r.user_id, COUNT(v.ticket_key) AS n FROM reports r"
                    + " LEFT JOIN report_verdicts v ON v.release_id = r.release_id AND v.user_id = r.user_id GROUP BY r.user_id")
                    .map((rs, ctx) -> verdicts.put(rs.getString("user_id"), rs.getInt("n"))).list());
            Map<String, String> ballots = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT user_id, candidate_id, receipt FROM ballots")
                    .map((rs, ctx) -> ballots.put(rs.getString("user_id"),
                            rs.getLong("candidate_id") + " " + rs.getString("receipt")))
                    .list());
            Map<String, String> grants = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT user_id, kind FROM participation_events")
                    .map((rs, ctx) -> grants.put(rs.getString("user_id"), rs.getString("kind"))).list());
            // Lost: none.
            assertThat(verdicts.keySet()).containsAll(reported);
            assertThat(ballots).containsAllEntriesOf(voted);
            // Half written: none. Every report has both verdicts and its grant, every ballot its grant, and no grant
            // is without its act (stored but not acknowledged is allowed: the kill came before the answer).
            assertThat(verdicts.values()).containsOnly(2);
            verdicts.keySet().forEach(user -> assertThat(grants).containsEntry(user, "REPORT_HANDED_IN"));
            ballots.keySet().forEach(user -> assertThat(grants).containsEntry(user, "BALLOT_CAST"));
            assertThat(grants).hasSize(verdicts.size() + ballots.size());
            long totalsOff = jdbi.withHandle(h -> h
                    .createQuery("SELECT COUNT(*) FROM participation_totals t WHERE t.points <>"
                            + " (SELECT SUM(e.points) FROM participation_events e WHERE e.user_id = t.user_id)")
                    .mapTo(Long.class).one());
            long totals = jdbi.withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM participation_totals").mapTo(Long.class).one());
            assertThat(totalsOff).isZero();
            assertThat(totals).isEqualTo(grants.size());
            System.out
                    .printf("killed mid-batch after %d acknowledged requests: %d reports and %d ballots stored, lost 0,"
                            + " half-written 0%n", reported.size() + voted.size(), verdicts.size(), ballots.size());
        }
    }
}
