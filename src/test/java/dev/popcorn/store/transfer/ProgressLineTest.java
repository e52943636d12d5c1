package dev.popcorn.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: rows done of the total, rows a second and the time left, on a terminal or in a log. */
class ProgressLineTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final StringWriter text = new StringWriter();

    private void after(double seconds) {
        nanos.addAndGet(Math.round(seconds * 1e9));
    }

    @Test
    void inALogEachTableWithRowsGetsOneLineWithItsRateAndTheTimeLeft() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false, nanos::get);
        progress.started(4000);
        after(1);
        progress.advanced("audit_log", 1000, 4000);
        after(1);
        progress.advanced("ballots", 1000, 4000); // a table with no rows of its own
        progress.advanced("grants", 2000, 4000);
        after(2);
        progress.advanced("grants", 4000, 4000);
        progress.finished(4000);
        assertThat(text.toString().lines()).containsExactly(
                "audit_log                    1,000/4,000 rows (25%), 1,000 rows/s, 0:03 left",
                "grants                       4,000/4,000 rows (100%), 1,000 rows/s, 0:00 left");
    }

    @Test
    void aLongTableInALogIsReportedEveryFiveSeconds() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false, nanos::get);
        progress.started(100_000);
        for (int i = 1; i <= 12; i++) {
            after(1);
            progress.advanced("participation_events", i * 1000L, 100_000);
        }
        assertThat(text.toString().lines()).containsExactly(
                "participation_events         5,000/100,000 rows (5%), 1,000 rows/s, 1:35 left",
                "participation_events         10,000/100,000 rows (10%), 1,000 rows/s, 1:30 left");
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlace() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), true, nanos::get);
        progress.started(2000);
        after(0.5);
        progress.advanced("users", 1000, 2000);
        after(0.01);
        progress.advanced("users", 1500, 2000); // too soon to draw again
        after(0.5);
        progress.advanced("users", 2000, 2000);
        progress.finished(2000);
        assertThat(text.toString()).startsWith("\rusers").contains("2,000 rows/s, 0:01 left").doesNotContain("1,500/")
                .endsWith("\u001b[K" + System.lineSeparator()).doesNotContain("\n\r");
        assertThat(ProgressLine.duration(3725)).isEqualTo("1:02:05");
    }
}
