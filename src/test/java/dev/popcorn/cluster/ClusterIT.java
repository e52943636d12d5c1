package dev.popcorn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import dev.popcorn.discourse.FakeDiscourse;
import dev.popcorn.jira.FakeJira;
import dev.popcorn.store.PostgresSchema;
import dev.popcorn.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 4: three Popcorn instances (processes of their own) on one PostgreSQL behind a real HAProxy, with
 * the configuration the README shows. A lead opens the week's release through the balancer; the award schedule
 * opens its poll; fans sign in and vote from several threads while the instance holding the schedule's lease is
 * killed (SIGKILL) in the middle; the lead closes the poll and approves the result. Then, from the database and the
 * fake Jira and forum: every acknowledged ballot is stored, once, as acknowledged; every step (the release, the poll
 * opened, closed, approved) was taken once; every thread and announcement was posted to the forum once and every
 * write-back reached Jira once; a fan's session from the balancer holds on every instance still running.
 */
class ClusterIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;
    private static final String INSTALLATION = "cluster-it";
    private static final int FANS = 240;

    @TempDir
    Path folder;

    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    private Balancer balancer;
    private PostgresSchema schema;
    private Store.Settings database;
    private FakeJira jira;
    private FakeDiscourse forum;

    @AfterEach
    void stop() throws SQLException {
        if (balancer != null) {
            balancer.close();
        }
        instances.forEach(Instance::close);
        if (jira != null) {
            jira.close();
        }
        if (forum != null) {
            forum.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void aWeekOnThreeInstancesSurvivesOneKilledMidBallotsWithEveryWriteDoneOnce() throws Exception {
        Path haproxy = Balancer.binary();
        schema = PostgresSchema.create("popcorn_cluster_");
        database = schema.settings(4);
        jira = FakeJira.weeklyRelease();
        jira.keySearch("MIUI-2101", "MIUI-2102");
        forum = new FakeDiscourse();

        int front = Instance.freePort();
        Map<String, String> shared = shared("http://127.0.0.1:" + front);
        for (int i = 1; i <= 3; i++) {
            instances.add(Instance.start("popcorn-" + i, folder.resolve("popcorn-" + i), shared));
        }
        for (Instance instance : instances) {
            Eventually.holds(instance.name + " answers", Duration.ofSeconds(50), () -> healthy(instance),
                    () -> instance.tail(20));
        }
        balancer = Balancer.start(haproxy, folder, instances, front);

        // The lead opens the release through the balancer; its poll opens by the schedule (its time is now).
        call("PUT", "/api/v1/teams/camera", LEAD, "{\"name\": \"Camera\"}", 200);
        call("PUT", "/api/v1/teams/system", LEAD, "{\"name\": \"System\"}", 200);
        JsonObject opened = call("POST", "/api/v1/releases", LEAD,
                "{\"version\": \"2026.12.04\", \"keys\": [\"MIUI-2101\", \"MIUI-2102\"]}", 201).getAsJsonObject();
        long release = opened.getAsJsonObject("release").get("id").getAsLong();
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        Eventually.holds("the schedule opens the poll", Duration.ofSeconds(30),
                () -> "OPEN".equals(call("GET", "/api/v1/polls/" + poll, null, null, 200).getAsJsonObject().get("state")
                        .getAsString()));
        long[] candidates = candidates(poll);
        assertThat(candidates).hasSize(2);

        // A fan signs in with a personal link through the balancer, on whichever instance it sends them to.
        String session = signIn("cluster-fan-signed-in", "Xiao Yu");

        // Ballots from eight threads; a third of the way, the instance that holds the schedule's lease dies.
        BallotLoad load = new BallotLoad(http, balancer::url, poll, candidates,
                TestServer.SECRET.getBytes(StandardCharsets.UTF_8),
                FANS);
        CountDownLatch midway = new CountDownLatch(1);
        Instance victim = leaseHolder();
        Thread killer = new Thread(() -> {
            try {
                midway.await();
                victim.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "killer");
        killer.start();
        load.run(8, midway);
        killer.join(30_000);
        assertThat(victim.alive()).as("the victim died mid-load").isFalse();
        int acknowledgedUnderLoad = load.acknowledged.get();
        int lostUnderLoad = load.unacknowledged.get();
        int retried = load.retryUnacknowledged();
        System.out.printf(
                "ClusterIT: %s killed (exit %d) mid-load; %d ballots acknowledged, %d answers lost under load %s;"
                        + " %d sent again after; answered by %s%n",
                victim.name, victim.exitCode(), acknowledgedUnderLoad, lostUnderLoad,
                load.lostAs, retried, balancer.answered("PUT /api/v1/polls/" + poll + "/ballot", 200));
        assertThat(load.mismatches).as("answers naming another fan or candidate").isEmpty();
        assertThat(load.refusals).as("refusals other than a dying instance's").isEmpty();
        assertThat(acknowledgedUnderLoad).as("ballots acknowledged under load").isGreaterThan(FANS);
        // Every instance took its share of the ballots, the victim too before it died.
        assertThat(balancer.answered("PUT /api/v1/polls/" + poll + "/ballot", 200))
                .as("ballots answered by each instance")
                .containsOnlyKeys("popcorn-1", "popcorn-2", "popcorn-3")
                .allSatisfy((name, n) -> assertThat(n).isPositive());
        assertThat(load.acknowledgedBallots()).as("every fan's last choice acknowledged in the end").hasSize(FANS);
        load.fans.forEach(f -> assertThat(f.ackedCandidate).as(f.id).isEqualTo(f.lastChoice()));

        // The survivors: the session from the balancer works on each of them directly.
        List<Instance> survivors = instances.stream().filter(Instance::alive).toList();
        assertThat(survivors).hasSize(2);
        for (Instance survivor : survivors) {
            HttpResponse<String> me = page(survivor.url("/me?lang=en"), session);
            assertThat(me.statusCode()).as("/me on " + survivor.name).isEqualTo(200);
            assertThat(me.body()).contains("Xiao Yu");
            // A fan who taps Vote again, on another instance, is answered with the same choice; it is stored once.
            BallotLoad.Fan fan = load.fans.get(0);
            HttpResponse<String> again = send("PUT", survivor.url("/api/v1/polls/" + poll + "/ballot"),
                    load.pass(fan.id),
                    "{\"candidate\": " + fan.lastChoice() + "}");
            assertThat(again.statusCode()).as("the same ballot again on " + survivor.name).isEqualTo(200);
            fan.ackedReceipt = JsonParser.parseString(again.body()).getAsJsonObject().get("receipt").getAsString();
        }
        // Signing out everywhere on one instance ends the session on every instance.
        HttpResponse<String> out = form(survivors.get(0).url("/me/signout-everywhere"), session);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(302);
        for (Instance survivor : survivors) {
            Eventually.holds("the session ends on " + survivor.name, Duration.ofSeconds(10),
                    () -> get(survivor.url("/me"), session).statusCode() != 200);
        }

        // The lead closes the poll: from then on no instance takes a ballot, whatever it read a moment ago.
        call("POST", "/api/v1/polls/" + poll + "/close", LEAD, null, 200);
        for (Instance survivor : survivors) {
            HttpResponse<String> late = send("PUT", survivor.url("/api/v1/polls/" + poll + "/ballot"),
                    load.pass("cluster-late-fan"),
                    "{\"candidate\": " + candidates[0] + "}");
            assertThat(late.statusCode()).as("a ballot after the close on " + survivor.name + ": " + late.body())
                    .isEqualTo(409);
        }
        JsonObject approved = call("POST", "/api/v1/polls/" + poll + "/approve", LEAD, null, 200).getAsJsonObject();
        assertThat(approved.getAsJsonObject("result").get("ballots")).as("the result counts every ballot: " + approved)
                .isEqualTo(new com.google.gson.JsonPrimitive(FANS));

        Eventually.holds("the release, poll and award threads are on the forum", Duration.ofSeconds(40),
                () -> forum.topics().size() >= 3
                        && forum.topics().stream().anyMatch(t -> t.externalId().contains("-award-")),
                () -> forum.requests().toString());
        Eventually.holds("the poll's thread says it closed", Duration.ofSeconds(30),
                () -> forum.topics().stream().anyMatch(t -> t.externalId().contains("-poll-")
                        && t.posts().get(0).contains("Voting closed")),
                this::outbox);

        ballotsStoredOnceAsAcknowledged(poll, load);
        stepsTakenOnce(release, poll);
        vendorWritesDoneOnce(release, poll);
    }

    /** Every acknowledged ballot is stored once, with the candidate and receipt last acknowledged, and earned one grant. */
    private void ballotsStoredOnceAsAcknowledged(long poll, BallotLoad load) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            assertThat(ballots(db, poll)).isEqualTo(load.acknowledgedBallots());
            assertThat(count(db, "SELECT COUNT(*) FROM ballots WHERE poll_id = ?", poll)).isEqualTo(FANS);
            Map<String, String> receipts = strings(db, "SELECT user_id, receipt FROM ballots WHERE poll_id = ?", poll);
            load.fans.forEach(f -> assertThat(receipts.get(f.id)).as(f.id + "'s receipt").isEqualTo(f.ackedReceipt));
            assertThat(count(db, "SELECT COUNT(*) FROM participation_events WHERE kind = 'BALLOT_CAST' AND ref = ?",
                    "poll:" + poll)).as("one grant a voter").isEqualTo(FANS);
        }
    }

    /** The release opened, the poll opened by the schedule, closed and approved by the lead: each once; no write failed. */
    private void stepsTakenOnce(long release, long poll) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            assertThat(strings(db, "SELECT action || ' by ' || actor, CAST(COUNT(*) AS VARCHAR) FROM audit_log"
                    + " WHERE subject IN (?, 'release:" + release + "') GROUP BY action, actor", "poll:" + poll))
                    .containsEntry("release.open by lead", "1").containsEntry("poll.open by schedule", "1")
                    .containsEntry("poll.close by lead", "1").containsEntry("poll.approve by lead", "1");
            assertThat(count(db, "SELECT COUNT(*) FROM outbox WHERE state <> 'DONE' AND kind LIKE 'award.%'", null))
                    .as("every announcement task done").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM outbox WHERE state = 'FAILED'", null)).as("no write failed")
                    .isZero();
        }
    }

    /** Each thread and the announcement posted to the forum once under this installation's keys; each ticket's write-back once. */
    private void vendorWritesDoneOnce(long release, long poll) {
        assertThat(forum.topics()).extracting(FakeDiscourse.Topic::externalId).containsExactlyInAnyOrder(
                "popcorn-" + INSTALLATION + "-release-" + release, "popcorn-" + INSTALLATION + "-poll-" + poll,
                "popcorn-" + INSTALLATION + "-award-" + poll);
        assertThat(forum.requests().stream().filter("POST /posts.json"::equals)).hasSize(3);
        for (String ticket : List.of("MIUI-2101", "MIUI-2102")) {
            assertThat(jira.requests("POST", "/issue/" + ticket + "/remotelink")).as(ticket + "'s link").hasSize(1);
            assertThat(jira.requests("PUT", "/issue/" + ticket + "/properties/.*")).as(ticket + "'s property")
                    .hasSize(1);
        }
        assertThat(jira.contractViolations()).isEmpty();
        assertThat(forum.contractViolations()).isEmpty();
    }

    /** What every instance shares: the database, the secrets, the installation, the vendors, the calendar. */
    private Map<String, String> shared(String baseUrl) {
        Map<String, String> settings = new HashMap<>(
                jira.settings(Map.of("jira.refresh-minutes", "60", "jira.timeout-seconds", "3")));
        settings.put("db.url", database.url());
        settings.put("db.user", database.user());
        settings.put("db.password", database.password());
        settings.put("db.pool-size", "4");
        settings.put("security.secret", TestServer.SECRET);
        settings.put("security.admin-token", LEAD);
        settings.put("server.installation-id", INSTALLATION);
        settings.put("server.base-url", baseUrl);
        settings.put("server.trusted-proxies", "127.0.0.1");
        // Every ballot comes from this machine's address; the fans are told apart by their passes.
        settings.put("award.ballots-per-minute-per-address", "0");
        settings.put("discourse.url", forum.url());
        settings.put("discourse.api-key", FakeDiscourse.API_KEY);
        settings.put("discourse.category-id", String.valueOf(FakeDiscourse.CATEGORY));
        settings.put("discourse.requests-per-minute", "6000");
        // Short timeouts: a killed instance's outbox task is taken again when its lease (six timeouts) ends.
        settings.put("discourse.timeout-seconds", "3");
        // A poll opens at once when no opening moment comes before its close: both days away, so it stays open
        // until the lead closes it.
        ZonedDateTime later = ZonedDateTime.now(ZoneOffset.UTC).plusDays(3);
        String moment = DayOfWeek.from(later).name() + " 12:00";
        settings.put("week.zone", "UTC");
        settings.put("week.poll-open", moment);
        settings.put("week.poll-close", moment);
        return settings;
    }

    /** The outbox as it stands, for a failure's message. */
    private String outbox() {
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement sql = db
                        .prepareStatement("SELECT kind, ref, state, attempts, leased_by, leased_until, due_at,"
                                + " last_error FROM outbox ORDER BY id");
                ResultSet rs = sql.executeQuery()) {
            StringBuilder rows = new StringBuilder("now " + java.time.Instant.now() + "; the outbox:");
            while (rs.next()) {
                rows.append("\n  ");
                for (int c = 1; c <= 8; c++) {
                    rows.append(rs.getString(c)).append(' ');
                }
            }
            return rows.toString();
        } catch (SQLException e) {
            return "the outbox is not readable: " + e.getMessage();
        }
    }

    private boolean healthy(Instance instance) {
        try {
            return instance.healthy(http);
        } catch (IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The instance whose process holds the award schedule's lease. */
    private Instance leaseHolder() throws SQLException {
        String holder;
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement sql = db.prepareStatement("SELECT holder FROM leases WHERE name = 'award-schedule'");
                ResultSet rs = sql.executeQuery()) {
            assertThat(rs.next()).as("the schedule's lease is held").isTrue();
            holder = rs.getString(1);
        }
        return instances.stream().filter(i -> holder.contains("/" + i.pid() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no instance holds the lease " + holder));
    }

    private long[] candidates(long poll) {
        List<Long> ids = new ArrayList<>();
        for (JsonElement c : call("GET", "/api/v1/polls/" + poll, LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("candidates")) {
            ids.add(c.getAsJsonObject().get("id").getAsLong());
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Signs a user in through the balancer with a personal link (as {@code popcorn link} makes one): their session. */
    private String signIn(String user, String name) throws Exception {
        String link = new Passes(TestServer.SECRET.getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC())
                .issue(Passes.Kind.LINK, user, name, Passes.Role.USER, Duration.ofDays(1));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(balancer.url("/signin/" + link)))
                .timeout(Duration.ofSeconds(20)).header("Cookie", "popcorn_csrf=" + TestServer.CSRF)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + TestServer.CSRF)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("popcorn_session="))
                .map(c -> c.substring("popcorn_session=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
    }

    private HttpResponse<String> page(String url, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Cookie", "popcorn_session=" + session).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String session) {
        try {
            return page(url, session);
        } catch (Exception e) {
            throw new AssertionError(url + ": " + e, e);
        }
    }

    /** A form without fields but the CSRF token, sent as a signed-in browser sends it. */
    private HttpResponse<String> form(String url, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Cookie", "popcorn_csrf=" + TestServer.CSRF + "; popcorn_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + TestServer.CSRF)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An API call through the balancer, expecting {@code status}. */
    private JsonElement call(String method, String path, String bearer, String json, int status) {
        HttpResponse<String> answer = send(method, balancer.url(path), bearer, json);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return JsonParser.parseString(answer.body());
    }

    private HttpResponse<String> send(String method, String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, Long> ballots(Connection db, long poll) throws SQLException {
        Map<String, Long> stored = new TreeMap<>();
        try (PreparedStatement sql = db
                .prepareStatement("SELECT user_id, candidate_id FROM ballots WHERE poll_id = ?")) {
            sql.setLong(1, poll);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    assertThat(stored.put(rs.getString(1), rs.getLong(2))).as("a second ballot of " + rs.getString(1))
                            .isNull();
                }
            }
        }
        return stored;
    }

    private static Map<String, String> strings(Connection db, String query, Object parameter) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (PreparedStatement sql = db.prepareStatement(query)) {
            sql.setObject(1, parameter);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    assertThat(found.put(rs.getString(1), rs.getString(2))).as("a second row for " + rs.getString(1))
                            .isNull();
                }
            }
        }
        return found;
    }

    private static long count(Connection db, String query, Object parameter) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(query)) {
            if (parameter != null) {
                sql.setObject(1, parameter);
            }
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
