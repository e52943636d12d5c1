package dev.popcorn.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;

/**
 * Multi-row statements: a group commit's batch (ADR 0020) is written by a few statements per table, not
 * one per row. Rows are bound by position, in chunks of a few fixed sizes ({@link #SIZES}, the largest
 * first), so that the same few statement texts come back batch after batch and each is parsed once (by
 * Jdbi, by H2's statement cache, by PostgreSQL's prepared statements) instead of once per batch size.
 * Lists asked about with {@code IN (…)} are padded to those sizes for the same reason.
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

    /** Runs {@code sql} (for a number of rows) once per chunk of {@code rows}, each row's values bound in order. */
    static <T> int write(Handle handle, List<T> rows, IntFunction<String> sql, Function<T, Object[]> values) {
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
