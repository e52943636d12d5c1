package dev.popcorn.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;

/**
 * A group commit's batch (ADR 0020) written by a few statements per table, not one per row: on PostgreSQL
 * multi-row statements, rows bound by position in chunks of a few fixed sizes ({@link #SIZES}, the largest
 * first), so that the same few statement texts come back batch after batch and each is planned once instead
 * of once per batch size; on H2 one statement a table, run as a JDBC batch ({@link #write}). Lists asked
 * about with {@code IN (…)} are padded to those sizes for the same reason.
 */
final class Rows {

    /** Rows per statement: at most 256 (PostgreSQL takes at most 32,767 parameters in one). */
    static final int[] SIZES = {256, 64, 16, 4, 1};

    private Rows() {
    }

    /** {@code rows} copies of {@code tuple}, comma-separated: {@code (?, ?), (?, ?)}. */
    static String values(int rows, String tuple) {
        StringBuilder sql = new StringBuilder(rows * (tuple.length() + 2));
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }

    /** {@code values} split into chunks of at most 256, each padded with its last value to one of {@link #SIZES}. */
    static <T> List<List<T>> padded(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SIZES[0]) {
            List<T> chunk = new ArrayList<>(values.subList(from, Math.min(values.size(), from + SIZES[0])));
            int size = SIZES[0];
            for (int fits : SIZES) {
                if (fits >= chunk.size()) {
                    size = fits;
                }
            }
            while (chunk.size() < size) {
                chunk.add(chunk.get(chunk.size() - 1));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /**
     * Writes {@code rows} with {@code sql} (for a number of rows), each row's values bound in order. On PostgreSQL,
     * once per chunk of {@link #SIZES}: one round trip and one planned statement a chunk. On H2, which runs in this
     * process and keeps only 8 parsed statements a connection, the one-row statement as a JDBC batch: the chunks'
     * texts of a batch's tables outnumbered that cache, so every chunk was parsed again, and parsing took a tenth
     * of the writer's time (issue 27); one text a table stays parsed, and each row runs in its plan.
     */
    static <T> int write(Handle handle, Dialect dialect, List<T> rows, IntFunction<String> sql,
            Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (dialect == Dialect.H2) {
            var batch = handle.prepareBatch(sql.apply(1));
            for (T row : rows) {
                bind(batch, values.apply(row));
                batch.add();
            }
            int written = 0;
            for (int count : batch.execute()) {
                written += Math.max(count, 0);
            }
            return written;
        }
        int written = 0;
        int from = 0;
        while (from < rows.size()) {
            int left = rows.size() - from;
            int size = 1;
            for (int fits : SIZES) {
                if (fits <= left) {
                    size = fits;
                    break;
                }
            }
            List<T> chunk = rows.subList(from, from + size);
            from += size;
            var update = handle.createUpdate(sql.apply(chunk.size()));
            int position = 0;
            for (T row : chunk) {
                position = bind(update, values.apply(row), position);
            }
            written += update.execute();
        }
        return written;
    }

    private static void bind(org.jdbi.v3.core.statement.SqlStatement<?> statement, Object[] values) {
        bind(statement, values, 0);
    }

    /** Binds {@code values} from {@code position} on; answers the position after them. */
    private static int bind(org.jdbi.v3.core.statement.SqlStatement<?> statement, Object[] values, int position) {
        for (Object value : values) {
            if (value == null) {
                // Only text is ever null here (a fingerprint); typed, so PostgreSQL need not guess.
                statement.bindNull(position++, Types.VARCHAR);
            } else {
                statement.bind(position++, value);
            }
        }
        return position;
    }
}
