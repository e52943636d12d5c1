package dev.popcorn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.popcorn.MutableClock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call out is measured where it is made, in the one connector (ADR 0029): by the system called, its outcome and
 * status class, with the 429s counted on their own — against a real HTTP server on 127.0.0.1.
 */
class CallsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        Metrics.addRegistry(registry);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = switch (exchange.getRequestURI().getPath()) {
                case "/busy" -> 429;
                case "/missing" -> 404;
                case "/broken" -> 503;
                default -> 200;
            };
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        Metrics.removeRegistry(registry);
    }

    private Connector connector(String system) {
        return new HttpConnector(new HttpConnector.Settings(system, Duration.ofSeconds(2), 10_000, false),
                Optional.empty(),
                clock);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private long calls(String target, String outcome, String status) {
        Timer timer = registry.find("popcorn.outside.calls")
                .tags("target", target, "outcome", outcome, "status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void callsAreCountedBySystemOutcomeAndStatusClassWithThe429sOnTheirOwn() throws IOException {
        Connector jira = connector("Jira");
        jira.send(Connector.Request.get(uri("/ok")));
        jira.send(Connector.Request.get(uri("/ok")));
        jira.send(Connector.Request.get(uri("/missing")));
        jira.send(Connector.Request.get(uri("/busy")));
        Connector forum = connector("the forum");
        forum.send(Connector.Request.get(uri("/broken")));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> connector("the chat webhook").send(Connector.Request.get(
                URI.create("http://127.0.0.1:" + closed + "/hook")))).isInstanceOf(ConnectorException.class);

        assertThat(calls("jira", "ok", "2xx")).isEqualTo(2);
        assertThat(calls("jira", "refused", "4xx")).isEqualTo(1);
        assertThat(calls("jira", "throttled", "4xx")).isEqualTo(1);
        assertThat(calls("forum", "failed", "5xx")).isEqualTo(1);
        assertThat(calls("forum", "ok", "2xx")).isZero();
        assertThat(calls("slack", "unreachable", "none")).isEqualTo(1);
        assertThat(registry.get("popcorn.outside.throttled").tag("target", "jira").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("popcorn.outside.throttled").tag("target", "forum").counter()).isNull();
        assertThat(registry.get("popcorn.outside.calls").tags("target", "jira", "outcome", "ok").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).as("each call's time").isPositive();
    }

    @Test
    void eachSystemHasAShortFixedName() {
        assertThat(Calls.target("Jira")).isEqualTo("jira");
        assertThat(Calls.target("the forum")).isEqualTo("forum");
        assertThat(Calls.target("the chat webhook")).isEqualTo("slack");
        assertThat(Calls.target("the photo's host")).isEqualTo("photos");
        assertThat(Calls.target("https://jira.example/secret")).as("never a name a caller made up").isEqualTo("other");
    }
}
