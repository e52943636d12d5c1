package dev.popcorn.discourse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Popcorn with a (fake) Discourse: the demo's week on the forum, each thread exactly once across
 * a restart; a forum user signing in through DiscourseConnect and voting; every tampering refused;
 * the forum's webhooks changing what a user may do.
 */
class ForumLoopIT {

    private static final String CONNECT_SECRET = "connect-secret-0123456789";
    private static final String HOOK_SECRET = "hook-secret-0123456789";
    /** Saturday noon in Shanghai: the demo's poll is open. */
    private static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T04:00:00Z");

    private final FakeDiscourse fake = new FakeDiscourse();
    private TestServer server;
    /** The sign-in cookie of the browser that started the last sign-in. */
    private String browserCookie;

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        assertThat(fake.contractViolations()).isEmpty();
        fake.close();
    }

    private Map<String, String> forum(String voterGroups) {
        Map<String, String> config = new HashMap<>();
        config.put("discourse.url", fake.url());
        config.put("discourse.api-key", FakeDiscourse.API_KEY);
        config.put("discourse.category-id", String.valueOf(FakeDiscourse.CATEGORY));
        config.put("discourse.requests-per-minute", "6000");
        config.put("discourse.connect-secret", CONNECT_SECRET);
        config.put("discourse.webhook-secret", HOOK_SECRET);
        config.put("discourse.winners-group", "popcorn-winners");
        config.put("award.voter-groups", voterGroups);
        return config;
    }

    @Test
    void theDemoWeekGoesToTheForumExactlyOnceAcrossARestart() {
        server = TestServer.start(data, SATURDAY_NOON, true, forum(""));

        await(() -> fake.topics().size() == 3);
        Map<String, String> threads = new HashMap<>();
        // Every key carries the installation id (generated into the data folder here).
        fake.topics().forEach(
                t -> threads.put(t.externalId().replaceAll("^popcorn-[0-9a-zA-Z-]+?-(release|poll|award)-\\d+$",
                        "popcorn-$1"), t.posts().get(0)));
        assertThat(threads).containsOnlyKeys("popcorn-release", "popcorn-poll", "popcorn-award");
        assertThat(threads.get("popcorn-release")).contains("Release", "版本", "/signin/forum?next\\=%2Freleases%2F");
        assertThat(threads.get("popcorn-poll")).contains("Voting is open until", "投票进行中", "%23candidate-");
        String award = threads.get("popcorn-award");
        assertThat(award).startsWith("![Popcorn Award|1200x630](upload://").doesNotContain("/photos/");
        long photos = award.split("\\]\\(upload://", -1).length - 2;
        assertThat(photos).isGreaterThanOrEqualTo(2);
        // The card and the photos; identical pictures are one upload on the forum.
        assertThat(fake.uploads()).isBetween(2, 1 + (int) photos);

        server.close();
        server = TestServer.start(data, SATURDAY_NOON, false, forum(""));
        Eventually.pause(Duration.ofSeconds(7));
        assertThat(fake.topics()).hasSize(3);
        assertThat(fake.requests().stream().filter("POST /posts.json"::equals)).hasSize(3);

        // The poll closes: its thread is edited, not posted again.
        server.clock.set(Instant.parse("2026-11-26T16:00:00Z"));
        await(() -> fake.topics().stream().anyMatch(t -> t.posts().get(0).contains("Voting closed at")));
        assertThat(fake.topics()).hasSize(3);
        assertThat(fake.requests().stream().filter("POST /posts.json"::equals)).hasSize(3);
    }

    @Test
    void aForumUserSignsInAndVotesAndEveryTamperingIsRefused() {
        server = TestServer.start(data, SATURDAY_NOON, true, forum("beta-testers"));
        long poll = pollId();
        long candidate = candidate(poll);

        // Tampered: the answer is signed for another payload.
        Map<String, String> request = signIn("/polls/" + poll);
        String good = answer(request.get("nonce"), request.get("return_sso_url"), "4242", "xiaoyu",
                "trust_level_2,beta-testers");
        String other = answer(request.get("nonce"), request.get("return_sso_url"), "1", "system", "admins");
        HttpResponse<String> tampered = back(
                good.substring(0, good.indexOf("&sig=")) + other.substring(other.indexOf("&sig=")));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("tampered");

        HttpResponse<String> signedIn = back(good);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).contains("/polls/" + poll);
        String session = apiPass(session(signedIn));
        HttpResponse<String> replayed = back(good);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("used already");

        HttpResponse<String> ballot = server.send("PUT", "/api/v1/polls/" + poll + "/ballot", session,
                "{\"candidate\": " + candidate + "}");
        assertThat(ballot.statusCode()).as(ballot.body()).isEqualTo(200);
        JsonObject me = JsonParser
                .parseString(server.send("GET", "/api/v1/polls/" + poll + "/ballot", session, null).body())
                .getAsJsonObject();
        assertThat(me.toString()).contains(String.valueOf(candidate));

        // Expired: the forum answered after the nonce's ten minutes.
        request = signIn("/");
        String late = answer(request.get("nonce"), request.get("return_sso_url"), "4242", "xiaoyu", "beta-testers");
        server.clock.advance(Duration.ofMinutes(11));
        HttpResponse<String> expired = back(late);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");

        // A foreign return address, even when signed: the answer was meant for another site.
        request = signIn("/");
        HttpResponse<String> foreign = back(
                answer(request.get("nonce"), "https://evil.example/signin/forum/return", "4242",
                        "xiaoyu", "beta-testers"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("evil.example");

        // Nothing after /signin/forum?next= leaves Popcorn.
        assertThat(signIn("//evil.example/x")).containsEntry("next", "/");

        // A user outside the voter groups may not vote until the forum says they joined.
        request = signIn("/");
        String outsider = apiPass(
                session(back(answer(request.get("nonce"), request.get("return_sso_url"), "4343", "zhaomin",
                        "trust_level_1"))));
        HttpResponse<String> refused = server.send("PUT", "/api/v1/polls/" + poll + "/ballot", outsider,
                "{\"candidate\": " + candidate + "}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("beta-testers");

        // The forum's word is asked for, not taken from the delivery: only a membership the forum confirms counts.
        fake.user(4343, "zhaomin", 1, false);
        fake.group("beta-testers", "zhaomin");
        assertThat(hook("user_added_to_group", "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}", HOOK_SECRET)
                .statusCode())
                .isEqualTo(200);
        assertThat(
                server.send("PUT", "/api/v1/polls/" + poll + "/ballot", outsider, "{\"candidate\": " + candidate + "}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> forged = hook("user_removed_from_group",
                "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}",
                "another-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        // A delivery seen before, sent again with its signature, changes nothing.
        HttpResponse<String> again = hook("user_added_to_group", "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}",
                HOOK_SECRET);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"handled\":false");
        // The forum takes her out of the group; the captured delivery, replayed with the header of an addition
        // (only the body is signed), gives nothing back: the forum is asked, and says she is out.
        fake.removeFromGroup("beta-testers", "zhaomin");
        assertThat(hook("user_removed_from_group", "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}", HOOK_SECRET)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> forgedHeader = hook("user_added_to_group",
                "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}",
                HOOK_SECRET);
        assertThat(forgedHeader.statusCode()).isEqualTo(202);
        assertThat(
                server.send("PUT", "/api/v1/polls/" + poll + "/ballot", outsider, "{\"candidate\": " + candidate + "}")
                        .statusCode())
                .as("no vote: the forum says she left the voters' group").isEqualTo(403);
        HttpResponse<String> malformed = hook("user_updated", "{\"user\": {\"id\": ", HOOK_SECRET);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("request.json.malformedAt");
        assertThat(hook("user_promoted",
                "{\"user_promoted\":{\"user_id\":4343,\"old_trust_level\":1,\"new_trust_level\":3}}",
                HOOK_SECRET).statusCode()).isEqualTo(200);
        assertThat(
                hook("user_updated", "{\"user\":{\"id\":999,\"username\":\"stranger\",\"trust_level\":2}}", HOOK_SECRET)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void startingASignInWritesNothingAndTheAnswerCountsOnlyInTheBrowserThatStartedIt() throws Exception {
        String db = "jdbc:h2:mem:forum-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, String> config = forum("beta-testers");
        config.put("db.url", db);
        server = TestServer.start(data, SATURDAY_NOON, false, config);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db, "", "")) {
            long users = count(c, "users");
            for (int i = 0; i < 1000; i++) {
                assertThat(server.send("GET", "/signin/forum?next=%2Fpolls%2F" + i, null, null).statusCode())
                        .isEqualTo(302);
            }
            assertThat(count(c, "used_sign_in_nonces")).as("1,000 anonymous starts cost no row").isZero();
            assertThat(count(c, "users")).isEqualTo(users);

            // The attacker signs in at the forum as themself and has the victim's browser open the answer.
            Map<String, String> request = signIn("/");
            String attackers = answer(request.get("nonce"), request.get("return_sso_url"), "6666", "mallory",
                    "trust_level_1");
            for (String victimsCookie : new String[] {null, "popcorn_signin=c29tZW9uZS1lbHNlcy1icm93c2VyLWtleQ"}) {
                HttpResponse<String> planted = back(attackers, victimsCookie);
                assertThat(planted.statusCode()).isEqualTo(403);
                assertThat(planted.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(planted.body()).contains("started in another browser");
                assertThat(planted.headers().allValues("Set-Cookie")).noneMatch(h -> h.startsWith("popcorn_session="));
            }
            assertThat(count(c, "used_sign_in_nonces")).as("a refused answer records nothing").isZero();

            // In the browser that started it, the answer works once and costs one row until the nonce expires.
            assertThat(session(back(attackers))).isNotBlank();
            assertThat(count(c, "used_sign_in_nonces")).isEqualTo(1);
            assertThat(back(attackers).statusCode()).isEqualTo(401);
            server.clock.advance(Duration.ofMinutes(11));
            request = signIn("/");
            back(answer(request.get("nonce"), request.get("return_sso_url"), "6666", "mallory", "trust_level_1"));
            assertThat(count(c, "used_sign_in_nonces")).as("the expired one forgotten").isEqualTo(1);
        }
    }

    @Test
    void aLeadRemovedFromTheLeadGroupsLosesLeadRightsAtOnce() {
        Map<String, String> config = forum("beta-testers");
        config.put("discourse.lead-groups", "popcorn-leads");
        server = TestServer.start(data, SATURDAY_NOON, false, config);
        Map<String, String> request = signIn("/lead");
        String session = session(back(answer(request.get("nonce"), request.get("return_sso_url"), "5151", "lena",
                "trust_level_3,popcorn-leads")));
        String lena = apiPass(session);
        assertThat(server.send("GET", "/api/v1/audit", lena, null).statusCode()).isEqualTo(200);
        // A lead's personal link, still days from expiring.
        String leadLink = server.issue(dev.popcorn.app.identity.Passes.Kind.LINK, "5151", "lena",
                dev.popcorn.app.identity.Passes.Role.LEAD);
        server.clock.advance(Duration.ofSeconds(1));

        assertThat(hook("user_removed_from_group",
                "{\"group_user\":{\"group_id\":77,\"group_name\":\"popcorn-leads\",\"user_id\":5151}}", HOOK_SECRET)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> audit = server.send("GET", "/api/v1/audit", lena, null);
        assertThat(audit.statusCode()).as("the API pass issued while she led").isEqualTo(401);
        assertThat(audit.body()).contains("pass.revoked");
        // The lead link would make her a lead again: it is refused, and she stays a user.
        HttpResponse<String> link = server.page("POST", "/signin/" + leadLink, null, "");
        assertThat(link.statusCode()).as("the lead's link issued before the demotion").isEqualTo(401);
        assertThat(link.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("popcorn_session="));
        assertThat(JsonParser.parseString(server.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body())
                .toString())
                .contains("lead.demote");
        java.net.http.HttpRequest page = java.net.http.HttpRequest.newBuilder(URI.create(server.url("/lead")))
                .header("Cookie", "popcorn_session=" + session).build();
        try {
            HttpResponse<String> dashboard = java.net.http.HttpClient.newHttpClient().send(page,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).as("the session issued while she led").isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location")).hasValue("/lead/signin");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aModeratorPuttingAUserInTheHonoraryGroupGivesTheLevelAndTheMirrorTakesThemOutOfTheFansGroup() {
        fake.user(4545, "meilin", 2, false);
        fake.group("popcorn-fans", "meilin");
        fake.group("popcorn-honorary");
        Map<String, String> config = forum("");
        config.put("forum.level-groups", "fan=popcorn-fans,honorary=popcorn-honorary");
        server = TestServer.start(data, SATURDAY_NOON, false, config);
        Map<String, String> request = signIn("/");
        assertThat(back(answer(request.get("nonce"), request.get("return_sso_url"), "4545", "meilin",
                "trust_level_2,popcorn-fans")).statusCode()).isEqualTo(302);
        Eventually.pause(Duration.ofSeconds(6));
        assertThat(fake.requests()).as("no level by hand, no change of level: nothing to mirror")
                .noneMatch(r -> r.contains("/members.json"));

        // On the forum, a moderator makes her an honorary member; the forum's webhook tells Popcorn.
        fake.group("popcorn-honorary", "meilin");
        assertThat(hook("user_added_to_group",
                "{\"group_user\":{\"group_id\":43,\"group_name\":\"popcorn-honorary\",\"user_id\":4545}}", HOOK_SECRET)
                .statusCode()).isEqualTo(200);

        await(() -> fake.groupMembers("popcorn-fans").isEmpty());
        assertThat(fake.groupMembers("popcorn-honorary")).containsExactly("meilin");
    }

    private static long count(java.sql.Connection c, String table) throws java.sql.SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aMemberNamedByForumUserNameGetsBadgeAndGroupOnTheFirstTryAndMayNotVoteForTheirOwnTeam() {
        fake.user(12, "wanglei", 2, false);
        Map<String, String> config = forum("");
        config.put("discourse.winner-badge-id", "105");
        config.put("server.installation-id", "prod");
        server = TestServer.start(data, SATURDAY_NOON, true, config);
        long poll = pollId();
        JsonObject leading = JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body())
                .getAsJsonObject().getAsJsonArray("candidates").get(0).getAsJsonObject();
        String team = leading.has("teamSlug") ? leading.get("teamSlug").getAsString()
                : leading.get("team").getAsString();
        HttpResponse<String> saved = server.send("PUT", "/api/v1/teams/" + team, TestServer.ADMIN_TOKEN,
                "{\"name\": \"Camera\", \"members\": [{\"name\": \"王磊\", \"photoUrl\": \"\", \"userId\": \"WangLei\"},"
                        + " {\"name\": \"Ghost <b>\", \"photoUrl\": \"\", \"userId\": \"no-such-user\"}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        // Looked up in the background: the unknown name shows on the dashboard, in both languages.
        await(() -> lead("/lead", "en").contains("no-such-user"));
        await(() -> !lead("/lead", "en").contains("is being looked up"));
        String en = lead("/lead", "en");
        assertThat(en).contains("the forum has no user “no-such-user”", "Ghost &lt;b&gt;").doesNotContain("“WangLei”");
        assertThat(lead("/lead", "zh-CN")).contains("论坛上没有用户“no-such-user”");

        // Wang Lei never signed in; the forum's id 12 is his Popcorn id, and his team is his own.
        String wanglei = server.pass("12", "王磊");
        HttpResponse<String> own = server.send("PUT", "/api/v1/polls/" + poll + "/ballot", wanglei,
                "{\"candidate\": " + leading.get("id").getAsLong() + "}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("ownTeam");

        server.clock.set(Instant.parse("2026-11-26T16:00:00Z"));
        await(() -> JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body())
                .getAsJsonObject()
                .get("state").getAsString().equals("CLOSED"));
        HttpResponse<String> approved = server.send("POST", "/api/v1/polls/" + poll + "/approve",
                TestServer.ADMIN_TOKEN, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        await(() -> fake.badgesGranted().contains("wanglei:105")
                && fake.groupMembers("popcorn-winners").contains("wanglei"));
        FakeDiscourse.Topic announcement = fake.topics().stream()
                .filter(t -> ("popcorn-prod-award-" + poll).equals(t.externalId()))
                .findFirst().orElseThrow();
        assertThat(fake.badgeReasons()).containsExactly(fake.url() + "/t/popcorn/" + announcement.id());
        assertThat(fake.requests().stream().filter("POST /user_badges.json"::equals)).as("granted on the first try")
                .hasSize(1);
        String publishing = server.send("GET", "/api/v1/polls/" + poll + "/announcement", TestServer.ADMIN_TOKEN, null)
                .body();
        assertThat(publishing).contains("{\"channel\":\"badge\",\"who\":\"王磊\",\"state\":\"DONE\"",
                "\"who\":\"Ghost <b>\",\"state\":\"UNRESOLVED\"")
                .as("the group step is not done while a winner is unlinked")
                .doesNotContain("\"group\",\"who\":\"\",\"state\":\"DONE\"");
    }

    @Test
    void twoInstallationsOnOneForumNeverTouchEachOthersTopics(@org.junit.jupiter.api.io.TempDir Path staging) {
        Map<String, String> prodConfig = forum("");
        prodConfig.put("server.installation-id", "prod");
        server = TestServer.start(data, SATURDAY_NOON, true, prodConfig);
        await(() -> fake.topics().size() == 3);
        Map<String, String> stagingConfig = forum("");
        stagingConfig.put("server.installation-id", "staging");
        // The forum refuses two topics of one title: staging's titles say whose they are.
        stagingConfig.put("discourse.title-prefix", "[Staging]");
        try (TestServer second = TestServer.start(staging, SATURDAY_NOON, true, stagingConfig)) {
            await(() -> fake.topics().size() == 6);
            assertThat(fake.topics()).extracting(FakeDiscourse.Topic::externalId).doesNotHaveDuplicates()
                    .allMatch(id -> id.startsWith("popcorn-prod-") || id.startsWith("popcorn-staging-"));
            assertThat(fake.topics()).filteredOn(t -> t.externalId().startsWith("popcorn-staging-"))
                    .extracting(FakeDiscourse.Topic::title).allMatch(title -> title.startsWith("[Staging] 🍿 "));
            assertThat(fake.topics()).filteredOn(t -> t.externalId().startsWith("popcorn-prod-"))
                    .extracting(FakeDiscourse.Topic::title).allMatch(title -> title.startsWith("🍿 "));
            assertThat(fake.requests()).as("nobody edited anything").noneMatch(r -> r.startsWith("PUT /posts/"));

            // Staging's poll closes: its own thread is edited, production's stays as it is.
            second.clock.set(Instant.parse("2026-11-26T16:00:00Z"));
            await(() -> fake.topics().stream().anyMatch(t -> t.externalId().startsWith("popcorn-staging-poll-")
                    && t.posts().get(0).contains("Voting closed at")));
            Eventually.pause(Duration.ofSeconds(6));
            assertThat(fake.topics()).filteredOn(t -> t.externalId().startsWith("popcorn-prod-poll-"))
                    .allMatch(t -> t.posts().get(0).contains("Voting is open until"));
            assertThat(fake.topics()).hasSize(6);
        }
    }

    @Test
    void aSecondInstallationWhoseTitlesTheForumRefusesIsToldWhatToConfigure(
            @org.junit.jupiter.api.io.TempDir Path staging) {
        Map<String, String> prodConfig = forum("");
        prodConfig.put("server.installation-id", "prod");
        server = TestServer.start(data, SATURDAY_NOON, true, prodConfig);
        await(() -> fake.topics().size() == 3);
        Map<String, String> stagingConfig = forum("");
        stagingConfig.put("server.installation-id", "staging");
        try (TestServer second = TestServer.start(staging, SATURDAY_NOON, true, stagingConfig)) {
            await(() -> troubles(second, "en").size() == 2);
            assertThat(fake.topics()).as("production's topics only, none edited").hasSize(3)
                    .allMatch(t -> t.externalId().startsWith("popcorn-prod-"));
            assertThat(fake.requests()).noneMatch(r -> r.startsWith("PUT /posts/"));
            assertThat(troubles(second, "en")).allSatisfy(t -> {
                assertThat(t.get("error").getAsString()).contains("Title has already been used",
                        "discourse.title-prefix");
                assertThat(t.get("advice").getAsString()).contains("Set discourse.title-prefix");
            });
            assertThat(troubles(second, "zh-CN").get(0).get("advice").getAsString()).contains("discourse.title-prefix",
                    "同名");
            assertThat(fake.requests().stream().filter("POST /posts.json"::equals))
                    .as("each refused once, not retried: no retry changes a title").hasSize(3 + 2);
        }
    }

    /** The failed outbox tasks of an installation, as its lead reads them, with their advice. */
    private static List<JsonObject> troubles(TestServer installation, String language) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(URI.create(installation.url("/api/v1/tracker")))
                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).header("Accept-Language", language)
                .build();
        String body;
        try {
            body = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<JsonObject> troubles = new java.util.ArrayList<>();
        JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("troubles")
                .forEach(t -> troubles.add(t.getAsJsonObject()));
        return troubles;
    }

    /** A lead page in a language, as the admin token's lead session sees it. */
    private String lead(String path, String language) {
        java.net.http.HttpRequest page = java.net.http.HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "popcorn_session=" + server.leadSession()).header("Accept-Language", language)
                .build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(page, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long pollId() {
        return JsonParser.parseString(server.send("GET", "/api/v1/week", null, null).body()).getAsJsonObject()
                .getAsJsonObject("poll").get("id").getAsLong();
    }

    private long candidate(long poll) {
        return JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body()).getAsJsonObject()
                .getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsLong();
    }

    /** Starts signing in; checks the request Popcorn sends the browser to the forum with, and answers its fields. */
    private Map<String, String> signIn(String next) {
        HttpResponse<String> start = server.send("GET",
                "/signin/forum?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                null, null);
        assertThat(start.statusCode()).isEqualTo(302);
        URI location = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(fake.url() + "/session/sso_provider?sso=");
        Map<String, String> query = fields(location.getRawQuery());
        assertThat(query.get("sig")).isEqualTo(sign(query.get("sso")));
        Map<String, String> payload = fields(
                new String(Base64.getDecoder().decode(query.get("sso")), StandardCharsets.UTF_8));
        assertThat(payload.get("return_sso_url")).isEqualTo(server.url("/signin/forum/return"));
        assertThat(payload.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        Map<String, String> answer = new HashMap<>(payload);
        answer.put("next", next.startsWith("//") ? "/" : next);
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("popcorn_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("popcorn_signin=")
                .contains("HttpOnly", "SameSite=Lax", "Max-Age=600"));
        browserCookie = cookie;
        return answer;
    }

    /** The forum's signed answer, as the query of the return address. */
    private static String answer(String nonce, String returnUrl, String externalId, String username, String groups) {
        String payload = "nonce=" + nonce + "&return_sso_url=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8)
                + "&external_id=" + externalId + "&username=" + username + "&name="
                + URLEncoder.encode("陈晓雨", StandardCharsets.UTF_8)
                + "&email=" + username + "%40example.com&avatar_url=&admin=false&moderator=false&groups="
                + URLEncoder.encode(groups, StandardCharsets.UTF_8);
        String sso = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return "sso=" + URLEncoder.encode(sso, StandardCharsets.UTF_8) + "&sig=" + sign(sso);
    }

    /** The forum's answer arrives in the browser that started the sign-in last (its cookie comes along). */
    private HttpResponse<String> back(String query) {
        return back(query, browserCookie);
    }

    private HttpResponse<String> back(String query, String cookie) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                URI.create(server.url("/signin/forum/return?" + query)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API pass as the user gets it on their page, signed in with {@code session}. */
    private String apiPass(String session) {
        String csrf = "0123456789abcdef0123456789abcdef";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(server.url("/me/api-pass")))
                .header("Cookie", "popcorn_csrf=" + csrf + "; popcorn_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build();
        try {
            String page = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"api-pass\" readonly value=\"([^\"]+)\"")
                    .matcher(page);
            assertThat(m.find()).as(page).isTrue();
            return m.group(1);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("popcorn_session="))
                .map(c -> c.substring("popcorn_session=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> hook(String event, String body, String secret) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(URI.create(server.url("/api/v1/hooks/discourse")))
                .header("Content-Type", "application/json").header("X-Discourse-Event", event)
                .header("X-Discourse-Event-Type",
                        event.startsWith("user_") && event.contains("group") ? "group_user" : "user")
                .header("X-Discourse-Event-Signature", "sha256=" + hmac(secret, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String sso) {
        return hmac(CONNECT_SECRET, sso);
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fields(String query) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private void await(BooleanSupplier condition) {
        Eventually.holds("the forum's state", Duration.ofSeconds(45), condition, () -> "it was sent " + fake.requests()
                + "; Popcorn's outbox: " + server.send("GET", "/api/v1/tracker", TestServer.ADMIN_TOKEN, null).body());
    }
}
