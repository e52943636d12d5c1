package dev.popcorn.announce;

import dev.popcorn.app.team.PhotoCopies;
import dev.popcorn.http.Connector;
import dev.popcorn.http.ConnectorException;
import dev.popcorn.http.HttpConnector;
import dev.popcorn.http.PublicAddresses;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Copies members' photos from elsewhere into the data folder, once, on a thread of its own (never
 * a request's, never the background's that runs the schedule and the outbox), from a bounded
 * queue. A copy is made only from a public host ({@link PublicAddresses}, or one the operator
 * allowed), over http(s), without following redirects, within one deadline for the whole fetch
 * and a cap on the bytes, of a PNG, JPEG or GIF whose declared size is checked before it is
 * decoded; it is kept as a PNG of at most {@link #SIDE} pixels a side, without metadata. A photo
 * refused or not reached is logged (without the address's query) and stays without a copy: the
 * card shows the member's initial, and the next save of the team tries again.
 */
public final class PhotoFetcher implements PhotoCopies, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PhotoFetcher.class.getName());
    /** The longest side of a kept copy: the card draws photos at 120 pixels, the forum a little larger. */
    static final int SIDE = 256;

    /** How long one fetch may take in all, how many bytes it may read, how many photos may wait. */
    public record Limits(Duration deadline, int maxBytes, int queue) {

        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 5 * 1024 * 1024, 256);
    }

    /** What became of one photo. */
    sealed interface Outcome {
    }

    /** Copied into {@code file}. */
    record Copied(Path file) implements Outcome {
    }

    /** Nothing to fetch: Popcorn's own photo, no address, or already copied. */
    record Skipped(String reason) implements Outcome {
    }

    /** Not copied, and why: an address, an answer or a picture Popcorn does not take. */
    record Refused(String reason) implements Outcome {
    }

    private final Photos photos;
    private final PublicAddresses addresses;
    private final Limits limits;
    private final Connector connector;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor executor;

    /** Copies into {@code photos}' folder from public hosts and from {@code allowedHosts}, whatever their addresses. */
    public PhotoFetcher(Photos photos, List<String> allowedHosts, Limits limits, Clock clock) {
        this(photos, new PublicAddresses(allowedHosts), limits, clock);
    }

    PhotoFetcher(Photos photos, PublicAddresses addresses, Limits limits, Clock clock) {
        this.photos = photos;
        this.addresses = addresses;
        this.limits = limits;
        // No pacing: one thread fetches one photo at a time. The deadline bounds connecting, the headers and the body.
        this.connector = new HttpConnector(new HttpConnector.Settings("the photo's host", limits.deadline(),
                limits.maxBytes(), false, limits.deadline()), Optional.empty(), clock);
    }

    /** Starts the thread photos are copied on. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(limits.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "popcorn-photos");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void copy(List<String> urls) {
        ThreadPoolExecutor running = executor;
        for (String url : urls) {
            if (url == null || url.isBlank() || photos.own(url) || Files.exists(photos.copyOf(url))) {
                continue;
            }
            if (running == null || running.isShutdown()) {
                LOG.log(System.Logger.Level.INFO, "member photo {0} not copied: the photo fetcher is not running",
                        shown(url));
                continue;
            }
            if (!waiting.add(url)) {
                continue;
            }
            try {
                running.execute(() -> {
                    try {
                        fetch(url);
                    } catch (Throwable e) {
                        // Whatever happens to one photo, the thread goes on with the next.
                        LOG.log(System.Logger.Level.ERROR, "member photo " + shown(url) + " failed: " + e, e);
                    } finally {
                        waiting.remove(url);
                    }
                });
            } catch (RejectedExecutionException e) {
                waiting.remove(url);
                LOG.log(System.Logger.Level.WARNING, "member photo {0} not copied: {1} photos are already waiting;"
                        + " save the team again later", shown(url), limits.queue());
            }
        }
    }

    /** Fetches, checks and keeps one photo, on the calling thread; logs a refusal at INFO. */
    Outcome fetch(String url) {
        Outcome outcome = attempt(url);
        if (outcome instanceof Refused refused) {
            LOG.log(System.Logger.Level.INFO, "member photo {0} not copied: {1}", shown(url), refused.reason());
        } else if (outcome instanceof Copied) {
            LOG.log(System.Logger.Level.INFO, "member photo {0} copied", shown(url));
        }
        return outcome;
    }

    private Outcome attempt(String url) {
        if (url == null || url.isBlank()) {
            return new Skipped("no address");
        }
        if (photos.own(url)) {
            return new Skipped("Popcorn serves it itself");
        }
        Path file = photos.copyOf(url);
        if (Files.exists(file)) {
            return new Skipped("already copied");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Refused("it is not an address");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return new Refused("only http and https addresses are fetched");
        }
        Optional<String> refusal = addresses.refusal(uri.getHost());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Connector.Response response;
        try {
            response = connector.send(Connector.Request.get(uri));
        } catch (ConnectorException e) {
            return new Refused(e.getMessage());
        }
        if (response.status() != 200) {
            return new Refused("the host answered " + response.status()
                    + (response.status() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        BufferedImage image;
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(response.body()))) {
            image = Pictures.read(in);
        } catch (IOException | RuntimeException e) {
            return new Refused(e instanceof Pictures.Refused ? e.getMessage() : "it cannot be decoded as a picture");
        }
        try {
            keep(Pictures.png(Pictures.fit(image, SIDE)), file);
        } catch (IOException e) {
            return new Refused("the copy cannot be written: " + e.getMessage());
        }
        return new Copied(file);
    }

    /** Written beside and moved into place, so a reader sees no copy or a whole one. */
    private static void keep(byte[] png, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), "copy-", ".part");
        try {
            Files.write(part, png);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The address as logs show it: no user part, query or fragment, where secrets and tokens travel. */
    static String shown(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(not an http address)";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(not an address)";
        }
    }

    /** Stops the thread, cutting a fetch under way short; photos still waiting are asked for again at the next start. */
    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether no photo is waiting or being fetched (tests wait for it). */
    boolean idle() {
        return waiting.isEmpty();
    }
}
