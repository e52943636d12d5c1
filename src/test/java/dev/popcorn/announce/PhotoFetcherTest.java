package dev.popcorn.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.http.PublicAddresses;
import dev.popcorn.memory.MemoryStores;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member photos as an attacker-as-lead would use them, against a real HTTP server on 127.0.0.1: a
 * photo on loopback, a host that never finishes its answer, a picture that declares 15000 × 15000
 * pixels, an answer larger than the cap, a redirect. Copies are made once, at team save, on the
 * fetcher's thread; cards read only the copies.
 */
class PhotoFetcherTest {

    /** The initial's disc on the card, where a photo would be. */
    private static final int INITIAL = 0xFFC86B;
    private static final int BLUE = 0x0000FF;
    private static final byte[] BLUE_PHOTO = withSecretComment(png(blue(600, 400)));
    private static final byte[] HUGE = hugePng(15000, 15000);

    @TempDir
    Path data;

    private HttpServer server;
    private ExecutorService handlers;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch stallStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stallEnded;
    private Photos photos;
    private WinnerCard card;
    private PhotoFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                if (path.startsWith("/team/")) {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, BLUE_PHOTO.length);
                    body.write(BLUE_PHOTO);
                } else if (path.startsWith("/stall/")) {
                    // The headers and the first bytes of a PNG, then nothing, until the test is over.
                    exchange.sendResponseHeaders(200, BLUE_PHOTO.length);
                    body.write(BLUE_PHOTO, 0, 16);
                    body.flush();
                    stallStarted.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    stallEnded = true;
                } else if (path.startsWith("/huge/")) {
                    exchange.sendResponseHeaders(200, HUGE.length);
                    body.write(HUGE);
                } else if (path.startsWith("/big/")) {
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 1024; i++) {
                        body.write(new byte[1024]);
                    }
                } else if (path.startsWith("/redirect/")) {
                    exchange.getResponseHeaders().add("Location", "/team/0.png");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    byte[] page = "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, page.length);
                    body.write(page);
                }
            } catch (InterruptedException | IOException e) {
                // The client gave up, or the test is over.
            }
        });
        server.start();
        photos = new Photos(data.resolve("photos"), () -> "http://localhost:8080");
        card = new WinnerCard(photos);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (fetcher != null) {
            fetcher.close();
        }
        server.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private PhotoFetcher fetcher(List<String> allowed, Duration deadline, int maxBytes) {
        return fetcher(new PublicAddresses(allowed), deadline, maxBytes);
    }

    private PhotoFetcher fetcher(PublicAddresses addresses, Duration deadline, int maxBytes) {
        fetcher = new PhotoFetcher(photos, addresses, new PhotoFetcher.Limits(deadline, maxBytes, 8),
                Clock.systemUTC());
        fetcher.start();
        return fetcher;
    }

    private int requestsTo(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private int allRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void aPhotoOnLoopbackIsNeverRequestedWithoutTheAllowListAndTheCardShowsTheInitial() {
        PhotoFetcher fetcher = fetcher(List.of(), Duration.ofSeconds(5), 1 << 20);
        int port = server.getAddress().getPort();
        for (String attack : List.of(url("/team/0.png"), "http://localhost:" + port + "/team/0.png",
                "http://[::1]:" + port + "/team/0.png", "http://[::ffff:127.0.0.1]:" + port + "/team/0.png",
                "http://2130706433:" + port + "/team/0.png")) {
            assertThat(fetcher.fetch(attack)).as(attack).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                    refused -> assertThat(refused.reason()).contains("loopback"));
        }

        assertThat(allRequests()).as("requests the photo server saw").isZero();
        assertThat(Files.exists(photos.copyOf(url("/team/0.png")))).isFalse();
        assertThat(photoColour(url("/team/"))).isEqualTo(INITIAL);
        assertThat(photos.png(url("/team/0.png"))).isEmpty();
    }

    @Test
    void withTheAllowListThePhotoIsCopiedOnceWhenTheTeamIsSavedAndCardsNeverCallAgain() throws Exception {
        PhotoFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(5), 1 << 20);
        MemoryStores stores = new MemoryStores();
        ManageTeams teams = new ManageTeams(stores.transactions(), stores.teams(), stores.audit(), fetcher,
                Clock.systemUTC());
        Team camera = new Team("camera", "Camera", List.of(new Member("王磊", url("/team/0.png"), "wang.lei"),
                new Member("Li Na", "", "li.na"), new Member("陈晓雨", "/photos/chen.png", "chen.xy")));

        teams.save(camera, "lead");
        eventually("the photo is copied", () -> Files.exists(photos.copyOf(url("/team/0.png"))) && fetcher.idle());

        assertThat(requestsTo("/team/0.png")).isEqualTo(1);
        assertThat(allRequests()).as("Popcorn's own photo is never fetched").isEqualTo(1);
        BufferedImage copy = ImageIO.read(photos.copyOf(url("/team/0.png")).toFile());
        assertThat(copy.getWidth()).isEqualTo(PhotoFetcher.SIDE);
        assertThat(copy.getHeight()).isEqualTo(171);
        assertThat(new String(Files.readAllBytes(photos.copyOf(url("/team/0.png"))), StandardCharsets.ISO_8859_1))
                .as("the copy keeps no metadata").doesNotContain("Secret");
        for (int i = 0; i < 3; i++) {
            assertThat(photoColour(url("/team/"))).isEqualTo(BLUE);
        }
        assertThat(photos.png(url("/team/0.png")))
                .hasValueSatisfying(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
        teams.save(camera, "lead");
        teams.copyPhotos();
        assertThat(fetcher.idle()).as("nothing queued for a photo already copied").isTrue();
        assertThat(requestsTo("/team/0.png")).as("cards, the announcement and saving again never call again")
                .isEqualTo(1);
    }

    @Test
    void aStalledHostIsCutOffAtTheDeadlineAndCardsAreNotHeldUpMeanwhile() throws Exception {
        PhotoFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(1), 1 << 20);

        fetcher.copy(List.of(url("/stall/0.png"), url("/team/0.png")));
        assertThat(stallStarted.await(10, TimeUnit.SECONDS)).as("the stalled host was asked").isTrue();
        assertThat(photoColour(url("/stall/"))).isEqualTo(INITIAL);
        // The host stalls for 30 s: drawn while it still stalled means the card did not wait for it (no wall-clock bound).
        assertThat(stallEnded).as("the card was drawn while the host was still stalling").isFalse();

        // Past the deadline the fetcher gives up on the stalled host and goes on with the next photo.
        eventually("the next photo is copied", () -> Files.exists(photos.copyOf(url("/team/0.png"))));
        assertThat(stallEnded).as("the fetcher moved on while the host still stalled").isFalse();
        assertThat(Files.exists(photos.copyOf(url("/stall/0.png")))).isFalse();

        long started = System.nanoTime();
        assertThat(fetcher.fetch(url("/stall/1.png"))).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("did not finish its answer within 1000 ms"));
        // Cut off by the deadline (the reason names it) while the host still stalled, and not before the deadline.
        assertThat(stallEnded).as("given up before the host's 30 s were over").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aPictureDeclaringHugeDimensionsIsRefusedBeforeItIsDecoded() throws Exception {
        PhotoFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(10), 5 << 20);
        assertThat(HUGE.length).as("a small file").isLessThan(1 << 20);

        assertThat(fetcher.fetch(url("/huge/0.png"))).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("15000 × 15000 pixels"));
        assertThat(Files.exists(photos.copyOf(url("/huge/0.png")))).isFalse();

        // A header with no pixel data at all: decoding would fail differently; the size is refused first.
        byte[] headerOnly = hugePng(15000, 15000, false);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(headerOnly))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pictures.read(in))
                    .isInstanceOf(Pictures.Refused.class)
                    .hasMessageContaining("15000 × 15000");
        }
        // The same check guards Popcorn's own files.
        Files.createDirectories(data.resolve("photos"));
        Files.write(data.resolve("photos/huge.png"), HUGE);
        assertThat(photos.load("/photos/huge.png")).isEmpty();
    }

    @Test
    void anAnswerOverTheCapIsRefusedAsItStreams() {
        PhotoFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(10), 64 * 1024);

        assertThat(fetcher.fetch(url("/big/0.png"))).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("larger than 65536 bytes"));
        assertThat(Files.exists(photos.copyOf(url("/big/0.png")))).isFalse();
    }

    @Test
    void redirectsOtherSchemesAndWhatIsNotAPictureAreRefused() {
        PhotoFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(10), 1 << 20);

        assertThat(fetcher.fetch(url("/redirect/0.png"))).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("302", "redirects are not followed"));
        assertThat(requestsTo("/team/0.png")).isZero();
        assertThat(fetcher.fetch(url("/page.html"))).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("not a picture"));
        assertThat(fetcher.fetch("file:///etc/passwd")).isInstanceOfSatisfying(PhotoFetcher.Refused.class,
                refused -> assertThat(refused.reason()).contains("only http and https"));
        assertThat(fetcher.fetch("ftp://127.0.0.1/x.png")).isInstanceOf(PhotoFetcher.Refused.class);
        assertThat(fetcher.fetch("/photos/a.png")).isInstanceOf(PhotoFetcher.Skipped.class);
        assertThat(fetcher.fetch("http://localhost:8080/photos/a.png")).isInstanceOf(PhotoFetcher.Skipped.class);
    }

    @Test
    void theFetcherSurvivesWhateverOnePhotoThrows() {
        PublicAddresses exploding = new PublicAddresses(List.of("127.0.0.1"), host -> {
            if (host.equals("boom.example")) {
                throw new AssertionError("a resolver that breaks");
            }
            return InetAddress.getAllByName(host);
        });
        PhotoFetcher fetcher = fetcher(exploding, Duration.ofSeconds(5), 1 << 20);

        fetcher.copy(List.of("http://boom.example/0.png", url("/team/0.png")));
        eventually("the photo after the failing one is copied", () -> Files.exists(photos.copyOf(url("/team/0.png"))));
    }

    @Test
    void logsShowNeitherTheQueryNorTheUserPart() {
        assertThat(PhotoFetcher.shown("https://user:pw@photos.example:8443/a/b.png?token=s3cret#frag"))
                .isEqualTo("https://photos.example:8443/a/b.png");
        assertThat(PhotoFetcher.shown("not a url at all")).doesNotContain("url");
    }

    /** The colour of the card where its only member's photo (or initial) is drawn, above the initial's glyph. */
    private int photoColour(String prefix) {
        BufferedImage image = card.render(AwardSamples.cameraWithPhotos(prefix, "王磊")).image();
        return image.getRGB(600, 325) & 0xFFFFFF;
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for: " + what).isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static BufferedImage blue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) {
        try {
            return Pictures.png(image);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The PNG with a text chunk before its end, as a camera or an editor leaves one. */
    private static byte[] withSecretComment(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        chunk(out, "tEXt", "Comment\0Secret location 31.2304N 121.4737E".getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    private static byte[] hugePng(int width, int height) {
        return hugePng(width, height, true);
    }

    /** A grey PNG declaring {@code width} × {@code height}: all-zero rows compress to a small file. */
    private static byte[] hugePng(int width, int height, boolean withPixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] header = {(byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 0, 0, 0, 0};
        chunk(out, "IHDR", header);
        if (withPixels) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++) {
                    deflater.write(row);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            chunk(out, "IDAT", compressed.toByteArray());
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length});
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        long value = crc.getValue();
        out.writeBytes(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }
}
