package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.ForgetUser;
import dev.popcorn.discourse.FakeDiscourse;
import dev.popcorn.domain.forum.ForumIdentity;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user asks to be forgotten (issue 29, item 6; ADR 0030), on the demo's week over HTTP: a fan with ballots, points,
 * badges, reports, wishes, a forum link and live passes is read out and erased; then no text in any table (found from
 * the schema, so tables added later are searched too) holds their id, name or forum user name, every result, board and
 * count reads as before, their passes are refused and the forum took them out of Popcorn's groups. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class ForgetContract {

    /** Saturday noon in Shanghai: last week's award is approved, this week's poll is open. */
    static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T04:00:00Z");
    static final String NAME = "Qiao Forgetsme";
    static final String FORUM_NAME = "qiao-forgets";
    static final String AVATAR = "https://forum.example/u/qiao-forgets.png";
    static final String ADMIN = TestServer.ADMIN_TOKEN;

    /**
     * Every column whose name says it holds a user, as {@code table.column}, each handled by the erasure. A new one fails
     * {@link #everyColumnNamingAUserIsOneTheErasureKnows} until the erasure (JdbcForget) and this list learn it.
     */
    static final Set<String> USER_COLUMNS = Set.of("audit_log.actor", "ballots.user_id", "ended_sessions.user_id",
            "forum_accounts.forum_user_id", "forum_accounts.forum_username", "forum_accounts.user_id",
            "forum_reminders.user_id", "members.user_id", "nominations.decided_by", "nominations.user_id",
            "participation_events.revoked_by", "participation_events.user_id", "participation_totals.user_id",
            "polls.approved_by", "release_visits.user_id", "report_marks.user_id", "report_verdicts.user_id",
            "reports.user_id", "standing_notices.user_id", "user_badges.user_id", "user_levels.locked_by",
            "user_levels.user_id", "users.forum_username", "wish_followers.user_id", "wish_notices.user_id",
            "wish_supporters.user_id", "wishes.author_id");

    @TempDir
    java.nio.file.Path data;
    FakeDiscourse fake;
    TestServer server;

    /** The configuration that points the server at a fresh database of this kind (none: the embedded one). */
    abstract Map<String, String> freshDatabase() throws SQLException;

    abstract void dropDatabase() throws SQLException;

    void start(boolean demo) throws SQLException {
        fake = new FakeDiscourse();
        fake.group("popcorn-fans");
        fake.group("popcorn-enthusiasts");
        fake.group("popcorn-early");
        Map<String, String> config = new HashMap<>(freshDatabase());
        config.put("discourse.url", fake.url());
        config.put("discourse.api-key", FakeDiscourse.API_KEY);
        config.put("discourse.category-id", String.valueOf(FakeDiscourse.CATEGORY));
        config.put("discourse.requests-per-minute", "6000");
        config.put("forum.level-groups", "fan=popcorn-fans,enthusiast=popcorn-enthusiasts");
        config.put("forum.early-access-group", "popcorn-early");
        server = TestServer.start(data, SATURDAY_NOON, demo, config);
    }

    @AfterEach
    void stop() throws SQLException {
        if (server != null) {
            server.close();
        }
        if (fake != null) {
            assertThat(fake.contractViolations()).isEmpty();
            fake.close();
        }
        dropDatabase();
    }

    @Test
    void aForgottenFanLeavesNoTraceAndEveryTallyAddsUpAsBefore() throws SQLException {
        start(true);
        String fan = one(
                "SELECT w.author_id FROM wishes w WHERE EXISTS (SELECT 1 FROM ballots b WHERE b.user_id = w.author_id)"
                        + " AND EXISTS (SELECT 1 FROM participation_events e WHERE e.user_id = w.author_id) ORDER BY w.author_id");
        Instant now = server.clock.instant();
        becomeAForumUserWithEverything(fan, now);
        String pass = server.pass(fan, NAME);
        String session = server.session(fan, NAME);
        assertThat(server.send("GET", "/api/v1/me/participation", pass, null).statusCode()).isEqualTo(200);
        assertThat(server.page("GET", "/me", session, null).body()).contains(NAME);
        assertThat(leftovers(fan, NAME, FORUM_NAME, AVATAR)).as("the fan is stored in these places")
                .hasSizeGreaterThan(15);
        Map<String, List<String>> before = tallies();

        // The export: everything, grouped, and only theirs.
        HttpResponse<String> exported = server.send("GET", "/api/v1/users/" + fan + "/export", ADMIN, null);
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        JsonObject export = JsonParser.parseString(exported.body()).getAsJsonObject();
        assertThat(export.get("user").getAsString()).isEqualTo(fan);
        assertThat(export.getAsJsonArray("account").get(0).getAsJsonObject().get("name").getAsString()).isEqualTo(NAME);
        for (String group : List.of("forumAccounts", "reports", "wishes", "ballots", "points", "pointsTotal", "badges",
                "wishesFollowed", "releaseVisits", "standingNotices", "forumReminder", "nominations", "audit")) {
            assertThat(export.getAsJsonArray(group)).as(group).isNotEmpty();
        }
        for (String group : List.of("reports", "ballots", "points", "badges")) {
            export.getAsJsonArray(group).forEach(row -> assertThat(row.getAsJsonObject().get("user_id").getAsString())
                    .as(group).isEqualTo(fan));
        }
        assertThat(export.getAsJsonArray("wishes").get(0).getAsJsonObject().get("text").getAsString()).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM ballots WHERE user_id = '" + fan + "'"))
                .isEqualTo(export.getAsJsonArray("ballots").size());
        assertThat(count("SELECT COUNT(*) FROM participation_events WHERE user_id = '" + fan + "'"))
                .isEqualTo(export.getAsJsonArray("points").size());

        // The erasure.
        HttpResponse<String> erased = server.send("POST", "/api/v1/users/" + fan + "/erasure", ADMIN, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        String anonymous = JsonParser.parseString(erased.body()).getAsJsonObject().get("anonymousId").getAsString();
        assertThat(anonymous).startsWith(ForgetUser.ANONYMOUS_PREFIX);

        // The forum was told: out of the level group and the early-access group; then its user name is dropped too.
        Eventually.holds("the forum account taken out of Popcorn's groups", Duration.ofSeconds(30),
                () -> !fake.groupMembers("popcorn-fans").contains(FORUM_NAME)
                        && !fake.groupMembers("popcorn-early").contains(FORUM_NAME)
                        && count("SELECT COUNT(*) FROM users WHERE forum_username IS NOT NULL AND id = '" + anonymous
                                + "'") == 0,
                () -> fake.requests().toString());
        assertThat(fake.requests()).anyMatch(r -> r.startsWith("DELETE /groups/") && r.endsWith("/members.json"));

        assertThat(leftovers(fan, NAME, FORUM_NAME, AVATAR)).as("nothing holds their id, name or forum name").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = '" + anonymous + "' AND name = '"
                + ForgetUser.NEUTRAL_NAME + "'")).isEqualTo(1);
        // Past the boards' half minute of caching: what is shown is read again.
        server.clock.advance(Duration.ofSeconds(31));
        assertThat(tallies()).as("every result, board and count as before").isEqualTo(before);

        // Their passes ended at once.
        HttpResponse<String> refused = server.send("GET", "/api/v1/me/participation", pass, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("pass.revoked");
        HttpResponse<String> page = server.page("GET", "/me", session, null);
        assertThat(page.statusCode()).isNotEqualTo(200);
        assertThat(page.body()).doesNotContain(NAME);

        // The audit log says a user was forgotten, naming only the anonymous id.
        String audit = server.send("GET", "/api/v1/audit", ADMIN, null).body();
        assertThat(audit).contains("user.forget");
        assertThat(rows("SELECT actor, subject FROM audit_log WHERE action = 'user.forget'"))
                .containsExactly("lead | user:" + anonymous);
        assertThat(audit).doesNotContain(fan).doesNotContain(NAME);

        // Again: the id names nobody any more.
        HttpResponse<String> again = server.send("POST", "/api/v1/users/" + fan + "/erasure", ADMIN, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(server.send("GET", "/api/v1/users/" + fan + "/export", ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(tallies()).isEqualTo(before);
    }

    @Test
    void onlyALeadReadsOutOrErasesAndOnlyAKnownPerson() throws SQLException {
        start(false);
        server.signedInOnce("fan-7", "Fan Seven");
        String fanPass = server.pass("fan-7", "Fan Seven");
        for (String[] call : List.of(new String[] {"GET", "/api/v1/users/fan-7/export"},
                new String[] {"POST", "/api/v1/users/fan-7/erasure"})) {
            assertThat(server.send(call[0], call[1], null, null).statusCode()).as("nobody").isEqualTo(401);
            assertThat(server.send(call[0], call[1], fanPass, null).statusCode()).as("a fan").isEqualTo(403);
            HttpResponse<String> unknown = server.send(call[0], call[1].replace("fan-7", "nobody-ever"), ADMIN, null);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("nobody-ever");
        }
        HttpResponse<String> admin = server.send("POST", "/api/v1/users/lead/erasure", ADMIN, null);
        assertThat(admin.statusCode()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = 'fan-7' AND name = 'Fan Seven'")).as("nothing changed")
                .isEqualTo(1);
        assertThat(server.send("GET", "/api/v1/me/participation", fanPass, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aShortIdIsErasedWithoutTouchingWhatMerelyContainsIt() throws SQLException {
        start(false);
        assertThat(server.send("PUT", "/api/v1/teams/camera", ADMIN, "{\"name\": \"Camera\"}").statusCode()).isIn(200,
                201);
        assertThat(server.send("POST", "/api/v1/releases", ADMIN, "{\"version\": \"2026.11.20\", \"features\":"
                + " [{\"key\": \"POP-1\", \"summary\": \"Night\", \"team\": \"camera\"}]}").statusCode())
                .isIn(200, 201);
        server.signedInOnce("1", "1");
        assertThat(server.send("POST", "/api/v1/users/1/points", ADMIN,
                "{\"points\": 10, \"reason\": \"10 reports in 1 week\", \"ref\": \"r-1\"}").statusCode())
                .isIn(200, 201);
        List<String> others = rows(
                "SELECT actor, action, subject, detail FROM audit_log WHERE subject <> 'user:1' ORDER BY id");
        assertThat(others).anyMatch(row -> row.contains("release:1"));

        HttpResponse<String> erased = server.send("POST", "/api/v1/users/1/erasure", ADMIN, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        String anonymous = JsonParser.parseString(erased.body()).getAsJsonObject().get("anonymousId").getAsString();

        assertThat(rows("SELECT actor, action, subject, detail FROM audit_log WHERE action <> 'user.forget'"
                + " AND subject <> 'user:" + anonymous + "' ORDER BY id"))
                .as("entries about other things, as they were")
                .isEqualTo(others);
        assertThat(rows("SELECT reason, points FROM participation_events WHERE user_id = '" + anonymous + "'"))
                .containsExactly("10 reports in 1 week | 10");
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = '1'")).isZero();
    }

    @Test
    void everyColumnNamingAUserIsOneTheErasureKnows() throws SQLException {
        start(false);
        Set<String> found = new TreeSet<>();
        withConnection(c -> {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet columns = meta.getColumns(null, c.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (column.matches(".*(user|author|actor|voter|_by$|member|fan).*") && !column.equals("leased_by")
                            && !table.equals("flyway_schema_history")) {
                        found.add(table + "." + column);
                    }
                }
            }
            return null;
        });
        assertThat(found).as("columns that name a user: each must be handled by JdbcForget and listed here")
                .containsExactlyInAnyOrderElementsOf(USER_COLUMNS);
    }

    /** The fan signs in through the forum, and holds one of everything the demo does not give every fan. */
    private void becomeAForumUserWithEverything(String fan, Instant now) {
        fake.user(4242, FORUM_NAME, 1, false);
        fake.group("popcorn-fans", FORUM_NAME);
        fake.group("popcorn-early", FORUM_NAME);
        server.store().users().upsertFromForum(new ForumIdentity(fan, FORUM_NAME, NAME, AVATAR,
                List.of("trust_level_1"), false, false), now);
        server.grantBadge(fan, "reports.silver", now);
        long poll = count("SELECT MAX(id) FROM polls");
        long wish = count("SELECT MIN(id) FROM wishes WHERE author_id <> '" + fan + "'");
        long release = count("SELECT MAX(id) FROM releases");
        String team = one("SELECT MIN(slug) FROM teams");
        update("INSERT INTO forum_accounts (name_lower, name, state, forum_user_id, forum_username, user_id, problem, checked_at)"
                + " VALUES ('" + FORUM_NAME + "', '" + FORUM_NAME + "', 'LINKED', 4242, '" + FORUM_NAME + "', '" + fan
                + "', '', ?)", now);
        update("INSERT INTO wish_followers (wish_id, user_id, followed_at) VALUES (" + wish + ", '" + fan + "', ?)",
                now);
        update("INSERT INTO release_visits (release_id, user_id, first_at) SELECT " + release + ", '" + fan
                + "', ? FROM users"
                + " WHERE id = '" + fan + "' AND NOT EXISTS (SELECT 1 FROM release_visits WHERE release_id = " + release
                + " AND user_id = '" + fan + "')", now);
        update("INSERT INTO standing_notices (user_id, kind, subject, at) VALUES ('" + fan
                + "', 'BADGE', 'reports.silver', ?)", now);
        update("INSERT INTO forum_reminders (user_id, opted_in, lang, changed_at) VALUES ('" + fan
                + "', TRUE, 'zh', ?)", now);
        update("INSERT INTO ended_sessions (user_id, issued_at, ended_at) VALUES ('" + fan + "', ?, ?)",
                now.minusSeconds(60), now);
        update("INSERT INTO nominations (poll_id, user_id, team_slug, title, pitch, state, created_at) VALUES (" + poll
                + ", '"
                + fan + "', '" + team + "', 'My pick', 'Because " + NAME + " likes it', 'DECLINED', ?)", now);
        update("INSERT INTO outbox (kind, ref, state, attempts, due_at, last_error, created_at) VALUES ('level.group', '"
                + fan
                + "/1', 'FAILED', 1, ?, 'user " + fan + " has no forum account yet', ?)", now, now);
        // A lead's decision about them, in the audit log, with their name in its reason.
        HttpResponse<String> points = server.send("POST", "/api/v1/users/" + fan + "/points", ADMIN,
                "{\"points\": 25, \"reason\": \"" + NAME + " helped on the forum\", \"ref\": \"forum-help-1\"}");
        assertThat(points.statusCode()).as(points.body()).isIn(200, 201);
        // A comment of theirs, so their words are there to go.
        update("UPDATE report_verdicts SET comment = 'Works for " + NAME + "' WHERE user_id = '" + fan + "'");
    }

    /** What every page and count shows, without naming anyone: must read the same after an erasure. */
    private Map<String, List<String>> tallies() {
        Map<String, List<String>> tallies = new LinkedHashMap<>();
        for (String sql : List.of(
                "SELECT poll_id, candidate_id, COUNT(*) FROM ballots GROUP BY poll_id, candidate_id ORDER BY 1, 2",
                "SELECT points FROM participation_totals ORDER BY points",
                "SELECT kind, ref, points, at, revoked_at FROM participation_events ORDER BY at, kind, ref, points",
                "SELECT release_id, COUNT(*) FROM reports GROUP BY release_id ORDER BY 1",
                "SELECT release_id, ticket_key, verdict, COUNT(*), SUM(CASE WHEN comment = '' THEN 0 ELSE 1 END)"
                        + " FROM report_verdicts GROUP BY release_id, ticket_key, verdict ORDER BY 1, 2, 3",
                "SELECT wish_id, COUNT(*) FROM wish_supporters GROUP BY wish_id ORDER BY 1",
                "SELECT wish_id, COUNT(*) FROM wish_followers GROUP BY wish_id ORDER BY 1",
                "SELECT id, release_id, ticket_key FROM wishes ORDER BY id",
                "SELECT badge, COUNT(*) FROM user_badges GROUP BY badge ORDER BY 1",
                "SELECT level, COUNT(*) FROM user_levels GROUP BY level ORDER BY 1",
                "SELECT release_id, COUNT(*) FROM release_visits GROUP BY release_id ORDER BY 1",
                "SELECT poll_id, team_slug, COUNT(*) FROM nominations GROUP BY poll_id, team_slug ORDER BY 1, 2",
                "SELECT poll_id, candidate_id, votes FROM awards ORDER BY 1, 2",
                "SELECT COUNT(*) FROM users")) {
            tallies.put(sql, rows(sql));
        }
        for (String period : List.of("week", "month", "all")) {
            JsonObject board = json("/api/v1/leaderboards?period=" + period + "&limit=100");
            List<String> lines = new ArrayList<>();
            board.getAsJsonArray("users").forEach(u -> lines.add(u.getAsJsonObject().get("rank") + " "
                    + u.getAsJsonObject().get("points") + " " + u.getAsJsonObject().get("level")));
            tallies.put("board " + period, lines);
            tallies.put("teams " + period, List.of(json("/api/v1/leaderboards?period=" + period + "&of=teams&limit=100")
                    .getAsJsonArray("teams").toString()));
        }
        tallies.put("winners", List.of(server.send("GET", "/api/v1/winners", null, null).body()));
        for (String poll : rows("SELECT id FROM polls ORDER BY id")) {
            JsonElement result = json("/api/v1/polls/" + poll).get("result");
            tallies.put("poll " + poll, List.of(String.valueOf(result)));
        }
        return tallies;
    }

    private JsonObject json(String path) {
        HttpResponse<String> answer = server.send("GET", path, null, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    /** Every text column of every table (from the schema) holding one of {@code needles}, ignoring case, as table.column. */
    private List<String> leftovers(String... needles) {
        return withConnection(c -> {
            List<String> found = new ArrayList<>();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB).contains(type)
                            && !rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("text columns found in the schema").hasSizeGreaterThan(50);
            for (String[] column : columns) {
                for (String needle : needles) {
                    try (var statement = c.prepareStatement("SELECT COUNT(*) FROM " + column[0] + " WHERE LOWER("
                            + column[1] + ") LIKE ?")) {
                        statement.setString(1, "%" + needle.toLowerCase(Locale.ROOT) + "%");
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add((column[0] + "." + column[1]).toLowerCase(Locale.ROOT) + " holds " + needle);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    /** Works on a connection of the server's own pool (an embedded database takes no second opener). */
    private <T> T withConnection(SqlWork<T> work) {
        return server.store().db().with(h -> {
            try {
                return work.on(h.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T on(Connection c) throws SQLException;
    }

    private List<String> rows(String sql) {
        return withConnection(c -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.append(i > 1 ? " | " : "")
                                .append(value instanceof java.time.OffsetDateTime at ? at.toInstant()
                                        : value instanceof java.sql.Timestamp ts ? ts.toInstant() : value);
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        });
    }

    private String one(String sql) {
        List<String> rows = rows(sql);
        assertThat(rows).as(sql).isNotEmpty();
        return rows.get(0);
    }

    private long count(String sql) {
        return Long.parseLong(one(sql));
    }

    private void update(String sql, Instant... at) {
        withConnection(c -> {
            try (var statement = c.prepareStatement(sql)) {
                for (int i = 0; i < at.length; i++) {
                    statement.setObject(i + 1, at[i].atOffset(java.time.ZoneOffset.UTC));
                }
                return statement.executeUpdate();
            }
        });
    }
}
