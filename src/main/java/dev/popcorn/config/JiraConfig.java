package dev.popcorn.config;

import dev.popcorn.domain.FeedbackLabels;
import dev.popcorn.domain.TeamRules;
import java.net.URI;
import java.time.Duration;

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
    public enum Deployment { CLOUD, DATA_CENTER }

    /** How Popcorn signs in: e-mail and API token (Cloud), or a personal access token (Data Center). */
    public enum Auth { BASIC, BEARER }

    public static JiraConfig off() {
        return new JiraConfig(null, Deployment.CLOUD, Auth.BASIC, "", "", "", "Task", "", "", TeamRules.parse("", ""),
                5, Duration.ofSeconds(20), Duration.ofHours(1), 12,
                new FeedbackLabels("popcorn-loved", "popcorn-needs-work", 5, 80, 40), false, "");
    }

    public boolean enabled() {
        return url != null;
    }

    /** The JQL that finds a release's features, with {@code {version}} replaced. */
    public String releaseJql(String version) {
        return releaseJql.replace("{version}", version.replace("\"", "\\\""));
    }

    @Override
    public String toString() {
        return enabled() ? "Jira " + deployment.name().toLowerCase(java.util.Locale.ROOT) + " " + url : "Jira off";
    }
}
