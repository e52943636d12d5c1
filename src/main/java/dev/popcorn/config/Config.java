package dev.popcorn.config;

import dev.popcorn.domain.BuildRule;
import dev.popcorn.domain.FeedbackLabels;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.TeamRules;
import dev.popcorn.domain.WeekCalendar;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Popcorn's configuration: one properties file plus environment overrides
 * ({@code POPCORN_} and the key in capitals with dots and dashes as underscores, for example
 * {@code POPCORN_DB_URL}), plus command-line options on top. Every key is listed in {@link #KEYS}
 * with its default. Secrets that are not configured are generated once into the data folder.
 */
public record Config(
        int port, String baseUrl, Path dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
        byte[] secret, String adminToken, Duration linkValidity, Duration sessionValidity,
        WeekCalendar calendar, long maxBodyBytes, JiraConfig jira, AwardConfig award, DiscourseConfig discourse,
        JenkinsConfig jenkins) {

    /** Every key Popcorn reads, with its default ("" means none) and meaning; the README lists them. */
    public static final Map<String, String[]> KEYS = keys();

    private static Map<String, String[]> keys() {
        Map<String, String[]> keys = new LinkedHashMap<>();
        keys.put("server.port", new String[] {"8080", "HTTP port"});
        keys.put("server.base-url", new String[] {"", "public URL of Popcorn, used in links (default http://localhost:<port>)"});
        keys.put("data.dir", new String[] {"popcorn-data", "folder for the embedded database, generated secrets and demo photos"});
        keys.put("db.url", new String[] {"", "JDBC URL; default embedded H2 in data.dir; jdbc:postgresql://host/db for PostgreSQL"});
        keys.put("db.user", new String[] {"", "database user"});
        keys.put("db.password", new String[] {"", "database password (secret)"});
        keys.put("db.pool-size", new String[] {"8", "database connections per instance"});
        keys.put("security.secret", new String[] {"", "HMAC key for links and sessions, 32+ characters (secret; generated into data.dir if absent)"});
        keys.put("security.admin-token", new String[] {"", "token leads sign in with and the CLI sends (secret; generated into data.dir if absent)"});
        keys.put("security.link-days", new String[] {"14", "how long a personal sign-in link is valid"});
        keys.put("security.session-days", new String[] {"30", "how long a session lasts"});
        keys.put("week.zone", new String[] {"Asia/Shanghai", "time zone of the weekly cycle"});
        keys.put("week.release", new String[] {"FRIDAY 18:00", "when the weekly build is expected"});
        keys.put("week.reports-close", new String[] {"TUESDAY 23:59", "reports are accepted until this moment after the release"});
        keys.put("week.poll-open", new String[] {"SATURDAY 10:00", "the award poll opens by itself at this moment after the"
                + " release (at once if the release came too late for it); leads prepare candidates until then"});
        keys.put("week.poll-close", new String[] {"THURSDAY 23:59", "the award poll closes at this moment after the release"});
        keys.put("http.max-body-bytes", new String[] {"65536", "largest request body accepted"});
        keys.put("award.tie-rule", new String[] {"shared", "when the most votes are tied: shared (every tied team wins),"
                + " most-likes (the tied project whose tickets users liked most in the week's reports) or first-to-reach"
                + " (the tied project that reached the winning count first); a tie-break that ties again shares"});
        keys.put("award.min-points", new String[] {"0", "participation points a user needs (outside the poll itself) to vote"});
        keys.put("award.min-account-days", new String[] {"0", "days since a user first signed in before they may vote"});
        keys.put("award.min-trust-level", new String[] {"0", "forum trust level (0-4) a user needs to vote, where the forum told it"});
        keys.put("award.own-team-votes", new String[] {"false", "whether team members may vote for their own team's project"});
        keys.put("award.ballots-per-minute", new String[] {"10", "ballots (and changes) one user may send per minute (0: no limit)"});
        keys.put("award.ballots-per-minute-per-address", new String[] {"300", "ballots one client address may send per"
                + " minute (0: no limit; raise it where many users share an address)"});
        keys.put("award.template-dir", new String[] {"", "folder with announcement.<language>.md templates to use instead of"
                + " the built-in copies of plugin-resources/templates"});
        keys.put("award.languages", new String[] {"zh-CN,en", "languages of the announcement, in order (zh-CN, en)"});
        keys.put("award.voter-groups", new String[] {"", "forum groups whose members may vote, comma separated (empty: anyone);"
                + " users the forum never vouched for (signed links) are in none"});
        keys.put("slack.webhook-url", new String[] {"", "Slack-compatible incoming webhook the approved announcement is"
                + " posted to (secret; empty: none)"});
        keys.put("slack.timeout-seconds", new String[] {"10", "how long the chat webhook may take to answer"});
        keys.put("jira.url", new String[] {"", "Jira's base URL, e.g. https://example.atlassian.net (empty: Jira off)"});
        keys.put("jira.deployment", new String[] {"cloud", "cloud (REST v3) or data-center (REST v2, also Server)"});
        keys.put("jira.auth", new String[] {"", "basic (e-mail or user name + API token) or bearer (personal access token);"
                + " default basic on cloud, bearer on data-center"});
        keys.put("jira.user", new String[] {"", "the account's e-mail (Cloud) or user name, for basic auth"});
        keys.put("jira.token", new String[] {"", "API token (Cloud) or personal access token (Data Center) (secret)"});
        keys.put("jira.project", new String[] {"", "project key for tickets created from wishes, and for `popcorn check`"});
        keys.put("jira.issue-type", new String[] {"Task", "issue type of tickets created from wishes"});
        keys.put("jira.release-jql", new String[] {"fixVersion = \"{version}\"", "JQL that finds a release's features;"
                + " {version} is replaced by the release version"});
        keys.put("jira.wish-jql", new String[] {"", "JQL of open tickets a new wish is matched against,"
                + " e.g. project = MIUI AND statusCategory != Done (empty: only wishes)"});
        keys.put("jira.team-rules", new String[] {"", "ticket to team rules, first match wins:"
                + " component:Camera=camera, label:gallery=gallery, project:SEC=security"});
        keys.put("jira.default-team", new String[] {"", "team of tickets no rule matches (empty: such a ticket is an error)"});
        keys.put("jira.requests-per-second", new String[] {"5", "most requests per second Popcorn sends to Jira"});
        keys.put("jira.timeout-seconds", new String[] {"20", "how long one Jira request may take"});
        keys.put("jira.refresh-minutes", new String[] {"60", "how often feedback on tickets is refreshed while a"
                + " round runs (0: only when the round closes)"});
        keys.put("jira.max-attempts", new String[] {"12", "attempts of one write before it is marked failed on the dashboard"});
        keys.put("jira.label.loved", new String[] {"popcorn-loved", "label for well-liked features (empty: none)"});
        keys.put("jira.label.needs-work", new String[] {"popcorn-needs-work", "label for features users find not"
                + " good enough (empty: none)"});
        keys.put("jira.label.min-verdicts", new String[] {"5", "verdicts a feature needs before it earns a label"});
        keys.put("jira.label.loved-percent", new String[] {"80", "share of likes that earns the loved label"});
        keys.put("jira.label.needs-work-percent", new String[] {"40", "share of not good enough that earns the needs-work label"});
        keys.put("jira.comments", new String[] {"false", "also add one summary comment per ticket when the round closes"});
        keys.put("jira.webhook-secret", new String[] {"", "secret of the Jira webhook; X-Hub-Signature is required when set (secret)"});
        keys.put("discourse.url", new String[] {"", "the forum's base URL, e.g. https://forum.example.com (empty: no forum)"});
        keys.put("discourse.api-key", new String[] {"", "admin API key Popcorn posts with (secret; empty: Popcorn posts nothing)"});
        keys.put("discourse.api-username", new String[] {"system", "the forum user Popcorn posts as"});
        keys.put("discourse.category-id", new String[] {"", "id of the category the release, poll and award threads go to"
                + " (required with an API key)"});
        keys.put("discourse.requests-per-minute", new String[] {"60", "most requests per minute Popcorn sends to the forum"
                + " (admin keys share 60 by default)"});
        keys.put("discourse.timeout-seconds", new String[] {"20", "how long one forum request may take"});
        keys.put("discourse.connect-secret", new String[] {"", "DiscourseConnect provider secret, as in the forum's"
                + " discourse connect provider secrets (secret; empty: no sign-in through the forum)"});
        keys.put("discourse.nonce-minutes", new String[] {"10", "how long a sign-in round trip through the forum may take"});
        keys.put("discourse.lead-groups", new String[] {"", "forum groups whose members sign in as team leads, comma separated"});
        keys.put("discourse.webhook-secret", new String[] {"", "secret of the forum's webhook to /api/v1/hooks/discourse"
                + " (secret; empty: forum webhooks are refused)"});
        keys.put("discourse.winner-badge-id", new String[] {"", "id of a forum badge granted to the winning teams' members"
                + " (empty: none)"});
        keys.put("discourse.winners-group", new String[] {"", "name of a forum group the winning teams' members join"
                + " (empty: none)"});
        keys.put("jenkins.token", new String[] {"", "token Jenkins sends to /api/v1/hooks/jenkins, 24+ characters"
                + " (secret; empty: the webhook is off)"});
        keys.put("jenkins.job", new String[] {"", "the release job(s) whose builds open a release, by full name,"
                + " comma separated, * for any part (required with jenkins.token)"});
        keys.put("jenkins.branch", new String[] {"", "only builds of this branch open a release, * for any part,"
                + " e.g. origin/release/* (empty: any branch)"});
        keys.put("jenkins.phase", new String[] {"FINALIZED", "the build phase that opens a release:"
                + " STARTED, COMPLETED or FINALIZED"});
        keys.put("jenkins.status", new String[] {"SUCCESS", "the build results that open a release, comma separated"
                + " (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED)"});
        keys.put("jenkins.version", new String[] {"parameter:RELEASE_VERSION", "where the version is read:"
                + " parameter:NAME (a build parameter), branch (the branch name's last part) or branch:REGEX (its first group)"});
        keys.put("jenkins.features", new String[] {"release-jql", "where the features come from: release-jql"
                + " (jira.release-jql with the version), jql:TEMPLATE ({version} and {param:NAME} filled in),"
                + " notes (the Jira keys in the build notes) or parameter:NAME (the Jira keys in a build parameter)"});
        return java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * Loads the configuration: defaults, then {@code file} if given, then the environment, then
     * {@code overrides} (command-line options). Throws {@link ConfigException} naming the key.
     */
    public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((key, spec) -> values.put(key, spec[0]));
        if (file != null) {
            readFile(file).forEach(values::put);
        }
        KEYS.keySet().forEach(key -> {
            String value = env.get(envName(key));
            if (value != null) {
                values.put(key, value);
            }
        });
        overrides.forEach((key, value) -> {
            if (!KEYS.containsKey(key)) {
                throw new ConfigException("unknown configuration key '" + key + "'");
            }
            values.put(key, value);
        });
        return build(values);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "POPCORN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.containsKey(key)) {
                throw new ConfigException("unknown configuration key '" + key + "' in " + file
                        + " (known keys: " + String.join(", ", KEYS.keySet()) + ")");
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    private static Config build(Map<String, String> v) {
        int port = integer(v, "server.port", 0, 65535);
        Path dataDir = Path.of(v.get("data.dir")).toAbsolutePath();
        String baseUrl = v.get("server.base-url").isEmpty() ? "http://localhost:" + port : v.get("server.base-url");
        httpUrl(Map.of("server.base-url", baseUrl), "server.base-url");
        String dbUrl = v.get("db.url").isEmpty()
                ? "jdbc:h2:file:" + dataDir.resolve("popcorn") + ";WRITE_DELAY=0"
                : v.get("db.url");
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must start with jdbc:h2: or jdbc:postgresql:");
        }
        String secret = v.get("security.secret");
        if (secret.isEmpty()) {
            secret = generated(dataDir, "secret");
        } else if (secret.length() < 32) {
            throw new ConfigException("security.secret must have at least 32 characters");
        }
        String adminToken = v.get("security.admin-token");
        if (adminToken.isEmpty()) {
            adminToken = generated(dataDir, "admin-token");
        } else if (adminToken.length() < 16) {
            throw new ConfigException("security.admin-token must have at least 16 characters");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(v.get("week.zone"));
        } catch (DateTimeException e) {
            throw new ConfigException("week.zone is not a time zone: '" + v.get("week.zone") + "' (for example Asia/Shanghai)");
        }
        WeekCalendar calendar = new WeekCalendar(zone, moment(v, "week.release"), moment(v, "week.reports-close"),
                moment(v, "week.poll-open"), moment(v, "week.poll-close"));
        return new Config(port, stripSlash(baseUrl), dataDir, dbUrl, v.get("db.user"), v.get("db.password"),
                integer(v, "db.pool-size", 1, 200), secret.getBytes(StandardCharsets.UTF_8), adminToken,
                Duration.ofDays(integer(v, "security.link-days", 1, 365)),
                Duration.ofDays(integer(v, "security.session-days", 1, 365)),
                calendar, integer(v, "http.max-body-bytes", 1024, 50_000_000), jira(v), award(v), discourse(v),
                jenkins(v));
    }

    private static AwardConfig award(Map<String, String> v) {
        dev.popcorn.domain.TieRule tieRule = choice(v, "award.tie-rule", dev.popcorn.domain.TieRule.class);
        dev.popcorn.domain.Eligibility eligibility = new dev.popcorn.domain.Eligibility(
                integer(v, "award.min-points", 0, 1_000_000),
                Duration.ofDays(integer(v, "award.min-account-days", 0, 3650)),
                integer(v, "award.min-trust-level", 0, 4), bool(v, "award.own-team-votes"), list(v, "award.voter-groups"));
        Path templates = null;
        if (!v.get("award.template-dir").isEmpty()) {
            templates = Path.of(v.get("award.template-dir")).toAbsolutePath();
            if (!Files.isDirectory(templates)) {
                throw new ConfigException("award.template-dir " + templates + " is not a folder");
            }
        }
        java.util.List<String> languages = java.util.Arrays.stream(v.get("award.languages").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.equals("zh-CN") || l.equals("en"))) {
            throw new ConfigException("award.languages must list zh-CN and/or en, not '" + v.get("award.languages") + "'");
        }
        if (templates != null) {
            for (String language : languages) {
                if (!Files.isReadable(templates.resolve("announcement." + language + ".md"))) {
                    throw new ConfigException("award.template-dir " + templates + " has no announcement." + language + ".md");
                }
            }
        }
        URI slack = v.get("slack.webhook-url").isEmpty() ? null : httpUrl(v, "slack.webhook-url");
        return new AwardConfig(tieRule, eligibility, integer(v, "award.ballots-per-minute", 0, 100_000),
                integer(v, "award.ballots-per-minute-per-address", 0, 10_000_000), templates, languages, slack,
                Duration.ofSeconds(integer(v, "slack.timeout-seconds", 1, 120)));
    }

    private static boolean bool(Map<String, String> v, String key) {
        String value = v.get(key).strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException(key + " must be true or false, not '" + v.get(key) + "'");
        }
        return value.equals("true");
    }

    private static DiscourseConfig discourse(Map<String, String> v) {
        if (v.get("discourse.url").isEmpty()) {
            for (String key : List.of("discourse.api-key", "discourse.connect-secret", "discourse.category-id")) {
                if (!v.get(key).isEmpty()) {
                    throw new ConfigException(key + " is set but discourse.url is not: which forum is it for?");
                }
            }
            return DiscourseConfig.off();
        }
        URI url = httpUrl(v, "discourse.url");
        String apiKey = v.get("discourse.api-key");
        String connectSecret = v.get("discourse.connect-secret");
        if (apiKey.isEmpty() && connectSecret.isEmpty()) {
            throw new ConfigException("discourse.url is set but neither discourse.api-key (for posting) nor"
                    + " discourse.connect-secret (for sign-in) is");
        }
        if (!connectSecret.isEmpty() && connectSecret.length() < 10) {
            throw new ConfigException("discourse.connect-secret must have at least 10 characters, as the forum requires");
        }
        long category = 0;
        if (!apiKey.isEmpty()) {
            if (v.get("discourse.category-id").isEmpty()) {
                throw new ConfigException("discourse.category-id is required with discourse.api-key: the id of the category"
                        + " Popcorn's threads go to (the number in the category's address, /c/slug/ID)");
            }
            category = integer(v, "discourse.category-id", 1, Integer.MAX_VALUE);
        }
        if (v.get("discourse.api-username").isBlank()) {
            throw new ConfigException("discourse.api-username must name the forum user Popcorn posts as");
        }
        long badge = v.get("discourse.winner-badge-id").isEmpty() ? 0 : integer(v, "discourse.winner-badge-id", 1, Integer.MAX_VALUE);
        return new DiscourseConfig(url, apiKey, v.get("discourse.api-username").strip(), category,
                integer(v, "discourse.requests-per-minute", 1, 6000),
                Duration.ofSeconds(integer(v, "discourse.timeout-seconds", 1, 600)), connectSecret,
                Duration.ofMinutes(integer(v, "discourse.nonce-minutes", 1, 1440)), list(v, "discourse.lead-groups"),
                v.get("discourse.webhook-secret"), badge, v.get("discourse.winners-group").strip());
    }

    private static JenkinsConfig jenkins(Map<String, String> v) {
        String token = v.get("jenkins.token").strip();
        if (!token.isEmpty() && token.length() < 24) {
            throw new ConfigException("jenkins.token must have at least 24 characters: it lets Jenkins open releases");
        }
        if (!token.isEmpty() && v.get("jenkins.job").isBlank()) {
            throw new ConfigException("jenkins.job is required with jenkins.token: the release job whose builds open a"
                    + " release, by its full name (folder/job)");
        }
        BuildRule rule;
        try {
            rule = BuildRule.parse(v.get("jenkins.job"), v.get("jenkins.branch"), v.get("jenkins.phase"),
                    v.get("jenkins.status"), v.get("jenkins.version"), v.get("jenkins.features"));
        } catch (RuleViolation e) {
            throw new ConfigException(switch (e.code()) {
                case "buildRule.phase" -> "jenkins.phase must be one of " + e.args().get(1) + ", not '" + e.args().get(0) + "'";
                case "buildRule.status" -> "jenkins.status must list results among " + e.args().get(1) + ", not '"
                        + e.args().get(0) + "'";
                case "buildRule.version", "buildRule.version.group", "buildRule.version.regex" -> "jenkins.version must be"
                        + " parameter:NAME, branch or branch:REGEX with one group, not '" + v.get("jenkins.version") + "'";
                default -> "jenkins.features must be release-jql, jql:TEMPLATE, notes or parameter:NAME, not '"
                        + v.get("jenkins.features") + "'";
            });
        }
        if (!token.isEmpty() && v.get("jira.url").isEmpty()) {
            throw new ConfigException("jenkins.token is set but jira.url is not: the release's features come from Jira");
        }
        return new JenkinsConfig(token, rule);
    }

    private static List<String> list(Map<String, String> v, String key) {
        return java.util.Arrays.stream(v.get(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static JiraConfig jira(Map<String, String> v) {
        if (v.get("jira.url").isEmpty()) {
            return JiraConfig.off();
        }
        URI url = httpUrl(v, "jira.url");
        JiraConfig.Deployment deployment = choice(v, "jira.deployment", JiraConfig.Deployment.class);
        JiraConfig.Auth auth = v.get("jira.auth").isEmpty()
                ? deployment == JiraConfig.Deployment.CLOUD ? JiraConfig.Auth.BASIC : JiraConfig.Auth.BEARER
                : choice(v, "jira.auth", JiraConfig.Auth.class);
        if (v.get("jira.token").isEmpty()) {
            throw new ConfigException("jira.token is required when jira.url is set (an API token on Cloud,"
                    + " a personal access token on Data Center)");
        }
        if (auth == JiraConfig.Auth.BASIC && v.get("jira.user").isEmpty()) {
            throw new ConfigException("jira.user is required with jira.auth=basic (the account's e-mail on Cloud)");
        }
        if (!v.get("jira.release-jql").contains("{version}")) {
            throw new ConfigException("jira.release-jql must contain {version}, not '" + v.get("jira.release-jql") + "'");
        }
        TeamRules teams;
        FeedbackLabels labels;
        try {
            teams = TeamRules.parse(v.get("jira.team-rules"), v.get("jira.default-team"));
        } catch (RuleViolation e) {
            throw new ConfigException("jira.team-rules must be rules like 'component:Camera=camera, label:ui=design';"
                    + " this part is wrong: '" + e.args().get(0) + "'");
        }
        if (teams.rules().isEmpty() && teams.fallbackTeam().isEmpty()) {
            throw new ConfigException("jira.team-rules or jira.default-team is required when jira.url is set,"
                    + " so that every ticket has a team");
        }
        try {
            labels = new FeedbackLabels(v.get("jira.label.loved"), v.get("jira.label.needs-work"),
                    integer(v, "jira.label.min-verdicts", 1, 1_000_000), integer(v, "jira.label.loved-percent", 1, 100),
                    integer(v, "jira.label.needs-work-percent", 1, 100));
        } catch (RuleViolation e) {
            throw new ConfigException("jira.label.* thresholds are out of range");
        }
        double pace;
        try {
            pace = Double.parseDouble(v.get("jira.requests-per-second"));
        } catch (NumberFormatException e) {
            throw new ConfigException("jira.requests-per-second must be a number, not '" + v.get("jira.requests-per-second") + "'");
        }
        if (!(pace >= 0.1 && pace <= 100)) {
            throw new ConfigException("jira.requests-per-second must be between 0.1 and 100, not " + v.get("jira.requests-per-second"));
        }
        return new JiraConfig(url, deployment, auth, v.get("jira.user"), v.get("jira.token"), v.get("jira.project"),
                v.get("jira.issue-type"), v.get("jira.release-jql"), v.get("jira.wish-jql"), teams, pace,
                Duration.ofSeconds(integer(v, "jira.timeout-seconds", 1, 600)),
                Duration.ofMinutes(integer(v, "jira.refresh-minutes", 0, 10_080)),
                integer(v, "jira.max-attempts", 1, 1000), labels, bool(v, "jira.comments"), v.get("jira.webhook-secret"));
    }

    private static <E extends Enum<E>> E choice(Map<String, String> v, String key, Class<E> type) {
        String value = v.get(key).strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ConfigException(key + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().replace('_', '-').toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
    }

    private static URI httpUrl(Map<String, String> v, String key) {
        String url = v.get(key);
        // A webhook URL is itself the secret: the message names the key, never the value.
        String shown = key.contains("webhook") ? "(the value is not shown)" : "'" + url + "'";
        try {
            URI uri = new URI(stripSlash(url));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key + " must be an http(s) URL with a host, not " + shown);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " is not a URL: " + shown);
        }
    }

    private static int integer(Map<String, String> v, String key, int min, int max) {
        try {
            int value = Integer.parseInt(v.get(key).strip());
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v.get(key) + "'");
        }
    }

    private static WeekCalendar.Moment moment(Map<String, String> v, String key) {
        try {
            return WeekCalendar.Moment.parse(v.get(key));
        } catch (RuleViolation e) {
            throw new ConfigException(key + " must be a day and a time such as 'TUESDAY 23:59', not '" + v.get(key) + "'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Reads a secret generated earlier into the data folder, or generates it (owner-only file). */
    private static String generated(Path dataDir, String name) {
        Path file = dataDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = HexFormat.of().formatHex(bytes);
            Files.writeString(file, value, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the folder's permissions.
            }
            return value;
        } catch (IOException e) {
            throw new ConfigException("data.dir " + dataDir + " is not writable: " + e.getMessage());
        }
    }

    public boolean secureCookies() {
        return baseUrl.startsWith("https:");
    }

    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", baseUrl=" + baseUrl + ", dataDir=" + dataDir + ", db=" + dbUrl.split(";")[0]
                + ", zone=" + calendar.zone() + ", " + jira + ", " + award + ", " + discourse + "]";
    }
}
