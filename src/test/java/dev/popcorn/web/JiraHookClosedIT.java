package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import dev.popcorn.jira.FakeJira;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of H2: with Jira connected but no webhook secret, anyone could post a forged "done" and
 * hand out notices and points. The hook now fails closed — 403, nothing read, nothing changed — and
 * the start-up says how to turn it on.
 */
class JiraHookClosedIT {

    @TempDir
    Path data;

    @Test
    void withoutItsSecretTheJiraWebhookRefusesAForgedDoneAndStartUpSaysSo() throws Exception {
        try (FakeJira jira = FakeJira.weeklyRelease();
                TestServer server = TestServer.start(data, TestServer.FRIDAY, false, jira.settings(Map.of()))) {
            assertThat(server.output).contains("The Jira webhook is off until jira.webhook-secret is set");
            String forged = Files.readString(TrackerLoopIT.FIXTURE).replace("\"In Progress\"", "\"Done\"");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url("/api/v1/hooks/jira")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(forged, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("urn:popcorn:problem:webhook.jira.off").contains("jira.webhook-secret");
            assertThat(jira.contractViolations()).isEmpty();
        }
    }
}
