package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.popcorn.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members' photos through the whole server, with a photo host on 127.0.0.1 that the operator
 * allowed by address: a lead saves a team whose photos are one allowed address, one name of the
 * same loopback host (refused, never asked), one that stalls; the copy is made once at the save
 * and again at a start-up that finds it missing, and no card, however often seen, calls out.
 */
class MemberPhotosIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final Instant SATURDAY_OPEN = Instant.parse("2026-11-21T02:00:00Z");
    static final Instant THURSDAY_CLOSE = Instant.parse("2026-11-26T15:59:00Z");
    static final int INITIAL = 0xFFC86B;
    static final int BLUE = 0x0000FF;

    @TempDir
    Path data;

    HttpServer photoHost;
    ExecutorService handlers;
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final CountDownLatch stallStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean stallEnded;
    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() throws IOException {
        byte[] blue = bluePng();
        photoHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newFixedThreadPool(4);
        photoHost.setExecutor(handlers);
        photoHost.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, blue.length);
                if (path.equals("/stall.png")) {
                    body.write(blue, 0, 16);
                    body.flush();
                    stallStarted.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    stallEnded = true;
                } else {
                    body.write(blue);
                }
            } catch (InterruptedException | IOException e) {
                // The fetcher gave up, or the test is over.
            }
        });
        photoHost.start();
        server = startServer(TestServer.FRIDAY);
        api = new ApiClient(server);
    }

    private TestServer startServer(Instant now) {
        return TestServer.start(data, now, false, Map.of("photos.allowed-hosts", "127.0.0.1"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.close();
        photoHost.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private String photo(String host, String path) {
        return "http://" + host + ":" + photoHost.getAddress().getPort() + path;
    }

    private int requestsTo(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private long copies() throws IOException {
        Path folder = data.resolve("photos/members");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        }
    }

    @Test
    void photosAreCopiedOnceAtTheSaveRefusedOnLoopbackNamesAndCardsNeverCallOut() throws Exception {
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, """
                {"name": "相机团队 Camera", "members": [
                  {"name": "王磊", "photoUrl": "%s", "userId": "wang.lei"},
                  {"name": "Li Na", "photoUrl": "%s", "userId": "li.na"},
                  {"name": "陈晓雨", "photoUrl": "%s", "userId": "chen.xy"}]}"""
                .formatted(photo("127.0.0.1", "/wang.png?size=large"), photo("localhost", "/li.png"),
                        photo("127.0.0.1", "/stall.png")),
                200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, """
                {"name": "电池 Battery", "members": [{"name": "赵敏", "photoUrl": "", "userId": "zhao.min"}]}""", 200);
        eventually("the allowed photo is copied", () -> copies() == 1);
        assertThat(stallStarted.await(10, TimeUnit.SECONDS)).as("the stalling host was asked").isTrue();

        long id = pollWithCameraWinning();
        String card = "/api/v1/polls/" + id + "/card.png";
        BufferedImage preview = image(card, LEAD);
        assertThat(stallEnded).as("the card was drawn though the stalling host never finished").isFalse();
        // Three members of camera: 王磊's copy, Li Na's refused photo, 陈晓雨's stalled one.
        assertThat(colourAtPhoto(preview, 0)).isEqualTo(BLUE);
        assertThat(colourAtPhoto(preview, 1)).isEqualTo(INITIAL);
        assertThat(colourAtPhoto(preview, 2)).isEqualTo(INITIAL);

        api.call("POST", "/api/v1/polls/" + id + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 200);
        byte[] first = png(card, null);
        for (int i = 0; i < 3; i++) {
            assertThat(png(card, null)).isEqualTo(first);
        }
        assertThat(png("/polls/" + id + "/card.png", null)).isEqualTo(first);
        assertThat(requestsTo("/wang.png")).as("one fetch, at the save").isEqualTo(1);
        assertThat(requestsTo("/li.png")).as("a name of a loopback host is never asked").isZero();
        assertThat(requestsTo("/stall.png")).isEqualTo(1);

        // A start-up that finds a saved team's photo without a copy asks for it again.
        server.close();
        try (Stream<Path> files = Files.list(data.resolve("photos/members"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        server = startServer(THURSDAY_CLOSE.plus(Duration.ofHours(2)));
        eventually("the missing copy is made again", () -> copies() == 1);
        assertThat(requestsTo("/wang.png")).isEqualTo(2);
        assertThat(requestsTo("/li.png")).isZero();
    }

    /** A release with a feature per team, its poll opened, camera ahead 2 to 1, closed by the clock. */
    private long pollWithCameraWinning() {
        JsonObject opened = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""", 201).getAsJsonObject();
        long id = opened.getAsJsonObject("poll").get("id").getAsLong();
        server.clock.set(SATURDAY_OPEN.plusSeconds(1));
        eventually("the poll opens", () -> poll(id).get("state").getAsString().equals("OPEN"));
        JsonObject poll = poll(id);
        for (String[] ballot : new String[][] {{"fan-1", "camera"}, {"fan-2", "camera"}, {"fan-3", "battery"}}) {
            api.call("PUT", "/api/v1/polls/" + id + "/ballot", "/api/v1/polls/{id}/ballot",
                    server.pass(ballot[0], ballot[0]),
                    "{\"candidate\": " + candidateOf(poll, ballot[1]) + "}", 200);
        }
        server.clock.set(THURSDAY_CLOSE.plusSeconds(1));
        eventually("the close is recorded", () -> poll(id).has("closedAt"));
        return id;
    }

    private JsonObject poll(long id) {
        return api.call("GET", "/api/v1/polls/" + id, "/api/v1/polls/{id}", LEAD, null, 200).getAsJsonObject();
    }

    private static long candidateOf(JsonObject poll, String team) {
        for (JsonElement c : poll.getAsJsonArray("candidates")) {
            if (c.getAsJsonObject().get("teamSlug").getAsString().equals(team)) {
                return c.getAsJsonObject().get("id").getAsLong();
            }
        }
        throw new AssertionError("no candidate of " + team + " in " + poll);
    }

    /** The colour of the card inside the n-th of three members' circles, above where an initial is drawn. */
    private static int colourAtPhoto(BufferedImage card, int member) {
        return card.getRGB(430 + 170 * member, 325) & 0xFFFFFF;
    }

    private BufferedImage image(String path, String bearer) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png(path, bearer)));
    }

    private byte[] png(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(20)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        return response.body();
    }

    private static byte[] bluePng() throws IOException {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(BLUE));
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void eventually(String what, Check condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (!condition.holds()) {
                assertThat(System.nanoTime()).as("waited 60 s for: " + what).isLessThan(until);
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
