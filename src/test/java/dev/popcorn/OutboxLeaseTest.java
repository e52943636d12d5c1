package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbox task's lease outlasts the task's calls to the slowest system it may write to: otherwise, on several
 * instances, a second one takes a task still running on the first and writes it twice (ADR 0031).
 */
class OutboxLeaseTest {

    @TempDir
    Path data;

    private Config config(Map<String, String> timeouts) {
        Map<String, String> overrides = new HashMap<>(timeouts);
        overrides.put("data.dir", data.toString());
        return Config.load(null, Map.of(), overrides);
    }

    /** A Jira Popcorn writes to, with its timeout. */
    private static Map<String, String> jira(String timeout) {
        return Map.of("jira.url", "https://jira.example.org", "jira.user", "popcorn@example.org", "jira.token",
                "token-123",
                "jira.team-rules", "component:Camera=camera", "jira.timeout-seconds", timeout);
    }

    private static Map<String, String> forum(String timeout) {
        return Map.of("discourse.url", "https://forum.example.org", "discourse.api-key", "forum-key-0123456789",
                "discourse.category-id", "7", "discourse.timeout-seconds", timeout);
    }

    private static Map<String, String> with(Map<String, String> some, String... more) {
        Map<String, String> all = new HashMap<>(some);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    @Test
    void theLeaseIsSixTimesTheLongestTimeoutOfTheSystemsTasksWriteTo() {
        assertThat(Wiring.outboxLease(config(Map.of()))).as("the defaults: Jira's 20 s")
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(Wiring.outboxLease(config(jira("5")))).as("Jira alone").isEqualTo(Duration.ofSeconds(30));
        Map<String, String> both = new HashMap<>(jira("5"));
        both.putAll(forum("40"));
        assertThat(Wiring.outboxLease(config(both))).as("a forum slower than Jira").isEqualTo(Duration.ofSeconds(240));
        both.putAll(forum("3"));
        assertThat(Wiring.outboxLease(config(with(both, "slack.timeout-seconds", "30",
                "slack.webhook-url", "https://chat.example.org/hooks/popcorn"))))
                .as("the chat webhook the slowest").isEqualTo(Duration.ofSeconds(180));
        both.putAll(jira("50"));
        assertThat(Wiring.outboxLease(config(both))).as("Jira the slowest").isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aSystemNotConfiguredDoesNotLengthenTheLease() {
        // Without a forum or a chat webhook their timeouts are never waited for: a short Jira timeout keeps a short lease.
        assertThat(Wiring
                .outboxLease(config(with(jira("1"), "discourse.timeout-seconds", "40", "slack.timeout-seconds", "60"))))
                .isEqualTo(Duration.ofSeconds(6));
    }
}
