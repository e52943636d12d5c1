package dev.popcorn.store.transfer;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress of a move, backup or restore for the person watching: rows done of the total, rows a second and the
 * time left. On a terminal one line redrawn in place at most ten times a second; in a log (stdout not a terminal),
 * plain lines, one when a table is done and at most one every five seconds within a long one.
 */
public final class ProgressLine implements Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private long start = -1;
    private long lastShown;
    private String lastTable;
    private String pending;
    private long lastDone;

    public ProgressLine(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
    }

    @Override
    public void started(long total) {
        // Timed from here: rows a second say how fast rows go, not how long the schema took to make.
        start = nanos.getAsLong();
        lastShown = start;
    }

    @Override
    public void advanced(String table, long done, long total) {
        long now = nanos.getAsLong();
        if (start < 0) {
            started(total);
        }
        String line = line(table, done, total, now);
        if (terminal) {
            if (now - lastShown >= 100_000_000L || done == total) {
                out.print("\r" + line + "\u001b[K");
                out.flush();
                lastShown = now;
            }
            return;
        }
        if (!table.equals(lastTable)) {
            if (pending != null) {
                out.println(pending); // the table before, as it ended
                lastShown = now;
            }
            pending = null;
            lastTable = table;
        }
        if (done > lastDone) {
            pending = line; // a table with no rows of its own is not worth a line of the log
        }
        lastDone = done;
        if (pending != null && now - lastShown >= 5_000_000_000L) {
            out.println(pending);
            lastShown = now;
            pending = null;
        }
    }

    @Override
    public void finished(long total) {
        long now = nanos.getAsLong();
        if (terminal) {
            out.println("\r" + line(lastTable == null ? "-" : lastTable, total, total, now) + "\u001b[K");
        } else if (pending != null) {
            out.println(pending);
        }
        out.flush();
    }

    String line(String table, long done, long total, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        long perSecond = Math.round(done / seconds);
        String left = done == 0 ? "?" : duration(Math.round((total - done) * seconds / done));
        long percent = total == 0 ? 100 : done * 100 / total;
        return String.format("%-28s %,d/%,d rows (%d%%), %,d rows/s, %s left", table, done, total, percent, perSecond,
                left);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
