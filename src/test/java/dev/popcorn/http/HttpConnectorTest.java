package dev.popcorn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.popcorn.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real connector against a real HTTP server on 127.0.0.1: what it sends, what it refuses, how it waits. */
class HttpConnectorTest {

    private static final String SECRET_PATH = "/hooks/T000/secret-part";

    private HttpServer server;
    private final List<String> seen = new ArrayList<>();
    private final List<Duration> slept = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    /** Lets a stalled answer end when the test is over. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders()
                    .getFirst("X-Token") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            switch (path) {
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", "http://10.0.0.1/internal");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/busy" -> {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    exchange.sendResponseHeaders(429, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "/large" -> {
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 100; i++) {
                        exchange.getResponseBody().write(new byte[1024]);
                    }
                }
                case "/stalled-body" -> {
                    // The headers at once, then a trickle of the body that never ends (until the test is over).
                    exchange.sendResponseHeaders(200, 100_000);
                    try {
                        for (int i = 0; i < 100 && !release.await(200, TimeUnit.MILLISECONDS); i++) {
                            exchange.getResponseBody().write(new byte[10]);
                            exchange.getResponseBody().flush();
                        }
                    } catch (InterruptedException | IOException e) {
                        // The client gave up, or the test is over.
                    }
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                default -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpConnector connector(boolean secretPath, Pacer pacer) {
        return new HttpConnector(new HttpConnector.Settings("the test site", Duration.ofSeconds(1), 10_000, secretPath),
                Optional.ofNullable(pacer), clock);
    }

    private Pacer pacer() {
        return new Pacer(1000, clock, slept::add);
    }

    @Test
    void aRequestGoesOutWithItsHeadersAndBodyAndTheAnswerComesBack() {
        Connector.Response answer = connector(false, null).send(Connector.Request.of("POST", uri("/things?page=2"),
                "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).with("X-Token", "t0ken"));
        assertThat(seen).containsExactly("POST /things?page=2 t0ken {\"a\":1}");
        assertThat(answer.ok()).isTrue();
        assertThat(answer.text()).isEqualTo("{\"ok\":true}");
        assertThat(answer.header("content-type")).hasValue("application/json");
    }

    @Test
    void aRedirectIsAnsweredAsItCameAndNeverFollowed() {
        Connector.Response answer = connector(false, null).send(Connector.Request.get(uri("/redirect")));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).hasValue("http://10.0.0.1/internal");
        assertThat(seen).hasSize(1);
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedWithoutBeingReadWhole() {
        assertThatThrownBy(() -> connector(false, null).send(Connector.Request.get(uri("/large"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ConnectorException.Failure.TOO_LARGE);
                    assertThat(e.getMessage())
                            .isEqualTo("GET /large: the test site's answer is larger than 10000 bytes");
                });
    }

    @Test
    void noAnswerInTimeIsATimeoutThatMayHaveArrived() {
        assertThatThrownBy(() -> connector(false, null).send(Connector.Request.get(uri("/slow"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ConnectorException.Failure.TIMEOUT);
                    assertThat(e.notSent()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("GET /slow: the test site did not answer within 1 s");
                });
    }

    @Test
    void aBodyThatNeverEndsIsCutOffAtTheDeadlineThoughBytesKeepComing() {
        HttpConnector connector = new HttpConnector(
                new HttpConnector.Settings("the test site", Duration.ofSeconds(5), 10_000,
                        false, Duration.ofMillis(800)),
                Optional.empty(), clock);
        long started = System.nanoTime();
        assertThatThrownBy(() -> connector.send(Connector.Request.get(uri("/stalled-body"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ConnectorException.Failure.TIMEOUT);
                    assertThat(e.getMessage())
                            .isEqualTo("GET /stalled-body: the test site did not finish its answer within 800 ms");
                });
        // The answer timeout (5 s) would never fire: bytes arrive every 200 ms for 20 s. The deadline does (the message
        // names it); it did not fire early. (How soon after it the call returns depends on the machine: no bound here.)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aClosedPortIsUnreachableAndTheMessageShowsNoSecretPath() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        URI hook = URI.create("http://127.0.0.1:" + closed + SECRET_PATH + "?token=abc");
        assertThatThrownBy(() -> connector(true, null).send(Connector.Request.get(hook)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ConnectorException.Failure.UNREACHABLE);
                    assertThat(e.notSent()).isTrue();
                    assertThat(e.getMessage())
                            .startsWith("GET http://127.0.0.1:" + closed + ": cannot reach the test site")
                            .doesNotContain("secret-part", "token=abc");
                });
    }

    @Test
    void a429sRetryAfterHoldsEveryLaterRequestAndOneThatWouldWaitTooLongIsNotSent() throws Exception {
        HttpConnector connector = connector(false, pacer());
        Connector.Response busy = connector.send(Connector.Request.get(uri("/busy")));
        assertThat(busy.status()).isEqualTo(429);
        assertThatThrownBy(() -> connector.send(Connector.Request.get(uri("/after"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ConnectorException.Failure.HELD);
                    assertThat(e.waitFor()).hasValue(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).isEqualTo("GET /after: the test site asked Popcorn to wait another 7 s");
                });
        assertThat(seen).hasSize(1);
        clock.advance(Duration.ofSeconds(6).plusMillis(500));
        connector.send(Connector.Request.get(uri("/after")));
        assertThat(slept).as("waited out the last half second").containsExactly(Duration.ofMillis(500));
        assertThat(seen).hasSize(2);
    }

    @Test
    void aHoldAskedForInTheOtherSidesOwnWordsIsKeptToo() {
        HttpConnector connector = connector(false, pacer());
        connector.holdFor(Duration.ofSeconds(30));
        assertThatThrownBy(() -> connector.send(Connector.Request.get(uri("/"))))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failure()).isEqualTo(ConnectorException.Failure.HELD));
        assertThat(seen).isEmpty();
    }
}
