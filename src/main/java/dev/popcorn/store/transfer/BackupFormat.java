package dev.popcorn.store.transfer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Map;

/**
 * The backup file: gzip'd UTF-8 lines of JSON. A header (format and its version, the schema version, when, from
 * which engine, each table's columns and row count), then each table — a line naming it, a line per row (an array of
 * the values' texts, {@link Kind}, null for null) — and last a trailer with each table's count and checksum. The
 * trailer comes last because the checksums are known only once the rows are written in one pass of one snapshot; a
 * file cut short has none and is refused. The same file restores into H2 or PostgreSQL.
 */
final class BackupFormat {

    static final String FORMAT = "popcorn-backup";
    static final int VERSION = 1;

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private BackupFormat() {
    }

    record TableHeader(String name, List<String> columns, long rows) {
    }

    record Header(String format, int formatVersion, String schemaVersion, String createdAt, String engine,
            List<TableHeader> tables) {
    }

    record Section(String table) {
    }

    record TableSum(long rows, String checksum) {
    }

    record Trailer(boolean end, Map<String, TableSum> tables) {
    }

    static <T> T parse(String line, Class<T> type, String file) {
        try {
            T value = GSON.fromJson(line, type);
            if (value == null) {
                throw new JsonParseException("empty");
            }
            return value;
        } catch (JsonParseException e) {
            throw new Refused(
                    file + " is not a Popcorn backup, or it is damaged (" + Database.firstLine(e.getMessage()) + ")",
                    Refused.USAGE, e);
        }
    }
}
