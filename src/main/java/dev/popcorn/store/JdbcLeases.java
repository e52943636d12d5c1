package dev.popcorn.store;

import dev.popcorn.app.award.LeaseStore;
import java.time.Instant;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Leases as rows: taken or renewed by one conditional update (the holder's own lease, or one
 * that ran out), created by an insert that only one instance can win (the name is the key).
 */
final class JdbcLeases implements LeaseStore {

    private final Db db;

    JdbcLeases(Db db) {
        this.db = db;
    }

    @Override
    public boolean acquire(String name, String holder, Instant now, Instant until) {
        int renewed = db.with(h -> h.createUpdate("UPDATE leases SET holder = :holder, leased_until = :until"
                + " WHERE name = :name AND (holder = :holder OR leased_until < :now)")
                .bind("name", name).bind("holder", holder).bind("until", until).bind("now", now).execute());
        if (renewed == 1) {
            return true;
        }
        return db.with(h -> {
            try {
                return h.createUpdate("INSERT INTO leases (name, holder, leased_until) SELECT :name, :holder, :until"
                        + " WHERE NOT EXISTS (SELECT 1 FROM leases WHERE name = :name)")
                        .bind("name", name).bind("holder", holder).bind("until", until).execute() == 1;
            } catch (UnableToExecuteStatementException e) {
                // Another instance inserted the same name at the same moment: it holds the lease.
                return false;
            }
        });
    }

    @Override
    public void release(String name, String holder) {
        db.with(h -> h.createUpdate("DELETE FROM leases WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
    }
}
