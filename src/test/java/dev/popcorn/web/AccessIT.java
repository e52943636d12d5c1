package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.TestServer;
import dev.popcorn.jira.FakeJira;
import dev.popcorn.web.common.Access;
import dev.popcorn.web.common.Gate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route the server registered: each declares who may call it, and each route that
 * needs someone refuses a caller without the right proof before anything happens — nobody gets
 * in by a route that forgot to ask.
 */
class AccessIT {

    private static final Set<String> ROLES = Set.of("anyone", "user", "lead", "pipeline", "ci", "webhook", "monitor");
    /** The only routes that change something and are open to anyone: signing in and out. */
    private static final Set<String> OPEN_WRITES = Set.of("POST /signout", "POST /lead/signin", "POST /signin/{token}");
    private static final String JENKINS_TOKEN = "jenkins-token-0123456789";
    private static final String CSRF = "0123456789abcdef0123456789abcdef";

    @TempDir
    static Path data;

    static TestServer server;
    static FakeJira jira;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        // Every proof configured, so that each webhook's refusal is the missing proof, not a switched-off feature.
        jira = FakeJira.weeklyRelease();
        server = TestServer.start(data, TestServer.FRIDAY, false, jira.settings(Map.of(
                "jenkins.token", JENKINS_TOKEN,
                "jenkins.job", "miui-weekly-release",
                "discourse.url", "http://127.0.0.1:9",
                "discourse.connect-secret", "connect-secret-0123456789",
                "discourse.webhook-secret", "forum-secret-0123456789",
                "jira.webhook-secret", "jira-secret-0123456789")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        jira.close();
    }

    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        List<WebApp.Route> routes = server.popcorn.routes();
        assertThat(routes).hasSizeGreaterThan(50);
        Map<String, List<String>> byRole = new TreeMap<>();
        for (WebApp.Route route : routes) {
            assertThat(ROLES).as("the access of %s %s", route.method(), route.path()).contains(route.access());
            byRole.computeIfAbsent(route.access(), r -> new ArrayList<>()).add(route.method() + " " + route.path());
        }
        byRole.forEach((role, list) -> System.out.println("[routes] " + role + " (" + list.size() + "): " + list));
        assertThat(byRole.get("anyone"))
                .allSatisfy(route -> assertThat(route.startsWith("GET ") || OPEN_WRITES.contains(route))
                        .as("%s changes something and is open to anyone", route).isTrue());
        assertThat(routes).filteredOn(route -> (route.path().equals("/lead") || route.path().startsWith("/lead/"))
                && !route.path().equals("/lead/signin"))
                .as("the lead's pages").isNotEmpty().allSatisfy(route -> assertThat(route.access()).isEqualTo("lead"));
        assertThat(byRole.get("lead")).as("a lead's participation decisions").contains(
                "POST /api/v1/releases/{id}/reports/{user}/comments/{ticket}/helpful", "POST /api/v1/users/{id}/level",
                "POST /api/v1/users/{id}/level/unlock", "POST /lead/releases/{id}/reports/{user}/helpful",
                "POST /lead/releases/{id}/reports/{user}/comments/{ticket}/helpful",
                "POST /lead/participation/grants/{id}/revoke", "POST /lead/participation/level",
                "POST /lead/participation/level/unlock");
        assertThat(byRole.get("webhook")).containsExactlyInAnyOrder("POST /api/v1/hooks/jira",
                "POST /api/v1/hooks/discourse");
        assertThat(byRole.get("ci")).containsExactly("POST /api/v1/hooks/jenkins");
        assertThat(byRole.get("monitor")).as("only the metrics, behind metrics.token").containsExactly("GET /metrics");
        assertThat(byRole.get("pipeline")).containsExactlyInAnyOrder("POST /api/v1/releases",
                "PUT /api/v1/releases/{id}/tests",
                "POST /api/v1/polls/{id}/candidates", "PUT /api/v1/polls/{id}/candidates/{candidate}");
    }

    /**
     * The capabilities add their routes in the order they are built, and the first route whose template matches a
     * path answers it: a route with a fixed word where an earlier one has a parameter ({@code /signin/forum} after
     * {@code /signin/{token}}) would never be reached.
     */
    @Test
    void noRouteIsHiddenBehindOneMatchedBeforeIt() {
        List<WebApp.Route> routes = server.popcorn.routes();
        for (int later = 0; later < routes.size(); later++) {
            WebApp.Route hidden = routes.get(later);
            String path = hidden.path().replaceAll("\\{[^/}]+}", "p1");
            for (WebApp.Route earlier : routes.subList(0, later)) {
                boolean shadows = earlier.method().equals(hidden.method()) && !earlier.path().equals(hidden.path())
                        && path.matches(earlier.path().replaceAll("\\{[^/}]+}", "[^/]+"));
                assertThat(shadows).as("%s %s is matched first by %s", hidden.method(), hidden.path(), earlier.path())
                        .isFalse();
            }
        }
        // The check can find one: the forum's sign-in is built before the personal links' page.
        assertThat("/signin/forum".matches("/signin/{token}".replaceAll("\\{[^/}]+}", "[^/]+"))).isTrue();
        assertThat(routes.stream().map(r -> r.method() + " " + r.path()).toList())
                .containsSubsequence("GET /signin/forum", "GET /signin/{token}");
    }

    @Test
    void aRouteWithoutADeclaredAccessIsRefusedWhenTheServerIsBuilt() {
        assertThatThrownBy(() -> Gate.declared(Set.of(), "GET /forgotten")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /forgotten");
        assertThat(Gate.declared(Set.of(Access.LEAD), "GET /lead")).isEqualTo(Access.LEAD);
    }

    @Test
    void nobodyPassesARouteForUsersOrLeadsWithoutAPass() throws Exception {
        for (WebApp.Route route : server.popcorn.routes()) {
            if (!route.access().equals("user") && !route.access().equals("lead")
                    && !route.access().equals("pipeline")) {
                continue;
            }
            HttpResponse<String> answer = send(route, null);
            if (isLeadPageToOpen(route)) {
                assertThat(answer.statusCode()).as(describe(route)).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).as(describe(route)).hasValue("/lead/signin");
            } else {
                assertThat(answer.statusCode()).as(describe(route)).isEqualTo(401);
            }
        }
    }

    @Test
    void aUserPassesNoRouteForLeadsOrThePipeline() throws Exception {
        for (WebApp.Route route : server.popcorn.routes()) {
            if (!route.access().equals("lead") && !route.access().equals("pipeline")) {
                continue;
            }
            String fan = route.path().startsWith("/api/") ? server.pass("fan-1", "Fan")
                    : server.session("fan-1", "Fan");
            HttpResponse<String> answer = send(route, fan);
            if (isLeadPageToOpen(route)) {
                assertThat(answer.statusCode()).as(describe(route)).isEqualTo(302);
            } else {
                assertThat(answer.statusCode()).as(describe(route)).isEqualTo(403);
                assertThat(answer.body()).as(describe(route)).contains("lead");
            }
        }
    }

    @Test
    void theCiTokenPassesThePipelineRoutesAndNoRouteForLeadsOrUsers() throws Exception {
        for (WebApp.Route route : server.popcorn.routes()) {
            if (!route.path().startsWith("/api/") || !Set.of("user", "lead", "pipeline").contains(route.access())) {
                continue;
            }
            HttpResponse<String> answer = send(route, JENKINS_TOKEN);
            if (route.access().equals("pipeline")) {
                assertThat(answer.statusCode()).as(describe(route)).isNotIn(401, 403);
            } else {
                assertThat(answer.statusCode()).as(describe(route)).isEqualTo(403);
            }
        }
    }

    @Test
    void aSignInLinkOrASessionIsNoBearerAndAnApiPassOrALinkIsNoSession() throws Exception {
        String link = server.issue(dev.popcorn.app.identity.Passes.Kind.LINK, "fan-1", "Fan",
                dev.popcorn.app.identity.Passes.Role.USER);
        String session = server.session("fan-1", "Fan");
        for (String notAnApiPass : List.of(link, session)) {
            HttpResponse<String> answer = server.send("GET", "/api/v1/me", notAnApiPass, null);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("urn:popcorn:problem:pass.wrongKind.api");
        }
        for (String notASession : List.of(link, server.pass("fan-1", "Fan"))) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/me?lang=en")))
                    .header("Cookie", "popcorn_session=" + notASession).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).contains("This is not a session.");
        }
    }

    @Test
    void webhooksAndTheCiServerWithoutProofAreRefused() throws Exception {
        for (WebApp.Route route : server.popcorn.routes()) {
            if (route.access().equals("ci") || route.access().equals("webhook")) {
                assertThat(send(route, null).statusCode()).as(describe(route)).isEqualTo(401);
            }
        }
    }

    @Test
    void aPathNoRouteMatchesGetsAFriendlyPageOrAProblemAndTheLeadSignInKeepsTheLanguage() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/no/such/page?lang=zh-CN")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"zh-CN\"").doesNotContain("Endpoint GET");
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/nothing"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(api.body()).contains("urn:popcorn:problem:request.notFound");
        HttpResponse<String> lead = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/lead?lang=en"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lead.headers().firstValue("Location")).hasValue("/lead/signin?lang=en");
    }

    private static boolean isLeadPageToOpen(WebApp.Route route) {
        return route.access().equals("lead") && route.method().equals("GET") && !route.path().startsWith("/api/");
    }

    private static String describe(WebApp.Route route) {
        return route.method() + " " + route.path() + " (" + route.access() + ")";
    }

    /** Calls the route with placeholders filled in, a pass (as bearer on the API, as session on pages) or none. */
    private static HttpResponse<String> send(WebApp.Route route, String pass) throws IOException, InterruptedException {
        String path = route.path().replace("{id}", "1").replace("{candidate}", "1").replace("{slug}", "camera")
                .replace("{token}", "x").replace("{user}", "fan-1")
                .replace("{ticket}", "POP-1");
        boolean api = path.startsWith("/api/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30));
        String cookies = "popcorn_csrf=" + CSRF;
        if (pass != null && api) {
            request.header("Authorization", "Bearer " + pass);
        } else if (pass != null) {
            cookies += "; popcorn_session=" + pass;
        }
        request.header("Cookie", cookies);
        if (api) {
            request.header("Content-Type", "application/json");
            request.method(route.method(),
                    HttpRequest.BodyPublishers.ofString(route.method().equals("GET") ? "" : "{}"));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(route.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + CSRF));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
