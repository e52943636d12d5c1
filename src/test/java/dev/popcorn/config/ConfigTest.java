package dev.popcorn.config;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of every configuration key: each key either refuses a bad value with a message that
 * names the key (and never shows a secret), or is free text for a stated reason. A key added
 * without a rule here fails {@link #everyKeyHasItsRuleTested}.
 */
class ConfigTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "admin-token-0123456789";
    private static final Map<String, String> JIRA = Map.of("jira.url", "https://jira.example", "jira.user",
            "bot@example.com",
            "jira.token", "jira-secret-token", "jira.team-rules", "component:Camera=camera");
    private static final Map<String, String> FORUM = Map.of("discourse.url", "https://forum.example",
            "discourse.api-key", "forum-secret-key", "discourse.category-id", "5");
    private static final Map<String, String> JENKINS = Map.of("jenkins.token", "jenkins-secret-token-0123456789",
            "jenkins.job", "release");

    /** A value each key refuses, and the other keys it needs set for its rule to apply. */
    private record Bad(String value, Map<String, String> with) {
        static Bad of(String value) {
            return new Bad(value, Map.of());
        }
    }

    private static final Map<String, Bad> REFUSED = Map.ofEntries(
            entry("server.port", Bad.of("70000")),
            entry("server.base-url", Bad.of("ftp://popcorn.example")),
            entry("server.installation-id", Bad.of("prod/1")),
            entry("server.trusted-proxies", Bad.of("10.0.0.0/8, proxy.internal")),
            entry("db.url", Bad.of("jdbc:mysql://db/popcorn")),
            entry("db.pool-size", Bad.of("0")),
            entry("security.secret", Bad.of("too-short-secret")),
            entry("security.admin-token", Bad.of("short")),
            entry("security.link-days", Bad.of("0")),
            entry("security.session-days", Bad.of("366")),
            entry("security.api-days", Bad.of("0")),
            entry("week.zone", Bad.of("Mars/Olympus")),
            entry("week.release", Bad.of("FRIDAY 25:00")),
            entry("week.reports-close", Bad.of("someday")),
            entry("week.poll-open", Bad.of("SATURDAY")),
            entry("week.poll-close", Bad.of("23:59 THURSDAY")),
            entry("http.max-body-bytes", Bad.of("100")),
            entry("award.tie-rule", Bad.of("coin-toss")),
            entry("points.report", Bad.of("-1")),
            entry("points.report-written", Bad.of("10001")),
            entry("points.ballot", Bad.of("five")),
            entry("points.wish-shipped", Bad.of("10001")),
            entry("points.helpful", Bad.of("-2")),
            entry("points.weekly-cap", Bad.of("-5")),
            entry("points.wish-author-shipped", Bad.of("many")),
            entry("points.wish-linked", Bad.of("-1")),
            entry("points.streak-bonus", Bad.of("10001")),
            entry("points.badge", Bad.of("1.5")),
            entry("levels.window-releases", Bad.of("0")),
            entry("levels.keep-percent", Bad.of("101")),
            entry("levels.grace-days", Bad.of("-1")),
            entry("levels.newcomer.name", Bad.of("Newcomer")),
            entry("levels.newcomer.needs", Bad.of("by hand")),
            entry("levels.newcomer.wishes-per-day", Bad.of("-1")),
            entry("levels.fan.name", Bad.of("米粉 / ")),
            entry("levels.fan.needs", Bad.of("30 points")),
            entry("levels.fan.wishes-per-day", Bad.of("lots")),
            entry("levels.enthusiast.name", Bad.of("发烧友")),
            entry("levels.enthusiast.needs", Bad.of("points 120, reports 5, releases 5")),
            entry("levels.enthusiast.wishes-per-day", Bad.of("1001")),
            entry("levels.pioneer.name", Bad.of("a/b/c")),
            entry("levels.pioneer.needs", Bad.of("-3 points, 1 reports, 1 releases")),
            entry("levels.pioneer.wishes-per-day", Bad.of("x")),
            entry("levels.honorary.name", Bad.of("/")),
            entry("levels.honorary.needs", Bad.of("whenever")),
            entry("levels.honorary.wishes-per-day", Bad.of("-9")),
            entry("levels.vote-from", Bad.of("admin")),
            entry("levels.nominate-from", Bad.of("")),
            entry("levels.early-access-from", Bad.of("Pioneer")),
            entry("streak.freeze-every", Bad.of("0")),
            entry("streak.max-freezes", Bad.of("53")),
            entry("streak.bonus-every", Bad.of("0")),
            entry("forum.early-access-group", Bad.of("early access!")),
            entry("forum.standing-messages", Bad.of("yes")),
            entry("forum.reminder-hours", Bad.of("145")),
            entry("award.min-points", Bad.of("-1")),
            entry("award.min-account-days", Bad.of("ten")),
            entry("award.min-trust-level", Bad.of("5")),
            entry("award.own-team-votes", Bad.of("maybe")),
            entry("award.ballots-per-minute", Bad.of("-1")),
            entry("award.ballots-per-minute-per-address", Bad.of("lots")),
            entry("award.template-dir", Bad.of("/no/such/folder")),
            entry("award.languages", Bad.of("fr")),
            entry("slack.webhook-url", Bad.of("hooks.slack.example/T000/secret-part")),
            entry("slack.timeout-seconds", Bad.of("0")),
            entry("photos.allowed-hosts", Bad.of("photos.example, https://intranet.example/avatars")),
            entry("jira.url", new Bad("not a url", Map.of("jira.token", "t", "jira.default-team", "x"))),
            entry("jira.deployment", new Bad("moon", JIRA)),
            entry("jira.auth", new Bad("kerberos", JIRA)),
            entry("jira.user", new Bad("", JIRA)),
            entry("jira.token", new Bad("", JIRA)),
            entry("jira.release-jql", new Bad("fixVersion = latest", JIRA)),
            entry("jira.team-rules", new Bad("camera", JIRA)),
            entry("jira.requests-per-second", new Bad("1000", JIRA)),
            entry("jira.timeout-seconds", new Bad("0", JIRA)),
            entry("jira.refresh-minutes", new Bad("-5", JIRA)),
            entry("jira.max-attempts", new Bad("0", JIRA)),
            entry("jira.label.min-verdicts", new Bad("0", JIRA)),
            entry("jira.label.loved-percent", new Bad("101", JIRA)),
            entry("jira.label.needs-work-percent", new Bad("0", JIRA)),
            entry("jira.comments", new Bad("yes", JIRA)),
            entry("discourse.url", new Bad("forum", FORUM)),
            entry("discourse.api-key", Bad.of("forum-secret-key")),
            entry("discourse.webhook-secret", Bad.of("forum-webhook-secret")),
            entry("discourse.api-username", new Bad(" ", FORUM)),
            entry("discourse.category-id", new Bad("general", FORUM)),
            entry("discourse.requests-per-minute", new Bad("0", FORUM)),
            entry("discourse.timeout-seconds", new Bad("601", FORUM)),
            entry("discourse.connect-secret", new Bad("short", FORUM)),
            entry("discourse.nonce-minutes", new Bad("0", FORUM)),
            entry("discourse.lead-check-minutes", new Bad("1441", FORUM)),
            entry("discourse.title-prefix", new Bad("[" + "Staging".repeat(6) + "]", FORUM)),
            entry("discourse.winner-badge-id", new Bad("gold", FORUM)),
            entry("forum.level-groups", Bad.of("wizard=popcorn-wizards")),
            entry("forum.badge-ids", Bad.of("reports.platinum=102")),
            entry("jenkins.token", new Bad("short", JIRA)),
            entry("jenkins.job", new Bad("", merged(JIRA, JENKINS))),
            entry("jenkins.phase", Bad.of("DONE")),
            entry("jenkins.status", Bad.of("GREEN")),
            entry("jenkins.version", Bad.of("tag")),
            entry("jenkins.features", Bad.of("everything")),
            entry("leaderboards.excluded-groups", Bad.of("staff, lead's group")),
            entry("leaderboards.exclude-leads", Bad.of("maybe")),
            entry("writes.batch-size", Bad.of("0")),
            entry("writes.batch-wait-ms", Bad.of("1001")),
            entry("writes.queue", Bad.of("-1")),
            entry("writes.reviews-per-second", Bad.of("0")),
            entry("metrics.token", Bad.of("short-token")),
            entry("log.format", Bad.of("xml")));

    /** Keys that take any text, and why nothing about them can be wrong at start-up. */
    private static final Map<String, String> FREE = Map.ofEntries(
            entry("data.dir",
                    "any folder; one that cannot be written is refused when a secret must be generated there"),
            entry("db.user", "whatever the database knows"),
            entry("db.password", "a secret the database checks"),
            entry("award.voter-groups", "forum group names"),
            entry("jira.project", "a project key Jira checks (popcorn check tries it)"),
            entry("jira.issue-type", "an issue type Jira checks"),
            entry("jira.wish-jql", "JQL Jira checks (popcorn check tries it)"),
            entry("jira.default-team", "a team slug"),
            entry("jira.label.loved", "a label, or empty for none"),
            entry("jira.label.needs-work", "a label, or empty for none"),
            entry("jira.webhook-secret", "a secret shared with Jira"),
            entry("discourse.lead-groups", "forum group names"),
            entry("discourse.winners-group", "a forum group name"),
            entry("jenkins.branch", "a branch glob"));

    @TempDir
    Path data;

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private Config load(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("data.dir", data.toString(), "security.secret", SECRET,
                "security.admin-token", TOKEN));
        all.putAll(settings);
        return Config.load(null, Map.of(), all);
    }

    @Test
    void everyKeyHasItsRuleTested() {
        Set<String> covered = new HashSet<>(REFUSED.keySet());
        covered.addAll(FREE.keySet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Config.KEYS.keySet());
        assertThat(REFUSED.keySet()).doesNotContainAnyElementsOf(FREE.keySet());
    }

    @Test
    void everyKeyIsExplainedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Config.KEYS.keySet()).allSatisfy(key -> assertThat(readme).as("README.md on %s", key)
                .contains("`" + key + "`"));
    }

    @Test
    void everyKeyRefusesABadValueNamingTheKeyAndNeverShowingASecret() {
        REFUSED.forEach((key, bad) -> {
            assertThat(catchingLoad(bad.with())).as("%s's other settings alone are fine", key).isNull();
            ConfigException refused = catchingLoad(merged(bad.with(), Map.of(key, bad.value())));
            assertThat(refused).as("%s = '%s' is refused", key, bad.value()).isNotNull();
            assertThat(refused.getMessage()).as("the message of %s", key).contains(key);
            for (String secret : Set.of(SECRET, TOKEN, "jira-secret-token", "forum-secret-key", "secret-part")) {
                assertThat(refused.getMessage()).as("the message of %s", key).doesNotContain(secret);
            }
        });
    }

    private ConfigException catchingLoad(Map<String, String> settings) {
        try {
            load(settings);
            return null;
        } catch (ConfigException e) {
            return e;
        }
    }

    @Test
    void theStartLineShowsNeitherTheDatabasePasswordNorItsUser() {
        Config config = load(Map.of("db.url",
                "jdbc:postgresql://popcorn:s3cret-pw@db.example:5432/popcorn?password=s3cret-pw&ssl=true",
                "db.password", "s3cret-pw"));
        assertThat(config.toString()).contains("db=jdbc:postgresql://db.example:5432/popcorn")
                .doesNotContain("s3cret-pw", "popcorn:");
    }

    @Test
    void aVersionCannotEndTheQuotesOfTheReleaseQuery() {
        JiraConfig jira = load(JIRA).jira();
        assertThat(jira.releaseJql("2026.11.27")).isEqualTo("fixVersion = \"2026.11.27\"");
        assertThat(jira.releaseJql("x\\\" OR project = SECRET OR \"")).isEqualTo(
                "fixVersion = \"x\\\\\\\" OR project = SECRET OR \\\"\"");
    }

    @Test
    void theSecretsAreMarkedAsSecrets() {
        assertThat(Config.KEYS.values().stream().filter(Key::secret).map(Key::name)).containsExactlyInAnyOrder(
                "db.password", "security.secret", "security.admin-token", "slack.webhook-url", "jira.token",
                "jira.webhook-secret", "discourse.api-key", "discourse.connect-secret", "discourse.webhook-secret",
                "jenkins.token", "metrics.token");
        assertThat(Config.KEYS.values()).allSatisfy(key -> assertThat(key.meaning()).isNotBlank());
    }

    @Test
    void theDefaultsAreAWeekInShanghaiOnTheEmbeddedDatabaseWithEveryIntegrationOff() {
        Config config = load(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.dbUrl()).startsWith("jdbc:h2:file:" + data.toAbsolutePath())
                .endsWith(";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(config.calendar().zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(config.sessionValidity()).isEqualTo(Duration.ofDays(30));
        assertThat(config.jira().enabled()).isFalse();
        assertThat(config.discourse().posting()).isFalse();
        assertThat(config.jenkins().enabled()).isFalse();
        assertThat(config.secureCookies()).isFalse();
    }

    @Test
    void aSecretNotConfiguredIsGeneratedOnceIntoTheDataFolder() throws Exception {
        Map<String, String> none = Map.of("data.dir", data.toString());
        Config first = Config.load(null, Map.of(), none);
        Config second = Config.load(null, Map.of(), none);
        assertThat(first.adminToken()).hasSize(64).isEqualTo(second.adminToken());
        assertThat(first.secret()).isEqualTo(second.secret());
        assertThat(Files.readString(first.adminTokenFile())).isEqualTo(first.adminToken());
    }

    @Test
    void aNewDataFolderAndTheSecretsGeneratedInItArePrivateFromTheirFirstMoment() throws Exception {
        // The umask of a shell that makes files readable by everyone: what the files get unless made private.
        Path fresh = data.resolve("a/new/popcorn-data");
        Config config = Config.load(null, Map.of(), Map.of("data.dir", fresh.toString()));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .as("the folder, before the database makes its first file in it").isEqualTo("rwx------");
        for (String name : new String[] {"secret", "admin-token", "installation-id"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions
                    .toString(Files.getPosixFilePermissions(fresh.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        assertThat(config.dataDir()).isEqualTo(fresh.toAbsolutePath());
    }

    @Test
    void theFileIsOverriddenByTheEnvironmentAndTheEnvironmentByTheCommandLine() throws Exception {
        Path file = data.resolve("popcorn.properties");
        Files.writeString(file, "server.port=9000\nweek.zone=Europe/Berlin\nsecurity.secret=" + SECRET + "\n");
        Config config = Config.load(file, Map.of("POPCORN_SERVER_PORT", "9100", "POPCORN_DATA_DIR", data.toString(),
                "POPCORN_SECURITY_ADMIN_TOKEN", TOKEN), Map.of("server.port", "9200"));
        assertThat(config.port()).isEqualTo(9200);
        assertThat(config.calendar().zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(config.adminToken()).isEqualTo(TOKEN);
        assertThat(Config.envName("jira.label.needs-work-percent")).isEqualTo("POPCORN_JIRA_LABEL_NEEDS_WORK_PERCENT");
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> load(Map.of("server.prot", "80"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.prot");
        Path file = data.resolve("popcorn.properties");
        Files.writeString(file, "jira.tokn=x\n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("jira.tokn").hasMessageContaining(file.toString());
    }

    @Test
    void connectedIntegrationsAreReadWithTheirRules() {
        Config config = load(merged(merged(JIRA, FORUM), JENKINS));
        assertThat(config.jira().enabled()).isTrue();
        assertThat(config.jira().auth()).isEqualTo(JiraConfig.Auth.BASIC);
        assertThat(config.discourse().posting()).isTrue();
        assertThat(config.jenkins().enabled()).isTrue();
        assertThat(config.toString()).doesNotContain("jira-secret-token", "forum-secret-key", "jenkins-secret-token",
                SECRET);
        assertThat(load(merged(JIRA, Map.of("jira.deployment", "data-center", "jira.user", ""))).jira().auth())
                .isEqualTo(JiraConfig.Auth.BEARER);
        assertThatThrownBy(() -> load(JENKINS)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("jenkins.token is set but jira.url is not");
        assertThatThrownBy(() -> load(Map.of("discourse.api-key", "forum-secret-key")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discourse.url");
        assertThat(load(Map.of("server.base-url", "https://popcorn.example/")).baseUrl())
                .isEqualTo("https://popcorn.example");
        assertThat(load(Map.of("server.base-url", "https://popcorn.example")).secureCookies()).isTrue();
    }

    @Test
    void theInstallationIdIsGeneratedOnceIntoTheDataFolderOrTakenAsConfigured() throws Exception {
        Config first = load(Map.of());
        assertThat(first.installationId()).matches("[0-9a-f]{12}");
        assertThat(load(Map.of()).installationId()).as("the same on every start").isEqualTo(first.installationId());
        assertThat(load(Map.of("server.installation-id", "staging")).installationId()).isEqualTo("staging");
    }
}
