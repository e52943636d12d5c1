package dev.popcorn.config;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.team.TeamRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Popcorn reaches Jira, maps its tickets to teams and writes feedback back. Jira is off
 * when {@code url} is null. {@code toString} never shows the token or the webhook secret.
 */
public record JiraConfig(
        URI url, Deployment deployment, Auth auth, String user, String token,
        String project, String issueType, String releaseJql, String wishJql, TeamRules teams,
        double requestsPerSecond, Duration timeout, Duration refresh, int maxAttempts,
        FeedbackLabels labels, boolean comments, String webhookSecret) {

    /** Which Jira: Cloud speaks REST v3, Data Center and Server REST v2. */
    public enum Deployment {
        CLOUD, DATA_CENTER
    }

    /** How Popcorn signs in: e-mail and API token (Cloud), or a personal access token (Data Center). */
    public enum Auth {
        BASIC, BEARER
    }

    /** The jira.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("jira.url", "",
                    "Jira's base URL, e.g. https://example.atlassian.net (empty: Jira off)"),
            Key.of("jira.deployment", "cloud",
                    "cloud (REST v3) or data-center (REST v2, also Server)"),
            Key.of("jira.auth", "",
                    "basic (e-mail or user name + API token) or bearer (personal access token);"
                            + " default basic on cloud, bearer on data-center"),
            Key.of("jira.user", "",
                    "the account's e-mail (Cloud) or user name, for basic auth"),
            Key.secret("jira.token", "",
                    "API token (Cloud) or personal access token (Data Center) (secret)"),
            Key.of("jira.project", "",
                    "project key for tickets created from wishes, and for `popcorn check`"),
            Key.of("jira.issue-type", "Task",
                    "issue type of tickets created from wishes"),
            Key.of("jira.release-jql", "fixVersion = \"{version}\"",
                    "JQL that finds a release's features;"
                            + " {version} is replaced by the release version"),
            Key.of("jira.wish-jql", "",
                    "JQL of open tickets a new wish is matched against,"
                            + " e.g. project = MIUI AND statusCategory != Done (empty: only wishes)"),
            Key.of("jira.team-rules", "",
                    "ticket to team rules, first match wins:"
                            + " component:Camera=camera, label:gallery=gallery, project:SEC=security"),
            Key.of("jira.default-team", "",
                    "team of tickets no rule matches (empty: such a ticket is an error)"),
            Key.of("jira.requests-per-second", "5",
                    "most requests per second Popcorn sends to Jira"),
            Key.of("jira.timeout-seconds", "20",
                    "how long one Jira request may take"),
            Key.of("jira.refresh-minutes", "60",
                    "how often feedback on tickets is refreshed while a"
                            + " round runs (0: only when the round closes)"),
            Key.of("jira.max-attempts", "12",
                    "failed attempts of one write before it is marked failed on the dashboard (waits Jira"
                            + " asks for with Retry-After do not count; they end a day after the first try)"),
            Key.of("jira.label.loved", "popcorn-loved",
                    "label for well-liked features (empty: none)"),
            Key.of("jira.label.needs-work", "popcorn-needs-work",
                    "label for features users find not"
                            + " good enough (empty: none)"),
            Key.of("jira.label.min-verdicts", "5",
                    "verdicts a feature needs before it earns a label"),
            Key.of("jira.label.loved-percent", "80",
                    "share of likes that earns the loved label"),
            Key.of("jira.label.needs-work-percent", "40",
                    "share of not good enough that earns the needs-work label"),
            Key.of("jira.comments", "false",
                    "also add one summary comment per ticket when the round closes"),
            Key.secret("jira.webhook-secret", "",
                    "secret of the Jira webhook, whose X-Hub-Signature is checked"
                            + " (secret; empty: the webhook refuses everything)"));

    /** Reads the jira.* keys; Jira is off without {@code jira.url}. */
    public static JiraConfig from(Values v) {
        if (v.text("jira.url").isEmpty()) {
            return JiraConfig.off();
        }
        URI url = v.httpUrl("jira.url");
        Deployment deployment = v.choice("jira.deployment", Deployment.class);
        Auth auth = v.text("jira.auth").isEmpty()
                ? deployment == Deployment.CLOUD ? Auth.BASIC : Auth.BEARER
                : v.choice("jira.auth", Auth.class);
        if (v.text("jira.token").isEmpty()) {
            throw new ConfigException("jira.token is required when jira.url is set (an API token on Cloud,"
                    + " a personal access token on Data Center)");
        }
        if (auth == Auth.BASIC && v.text("jira.user").isEmpty()) {
            throw new ConfigException("jira.user is required with jira.auth=basic (the account's e-mail on Cloud)");
        }
        if (!v.text("jira.release-jql").contains("{version}")) {
            throw new ConfigException(
                    "jira.release-jql must contain {version}, not '" + v.text("jira.release-jql") + "'");
        }
        TeamRules teams;
        FeedbackLabels labels;
        try {
            teams = TeamRules.parse(v.text("jira.team-rules"), v.text("jira.default-team"));
        } catch (RuleViolation e) {
            throw new ConfigException("jira.team-rules must be rules like 'component:Camera=camera, label:ui=design';"
                    + " this part is wrong: '" + e.args().get(0) + "'");
        }
        if (teams.rules().isEmpty() && teams.fallbackTeam().isEmpty()) {
            throw new ConfigException("jira.team-rules or jira.default-team is required when jira.url is set,"
                    + " so that every ticket has a team");
        }
        try {
            labels = new FeedbackLabels(v.text("jira.label.loved"), v.text("jira.label.needs-work"),
                    v.integer("jira.label.min-verdicts", 1, 1_000_000), v.integer("jira.label.loved-percent", 1, 100),
                    v.integer("jira.label.needs-work-percent", 1, 100));
        } catch (RuleViolation e) {
            throw new ConfigException("jira.label.* thresholds are out of range");
        }
        double pace;
        try {
            pace = Double.parseDouble(v.text("jira.requests-per-second"));
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    "jira.requests-per-second must be a number, not '" + v.text("jira.requests-per-second") + "'");
        }
        if (!(pace >= 0.1 && pace <= 100)) {
            throw new ConfigException(
                    "jira.requests-per-second must be between 0.1 and 100, not " + v.text("jira.requests-per-second"));
        }
        return new JiraConfig(url, deployment, auth, v.text("jira.user"), v.text("jira.token"), v.text("jira.project"),
                v.text("jira.issue-type"), v.text("jira.release-jql"), v.text("jira.wish-jql"), teams, pace,
                Duration.ofSeconds(v.integer("jira.timeout-seconds", 1, 600)),
                Duration.ofMinutes(v.integer("jira.refresh-minutes", 0, 10_080)),
                v.integer("jira.max-attempts", 1, 1000), labels, v.bool("jira.comments"),
                v.text("jira.webhook-secret"));
    }

    public static JiraConfig off() {
        return new JiraConfig(null, Deployment.CLOUD, Auth.BASIC, "", "", "", "Task", "", "", TeamRules.parse("", ""),
                5, Duration.ofSeconds(20), Duration.ofHours(1), 12,
                new FeedbackLabels("popcorn-loved", "popcorn-needs-work", 5, 80, 40), false, "");
    }

    public boolean enabled() {
        return url != null;
    }

    /**
     * The JQL that finds a release's features, with {@code {version}} replaced; the version goes
     * inside the template's quotes, so a quote or a backslash in it cannot end the string.
     */
    public String releaseJql(String version) {
        return releaseJql.replace("{version}", version.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    @Override
    public String toString() {
        return enabled() ? "Jira " + deployment.name().toLowerCase(java.util.Locale.ROOT) + " " + url : "Jira off";
    }
}
