package dev.popcorn.store;

import dev.popcorn.app.identity.ForgetStore;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A user read out and erased (ADR 0030 lists every place and what happens to it). Ids are not foreign keys (V1), so
 * every table that names a user is named here; {@code ForgetContract} finds them all from the schema and fails when a
 * new one is missing.
 */
final class JdbcForget implements ForgetStore {

    /** A place a user is stored: what the export calls it, the table and the condition on {@code :id}. */
    private record Place(String group, String table, String where) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("account", "users", "id = :id"),
            new Place("forumAccounts", "forum_accounts", "user_id = :id"),
            new Place("teamMemberships", "members", "user_id = :id"),
            new Place("reports", "reports", "user_id = :id"),
            new Place("verdicts", "report_verdicts", "user_id = :id"),
            new Place("wishes", "wishes", "author_id = :id"),
            new Place("wishesBacked", "wish_supporters", "user_id = :id"),
            new Place("wishesFollowed", "wish_followers", "user_id = :id"),
            new Place("wishNotices", "wish_notices", "user_id = :id"),
            new Place("ballots", "ballots", "user_id = :id"),
            new Place("points", "participation_events", "user_id = :id"),
            new Place("pointsTotal", "participation_totals", "user_id = :id"),
            new Place("level", "user_levels", "user_id = :id"),
            new Place("badges", "user_badges", "user_id = :id"),
            new Place("nominations", "nominations", "user_id = :id"),
            new Place("releaseVisits", "release_visits", "user_id = :id"),
            new Place("standingNotices", "standing_notices", "user_id = :id"),
            new Place("forumReminder", "forum_reminders", "user_id = :id"),
            new Place("sessionsSignedOut", "ended_sessions", "user_id = :id"),
            // What they decided as a lead.
            new Place("grantsTheyRevoked", "participation_events", "revoked_by = :id"),
            new Place("levelsTheyLocked", "user_levels", "locked_by = :id"),
            new Place("nominationsTheyDecided", "nominations", "decided_by = :id"),
            new Place("pollsTheyApproved", "polls", "approved_by = :id"));

    private final Db db;

    JdbcForget(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Map<String, List<Map<String, Object>>>> export(String userId) {
        return db.inTransaction(() -> db.with(h -> {
            if (!known(h, userId)) {
                return Optional.<Map<String, List<Map<String, Object>>>>empty();
            }
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (Place place : PLACES) {
                groups.put(place.group(), h.createQuery("SELECT * FROM " + place.table() + " WHERE " + place.where())
                        .bind("id", userId).map((rs, ctx) -> row(rs)).list());
            }
            groups.put("outbox", h.createQuery("SELECT id, kind, ref, state, created_at, done_at FROM outbox WHERE "
                    + OUTBOX_ABOUT + " ORDER BY id").bind("exact", userId).bind("first", likeStart(userId))
                    .bind("last", likeEnd(userId)).map((rs, ctx) -> row(rs)).list());
            groups.put("audit", auditAbout(h, userId).stream().map(AuditRow::asMap).toList());
            return Optional.of(groups);
        }));
    }

    @Override
    public boolean erase(Erasure e) {
        return db.inTransaction(() -> db.with(h -> {
            if (!known(h, e.userId())) {
                return false;
            }
            String id = e.userId();
            String anon = e.anonymousId();
            List<AuditRow> audit = auditAbout(h, id);
            String name = h.createQuery("SELECT name FROM users WHERE id = :id").bind("id", id).mapTo(String.class)
                    .findOne()
                    .orElse(id);

            // The person: a neutral name; no avatar, no forum user id. The forum user name stays until the forum was
            // told to take them out of Popcorn's groups (the delivery drops it). Lead and groups stay: boards leave out
            // leads and some groups, and must add up as before.
            h.createUpdate("UPDATE users SET id = :anon, name = :name, avatar_url = NULL, trust_level = NULL,"
                    + " passes_valid_after = NULL, early_access = FALSE WHERE id = :id")
                    .bind("anon", anon).bind("name", e.neutralName()).bind("id", id).execute();
            h.createUpdate("DELETE FROM forum_accounts WHERE user_id = :id").bind("id", id).execute();
            h.createUpdate("UPDATE members SET user_id = NULL WHERE user_id = :id").bind("id", id).execute();

            // Reports keep counting under the anonymous id; their words go. The verdicts' key points at the report,
            // so the report is copied first, the verdicts moved, then the old report dropped.
            h.createUpdate("INSERT INTO reports (release_id, user_id, handed_in_at, updated_at, fingerprint)"
                    + " SELECT release_id, :anon, handed_in_at, updated_at, NULL FROM reports WHERE user_id = :id")
                    .bind("anon", anon).bind("id", id).execute();
            h.createUpdate("UPDATE report_verdicts SET user_id = :anon,"
                    + " comment = CASE WHEN comment = '' THEN '' ELSE :removed END WHERE user_id = :id")
                    .bind("anon", anon).bind("removed", e.removedText()).bind("id", id).execute();
            h.createUpdate("DELETE FROM reports WHERE user_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM report_marks WHERE user_id = :id").bind("id", id).execute();
            h.createUpdate("UPDATE wishes SET author_id = :anon, text = :removed WHERE author_id = :id")
                    .bind("anon", anon).bind("removed", e.removedText()).bind("id", id).execute();

            // What counts: moved as it is, so every result, board and count adds up as before.
            for (String table : List.of("wish_supporters", "wish_followers", "ballots", "participation_events",
                    "participation_totals", "user_levels", "user_badges", "nominations", "release_visits")) {
                h.createUpdate("UPDATE " + table + " SET user_id = :anon WHERE user_id = :id").bind("anon", anon)
                        .bind("id", id).execute();
            }
            // Their nominations keep counting for their project; the title and pitch they wrote go.
            h.createUpdate(
                    "UPDATE nominations SET title = :removed, title_en = '', pitch = :removed WHERE user_id = :anon")
                    .bind("removed", e.removedText()).bind("anon", anon).execute();
            // What a lead wrote about them (why points were given, taken back or a level locked) stays, not naming them.
            for (String[] text : List.of(new String[] {"participation_events", "reason"},
                    new String[] {"participation_events", "revoke_reason"},
                    new String[] {"user_levels", "lock_reason"})) {
                h.createQuery("SELECT " + text[1] + " FROM " + text[0] + " WHERE user_id = :anon AND " + text[1]
                        + " IS NOT NULL GROUP BY " + text[1]).bind("anon", anon).mapTo(String.class).list()
                        .forEach(said -> h
                                .createUpdate(
                                        "UPDATE " + text[0] + " SET " + text[1] + " = :renamed WHERE user_id = :anon"
                                                + " AND " + text[1] + " = :said")
                                .bind("renamed", renamed(said, id, anon, name, e.neutralName())).bind("anon", anon)
                                .bind("said", said).execute());
            }
            // What they decided as a lead stays decided, by nobody in particular.
            h.createUpdate("UPDATE participation_events SET revoked_by = :anon WHERE revoked_by = :id")
                    .bind("anon", anon)
                    .bind("id", id).execute();
            h.createUpdate("UPDATE user_levels SET locked_by = :anon WHERE locked_by = :id").bind("anon", anon)
                    .bind("id", id).execute();
            h.createUpdate("UPDATE nominations SET decided_by = :anon WHERE decided_by = :id").bind("anon", anon)
                    .bind("id", id).execute();
            h.createUpdate("UPDATE polls SET approved_by = :anon WHERE approved_by = :id").bind("anon", anon)
                    .bind("id", id).execute();

            // What was only for them: their inbox, reminders, sign-outs and the writes still planned for them.
            for (String table : List.of("wish_notices", "standing_notices", "forum_reminders", "ended_sessions")) {
                h.createUpdate("DELETE FROM " + table + " WHERE user_id = :id").bind("id", id).execute();
            }
            h.createUpdate("DELETE FROM outbox WHERE " + OUTBOX_ABOUT).bind("exact", id).bind("first", likeStart(id))
                    .bind("last", likeEnd(id)).execute();

            // The audit log keeps what was done, naming the anonymous user instead.
            for (AuditRow row : audit) {
                h.createUpdate("UPDATE audit_log SET actor = :actor, subject = :subject, detail = :detail, note = :note"
                        + " WHERE id = :row")
                        .bind("actor", row.actor().equals(id) ? anon : row.actor())
                        .bind("subject", subjectOf(row.subject(), id, anon))
                        .bind("detail", renamed(row.detail(), id, anon, name, e.neutralName()))
                        .bind("note", renamed(row.note(), id, anon, name, e.neutralName()))
                        .bind("row", row.id()).execute();
            }

            // Their passes: refused by a digest of the id, since no row names it any more.
            h.createUpdate("DELETE FROM forgotten_passes WHERE id_digest = :digest").bind("digest", e.idDigest())
                    .execute();
            h.createUpdate("INSERT INTO forgotten_passes (id_digest, passes_valid_after) VALUES (:digest, :at)")
                    .bind("digest", e.idDigest()).bind("at", e.at()).execute();
            return true;
        }));
    }

    /** Known: a user row, or a row anywhere else (a pass acts without one: ids are not foreign keys, V1). */
    private static boolean known(Handle h, String userId) {
        for (Place place : PLACES) {
            if (h.createQuery("SELECT COUNT(*) FROM " + place.table() + " WHERE " + place.where()).bind("id", userId)
                    .mapTo(Integer.class).one() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes filed for the user, by the kinds whose refs name one: {@code <user>/…} (their level's groups, a badge, a
     * private message, a reminder) or {@code …/<user>} (a winner's forum badge). Other kinds' refs name releases and
     * wishes, whose numbers a short id could match.
     */
    private static final String OUTBOX_ABOUT = "(kind IN ('" + dev.popcorn.app.forum.StandingMirror.LEVEL + "', '"
            + dev.popcorn.app.forum.StandingMirror.BADGE + "', '" + dev.popcorn.app.forum.FanMessages.NOTICE + "', '"
            + dev.popcorn.app.forum.FanMessages.REMINDER + "') AND (ref = :exact OR ref LIKE :first ESCAPE '!'))"
            + " OR (kind = '" + dev.popcorn.app.award.RecogniseWinners.BADGE + "' AND ref LIKE :last ESCAPE '!')";

    private static String likeStart(String id) {
        return escaped(id) + "/%";
    }

    private static String likeEnd(String id) {
        return "%/" + escaped(id);
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** An audit entry that names the user: as actor, or in its subject ({@code user:<id>}, {@code report:<rel>/<id>/…}). */
    private record AuditRow(long id, String at, String actor, String action, String subject, String detail,
            String note) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("at", at);
            map.put("actor", actor);
            map.put("action", action);
            map.put("subject", subject);
            map.put("detail", detail);
            return map;
        }
    }

    private static List<AuditRow> auditAbout(Handle h, String id) {
        List<AuditRow> rows = h.createQuery("SELECT id, at, actor, action, subject, detail, note FROM audit_log"
                + " WHERE actor = :id OR subject LIKE :like ESCAPE '!' ORDER BY id")
                .bind("id", id).bind("like", "%" + escaped(id) + "%")
                .map((rs, ctx) -> new AuditRow(rs.getLong("id"), Db.instant(rs, "at").toString(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("note")))
                .list();
        return rows.stream().filter(r -> r.actor().equals(id) || names(r.subject(), id)).toList();
    }

    /** Whether a subject names the user: {@code user:<id>}, or a report of theirs, {@code report:<release>/<id>[/<ticket>]}. */
    private static boolean names(String subject, String id) {
        if (subject.equals("user:" + id)) {
            return true;
        }
        if (!subject.startsWith("report:")) {
            return false;
        }
        String[] parts = subject.substring("report:".length()).split("/", -1);
        return parts.length >= 2 && parts[1].equals(id);
    }

    /** The subject naming the anonymous id instead, part by part ({@code user:<id>}, {@code report:<release>/<id>/…}). */
    private static String subjectOf(String subject, String id, String anon) {
        if (subject.equals("user:" + id)) {
            return "user:" + anon;
        }
        if (!names(subject, id)) {
            return subject;
        }
        String[] parts = subject.substring("report:".length()).split("/", -1);
        parts[1] = anon;
        return "report:" + String.join("/", parts);
    }

    /**
     * A free text of an audit entry about the user with their id, then their name, replaced. Either is left alone where
     * it is so short it would match inside other words and numbers (a user recorded without a name has their id as name);
     * the anonymous id is kept out of the name's replacement.
     */
    private static String renamed(String text, String id, String anon, String name, String neutral) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String marker = "\u0000";
        String renamed = id.strip().length() >= 3 ? text.replace(id, marker) : text;
        if (!name.equals(id) && name.strip().length() >= 3) {
            renamed = renamed.replace(name, neutral);
        }
        return renamed.replace(marker, anon);
    }

    /** A row as its columns, lower case, and plain values for JSON. */
    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            Object value = rs.getObject(i);
            if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
                    || value != null && value.getClass().getName().startsWith("java.time")) {
                OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
                value = at == null ? null : at.toInstant().toString();
            } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                value = value.toString();
            }
            row.put(column, value);
        }
        return row;
    }
}
