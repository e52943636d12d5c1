package dev.popcorn.store;

import dev.popcorn.app.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBI handle every repository works through. Inside {@link #inTransaction} all repository
 * calls on the thread share one handle, so a use case commits its writes together.
 */
final class Db implements Transactions {

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
        return jdbi.withHandle(work::apply);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(handle -> {
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
