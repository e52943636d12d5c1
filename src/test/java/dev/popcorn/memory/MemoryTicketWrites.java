package dev.popcorn.memory;

import dev.popcorn.app.tracker.TicketWriteStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What Popcorn last wrote onto each ticket, in memory: one fingerprint per ticket and write. */
final class MemoryTicketWrites implements TicketWriteStore {

    private final MemoryDb db;
    private final Map<String, String> fingerprints;

    MemoryTicketWrites(MemoryDb db) {
        this.db = db;
        this.fingerprints = db.table();
    }

    @Override
    public Optional<String> fingerprint(String ticketKey, String write) {
        return db.with(() -> Optional.ofNullable(fingerprints.get(ticketKey + "\n" + write)));
    }

    @Override
    public String database() {
        return db.databaseId();
    }

    @Override
    public void save(String ticketKey, String write, String fingerprint, Instant at) {
        db.run(() -> fingerprints.put(ticketKey + "\n" + write, fingerprint));
    }

    @Override
    public int forgetAll() {
        return db.with(() -> {
            int n = fingerprints.size();
            fingerprints.clear();
            return n;
        });
    }
}
