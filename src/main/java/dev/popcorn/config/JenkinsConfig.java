package dev.popcorn.config;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.BuildRule;
import java.util.List;

/**
 * How Jenkins reaches Popcorn: the token its Notification plugin (or a pipeline) proves it knows,
 * and the rule saying which build opens the week's release. The webhook is on when the token is
 * set. {@code toString} never shows the token.
 */
public record JenkinsConfig(String token, BuildRule rule) {

    /** The jenkins.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.secret("jenkins.token", "",
                    "token Jenkins sends to /api/v1/hooks/jenkins, 24+ characters"
                            + " (secret; empty: the webhook is off)"),
            Key.of("jenkins.job", "",
                    "the release job(s) whose builds open a release, by full name,"
                            + " comma separated, * for any part (required with jenkins.token)"),
            Key.of("jenkins.branch", "",
                    "only builds of this branch open a release, * for any part,"
                            + " e.g. origin/release/* (empty: any branch)"),
            Key.of("jenkins.phase", "FINALIZED",
                    "the build phase that opens a release:"
                            + " STARTED, COMPLETED or FINALIZED"),
            Key.of("jenkins.status", "SUCCESS",
                    "the build results that open a release, comma separated"
                            + " (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED)"),
            Key.of("jenkins.version", "parameter:RELEASE_VERSION",
                    "where the version is read:"
                            + " parameter:NAME (a build parameter), branch (the branch name's last part) or branch:REGEX (its first group)"),
            Key.of("jenkins.features", "release-jql",
                    "where the features come from: release-jql"
                            + " (jira.release-jql with the version), jql:TEMPLATE ({version} and {param:NAME} filled in),"
                            + " notes (the Jira keys in the build notes) or parameter:NAME (the Jira keys in a build parameter)"));

    /** Reads the jenkins.* keys (and whether Jira is connected, where the features come from). */
    public static JenkinsConfig from(Values v) {
        String token = v.text("jenkins.token").strip();
        if (!token.isEmpty() && token.length() < 24) {
            throw new ConfigException("jenkins.token must have at least 24 characters: it lets Jenkins open releases");
        }
        if (!token.isEmpty() && v.text("jenkins.job").isBlank()) {
            throw new ConfigException("jenkins.job is required with jenkins.token: the release job whose builds open a"
                    + " release, by its full name (folder/job)");
        }
        BuildRule rule;
        try {
            rule = BuildRule.parse(v.text("jenkins.job"), v.text("jenkins.branch"), v.text("jenkins.phase"),
                    v.text("jenkins.status"), v.text("jenkins.version"), v.text("jenkins.features"));
        } catch (RuleViolation e) {
            throw new ConfigException(switch (e.code()) {
                case "buildRule.phase" ->
                    "jenkins.phase must be one of " + e.args().get(1) + ", not '" + e.args().get(0) + "'";
                case "buildRule.status" -> "jenkins.status must list results among " + e.args().get(1) + ", not '"
                        + e.args().get(0) + "'";
                case "buildRule.version", "buildRule.version.group",
                        "buildRule.version.regex" ->
                    "jenkins.version must be"
                            + " parameter:NAME, branch or branch:REGEX with one group, not '"
                            + v.text("jenkins.version") + "'";
                default -> "jenkins.features must be release-jql, jql:TEMPLATE, notes or parameter:NAME, not '"
                        + v.text("jenkins.features") + "'";
            });
        }
        if (!token.isEmpty() && v.text("jira.url").isEmpty()) {
            throw new ConfigException(
                    "jenkins.token is set but jira.url is not: the release's features come from Jira");
        }
        return new JenkinsConfig(token, rule);
    }

    public boolean enabled() {
        return !token.isEmpty();
    }

    @Override
    public String toString() {
        return enabled() ? "Jenkins webhook on: " + rule : "Jenkins webhook off";
    }
}
