package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.jira.FakeJira;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's attacks on passes, each as an attacker would try it over HTTP: a session replayed
 * as a sign-in link, a link sent as a bearer token, a link planted in someone's browser, passes
 * kept after the user revoked them (on another instance sharing the database), and the CI
 * credential trying what only a lead may do.
 */
class PassAttacksIT {

    private static final String CSRF = "0123456789abcdef0123456789abcdef";
    private static final String JENKINS_TOKEN = "jenkins-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private TestServer a;
    private TestServer b;
    private FakeJira jira;

    @AfterEach
    void stop() {
        for (AutoCloseable closing : new AutoCloseable[] {a, b, jira}) {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aSessionOrAnApiPassUsedAsASignInLinkIsRefusedAndALinkIsNoBearer() throws Exception {
        a = TestServer.start(dataA, TestServer.FRIDAY, false);
        for (String notALink : new String[] {a.session("amy", "Amy"), a.pass("amy", "Amy")}) {
            HttpResponse<String> asked = page("GET", a, "/signin/" + notALink + "?lang=en", null, false);
            assertThat(asked.statusCode()).isEqualTo(401);
            assertThat(asked.body()).contains("This is not a sign-in link.");
            HttpResponse<String> posted = page("POST", a, "/signin/" + notALink, null, true);
            assertThat(posted.statusCode()).isEqualTo(401);
            assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("popcorn_session="));
        }
        String link = a.issue(Kind.LINK, "amy", "Amy", Role.USER);
        HttpResponse<String> bearer = a.send("GET", "/api/v1/me", link, null);
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).contains("urn:popcorn:problem:pass.wrongKind.api");
    }

    @Test
    void aLinkOpenedFromAnotherSiteSignsNobodyInUntilThePersonConfirmsOnPopcornsOwnForm() throws Exception {
        a = TestServer.start(dataA, TestServer.FRIDAY, false);
        String link = a.issue(Kind.LINK, "mallory", "Mallory", Role.USER);

        HttpResponse<String> opened = page("GET", a, "/signin/" + link + "?lang=zh-CN", null, false);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("以 Mallory 的身份登录？").contains("method=\"post\"");
        assertThat(opened.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("popcorn_session="));
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");

        // Another site can make the browser post the form, but not with the browser's CSRF token.
        HttpResponse<String> forged = page("POST", a, "/signin/" + link, null, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("popcorn_session="));

        HttpResponse<String> confirmed = page("POST", a, "/signin/" + link, null, true);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(session(confirmed)).startsWith("v2.");
    }

    @Test
    void passesARevokedUserHeldAreRefusedOnAnotherInstanceSharingTheDatabase() throws Exception {
        String db = "jdbc:h2:mem:passes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        a = TestServer.start(dataA, TestServer.FRIDAY, false, Map.of("db.url", db));
        b = TestServer.start(dataB, TestServer.FRIDAY, false, Map.of("db.url", db));
        String link = a.issue(Kind.LINK, "amy", "Amy", Role.USER);
        String session = session(page("POST", a, "/signin/" + link, null, true));
        String apiPass = apiPass(a, session);
        assertThat(b.send("GET", "/api/v1/me", apiPass, null).statusCode()).isEqualTo(200);
        assertThat(page("GET", b, "/me", session, false).statusCode()).isEqualTo(200);

        a.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> revoked = a.send("POST", "/api/v1/users/amy/revoke", TestServer.ADMIN_TOKEN, "{}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(a.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body()).contains("user.revoke",
                "user:amy");

        // At once on the instance that revoked; on the other once it reads the revocation list again, within a second.
        assertThat(a.send("GET", "/api/v1/me", apiPass, null).statusCode()).isEqualTo(401);
        // Its cache is at most a second old (Revocations.FRESH); the wait is long only so that a busy machine cannot fail it.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> api = b.send("GET", "/api/v1/me", apiPass, null);
        while (api.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            api = b.send("GET", "/api/v1/me", apiPass, null);
        }
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("urn:popcorn:problem:pass.revoked");
        HttpResponse<String> ownPage = page("GET", b, "/me?lang=en", session, false);
        assertThat(ownPage.statusCode()).isEqualTo(401);
        assertThat(ownPage.body()).contains("was revoked").contains("Sign in again");
        assertThat(page("POST", b, "/signin/" + link, null, true).statusCode()).as("the old link too").isEqualTo(401);

        b.clock.advance(Duration.ofSeconds(2));
        String fresh = session(page("POST", b, "/signin/" + b.issue(Kind.LINK, "amy", "Amy", Role.USER), null, true));
        assertThat(page("GET", a, "/me", fresh, false).statusCode()).as("a new link signs in again").isEqualTo(200);

        assertThat(b.send("POST", "/api/v1/users/amy/revoke", apiPass(b, fresh), "{}").statusCode())
                .as("revoking others is a lead's").isEqualTo(403);
    }

    @Test
    void aSessionSignedOutOfIsRefusedEvenFromACopyOfTheCookieOnEveryInstance() throws Exception {
        String db = "jdbc:h2:mem:signout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        a = TestServer.start(dataA, TestServer.FRIDAY, false, Map.of("db.url", db));
        b = TestServer.start(dataB, TestServer.FRIDAY, false, Map.of("db.url", db));
        String kept = session(page("POST", a, "/signin/" + a.issue(Kind.LINK, "amy", "Amy", Role.USER), null, true));
        a.clock.advance(Duration.ofSeconds(1));
        String other = session(page("POST", a, "/signin/" + a.issue(Kind.LINK, "amy", "Amy", Role.USER), null, true));
        assertThat(page("GET", b, "/me", kept, false).statusCode()).isEqualTo(200);

        HttpResponse<String> out = page("POST", a, "/signout", kept, true);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("popcorn_session=;"));

        // Someone who copied the cookie before the sign-out gets nothing with it, here at once, there within a second.
        HttpResponse<String> here = page("GET", a, "/me?lang=en", kept, false);
        assertThat(here.statusCode()).isEqualTo(401);
        assertThat(here.body()).contains("You signed out of this session.");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> there = page("GET", b, "/me", kept, false);
        while (there.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            there = page("GET", b, "/me", kept, false);
        }
        assertThat(there.statusCode()).isEqualTo(401);
        // The same person's other browser stays signed in: a plain sign-out ends one session, not all of them.
        assertThat(page("GET", b, "/me", other, false).statusCode()).isEqualTo(200);
    }

    @Test
    void theCiTokenOpensReleasesButDecidesNothing() {
        jira = FakeJira.weeklyRelease();
        jira.keySearch("MIUI-2101", "MIUI-2102");
        Map<String, String> config = new HashMap<>(jira.settings(Map.of("jenkins.token", JENKINS_TOKEN,
                "jenkins.job", "miui-weekly-release")));
        a = TestServer.start(dataA, TestServer.FRIDAY, false, config);
        for (String team : new String[] {"camera", "system"}) {
            a.send("PUT", "/api/v1/teams/" + team, TestServer.ADMIN_TOKEN, "{\"name\":\"" + team + " team\"}");
        }
        HttpResponse<String> opened = a.send("POST", "/api/v1/releases", JENKINS_TOKEN,
                "{\"version\": \"2026.11.20\", \"keys\": [\"MIUI-2101\", \"MIUI-2102\"]}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        var release = JsonParser.parseString(opened.body()).getAsJsonObject();
        long releaseId = release.getAsJsonObject("release").get("id").getAsLong();
        long poll = release.getAsJsonObject("poll").get("id").getAsLong();
        assertThat(a.send("PUT", "/api/v1/releases/" + releaseId + "/tests", JENKINS_TOKEN,
                "{\"total\": 10, \"failed\": 1}").statusCode()).isEqualTo(200);
        assertThat(a.send("POST", "/api/v1/polls/" + poll + "/candidates", JENKINS_TOKEN,
                "{\"team\": \"camera\", \"title\": \"Night mode, again\", \"tickets\": [\"MIUI-2101\"]}").statusCode())
                .isEqualTo(201);
        assertThat(a.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body()).contains("\"actor\":\"ci\"");

        // A query of its own would read any ticket Popcorn's Jira account can see: refused, and nothing is searched.
        int searches = jira.requests("POST", ".*/search/jql").size();
        for (boolean dryRun : new boolean[] {true, false}) {
            HttpResponse<String> own = a.send("POST", "/api/v1/releases", JENKINS_TOKEN,
                    "{\"version\": \"2026.11.27\", \"jql\": \"project = SECRET\", \"dryRun\": " + dryRun + "}");
            assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
            assertThat(own.body()).contains("release.jql.notForCi");
        }
        assertThat(jira.requests("POST", ".*/search/jql")).hasSize(searches);
        // What a build needs, tried without opening: answered, and the audit log says the pipeline asked.
        HttpResponse<String> tried = a.send("POST", "/api/v1/releases", JENKINS_TOKEN,
                "{\"version\": \"2026.11.27\", \"keys\": [\"MIUI-2101\", \"MIUI-2102\"], \"dryRun\": true}");
        assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
        assertThat(a.send("GET", "/api/v1/audit", TestServer.ADMIN_TOKEN, null).body()).contains("release.preview");

        for (String[] decision : new String[][] {{"POST", "/api/v1/polls/" + poll + "/approve", null},
                {"POST", "/api/v1/polls/" + poll + "/open", null},
                {"POST", "/api/v1/polls/" + poll + "/candidates/1/disqualify",
                        "{\"reason\": \"x\"}"},
                {"PUT", "/api/v1/teams/camera", "{\"name\": \"Camera\", \"members\": []}"},
                {"POST", "/api/v1/users/amy/revoke", "{}"},
                {"PUT", "/api/v1/polls/" + poll + "/ballot", "{\"candidate\": 1}"}}) {
            HttpResponse<String> refused = a.send(decision[0], decision[1], JENKINS_TOKEN, decision[2]);
            assertThat(refused.statusCode()).as(decision[0] + " " + decision[1]).isEqualTo(403);
        }
    }

    @Test
    void aSignedPassWithTimesOutOfRangeOrNobodyInItIsA401AndNeverAnError() throws Exception {
        a = TestServer.start(dataA, TestServer.FRIDAY, false);
        long now = TestServer.FRIDAY.toEpochMilli();
        String[][] payloads = {
                {"SESSION", "amy", "Amy", "USER", Long.toString(now), Long.toString(Long.MAX_VALUE)},
                {"SESSION", "amy", "Amy", "USER", Long.toString(now), Long.toString(Long.MIN_VALUE)},
                {"SESSION", "amy", "Amy", "USER", Long.toString(now), "99999999999999999999"},
                {"SESSION", "amy", "Amy", "USER", "-", "9999999999"},
                {"SESSION", "", "Amy", "USER", Long.toString(now), "9999999999"},
                {"SESSION", " ", "Amy", "USER", Long.toString(now), "9999999999"}};
        for (String[] payload : payloads) {
            String session = forged(payload);
            payload[0] = "API";
            String api = forged(payload);
            HttpResponse<String> asApi = a.send("GET", "/api/v1/me", api, null);
            assertThat(asApi.statusCode()).as(String.join("|", payload) + ": " + asApi.body()).isEqualTo(401);
            assertThat(asApi.body()).contains("\"status\":401");
            assertThat(a.send("PUT", "/api/v1/releases/1/report", api, "{}").statusCode()).isEqualTo(401);
            // As the session cookie it is no session: the page asks to sign in, the home page is a visitor's.
            HttpResponse<String> own = page("GET", a, "/me?lang=en", session, false);
            assertThat(own.statusCode()).as(String.join("|", payload)).isEqualTo(401);
            assertThat(own.body()).contains("Sign in");
            assertThat(page("GET", a, "/?lang=en", session, false).statusCode()).isEqualTo(200);
            assertThat(page("GET", a, "/no/such/page", session, false).statusCode()).isEqualTo(404);
        }
    }

    /** A pass signed with the server's own secret around a payload no honest issuer writes. */
    private static String forged(String... parts) {
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String body = "v2."
                + encoder.encodeToString(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var passes = new dev.popcorn.app.identity.Passes(
                TestServer.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.time.Clock.systemUTC());
        return body + "." + passes.sign(body);
    }

    private static String apiPass(TestServer server, String session) throws Exception {
        String body = page("POST", server, "/me/api-pass", session, true).body();
        Matcher m = Pattern.compile("id=\"api-pass\" readonly value=\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("popcorn_session="))
                .map(c -> c.substring("popcorn_session=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session: " + response.statusCode() + " " + response.body()));
    }

    /** A page request as a browser sends it: its CSRF cookie, a session if any, the form's CSRF field if {@code withCsrf}. */
    private static HttpResponse<String> page(String method, TestServer server, String path, String session,
            boolean withCsrf)
            throws IOException, InterruptedException {
        String cookies = "popcorn_csrf=" + CSRF + (session == null ? "" : "; popcorn_session=" + session);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookies);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(withCsrf ? "_csrf=" + CSRF : ""));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
