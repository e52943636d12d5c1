package dev.popcorn.store;

import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.Streak;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Levels, badges and the counts behind them, in {@code user_levels}, {@code user_badges} and the ledger. */
final class JdbcStanding implements StandingStore {

    private static final String LIVE = " AND revoked_at IS NULL";

    private final Db db;

    JdbcStanding(Db db) {
        this.db = db;
    }

    @Override
    public Optional<LevelRow> level(String userId) {
        return db.with(h -> h.createQuery("SELECT user_id, level, since, locked, locked_by, lock_reason, promoted_at"
                + " FROM user_levels WHERE user_id = :u").bind("u", userId)
                .map((rs, ctx) -> new LevelRow(rs.getString("user_id"), rs.getString("level"), Db.instant(rs, "since"),
                        rs.getBoolean("locked"), rs.getString("locked_by"), rs.getString("lock_reason"),
                        rs.getObject("promoted_at") == null ? null : Db.instant(rs, "promoted_at")))
                .findOne());
    }

    @Override
    public Optional<String> name(String userId) {
        return db.with(h -> h.createQuery("SELECT name FROM users WHERE id = :u").bind("u", userId)
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean known(String userId) {
        return db.with(
                h -> h.createQuery("SELECT COUNT(*) FROM users WHERE id = :u").bind("u", userId).mapTo(Long.class).one()
                        + h.createQuery("SELECT COUNT(*) FROM participation_events WHERE user_id = :u")
                                .bind("u", userId)
                                .mapTo(Long.class).one()) > 0;
    }

    @Override
    public List<ReportLine> reportsOf(String userId, int limit) {
        return db.with(h -> h.createQuery("SELECT r.release_id, rel.version, r.handed_in_at,"
                + " (SELECT COUNT(*) FROM report_verdicts v WHERE v.release_id = r.release_id AND v.user_id = r.user_id) AS n,"
                + " EXISTS (SELECT 1 FROM participation_events e WHERE e.user_id = r.user_id AND e.kind = 'REPORT_HANDED_IN'"
                + "   AND e.ref = CONCAT('release:', CAST(r.release_id AS VARCHAR(20))) AND e.revoked_at IS NULL) AS earned"
                + " FROM reports r JOIN releases rel ON rel.id = r.release_id WHERE r.user_id = :u"
                + " ORDER BY rel.shipped_at DESC LIMIT :limit")
                .bind("u", userId).bind("limit", limit)
                .map((rs, ctx) -> new ReportLine(rs.getLong("release_id"), rs.getString("version"),
                        Db.instant(rs, "handed_in_at"), rs.getInt("n"), rs.getBoolean("earned")))
                .list());
    }

    @Override
    public List<dev.popcorn.domain.feedback.Wish> wishesOf(String userId, int limit) {
        return db.with(h -> h.createQuery("SELECT w.id, w.text, w.author_id, w.release_id, w.created_at, w.ticket_key,"
                + " w.fulfilled_at, (SELECT COUNT(*) FROM wish_supporters c WHERE c.wish_id = w.id) AS n"
                + " FROM wishes w WHERE w.author_id = :u OR EXISTS (SELECT 1 FROM wish_supporters s"
                + " WHERE s.wish_id = w.id AND s.user_id = :u) ORDER BY w.id DESC LIMIT :limit")
                .bind("u", userId).bind("limit", limit)
                .map((rs, ctx) -> new dev.popcorn.domain.feedback.Wish(rs.getLong("id"), rs.getString("text"),
                        rs.getString("author_id"), rs.getLong("release_id"), Db.instant(rs, "created_at"),
                        rs.getLong("n"),
                        rs.getString("ticket_key"), Db.instant(rs, "fulfilled_at")))
                .list());
    }

    @Override
    public void saveLevel(String userId, String level, Instant since, Instant promotedAt) {
        db.with(h -> {
            int updated = h
                    .createUpdate("UPDATE user_levels SET level = :l, since = :s, promoted_at = :p WHERE user_id = :u")
                    .bind("u", userId).bind("l", level).bind("s", since).bind("p", promotedAt).execute();
            if (updated == 0) {
                h.createUpdate(
                        "INSERT INTO user_levels (user_id, level, since, locked, promoted_at) VALUES (:u, :l, :s, FALSE, :p)")
                        .bind("u", userId).bind("l", level).bind("s", since).bind("p", promotedAt).execute();
            }
            return null;
        });
    }

    @Override
    public void lock(String userId, String level, Instant since, boolean locked, String by, String reason) {
        db.with(h -> {
            // A lock, or a lock undone, is no promotion: no grace follows it.
            int updated = h.createUpdate("UPDATE user_levels SET level = :l, since = :s, locked = :k, locked_by = :by,"
                    + " lock_reason = :why, promoted_at = NULL WHERE user_id = :u")
                    .bind("u", userId).bind("l", level).bind("s", since).bind("k", locked).bind("by", by)
                    .bind("why", reason).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO user_levels (user_id, level, since, locked, locked_by, lock_reason)"
                        + " VALUES (:u, :l, :s, :k, :by, :why)")
                        .bind("u", userId).bind("l", level).bind("s", since).bind("k", locked).bind("by", by)
                        .bind("why", reason).execute();
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> levelCounts(String firstLevel) {
        // Grouped by the stored level alone: a user with no row and one stored at the first level are folded
        // together here, not by binding the first level twice in GROUP BY (H2 refuses that as two expressions).
        return db.with(h -> h.createQuery("SELECT l.level AS level, COUNT(*) AS n FROM users u"
                + " LEFT JOIN user_levels l ON l.user_id = u.id GROUP BY l.level")
                .reduceRows(new LinkedHashMap<String, Long>(), (map, row) -> {
                    String level = row.getColumn("level", String.class);
                    map.merge(level == null ? firstLevel : level, row.getColumn("n", Long.class), Long::sum);
                    return map;
                }));
    }

    @Override
    public Instant windowStart(int releases, Instant now) {
        return db.with(h -> h.createQuery("SELECT shipped_at FROM releases WHERE shipped_at <= :now"
                + " ORDER BY shipped_at DESC OFFSET :skip ROWS FETCH FIRST 1 ROWS ONLY")
                .bind("now", now).bind("skip", releases - 1)
                .map((rs, ctx) -> Db.instant(rs, "shipped_at")).findOne().orElse(Instant.EPOCH));
    }

    @Override
    public Activity activity(String userId, Instant from) {
        return db.with(h -> {
            long points = h.createQuery("SELECT COALESCE(SUM(points), 0) FROM participation_events"
                    + " WHERE user_id = :u AND at >= :from" + LIVE)
                    .bind("u", userId).bind("from", from).mapTo(Long.class).one();
            int reports = h.createQuery("SELECT COUNT(*) FROM participation_events"
                    + " WHERE user_id = :u AND at >= :from AND kind = 'REPORT_HANDED_IN'" + LIVE)
                    .bind("u", userId).bind("from", from).mapTo(Integer.class).one();
            int releases = h.createQuery("SELECT COUNT(*) FROM releases r WHERE r.shipped_at >= :from AND ("
                    + " EXISTS (SELECT 1 FROM participation_events e WHERE e.user_id = :u"
                    + "   AND e.kind = 'REPORT_HANDED_IN' AND e.ref = CONCAT('release:', CAST(r.id AS VARCHAR(20)))"
                    + "   AND e.revoked_at IS NULL)"
                    + " OR EXISTS (SELECT 1 FROM polls p JOIN ballots b ON b.poll_id = p.id"
                    + "   WHERE p.release_id = r.id AND b.user_id = :u)"
                    + " OR EXISTS (SELECT 1 FROM wishes w WHERE w.release_id = r.id AND w.author_id = :u))")
                    .bind("u", userId).bind("from", from).mapTo(Integer.class).one();
            return new Activity(Math.max(0, points), reports, releases);
        });
    }

    @Override
    public List<Streak.Turn> turns(String userId, Instant now) {
        return db.with(h -> h
                .createQuery("SELECT r.id, r.reports_close_at, EXISTS (SELECT 1 FROM participation_events e"
                        + " WHERE e.user_id = :u AND e.kind = 'REPORT_HANDED_IN'"
                        + " AND e.ref = CONCAT('release:', CAST(r.id AS VARCHAR(20))) AND e.revoked_at IS NULL) AS reported"
                        + " FROM releases r WHERE r.shipped_at <= :now ORDER BY r.shipped_at, r.id")
                .bind("u", userId).bind("now", now)
                .map((rs, ctx) -> new Streak.Turn(rs.getLong("id"), rs.getBoolean("reported"),
                        Db.instant(rs, "reports_close_at").isAfter(now)))
                .list());
    }

    @Override
    public int reports(String userId) {
        return count(
                "SELECT COUNT(*) FROM participation_events WHERE user_id = :u AND kind = 'REPORT_HANDED_IN'" + LIVE,
                userId);
    }

    @Override
    public int wishesShipped(String userId) {
        // A supported wish counts only where it earned points: past the weekly cap, backing tickets fills no badge.
        return count("SELECT COUNT(*) FROM participation_events WHERE user_id = :u"
                + " AND (kind = 'WISH_AUTHOR_SHIPPED' OR kind = 'WISH_FULFILLED' AND points > 0)" + LIVE, userId);
    }

    @Override
    public int helpful(String userId) {
        return count("SELECT COUNT(*) FROM participation_events WHERE user_id = :u AND kind = 'REPORT_HELPFUL'" + LIVE,
                userId);
    }

    @Override
    public List<PollTurn> polls(String userId, Instant now) {
        return db.with(h -> h.createQuery("SELECT p.id, p.closes_at, EXISTS (SELECT 1 FROM ballots b"
                + " WHERE b.poll_id = p.id AND b.user_id = :u) AS voted FROM polls p"
                + " WHERE p.closes_at <= :now AND p.state <> 'DRAFT' ORDER BY p.closes_at, p.id")
                .bind("u", userId).bind("now", now)
                .map((rs, ctx) -> new PollTurn(rs.getLong("id"), Db.instant(rs, "closes_at"), rs.getBoolean("voted")))
                .list());
    }

    @Override
    public int wins(List<String> memberNames) {
        if (memberNames.isEmpty()) {
            return 0;
        }
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM awards a WHERE EXISTS (SELECT 1 FROM members m"
                + " WHERE m.team_slug = a.team_slug AND LOWER(m.user_id) IN (<names>))")
                .bindList("names", memberNames.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList())
                .mapTo(Integer.class).one());
    }

    @Override
    public int bugsHunted(String userId) {
        return count("SELECT COUNT(*) FROM report_verdicts v JOIN releases r ON r.id = v.release_id"
                + " JOIN tickets t ON t.ticket_key = v.ticket_key"
                + " WHERE v.user_id = :u AND v.verdict = 'NOT_GOOD_ENOUGH' AND t.done = TRUE"
                + " AND EXISTS (SELECT 1 FROM releases later WHERE later.shipped_at > r.shipped_at"
                + "   AND (POSITION(later.version IN t.fix_versions) > 0"
                + "     OR EXISTS (SELECT 1 FROM features f WHERE f.release_id = later.id AND f.ticket_key = v.ticket_key)))",
                userId);
    }

    @Override
    public Map<String, Instant> badges(String userId) {
        return db.with(h -> h.createQuery("SELECT badge, granted_at FROM user_badges WHERE user_id = :u"
                + " ORDER BY granted_at, badge").bind("u", userId)
                .reduceRows(new LinkedHashMap<String, Instant>(), (map, row) -> {
                    map.put(row.getColumn("badge", String.class), row.getColumn("granted_at", Instant.class));
                    return map;
                }));
    }

    @Override
    public long addNotice(String userId, String kind, String subject, Instant at) {
        return db.with(h -> h
                .createUpdate("INSERT INTO standing_notices (user_id, kind, subject, at) VALUES (:u, :k, :s, :at)")
                .bind("u", userId).bind("k", kind).bind("s", subject).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public java.util.Optional<Notice> notice(String userId, long id) {
        return db.with(h -> h
                .createQuery("SELECT id, kind, subject, at, seen_at FROM standing_notices WHERE user_id = :u"
                        + " AND id = :id")
                .bind("u", userId).bind("id", id)
                .map((rs, ctx) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                        Db.instant(rs, "at"),
                        Db.instant(rs, "seen_at")))
                .findOne());
    }

    @Override
    public List<Notice> notices(String userId, int limit) {
        return db.with(h -> h
                .createQuery("SELECT id, kind, subject, at, seen_at FROM standing_notices WHERE user_id = :u"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("u", userId).bind("limit", limit)
                .map((rs, ctx) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                        Db.instant(rs, "at"),
                        Db.instant(rs, "seen_at")))
                .list());
    }

    @Override
    public List<Notice> takeUnseen(String userId, Instant at) {
        return db.inTransaction(() -> db.with(h -> {
            // Marked by id, not by "unseen": a notice written between the two statements is told on the next page.
            List<Notice> unseen = h
                    .createQuery("SELECT id, kind, subject, at, seen_at FROM standing_notices WHERE user_id = :u"
                            + " AND seen_at IS NULL ORDER BY id")
                    .bind("u", userId)
                    .map((rs, ctx) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                            Db.instant(rs, "at"), null))
                    .list();
            if (!unseen.isEmpty()) {
                h.createUpdate(
                        "UPDATE standing_notices SET seen_at = :at WHERE user_id = :u AND seen_at IS NULL AND id <= :last")
                        .bind("at", at).bind("u", userId).bind("last", unseen.get(unseen.size() - 1).id()).execute();
            }
            return unseen;
        }));
    }

    @Override
    public Map<String, Long> badgeCounts() {
        return db.with(h -> h.createQuery("SELECT badge, COUNT(*) AS n FROM user_badges GROUP BY badge")
                .reduceRows(new LinkedHashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("badge", String.class), row.getColumn("n", Long.class));
                    return map;
                }));
    }

    @Override
    public List<Holder> holders(String badge, int limit) {
        return db.with(h -> h.createQuery(
                "SELECT b.user_id, u.name, b.granted_at FROM user_badges b JOIN users u ON u.id = b.user_id"
                        + " WHERE b.badge = :b AND u.public_profile ORDER BY b.granted_at DESC, b.user_id LIMIT :limit")
                .bind("b", badge).bind("limit", limit)
                .map((rs, ctx) -> new Holder(rs.getString("user_id"), rs.getString("name"),
                        Db.instant(rs, "granted_at")))
                .list());
    }

    @Override
    public boolean grantBadge(String userId, String badge, Instant at) {
        return db.with(h -> h.createUpdate(db.dialect().insertBadgeIfAbsent())
                .bind("u", userId).bind("b", badge).bind("at", at).execute()) > 0;
    }

    @Override
    public boolean takeBadge(String userId, String badge) {
        return db.with(h -> h.createUpdate("DELETE FROM user_badges WHERE user_id = :u AND badge = :b")
                .bind("u", userId).bind("b", badge).execute()) > 0;
    }

    @Override
    public List<String> usersToReview(Instant since, String firstLevel) {
        return db.with(h -> h.createQuery("SELECT DISTINCT user_id FROM participation_events WHERE at >= :since"
                + " UNION SELECT user_id FROM user_levels WHERE level <> :first AND locked = FALSE")
                .bind("since", since).bind("first", firstLevel).mapTo(String.class).list());
    }

    @Override
    public int wishesFiledSince(String userId, Instant since) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM wishes WHERE author_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Integer.class).one());
    }

    @Override
    public boolean publicProfile(String userId) {
        return db.with(h -> h.createQuery("SELECT public_profile FROM users WHERE id = :u").bind("u", userId)
                .mapTo(Boolean.class).findOne().orElse(true));
    }

    @Override
    public boolean earlyAccess(String userId) {
        return db.with(h -> h.createQuery("SELECT early_access FROM users WHERE id = :u").bind("u", userId)
                .mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public void setEarlyAccess(String userId, boolean joined) {
        db.with(h -> h.createUpdate("UPDATE users SET early_access = :j WHERE id = :u")
                .bind("u", userId).bind("j", joined).execute());
    }

    @Override
    public void setPublicProfile(String userId, boolean visible) {
        db.with(h -> h.createUpdate("UPDATE users SET public_profile = :v WHERE id = :u")
                .bind("u", userId).bind("v", visible).execute());
    }

    private int count(String sql, String userId) {
        return db.with(h -> h.createQuery(sql).bind("u", userId).mapTo(Integer.class).one());
    }
}
