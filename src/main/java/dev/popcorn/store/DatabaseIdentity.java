package dev.popcorn.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * This database's own id ({@code database_identity}, V33), made the first time it is asked for and the same on
 * every instance that shares the database. Writes to other systems carry it (ADR 0032).
 */
final class DatabaseIdentity {

    private final Db db;
    private volatile String id;

    DatabaseIdentity(Db db) {
        this.db = db;
    }

    String id() {
        String known = id;
        if (known == null) {
            known = read().orElseGet(this::make);
            id = known;
        }
        return known;
    }

    private Optional<String> read() {
        return db.with(h -> h.createQuery("SELECT database_id FROM database_identity WHERE singleton = 1")
                .mapTo(String.class).findOne());
    }

    /** Two instances may make it at once: the primary key keeps one, and both read that one. */
    private String make() {
        try {
            db.with(h -> h
                    .createUpdate(
                            "INSERT INTO database_identity (singleton, database_id, made_at) VALUES (1, :id, :at)")
                    .bind("id", UUID.randomUUID().toString()).bind("at", Instant.now()).execute());
        } catch (RuntimeException lostTheRace) {
            // Another instance made it a moment ago: read theirs below.
        }
        return read().orElseThrow(() -> new IllegalStateException("database_identity has no row after making one"));
    }
}
