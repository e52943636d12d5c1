package dev.popcorn.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with {@code log.format=json}, as a log shipper reads it: every line on standard error is one
 * JSON object with its time, level, logger and message, none of them shows a secret, and a request's id comes back
 * in its answer. The greeting for the person at the console stays on standard output.
 */
class JsonLogsIT {

    private static final String ADMIN = "json-logs-admin-token-0123456789";
    private static final String METRICS = "json-logs-metrics-token-0123456789";

    @TempDir
    Path data;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void everyLogLineIsOneJsonObjectWithoutASecret() throws Exception {
        int port = freePort();
        Path config = data.resolve("popcorn.properties");
        Files.writeString(config, String.join("\n", "server.port=" + port, "security.admin-token=" + ADMIN,
                "metrics.token=" + METRICS, "log.format=json", ""));
        Path jar = Path.of("target", "popcorn.jar");
        assertThat(jar).as("the packaged server (mvn package runs before the integration tests)").exists();
        Path out = data.resolve("stdout.log");
        Path err = data.resolve("stderr.log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(),
                "serve", "--config", config.toString(), "--data", data.resolve("popcorn-data").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Eventually.holds("the server up", Duration.ofSeconds(60), () -> status(http, port) == 200, () -> read(err));

        HttpResponse<String> problem = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/releases/42"))
                        .header("X-Request-Id", "shipper-check-1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("X-Request-Id")).hasValue("shipper-check-1");
        assertThat(JsonParser.parseString(problem.body()).getAsJsonObject().get("requestId").getAsString())
                .isEqualTo("shipper-check-1");
        server.destroy(); // a stop as an operator's service manager does it, so the shutdown is logged too
        server.waitFor();

        List<String> lines = read(err).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("what the server logged").isNotEmpty();
        for (String line : lines) {
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            assertThat(entry.keySet()).as(line).contains("time", "level", "logger", "thread", "message");
        }
        assertThat(lines).anySatisfy(line -> assertThat(JsonParser.parseString(line).getAsJsonObject().get("message")
                .getAsString()).startsWith("serving http://localhost:" + port));
        assertThat(read(err)).doesNotContain(ADMIN, METRICS);
        assertThat(read(out)).contains("Popcorn is serving").doesNotContain(METRICS);
    }

    private static int status(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
