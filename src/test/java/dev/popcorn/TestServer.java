package dev.popcorn;

import dev.popcorn.app.identity.Passes;
import dev.popcorn.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Popcorn started for a test: a temporary embedded database, a random port and a clock the test moves. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String SECRET = "test-secret-0123456789abcdef0123456789";
    /** Friday 20 November 2026, 18:00 in Shanghai. */
    public static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    public final MutableClock clock;
    public final Popcorn popcorn;
    public final String output;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(MutableClock clock, Popcorn popcorn, String output) {
        this.clock = clock;
        this.popcorn = popcorn;
        this.output = output;
    }

    public static TestServer start(Path data, Instant now, boolean demo) {
        return start(data, now, demo, Map.of());
    }

    /** Starts with more configuration, for example the {@code jira.*} keys of a fake Jira. */
    public static TestServer start(Path data, Instant now, boolean demo, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("server.port", "0");
        overrides.put("data.dir", data.toString());
        overrides.put("security.admin-token", ADMIN_TOKEN);
        overrides.put("security.secret", SECRET);
        overrides.put("http.max-body-bytes", "16384");
        overrides.putAll(more);
        Config config = Config.load(null, Map.of(), overrides);
        MutableClock clock = new MutableClock(now);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Popcorn popcorn = Popcorn.start(config, clock, demo, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new TestServer(clock, popcorn, out.toString(StandardCharsets.UTF_8));
    }

    /** Locks a user's level as a lead does (audited), for tests of what a level allows. */
    /** What a user's first sign-in writes: Popcorn knows them from now on. */
    public void signedInOnce(String userId, String name) {
        popcorn.store().users().upsert(userId, name, clock.instant());
    }

    /** What a sign-in through the forum writes: Popcorn knows the user and their forum user name from now on. */
    public void signedInThroughForum(String userId, String username) {
        popcorn.store().users()
                .upsertFromForum(new dev.popcorn.domain.forum.ForumIdentity(userId, username, "Fan " + username, "",
                        java.util.List.of(), false, false), clock.instant());
    }

    /** The server's store, for tests that read or set up rows beside what the API shows. */
    public dev.popcorn.store.Store store() {
        return popcorn.store();
    }

    /** The release shipped last. */
    public dev.popcorn.domain.release.Release latestRelease() {
        return popcorn.store().releases().recent(1).get(0);
    }

    /** A badge tier granted as a review grants it ({@code reports.silver}), for pages that show who holds what. */
    public void grantBadge(String userId, String badge, Instant at) {
        popcorn.store().standing().grantBadge(userId, badge, at);
    }

    /** The participation ladder as configured. */
    public dev.popcorn.domain.participation.LevelLadder ladder() {
        return popcorn.standing().ladder();
    }

    /** The user chose to stay off public pages. */
    public void hideProfile(String userId) {
        popcorn.standing().setPublicProfile(userId, false);
    }

    public void lockLevel(String userId, String level) {
        // A lead locks the level of a user Popcorn knows: one who signed in once.
        if (popcorn.standing().name(userId).isEmpty()) {
            popcorn.store().users().upsert(userId, userId, clock.instant());
        }
        popcorn.levelOverrides().lock(userId, level, "set by the test", "test-lead");
    }

    public String url(String path) {
        return popcorn.baseUrl() + path;
    }

    /** A user's API pass, as they get it on their page and send it as bearer token. */
    public String pass(String userId, String name) {
        return issue(Passes.Kind.API, userId, name, Passes.Role.USER);
    }

    /** A user's session, as their browser keeps it in the session cookie. */
    public String session(String userId, String name) {
        return issue(Passes.Kind.SESSION, userId, name, Passes.Role.USER);
    }

    /** A pass of any kind and role, signed with this server's secret. */
    public String issue(Passes.Kind kind, String userId, String name, Passes.Role role) {
        return new Passes(SECRET.getBytes(StandardCharsets.UTF_8), clock).issue(kind, userId, name, role,
                Duration.ofDays(14));
    }

    /** A lead's session as the lead sign-in page gives it for the admin token (the lead is then recorded as one). */
    public String leadSession() {
        String csrf = "0123456789abcdef0123456789abcdef";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/lead/signin"))).timeout(Duration.ofSeconds(30))
                .header("Cookie", "popcorn_csrf=" + csrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&token=" + ADMIN_TOKEN)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("popcorn_session="))
                    .map(c -> c.substring("popcorn_session=".length(), c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no session from the lead sign-in: " + answer.statusCode()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token {@link #page} sends as cookie and form field, as a browser would after loading a form. */
    public static final String CSRF = "0123456789abcdef0123456789abcdef";

    /**
     * A page as a browser without JavaScript asks for it (redirects not followed): a GET, or with {@code form}
     * (url-encoded fields, each starting with {@code &}) a POST with the CSRF token; {@code session} may be null.
     */
    public HttpResponse<String> page(String method, String path, String session, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Cookie", "popcorn_csrf=" + CSRF + (session == null ? "" : "; popcorn_session=" + session));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF + form));
        }
        return exchange(request.build());
    }

    public HttpResponse<String> send(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    @Override
    public void close() {
        popcorn.close();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
