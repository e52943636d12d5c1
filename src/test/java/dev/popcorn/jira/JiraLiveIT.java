package dev.popcorn.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.popcorn.app.Check;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a real Jira, read-only: switched on by {@code POPCORN_LIVE_JIRA_URL} plus
 * the usual {@code POPCORN_JIRA_*} variables (token, user, project, deployment) and
 * {@code POPCORN_LIVE_JIRA_JQL}; skipped otherwise, and never needed by {@code mvn verify}.
 */
class JiraLiveIT {

    @TempDir
    Path data;

    @Test
    void aRealJiraAnswersTheCheckAndTheSearch() {
        String url = System.getenv("POPCORN_LIVE_JIRA_URL");
        assumeTrue(url != null && !url.isBlank(), "POPCORN_LIVE_JIRA_URL is not set: the live Jira test is skipped");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("POPCORN_JIRA_URL", url);
        env.putIfAbsent("POPCORN_JIRA_DEFAULT_TEAM", "live");
        JiraConfig config = Config.load(null, env, Map.of("data.dir", data.toString())).jira();
        IssueTracker tracker = JiraTracker.create(config, "live-test", Clock.systemUTC());
        String jql = Optional.ofNullable(System.getenv("POPCORN_LIVE_JIRA_JQL")).orElse("order by created DESC");

        List<Check> checks = tracker.check(Optional.of(jql));
        checks.forEach(
                check -> System.out.println((check.ok() ? "ok     " : "FAILED ") + check.code() + " " + check.args()));
        assertThat(checks.get(0).ok()).as("credentials work").isTrue();
        assertThat(tracker.search(jql, 5)).allSatisfy(ticket -> assertThat(ticket.key()).isNotBlank());
    }
}
