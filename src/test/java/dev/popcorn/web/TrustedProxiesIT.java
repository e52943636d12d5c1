package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-address ballot limit behind a balancer (issue 26, item 4): only a configured proxy is believed about
 * the client, read from the right through trusted hops; without one, the forwarding headers are never read.
 */
class TrustedProxiesIT {

    /** Saturday 21 November 2026, 10:00 in Shanghai: the poll's opening time. */
    static final Instant SATURDAY_OPEN = Instant.parse("2026-11-21T02:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Opens a week with two teams; answers the poll id and the candidate of the battery team. */
    private long[] openPoll(String trustedProxies) {
        Map<String, String> config = new HashMap<>(Map.of("award.ballots-per-minute-per-address", "5",
                "award.ballots-per-minute", "100"));
        if (trustedProxies != null) {
            config.put("server.trusted-proxies", trustedProxies);
        }
        server = TestServer.start(data, TestServer.FRIDAY, false, config);
        for (String team : new String[] {"camera", "battery"}) {
            assertThat(
                    server.send("PUT", "/api/v1/teams/" + team, TestServer.ADMIN_TOKEN, "{\"name\": \"" + team + "\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
        JsonObject opened = JsonParser.parseString(server.send("POST", "/api/v1/releases", TestServer.ADMIN_TOKEN, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""").body()).getAsJsonObject();
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        server.send("POST", "/api/v1/polls/" + poll + "/open", TestServer.ADMIN_TOKEN, null);
        JsonObject state = JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body())
                .getAsJsonObject();
        for (JsonElement c : state.getAsJsonArray("candidates")) {
            if (c.getAsJsonObject().get("teamSlug").getAsString().equals("battery")) {
                return new long[] {poll, c.getAsJsonObject().get("id").getAsLong()};
            }
        }
        throw new AssertionError("no battery candidate: " + state);
    }

    private int vote(long[] poll, String user, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create(server.url("/api/v1/polls/" + poll[0] + "/ballot")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.pass(user, user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"candidate\": " + poll[1] + "}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBucketAndWhatItWritesToTheLeftIsIgnored() throws Exception {
        long[] poll = openPoll("127.0.0.1/32, ::1, 10.0.0.0/8");
        // Twenty voters behind the balancer, each from their own address: none is refused.
        for (int i = 0; i < 20; i++) {
            assertThat(vote(poll, "fan-" + i, "X-Forwarded-For", "203.0.113." + i)).as("voter " + i).isEqualTo(200);
        }
        // One client writing made-up addresses to the left of what the proxies saw stays in its one bucket.
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = vote(poll, "spoofer-" + i, "X-Forwarded-For", "198.51.100." + i + ", 192.0.2.7, 10.1.2.3");
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("5 a minute from 192.0.2.7, whatever it claims before it").isEqualTo(3);
        // RFC 7239's Forwarded is read too, with its quotes, brackets and ports.
        assertThat(vote(poll, "v6-fan", "Forwarded", "for=\"[2001:db8::17]:4711\";proto=https")).isEqualTo(200);
        // An innocent new voter behind the same balancer is not punished for the spoofer.
        assertThat(vote(poll, "newcomer", "X-Forwarded-For", "203.0.113.200")).isEqualTo(200);
    }

    @Test
    void withoutATrustedProxyTheForwardingHeadersAreNeverRead() throws Exception {
        long[] poll = openPoll(null);
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            refused += vote(poll, "fan-" + i, "X-Forwarded-For", "203.0.113." + i) == 429 ? 1 : 0;
        }
        assertThat(refused).as("all from this one socket address: 5 a minute").isEqualTo(3);
    }
}
