package dev.popcorn.store.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading a backup file: its header, its rows table by table, and the check that it is whole and unchanged. */
public final class BackupFile {

    /** What a whole, unchanged file holds. */
    public record Contents(String schemaVersion, String createdAt, String engine, int tables, long rows) {
    }

    /** Told each table's rows as they are read. */
    interface Rows {
        void table(BackupFormat.TableHeader table) throws Exception;

        void row(List<String> values) throws Exception;
    }

    private final Path file;

    public BackupFile(Path file) {
        this.file = file;
    }

    /** Reads the whole file and checks every table's count and checksum against its trailer. */
    public Contents check() {
        Result result = read(null);
        return new Contents(result.header.schemaVersion(), result.header.createdAt(), result.header.engine(),
                result.header.tables().size(),
                result.header.tables().stream().mapToLong(BackupFormat.TableHeader::rows).sum());
    }

    BackupFormat.Header header() {
        try (BufferedReader reader = open()) {
            return header(reader.readLine());
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    record Result(BackupFormat.Header header, BackupFormat.Trailer trailer) {
    }

    /** Reads every line; hands the rows to {@code rows} (null: only checks them); refuses a file cut short or changed. */
    Result read(Rows rows) {
        try (BufferedReader reader = open()) {
            BackupFormat.Header header = header(reader.readLine());
            Map<String, BackupFormat.TableHeader> declared = new LinkedHashMap<>();
            header.tables().forEach(t -> declared.put(t.name(), t));
            Map<String, Checksum> sums = new LinkedHashMap<>();
            Checksum current = null;
            int width = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("[")) {
                    if (current == null) {
                        throw damaged("a row before any table");
                    }
                    List<String> values = parseRow(line);
                    if (values.size() != width) {
                        throw damaged(
                                "a row of " + values.size() + " values where the table has " + width + " columns");
                    }
                    current.add(values);
                    if (rows != null) {
                        rows.row(values);
                    }
                } else if (line.startsWith("{\"table\"")) {
                    BackupFormat.Section section = BackupFormat.parse(line, BackupFormat.Section.class,
                            file.toString());
                    BackupFormat.TableHeader table = declared.get(section.table());
                    if (table == null || sums.containsKey(section.table())) {
                        throw damaged("the table " + section.table() + " is not in its header, or twice");
                    }
                    current = new Checksum();
                    width = table.columns().size();
                    sums.put(table.name(), current);
                    if (rows != null) {
                        rows.table(table);
                    }
                } else {
                    BackupFormat.Trailer trailer = BackupFormat.parse(line, BackupFormat.Trailer.class,
                            file.toString());
                    if (!trailer.end() || reader.readLine() != null) {
                        throw damaged("a line that is neither a table, a row nor the end");
                    }
                    check(header, trailer, sums);
                    return new Result(header, trailer);
                }
            }
            throw damaged("it ends before its last line: the backup was cut short");
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw damaged(e);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new Refused("the restore stopped: " + Database.firstLine(e.getMessage()), Refused.REFUSED, e);
        }
    }

    private void check(BackupFormat.Header header, BackupFormat.Trailer trailer, Map<String, Checksum> sums) {
        List<String> wrong = new ArrayList<>();
        for (BackupFormat.TableHeader table : header.tables()) {
            Checksum read = sums.get(table.name());
            BackupFormat.TableSum written = trailer.tables().get(table.name());
            if (read == null || written == null || read.rows() != table.rows() || read.rows() != written.rows()
                    || !read.hex().equals(written.checksum())) {
                wrong.add(table.name());
            }
        }
        if (!wrong.isEmpty()) {
            throw damaged("the rows of " + String.join(", ", wrong) + " do not match their counts or checksums");
        }
    }

    private BackupFormat.Header header(String line) {
        if (line == null) {
            throw damaged("it is empty");
        }
        BackupFormat.Header header = BackupFormat.parse(line, BackupFormat.Header.class, file.toString());
        if (!BackupFormat.FORMAT.equals(header.format()) || header.tables() == null || header.schemaVersion() == null) {
            throw new Refused(file + " is not a Popcorn backup", Refused.USAGE);
        }
        if (header.formatVersion() > BackupFormat.VERSION) {
            throw new Refused(file + " was written by a newer Popcorn (backup format " + header.formatVersion()
                    + "; this build reads " + BackupFormat.VERSION + ")", Refused.USAGE);
        }
        return header;
    }

    private List<String> parseRow(String line) {
        String[] values = BackupFormat.parse(line, String[].class, file.toString());
        return java.util.Arrays.asList(values);
    }

    private BufferedReader open() throws IOException {
        try {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new Refused("there is no file " + file, Refused.USAGE, e);
        } catch (ZipException e) {
            throw new Refused(file + " is not a Popcorn backup (not gzip)", Refused.USAGE, e);
        }
    }

    private Refused damaged(String why) {
        return new Refused(file + " is damaged: " + why, Refused.USAGE);
    }

    private Refused damaged(IOException e) {
        return new Refused(file + " cannot be read whole: " + Database.firstLine(e.getMessage()), Refused.USAGE, e);
    }
}
