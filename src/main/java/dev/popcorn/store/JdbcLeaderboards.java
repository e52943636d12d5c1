package dev.popcorn.store;

import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.domain.WeekCalendar.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The leaderboards in SQL that H2 2.x and PostgreSQL both run: a week or a month sums the slice of
 * {@code participation_events} by time over its covering index; all time reads
 * {@code participation_totals}, one row per user kept in the same transaction as each grant and
 * revocation (V12); ranks come from {@code RANK()} over the sums, and on a week's or a month's board a tie goes to
 * whoever reached the sum first (their last grant that counted; issue 28). Each board is one query, a
 * user's own place two.
 */
final class JdbcLeaderboards implements LeaderboardStore {

    private final Db db;

    JdbcLeaderboards(Db db) {
        this.db = db;
    }

    /** Adds {@code points} (negative for a revocation) to the user's all-time total; inside the grant's transaction. */
    static void addToTotal(Db db, String userId, long points) {
        db.with(h -> h.createUpdate(db.dialect().addToTotal()).bind("user", userId).bind("points", points).execute());
    }

    @Override
    public List<UserLine> users(Period period, Exclusions exclusions, int limit) {
        Filter excluded = excluded(exclusions);
        String sql = "SELECT r.rnk, r.user_id, r.name, l.level, r.points FROM ("
                + " SELECT b.rnk, b.user_id, b.name, b.points FROM ("
                + "  SELECT s.user_id, u.name, s.points, RANK() OVER (ORDER BY s.points DESC"
                + (period == null ? "" : ", s.reached")
                + ") AS rnk"
                + "  FROM " + scores(period) + " s JOIN users u ON u.id = s.user_id"
                + "  WHERE s.points > 0 AND u.public_profile AND NOT " + excluded.sql
                + " ) b ORDER BY b.rnk, b.name, b.user_id LIMIT :limit"
                + ") r LEFT JOIN user_levels l ON l.user_id = r.user_id ORDER BY r.rnk, r.name, r.user_id";
        return db.with(h -> bind(h.createQuery(sql), period, excluded).bind("limit", limit)
                .map((rs, ctx) -> new UserLine(rs.getInt("rnk"), rs.getString("user_id"), rs.getString("name"),
                        rs.getString("level"), rs.getLong("points")))
                .list());
    }

    /** A user's standing as first read, and when they reached their points in the period (null for all time). */
    private record Found(Position standing, java.time.Instant reached) {
    }

    /** Two queries: the user with their points, then how many listed users have more and the least of those. */
    @Override
    public Optional<Position> position(String userId, Period period, Exclusions exclusions) {
        Filter excluded = excluded(exclusions);
        String mine = period == null
                ? "SELECT COALESCE(SUM(points), 0) FROM participation_totals WHERE user_id = u.id"
                : "SELECT COALESCE(SUM(points), 0) FROM participation_events"
                        + " WHERE user_id = u.id AND at >= :from AND at < :until AND revoked_at IS NULL";
        String reachedMine = period == null ? "NULL"
                : "(SELECT MAX(CASE WHEN points > 0 THEN at END) FROM participation_events"
                        + " WHERE user_id = u.id AND at >= :from AND at < :until AND revoked_at IS NULL)";
        String who = "SELECT u.id, u.name, l.level, u.public_profile, (" + mine + ") AS points, " + reachedMine
                + " AS reached,"
                + " CASE WHEN " + excluded.sql + " THEN 1 ELSE 0 END AS excluded"
                + " FROM users u LEFT JOIN user_levels l ON l.user_id = u.id WHERE u.id = :me";
        // On a period's board a tie goes to whoever got there first: they are ahead too.
        String ahead = "SELECT COUNT(*) AS ahead, MIN(s.points) AS above FROM " + scores(period) + " s"
                + " JOIN users u ON u.id = s.user_id WHERE (s.points > :points"
                + (period == null ? "" : " OR (s.points = :points AND s.reached < :reached)") + ")"
                + " AND u.public_profile AND NOT " + excluded.sql;
        return db.with(h -> bind(h.createQuery(who), period, excluded).bind("me", userId)
                .map((rs,
                        ctx) -> new Found(new Position(rs.getString("id"), rs.getString("name"), rs.getString("level"),
                                rs.getLong("points"), null, null, rs.getBoolean("public_profile"),
                                rs.getInt("excluded") == 1),
                                Db.instant(rs, "reached")))
                .findOne()
                .map(found -> {
                    Position s = found.standing();
                    if (s.excluded() || s.points() <= 0) {
                        return s;
                    }
                    var query = bind(h.createQuery(ahead), period, excluded).bind("points", s.points());
                    if (period != null) {
                        query.bind("reached", found.reached());
                    }
                    return query
                            .map((rs, ctx) -> {
                                long above = rs.getLong("above");
                                Long placeAbove = rs.wasNull() ? null : above;
                                return new Position(s.userId(), s.name(), s.level(), s.points(),
                                        (int) rs.getLong("ahead") + 1,
                                        placeAbove, s.listed(), false);
                            })
                            .one();
                }));
    }

    @Override
    public List<TeamLine> teams(Period period, int limit) {
        String closed = period == null ? "" : " AND p.closes_at >= :from AND p.closes_at < :until";
        String shipped = period == null ? "" : " AND r.shipped_at >= :from AND r.shipped_at < :until";
        String votes = "SELECT c.team_slug, COUNT(*) AS votes FROM polls p"
                + " JOIN candidates c ON c.poll_id = p.id AND c.status = 'ACTIVE'"
                + " JOIN ballots b ON b.poll_id = c.poll_id AND b.candidate_id = c.id"
                + " WHERE p.approved_at IS NOT NULL" + closed + " GROUP BY c.team_slug";
        String likes = "SELECT f.team_slug, COUNT(*) AS likes FROM releases r"
                + " JOIN features f ON f.release_id = r.id"
                + " JOIN report_verdicts v ON v.release_id = f.release_id AND v.ticket_key = f.ticket_key AND v.verdict = 'LIKE'"
                + " WHERE 1 = 1" + shipped + " GROUP BY f.team_slug";
        // Derived tables, not a WITH: see scores.
        String sql = "SELECT RANK() OVER (ORDER BY x.votes DESC, x.likes DESC) AS rnk, x.slug, x.name, x.name_zh, x.votes, x.likes FROM ("
                + " SELECT t.slug, t.name, t.name_zh, COALESCE(vo.votes, 0) AS votes, COALESCE(li.likes, 0) AS likes"
                + " FROM teams t LEFT JOIN (" + votes + ") vo ON vo.team_slug = t.slug"
                + " LEFT JOIN (" + likes + ") li ON li.team_slug = t.slug"
                + " WHERE vo.votes IS NOT NULL OR li.likes IS NOT NULL) x"
                + " ORDER BY rnk, x.name, x.slug LIMIT :limit";
        return db.with(h -> {
            var query = h.createQuery(sql).bind("limit", limit);
            if (period != null) {
                query.bind("from", period.from()).bind("until", period.until());
            }
            return query.map((rs, ctx) -> new TeamLine(rs.getInt("rnk"), rs.getString("slug"), rs.getString("name"),
                    rs.getString("name_zh"), rs.getLong("votes"), rs.getLong("likes"))).list();
        });
    }

    /**
     * Each user's points in the period as a derived table (a slice of the ledger by time), or of all
     * time (the totals). Not a WITH: H2 2.x may answer a repeated WITH from its last result although
     * its parameters changed.
     */
    private static String scores(Period period) {
        return period == null
                ? "participation_totals"
                // When each reached their sum: their last grant that counted.
                : "(SELECT user_id, SUM(points) AS points, MAX(CASE WHEN points > 0 THEN at END) AS reached"
                        + " FROM participation_events WHERE at >= :from AND at < :until AND revoked_at IS NULL GROUP BY user_id)";
    }

    /** A condition on {@code u} (the users row) true for a user the exclusions keep off every board, with its values. */
    private record Filter(String sql, List<String> patterns) {
    }

    private static Filter excluded(Exclusions exclusions) {
        StringBuilder sql = new StringBuilder("(1 = 0");
        if (exclusions.leads()) {
            sql.append(" OR u.is_lead");
        }
        List<String> patterns = new ArrayList<>();
        for (String group : exclusions.groups()) {
            // forum_groups is the groups joined by commas: look for ",group," in ",a,b,c,".
            sql.append(" OR LOWER(CONCAT(',', COALESCE(u.forum_groups, ''), ',')) LIKE :g").append(patterns.size())
                    .append(" ESCAPE '!'");
            patterns.add("%," + group.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + ",%");
        }
        return new Filter(sql.append(")").toString(), patterns);
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Period period, Filter excluded) {
        if (period != null) {
            statement.bind("from", period.from()).bind("until", period.until());
        }
        for (int i = 0; i < excluded.patterns().size(); i++) {
            statement.bind("g" + i, excluded.patterns().get(i));
        }
        return statement;
    }
}
