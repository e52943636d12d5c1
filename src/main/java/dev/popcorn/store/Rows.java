package dev.popcorn.store;

import java.sql.Types;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;

/**
 * Multi-row statements: a group commit's batch (ADR 0020) is written by one statement per table, not
 * one per row. Rows are bound by position, a chunk of at most {@link #MOST} per statement (PostgreSQL
 * takes at most 32,767 parameters in one).
 */
final class Rows {

    static final int MOST = 1000;

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

    /** Runs {@code sql} (for a number of rows) once per chunk of {@code rows}, each row's values bound in order. */
    static <T> int write(Handle handle, List<T> rows, IntFunction<String> sql, Function<T, Object[]> values) {
        int written = 0;
        for (int from = 0; from < rows.size(); from += MOST) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MOST));
            var update = handle.createUpdate(sql.apply(chunk.size()));
            int position = 0;
            for (T row : chunk) {
                for (Object value : values.apply(row)) {
                    if (value == null) {
                        // Only text is ever null here (a fingerprint); typed, so PostgreSQL need not guess.
                        update.bindNull(position++, Types.VARCHAR);
                    } else {
                        update.bind(position++, value);
                    }
                }
            }
            written += update.execute();
        }
        return written;
    }
}
