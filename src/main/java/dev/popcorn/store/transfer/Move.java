package dev.popcorn.store.transfer;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code popcorn migrate}: a community's whole history copied from one database to another (the embedded H2 of a data
 * folder to PostgreSQL), ids kept, in batches, and checked at the end table by table, count and checksum. The target
 * gets its schema from Flyway first, at the version the source is at (the source brought to this build's first, as a
 * server starting on it would). A target holding rows is refused unless the move resumes one that stopped: then rows
 * already there (by primary key) are passed over, so a run killed half-way and started again ends with the same
 * database. A source a server uses is refused.
 */
public final class Move {

    /** What was moved: the schema version, how many tables and rows, and whether the source had to be upgraded first. */
    public record Result(String version, int tables, long rows, String upgradedFrom) {
    }

    static final String IN_USE_HINT = "stop it first, or use `popcorn backup` to copy it while it runs";

    private final Database source;
    private final Database target;
    private final int batch;
    private final boolean resume;
    private final Progress progress;

    public Move(Database source, Database target, int batch, boolean resume, Progress progress) {
        if (batch < 1) {
            throw new Refused("the batch size must be at least 1", Refused.USAGE);
        }
        this.source = source;
        this.target = target;
        this.batch = batch;
        this.resume = resume;
        this.progress = progress;
    }

    public Result run(PrintWriter out) {
        if (target.engine() != Engine.POSTGRESQL) {
            // A move is to grow out of the embedded database; another H2 folder is had with backup and restore.
            // (H2 2.3.232 left a file it could not open again after a move into it was killed half-way.)
            throw new Refused("--to must be a jdbc:postgresql: URL, not '" + target.masked()
                    + "'; to copy into another data folder, use popcorn backup and popcorn restore", Refused.USAGE);
        }
        // Held open to the end: a server started meanwhile on the embedded source finds it locked.
        try (Connection from = source.openExisting(IN_USE_HINT)) {
            source.refuseOtherSessions(from, IN_USE_HINT);
            String before = Schema.version(from);
            if (before == null) {
                throw new Refused(source.where() + " holds no Popcorn database (no schema history)", Refused.USAGE);
            }
            String latest = Migrations.latest(source);
            if (Migrations.older(latest, before)) {
                throw new Refused(source.where() + " is at schema " + before + ", newer than this build's " + latest
                        + "; move it with the build that made it", Refused.REFUSED);
            }
            if (!before.equals(latest)) {
                out.println("bringing the source from schema " + before + " to " + latest + " first");
                Migrations.migrate(source, null);
            }
            try (Connection to = target.open("stop it first")) {
                String targetVersion = Schema.version(to);
                if (targetVersion != null && Migrations.older(latest, targetVersion)) {
                    throw new Refused(
                            target.masked() + " is at schema " + targetVersion + ", newer than this build's " + latest,
                            Refused.REFUSED);
                }
                if (!resume) {
                    refuseNonEmpty(to, Schema.tables(to)); // before Flyway touches it: a refusal changes nothing
                }
                Migrations.migrate(target, null);
                try {
                    return copy(from, to, latest, out, before.equals(latest) ? null : before);
                } catch (RuntimeException | SQLException e) {
                    to.rollback(); // what the batch under way had sent; the batches committed before stay
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new Refused("the move stopped: " + Database.firstLine(e.getMessage()), Refused.REFUSED, e);
        }
    }

    private Result copy(Connection from, Connection to, String version, PrintWriter out, String upgradedFrom)
            throws SQLException {
        Engine toEngine = Engine.of(to);
        source.engine().beginSnapshot(from);
        to.setAutoCommit(false);
        List<Table> tables = Schema.tables(from);
        Map<Table, Table> pairs = Tables.paired(tables, Schema.tables(to), "the source", "the target");
        Map<String, Long> holding = resume ? Schema.nonEmpty(to, new ArrayList<>(pairs.values()))
                : refuseNonEmpty(to, Schema.tables(to));
        to.commit();
        long total = 0;
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Table table : tables) {
            long rows = Schema.count(from, table);
            counts.put(table.key(), rows);
            total += rows;
        }
        out.println("moving " + source.masked() + " to " + target.masked() + " (schema " + version + ", "
                + tables.size()
                + " tables, " + String.format("%,d", total) + " rows" + (holding.isEmpty() ? "" : ", resuming") + ")");
        out.flush();
        progress.started(total);
        long done = 0;
        final long all = total;
        for (Table table : tables) {
            Table into = pairs.get(table);
            long rows = counts.get(table.key());
            if (holding.getOrDefault(table.key(), 0L) == rows) {
                done += rows; // copied whole by the run before (the check at the end says whether it is the same)
                progress.advanced(table.key(), done, total);
                continue;
            }
            long[] at = {done};
            try (TableWriter writer = new TableWriter(to, toEngine, into, holding.containsKey(table.key()), batch)) {
                Tables.eachRow(from, table, row -> {
                    if (writer.add(row)) {
                        at[0] += batch;
                        progress.advanced(table.key(), at[0], all);
                    }
                });
                at[0] += writer.flush();
            }
            done = at[0];
            progress.advanced(table.key(), done, total);
        }
        progress.finished(total);
        Tables.numberPastCopied(to, toEngine, new ArrayList<>(pairs.values()));
        verify(from, to, tables, pairs);
        from.commit();
        return new Result(version, tables.size(), total, upgradedFrom);
    }

    /** Without --resume, a target holding rows is refused, naming the tables that hold them; returns none. */
    private Map<String, Long> refuseNonEmpty(Connection to, List<Table> tables) throws SQLException {
        Map<String, Long> holding = Schema.nonEmpty(to, tables);
        if (!holding.isEmpty()) {
            throw new Refused(target.masked() + " is not empty: " + holding.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                    + " hold rows; give --resume to go on with a move that stopped, or an empty database",
                    Refused.REFUSED);
        }
        return holding;
    }

    private static void verify(Connection from, Connection to, List<Table> tables, Map<Table, Table> pairs)
            throws SQLException {
        Map<String, Checksum> expected = Tables.checksums(from, tables);
        Map<String, Checksum> found = Tables.checksums(to, new ArrayList<>(pairs.values()));
        to.commit();
        List<String> differences = new ArrayList<>();
        expected.forEach((table, sum) -> {
            Checksum other = found.get(table);
            if (other.rows() != sum.rows() || !other.hex().equals(sum.hex())) {
                differences.add(table + " (source " + sum.rows() + " rows, target " + other.rows() + " rows"
                        + (other.rows() == sum.rows() ? ", other values" : "") + ")");
            }
        });
        if (!differences.isEmpty()) {
            throw new Refused("the target differs from the source after the move: " + String.join(", ", differences)
                    + "; do not use it", Refused.REFUSED);
        }
    }
}
