package dev.popcorn.store.transfer;

/** Told after every batch a move, backup or restore has done; the terminal's progress line is one. */
public interface Progress {

    /** The rows start to go through: {@code total} of them. */
    default void started(long total) {
    }

    /** {@code done} of {@code total} rows are through, the last of them of {@code table}. */
    void advanced(String table, long done, long total);

    /** Every row is through. */
    default void finished(long total) {
    }

    Progress NONE = (table, done, total) -> {};
}
