package dev.popcorn.web;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonParser;
import dev.popcorn.config.JiraConfig.Deployment;
import dev.popcorn.jira.FakeJira;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server, killed with SIGKILL in the middle of writing feedback to twenty Jira
 * tickets and started again on the same data: the write-back completes, nothing is lost, and
 * only the one write that was in flight at the kill is sent again (by the same globalId).
 */
class TrackerRestartIT {

    static final String TOKEN = "restart-admin-token-0123456789";
    static final int TICKETS = 20;

    @TempDir
    Path data;

    FakeJira jira;
    Process server;
    int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void aKillInTheMiddleOfTheWriteBackLosesNothingAndDuplicatesNothing() throws Exception {
        jira = new FakeJira(Deployment.CLOUD);
        String[] keys = new String[TICKETS];
        for (int i = 0; i < TICKETS; i++) {
            keys[i] = "MIUI-" + (2101 + i);
            jira.ticket(keys[i], "Feature " + i, "Done", List.of(), List.of());
        }
        String jql = "fixVersion = \"2026.11.20\"";
        jira.search(jql, 50, keys);
        // Slow links, so that the kill lands in the middle of the write-back.
        jira.server.stubFor(post(urlPathMatching("/rest/api/3/issue/.*/remotelink")).atPriority(1)
                .willReturn(FakeJira.json(201, JsonParser.parseString("{\"id\":10000}")).withFixedDelay(250)));
        port = freePort();
        Path config = data.resolve("popcorn.properties");
        Files.writeString(config, String.join("\n",
                "server.port=" + port,
                "security.admin-token=" + TOKEN,
                "jira.url=" + jira.url(),
                "jira.user=popcorn-bot@example.com",
                "jira.token=token-123",
                "jira.default-team=system",
                "jira.timeout-seconds=1",
                "jira.requests-per-second=20",
                "jira.refresh-minutes=600"), StandardCharsets.UTF_8);

        server = launch(config);
        send("PUT", "/api/v1/teams/system", "{\"name\":\"System\",\"members\":[]}", 200);
        send("POST", "/api/v1/releases",
                "{\"version\":\"2026.11.20\",\"jql\":" + new com.google.gson.JsonPrimitive(jql) + "}", 201);

        eventually("a few tickets written",
                () -> jira.requests("PUT", "/issue/.*/properties/popcorn.feedback.*").size() >= 4);
        server.destroyForcibly().waitFor();
        int writtenBeforeTheKill = jira.requests("PUT", "/issue/.*/properties/popcorn.feedback.*").size();
        assertThat(writtenBeforeTheKill).isLessThan(TICKETS);

        server = launch(config);
        eventually("every ticket written", () -> written().size() == TICKETS);
        eventually("the outbox empty",
                () -> outbox().contains("\"PENDING\":0") && outbox().contains("\"DONE\":" + TICKETS));

        Map<String, List<LoggedRequest>> links = jira.requests("POST", "/issue/.*/remotelink").stream()
                .collect(Collectors.groupingBy(r -> r.getUrl().split("/")[5]));
        assertThat(links).hasSize(TICKETS);
        links.forEach((key, posts) -> assertThat(posts).extracting(r -> JsonParser.parseString(r.getBodyAsString())
                .getAsJsonObject().get("globalId").getAsString()).as(key).containsOnly(posts.stream()
                        .map(r -> JsonParser.parseString(r.getBodyAsString()).getAsJsonObject().get("globalId")
                                .getAsString())
                        .findFirst().orElseThrow()));
        List<String> repeated = new ArrayList<>();
        links.forEach((key, posts) -> {
            if (posts.size() > 1) {
                repeated.add(key);
            }
        });
        System.out.println("TrackerRestartIT: killed after " + writtenBeforeTheKill + " of " + TICKETS
                + " tickets written; after the restart all " + TICKETS + " done, repeated: " + repeated);
        assertThat(repeated).as("only the write in flight at the kill is repeated").hasSizeLessThanOrEqualTo(1);
        assertThat(written().values()).as("properties are set by key: at most the one in flight twice")
                .allMatch(n -> n <= 2);
    }

    private Map<String, Integer> written() {
        Map<String, Integer> counts = new HashMap<>();
        for (LoggedRequest r : jira.requests("PUT", "/issue/.*/properties/popcorn.feedback.*")) {
            counts.merge(r.getUrl().split("/")[5], 1, Integer::sum);
        }
        return counts;
    }

    private String outbox() {
        return send("GET", "/api/v1/tracker", null, 200);
    }

    private Process launch(Path config) throws IOException {
        Path jar = Path.of("target", "popcorn.jar");
        assertThat(jar).as("the packaged server (mvn package runs before the integration tests)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--config", config.toString(),
                "--data", data.resolve("popcorn-data").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()))
                .start();
        eventually("the server up", () -> {
            try {
                return http("GET", "/api/health", null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    private String send(String method, String path, String json, int status) {
        try {
            HttpResponse<String> response = http(method, path, json);
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> http(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String log;
                try {
                    log = Files.exists(data.resolve("server.log")) ? Files.readString(data.resolve("server.log")) : "";
                } catch (IOException e) {
                    log = e.toString();
                }
                throw new AssertionError("gave up waiting: " + what + "\nserver log:\n" + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
