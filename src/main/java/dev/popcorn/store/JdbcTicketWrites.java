package dev.popcorn.store;

import dev.popcorn.app.tracker.TicketWriteStore;
import java.time.Instant;
import java.util.Optional;

/** What Popcorn last wrote onto each ticket: one row per ticket and write; saving replaces the row. */
final class JdbcTicketWrites implements TicketWriteStore {

    private final Db db;
    private final DatabaseIdentity identity;

    JdbcTicketWrites(Db db, DatabaseIdentity identity) {
        this.db = db;
        this.identity = identity;
    }

    @Override
    public String database() {
        return identity.id();
    }

    @Override
    public Optional<String> fingerprint(String ticketKey, String write) {
        return db.with(h -> h
                .createQuery("SELECT fingerprint FROM ticket_writes WHERE ticket_key = :key AND write_name = :write")
                .bind("key", ticketKey).bind("write", write).mapTo(String.class).findOne());
    }

    @Override
    public void save(String ticketKey, String write, String fingerprint, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE ticket_writes SET fingerprint = :fingerprint, written_at = :at"
                    + " WHERE ticket_key = :key AND write_name = :write")
                    .bind("key", ticketKey).bind("write", write).bind("fingerprint", fingerprint).bind("at", at)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO ticket_writes (ticket_key, write_name, fingerprint, written_at)"
                        + " VALUES (:key, :write, :fingerprint, :at)")
                        .bind("key", ticketKey).bind("write", write).bind("fingerprint", fingerprint).bind("at", at)
                        .execute();
            }
            return updated;
        }));
    }

    @Override
    public int forgetAll() {
        return db.with(h -> h.createUpdate("DELETE FROM ticket_writes").execute());
    }
}
