package dev.popcorn.store;

import dev.popcorn.app.Transactions;
import dev.popcorn.domain.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The JDBI handle every repository works through. Inside {@link #inTransaction} all repository
 * calls on the thread share one handle, so a use case commits its writes together.
 */
final class Db implements Transactions {

    /** Unique key taken, serialization failure, deadlock, lock timeout (both), H2's concurrent update. */
    private static final java.util.Set<String> CONCURRENT = java.util.Set.of("23505", "40001", "40P01", "55P03",
            "HYT00",
            "90131");

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    Db(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The JDBI instance, for this package's own tests (counting statements). */
    Jdbi jdbi() {
        return jdbi;
    }

    <T> T with(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw concurrent(e);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            return jdbi.inTransaction(handle -> {
                current.set(handle);
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } catch (JdbiException e) {
            throw concurrent(e);
        }
    }

    /**
     * Two writers met on one row or key (a unique key taken a moment before, a row another
     * transaction changed or holds, a serialization failure): the transaction was rolled back, so
     * nothing was written, and the caller is told to try again (409) rather than shown a server
     * error. Anything else is rethrown as it came.
     */
    private static RuntimeException concurrent(JdbiException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && CONCURRENT.contains(sql.getSQLState())) {
                return RuleViolation.conflict("store.concurrent");
            }
        }
        return e;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
