package dev.popcorn.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.Popcorn;
import dev.popcorn.TestServer;
import dev.popcorn.app.Check;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig.Deployment;
import dev.popcorn.jira.FakeJira;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code popcorn check} against a WireMock Jira: the truth about the connection, in one line per check. */
class CheckCommandIT {

    @TempDir
    Path data;

    FakeJira jira;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        jira = new FakeJira(Deployment.CLOUD);
    }

    @AfterEach
    void stop() {
        assertThat(jira.contractViolations()).isEmpty();
        jira.close();
    }

    private int check(Map<String, String> env) {
        return PopcornCommand.run(new String[] {"check", "--data", data.toString()}, env,
                new PopcornCommand.Launcher() {
                    @Override
                    public int start(Config config, boolean demo, PrintStream stream) {
                        throw new AssertionError("check starts no server");
                    }

                    @Override
                    public List<Check> check(Config config) {
                        return Popcorn.check(config, Clock.systemUTC());
                    }

                    @Override
                    public List<Check> check(Config config, List<Check> trackerFromServer) {
                        return Popcorn.check(config, Clock.systemUTC(), trackerFromServer);
                    }
                }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A port nothing listens on, so that no server of the machine's answers for the tests that want none. */
    private static String freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> env(String token, String auth) {
        return Map.of("POPCORN_JIRA_URL", jira.url(), "POPCORN_JIRA_USER", "popcorn-bot@example.com",
                "POPCORN_JIRA_TOKEN", token, "POPCORN_JIRA_PROJECT", "MIUI", "POPCORN_JIRA_DEFAULT_TEAM", "system",
                "POPCORN_JIRA_AUTH", auth, "POPCORN_SERVER_BASE_URL", "https://popcorn.example.com",
                "POPCORN_SERVER_PORT", freePort());
    }

    @Test
    void withJiraALocalhostBaseUrlFailsTheCheckBecauseEveryLinkIsBuiltFromIt() {
        Map<String, String> env = new java.util.HashMap<>(env("token-123", "basic"));
        env.remove("POPCORN_SERVER_BASE_URL");
        assertThat(check(env)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("server.base-url is http://localhost:" + env.get("POPCORN_SERVER_PORT") + ": every link"
                        + " Popcorn writes to Jira and the forum is built from it");
    }

    @Test
    void aMissingLinkIssuesPermissionIsNamedWithTheWritesThatNeedIt() {
        jira.grantOnly("BROWSE_PROJECTS", "EDIT_ISSUES", "CREATE_ISSUES", "ADD_COMMENTS");
        assertThat(check(env("token-123", "basic"))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("The account lacks Link issues in MIUI: the remote links"
                        + " to the feedback pages and wishes cannot be written.");
    }

    @Test
    void aWorkingConnectionPassesEveryCheck() {
        assertThat(check(env("token-123", "basic"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "ok      Signed in to Jira Cloud " + jira.url() + " as Popcorn Bot.",
                "ok      Project MIUI (MIUI) is visible.",
                "ok      The account may browse, link, edit, create and comment in MIUI.",
                "ok      Links written to other systems point at https://popcorn.example.com.");
    }

    @Test
    void theJenkinsWebhookIsDescribedWithoutItsToken() {
        Map<String, String> env = new java.util.HashMap<>(env("token-123", "basic"));
        assertThat(check(env)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok      Jenkins: no webhook (jenkins.token)");
        out.reset();
        env.put("POPCORN_JENKINS_TOKEN", "jenkins-token-0123456789abcdef");
        env.put("POPCORN_JENKINS_JOB", "mobile/miui-weekly-release");
        assertThat(check(env)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok      Jenkins: the Notification plugin posts to"
                + " https://popcorn.example.com/api/v1/hooks/jenkins?token=…; the build opening a release:"
                + " job=mobile/miui-weekly-release phase=FINALIZED status=SUCCESS version=parameter:RELEASE_VERSION"
                + " features=release-jql.").doesNotContain("jenkins-token-0123456789abcdef");
        out.reset();
        env.put("POPCORN_JENKINS_TOKEN", "short");
        assertThat(check(env)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("jenkins.token must have at least 24 characters");
        env.put("POPCORN_JENKINS_TOKEN", "jenkins-token-0123456789abcdef");
        env.put("POPCORN_JENKINS_VERSION", "tag");
        assertThat(check(env)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("jenkins.version must be parameter:NAME, branch or"
                + " branch:REGEX with one group, not 'tag'");
    }

    @Test
    void aWrongTokenIsAFailureNamedAsSuch() {
        jira.server.stubFor(
                get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1).willReturn(aResponse().withStatus(401)));

        assertThat(check(env("wrong-token", "basic"))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED  The credentials for Jira Cloud")
                .contains("wrong or expired", "401").doesNotContain("wrong-token");
    }

    @Test
    void anUnknownAuthModeStopsWithTheKeyNamed() {
        assertThat(check(env("token-123", "kerberos"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("jira.auth must be one of [basic, bearer], not 'kerberos'");
    }

    @Test
    void withoutJiraTheCheckSaysSo() {
        assertThat(check(Map.of())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No issue tracker is configured");
    }

    @Test
    void besideARunningServerTheServerChecksTheTrackerWithItsDatabase() {
        String port = freePort();
        Map<String, String> settings = new java.util.HashMap<>(jira.settings(Map.of("jira.project", "MIUI",
                "jira.default-team", "system", "server.port", port, "server.base-url", "https://popcorn.example.com")));
        try (TestServer server = TestServer.start(data, TestServer.FRIDAY, false, settings)) {
            assertThat(server.popcorn.port()).isEqualTo(Integer.parseInt(port));
            Map<String, String> env = new java.util.HashMap<>(env("token-123", "basic"));
            env.put("POPCORN_SERVER_PORT", port);
            env.put("POPCORN_SECURITY_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
            assertThat(check(env)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                    "ok      A Popcorn server runs at http://127.0.0.1:" + port
                            + ": it checked the tracker with its own database",
                    "ok      Signed in to Jira Cloud " + jira.url());

            out.reset();
            env.put("POPCORN_SECURITY_ADMIN_TOKEN", "not-the-servers-admin-token");
            assertThat(check(env)).as("the server refuses another admin token").isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("FAILED  A Popcorn server runs at http://127.0.0.1:"
                            + port + " but did not check the tracker for this command (401)");
        }
        out.reset();
        Map<String, String> env = new java.util.HashMap<>(env("token-123", "basic"));
        env.put("POPCORN_SERVER_PORT", port);
        assertThat(check(env)).as("no server: the database is opened from here").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("A Popcorn server runs");
    }
}
