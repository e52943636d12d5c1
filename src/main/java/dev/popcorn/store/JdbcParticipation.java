package dev.popcorn.store;

import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.ParticipationEvent;

final class JdbcParticipation implements ParticipationStore {

    private final Db db;

    JdbcParticipation(Db db) {
        this.db = db;
    }

    @Override
    public boolean record(ParticipationEvent event) {
        return db.with(h -> h.createUpdate(db.dialect().insertEventIfAbsent())
                .bind("user", event.userId()).bind("kind", event.kind().name()).bind("ref", event.ref())
                .bind("points", event.points()).bind("at", event.at())
                .execute()) > 0;
    }

    @Override
    public long points(String userId) {
        return db.with(h -> h.createQuery("SELECT COALESCE(SUM(points), 0) FROM participation_events WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
    }
}
