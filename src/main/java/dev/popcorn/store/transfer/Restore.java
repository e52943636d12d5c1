package dev.popcorn.store.transfer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code popcorn restore FILE}: a backup written back into an empty database, H2 or PostgreSQL whichever made it.
 * The file is checked whole first (nothing is written from a file cut short); the database gets the schema at the
 * backup's version, the rows, identities past them, and is checked table by table against the file's counts and
 * checksums; then Flyway brings it to this build's schema, as a server starting on it would.
 */
public final class Restore {

    /** What was restored; {@code upgradedTo} is the schema version after, when the backup was older than this build. */
    public record Result(String schemaVersion, int tables, long rows, String upgradedTo) {
    }

    private final Database target;
    private final int batch;
    private final Progress progress;

    public Restore(Database target, int batch, Progress progress) {
        this.target = target;
        this.batch = batch;
        this.progress = progress;
    }

    public Result run(Path path) {
        BackupFile file = new BackupFile(path);
        BackupFile.Contents contents = file.check();
        String version = contents.schemaVersion();
        try (Connection to = target.open("stop it first")) {
            target.refuseOtherSessions(to, "stop it first");
            String latest = Migrations.latest(target);
            if (Migrations.older(latest, version)) {
                throw new Refused(path + " was made at schema " + version + ", newer than this build's " + latest
                        + "; restore it with that build or a newer one", Refused.REFUSED);
            }
            String found = Schema.version(to);
            if (found != null) {
                refuseNonEmpty(to);
                if (!found.equals(version)) {
                    throw new Refused(target.where() + " is at schema " + found + " and the backup at " + version
                            + "; restore into a database no server has started on yet", Refused.REFUSED);
                }
            }
            Migrations.migrate(target, version);
            to.setAutoCommit(false);
            long rows = restore(file, to, contents.rows());
            if (!version.equals(latest)) {
                Migrations.migrate(target, null);
            }
            return new Result(version, contents.tables(), rows, version.equals(latest) ? null : latest);
        } catch (SQLException e) {
            throw new Refused("the restore stopped: " + Database.firstLine(e.getMessage()), Refused.REFUSED, e);
        }
    }

    private void refuseNonEmpty(Connection to) throws SQLException {
        Map<String, Long> holding = Schema.nonEmpty(to, Schema.tables(to));
        if (!holding.isEmpty()) {
            throw new Refused(target.where() + " is not empty: " + holding.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                    + " hold rows; restore into an empty database", Refused.REFUSED);
        }
    }

    private long restore(BackupFile file, Connection to, long total) throws SQLException {
        Engine engine = Engine.of(to);
        List<Table> tables = Schema.tables(to);
        refuseNonEmpty(to);
        Map<String, Table> byKey = new LinkedHashMap<>();
        tables.forEach(t -> byKey.put(t.key(), t));
        BackupFormat.Header header = file.header();
        for (BackupFormat.TableHeader declared : header.tables()) {
            Table table = byKey.get(declared.name());
            if (table == null || !table.columnKeys().equals(declared.columns())) {
                throw new Refused("the backup's table " + declared.name() + " does not fit this database's schema "
                        + header.schemaVersion(), Refused.REFUSED);
            }
        }
        // The file has the tables in the order their foreign keys need (the same schema version, the same keys): one pass.
        progress.started(total);
        long[] done = {0};
        TableWriter[] writer = {null};
        String[] current = {null};
        BackupFormat.Trailer trailer;
        try {
            trailer = file.read(new BackupFile.Rows() {
                @Override
                public void table(BackupFormat.TableHeader section) throws SQLException {
                    finish();
                    current[0] = section.name();
                    writer[0] = new TableWriter(to, engine, byKey.get(section.name()), false, batch);
                }

                @Override
                public void row(List<String> values) throws SQLException {
                    if (writer[0].add(values)) {
                        done[0] += batch;
                        progress.advanced(current[0], done[0], total);
                    }
                }

                void finish() throws SQLException {
                    if (writer[0] != null) {
                        done[0] += writer[0].flush();
                        writer[0].close();
                        writer[0] = null;
                        progress.advanced(current[0], done[0], total);
                    }
                }
            }).trailer();
            if (writer[0] != null) {
                done[0] += writer[0].flush();
                progress.advanced(current[0], done[0], total);
            }
        } finally {
            if (writer[0] != null) {
                writer[0].close();
            }
        }
        progress.finished(total);
        Tables.numberPastCopied(to, engine, tables);
        Map<String, Checksum> found = Tables.checksums(to, tables);
        to.commit();
        List<String> wrong = new ArrayList<>();
        trailer.tables().forEach((name, sum) -> {
            Checksum restored = found.get(name);
            if (restored == null || restored.rows() != sum.rows() || !restored.hex().equals(sum.checksum())) {
                wrong.add(name);
            }
        });
        if (!wrong.isEmpty()) {
            throw new Refused(
                    "the restored database differs from the backup in " + String.join(", ", wrong) + "; do not use it",
                    Refused.REFUSED);
        }
        return done[0];
    }
}
