package dev.popcorn.store;

import dev.popcorn.app.award.NominationStore;
import dev.popcorn.domain.award.Nomination;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Nominations in {@code nominations} (V11); the unique key (poll, user, team) refuses a second of one team. */
final class JdbcNominations implements NominationStore {

    private static final String COLUMNS = "id, poll_id, user_id, team_slug, title, title_en, pitch, state, created_at, decided_by,"
            + " decided_at, decision, candidate_id";

    private final Db db;

    JdbcNominations(Db db) {
        this.db = db;
    }

    @Override
    public boolean holdPoll(long pollId) {
        return !db.with(h -> h.createQuery("SELECT id FROM polls WHERE id = :id FOR UPDATE").bind("id", pollId)
                .mapTo(Long.class).list()).isEmpty();
    }

    @Override
    public Nomination add(Nomination n) {
        long id = db.with(h -> h
                .createUpdate("INSERT INTO nominations (poll_id, user_id, team_slug, title, title_en, pitch,"
                        + " state, created_at) VALUES (:poll, :user, :team, :title, :titleEn, :pitch, :state, :at)")
                .bind("poll", n.pollId()).bind("user", n.userId()).bind("team", n.teamSlug()).bind("title", n.title())
                .bind("titleEn", n.titleEn()).bind("pitch", n.pitch()).bind("state", n.state().name())
                .bind("at", n.createdAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return n.withId(id);
    }

    @Override
    public Optional<Nomination> find(long id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM nominations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findFirst());
    }

    @Override
    public List<Nomination> ofPoll(long pollId) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM nominations WHERE poll_id = :poll ORDER BY id")
                .bind("poll", pollId).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public List<Nomination> ofUser(long pollId, String userId) {
        return db.with(h -> h
                .createQuery("SELECT " + COLUMNS + " FROM nominations WHERE poll_id = :poll AND user_id = :user"
                        + " ORDER BY id")
                .bind("poll", pollId).bind("user", userId).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public boolean decide(Nomination after) {
        return db.with(h -> h.createUpdate("UPDATE nominations SET state = :state, decided_by = :by, decided_at = :at,"
                + " decision = :decision, candidate_id = :candidate WHERE id = :id AND state = 'PENDING'")
                .bind("state", after.state().name()).bind("by", after.decidedBy()).bind("at", after.decidedAt())
                .bind("decision", after.decision()).bind("candidate", after.candidateId()).bind("id", after.id())
                .execute()) == 1;
    }

    private static Nomination row(ResultSet rs) throws SQLException {
        long candidate = rs.getLong("candidate_id");
        Long candidateId = rs.wasNull() ? null : candidate;
        return new Nomination(rs.getLong("id"), rs.getLong("poll_id"), rs.getString("user_id"),
                rs.getString("team_slug"),
                rs.getString("title"), rs.getString("title_en"), rs.getString("pitch"),
                Nomination.State.valueOf(rs.getString("state")),
                Db.instant(rs, "created_at"), rs.getString("decided_by"), Db.instant(rs, "decided_at"),
                rs.getString("decision"), candidateId);
    }
}
