package dev.popcorn.store.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A backup taken while the server runs: every table read inside one snapshot transaction (PostgreSQL's REPEATABLE
 * READ, H2's SNAPSHOT), so the file is the database as it was at one moment — every ballot acknowledged before it
 * began is in it — and written in {@link BackupFormat}. Writers are not stopped: they go on beside the snapshot.
 */
public final class Backup implements dev.popcorn.app.backup.Backups {

    /** What a backup holds. */
    public record Summary(String schemaVersion, int tables, long rows) {
    }

    private final Database database;
    private final Clock clock;

    public Backup(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The server's backup: its own database, gzip'd onto {@code out} (the API streams it to the CLI). */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        write(out, Progress.NONE);
    }

    public Summary write(OutputStream out, Progress progress) throws IOException {
        try (Connection connection = database.openExisting("stop it first")) {
            return write(connection, out, progress);
        } catch (SQLException e) {
            throw new Refused("the backup stopped: " + Database.firstLine(e.getMessage()), Refused.REFUSED, e);
        }
    }

    private Summary write(Connection connection, OutputStream out, Progress progress) throws SQLException, IOException {
        Engine engine = Engine.of(connection);
        String version = Schema.version(connection);
        if (version == null) {
            throw new Refused(database.where() + " holds no Popcorn database (no schema history)", Refused.USAGE);
        }
        engine.beginSnapshot(connection);
        try {
            List<Table> tables = Schema.tables(connection);
            List<BackupFormat.TableHeader> headers = new ArrayList<>();
            long total = 0;
            for (Table table : tables) {
                long rows = Schema.count(connection, table);
                headers.add(new BackupFormat.TableHeader(table.key(), table.columnKeys(), rows));
                total += rows;
            }
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
            Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            line(writer,
                    new BackupFormat.Header(BackupFormat.FORMAT, BackupFormat.VERSION, version,
                            clock.instant().toString(),
                            engine.name(), headers));
            progress.started(total);
            Map<String, BackupFormat.TableSum> sums = new LinkedHashMap<>();
            long[] done = {0};
            final long all = total;
            for (Table table : tables) {
                line(writer, new BackupFormat.Section(table.key()));
                Checksum sum = new Checksum();
                Tables.eachRow(connection, table, row -> {
                    sum.add(row);
                    try {
                        writer.write(BackupFormat.GSON.toJson(row));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++done[0] % 1000 == 0) {
                        progress.advanced(table.key(), done[0], all);
                    }
                });
                progress.advanced(table.key(), done[0], all);
                sums.put(table.key(), new BackupFormat.TableSum(sum.rows(), sum.hex()));
            }
            line(writer, new BackupFormat.Trailer(true, sums));
            writer.flush();
            gzip.finish();
            out.flush();
            progress.finished(all);
            return new Summary(version, tables.size(), done[0]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            connection.rollback();
        }
    }

    private static void line(Writer writer, Object value) throws IOException {
        writer.write(BackupFormat.GSON.toJson(value));
        writer.write('\n');
    }
}
