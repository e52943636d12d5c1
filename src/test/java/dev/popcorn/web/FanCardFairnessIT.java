package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fan cards under a client that asks for many at once (issue 26, item 10): one card is drawn per client at a time,
 * so another client is not kept waiting, and a card drawn once costs nothing to serve again.
 */
class FanCardFairnessIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String[] FANS = {"demo-fan-002", "demo-fan-015", "demo-fan-050"};

    @TempDir
    Path data;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> card(String fan, String format, String lang, String client) throws Exception {
        return HTTP.send(
                HttpRequest
                        .newBuilder(
                                URI.create(server.url("/fans/" + fan + "/card.png?format=" + format + "&lang=" + lang)))
                        .timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", client).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void oneClientAskingForManyCardsAtOnceDrawsOneAtATimeAndOthersAreServed() throws Exception {
        server = TestServer.start(data, TestServer.FRIDAY, true, Map.of("server.trusted-proxies", "127.0.0.1, ::1"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<byte[]>>> greedy = new ArrayList<>();
            for (String fan : FANS) {
                for (String format : new String[] {"wide", "story"}) {
                    for (String lang : new String[] {"en", "zh-CN"}) {
                        greedy.add(pool.submit(() -> {
                            go.await();
                            return card(fan, format, lang, "198.51.100.7");
                        }));
                    }
                }
            }
            go.countDown();
            // Another fan opening one card meanwhile gets it: the greedy client holds one drawing slot at most.
            HttpResponse<byte[]> other = card(FANS[0], "wide", "en", "203.0.113.9");
            assertThat(other.statusCode()).isEqualTo(200);
            int drawn = 0;
            int refused = 0;
            for (Future<HttpResponse<byte[]>> answer : greedy) {
                int status = answer.get().statusCode();
                drawn += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
                if (status == 429) {
                    assertThat(answer.get().headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(drawn + refused).isEqualTo(greedy.size());
            assertThat(drawn).as("at least the first of them").isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // Drawn once, kept: the same card again is served at once, many at a time, to the same client.
        card(FANS[1], "wide", "en", "198.51.100.7");
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            again.add(card(FANS[1], "wide", "en", "198.51.100.7").statusCode());
        }
        assertThat(again).containsOnly(200);
    }
}
