package dev.popcorn.store;

import dev.popcorn.app.award.AwardStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcAwards implements AwardStore {

    private static final RowMapper<Award> AWARD = (rs, ctx) -> new Award(rs.getLong("poll_id"),
            rs.getLong("candidate_id"), rs.getString("team_slug"), rs.getLong("votes"), Db.instant(rs, "approved_at"));
    private static final String SELECT = "SELECT poll_id, candidate_id, team_slug, votes, approved_at FROM awards ";

    private final Db db;

    JdbcAwards(Db db) {
        this.db = db;
    }

    @Override
    public void record(List<Award> winners) {
        if (winners.isEmpty()) {
            return;
        }
        db.with(h -> {
            var batch = h.prepareBatch("INSERT INTO awards (poll_id, candidate_id, team_slug, votes, approved_at)"
                    + " VALUES (:poll, :candidate, :team, :votes, :at)");
            for (Award award : winners) {
                batch.bind("poll", award.pollId()).bind("candidate", award.candidateId()).bind("team", award.teamSlug())
                        .bind("votes", award.votes()).bind("at", award.approvedAt()).add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<Award> ofPoll(long pollId) {
        return db.with(h -> h.createQuery(SELECT + "WHERE poll_id = :p ORDER BY votes DESC, candidate_id")
                .bind("p", pollId).map(AWARD).list());
    }

    @Override
    public List<Award> ofTeam(String teamSlug) {
        return db.with(h -> h.createQuery(SELECT + "WHERE team_slug = :t ORDER BY approved_at DESC, poll_id DESC")
                .bind("t", teamSlug).map(AWARD).list());
    }

    @Override
    public Map<String, Long> buckets() {
        Map<String, Long> buckets = new LinkedHashMap<>();
        db.with(h -> h.createQuery("SELECT team_slug, COUNT(*) AS n, MAX(approved_at) AS latest FROM awards"
                + " GROUP BY team_slug ORDER BY n DESC, latest DESC, team_slug")
                .map((rs, ctx) -> buckets.put(rs.getString("team_slug"), rs.getLong("n")))
                .list());
        return buckets;
    }
}
