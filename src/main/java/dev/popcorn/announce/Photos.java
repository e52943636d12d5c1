package dev.popcorn.announce;

import dev.popcorn.http.Connector;
import dev.popcorn.http.ConnectorException;
import dev.popcorn.http.HttpConnector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Member photos for the winner card: Popcorn's own (under {@code /photos/}) read from the data
 * folder, others fetched over HTTP with a short timeout and a size limit. A photo that cannot be
 * had is empty, and the card draws the member's initial instead.
 */
public final class Photos {

    private static final System.Logger LOG = System.getLogger(Photos.class.getName());
    /** The largest photo read; a larger one is not read to its end. */
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Path folder;
    private final Supplier<String> baseUrl;
    private final Connector connector;

    public Photos(Path folder, Supplier<String> baseUrl, Clock clock) {
        this(folder, baseUrl, new HttpConnector(
                new HttpConnector.Settings("the photo's host", Duration.ofSeconds(5), MAX_BYTES, false), Optional.empty(), clock));
    }

    Photos(Path folder, Supplier<String> baseUrl, Connector connector) {
        this.folder = folder.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
        this.connector = connector;
    }

    /** The photo as PNG (whatever it was, and without its metadata), for uploading it elsewhere. */
    public Optional<byte[]> png(String url) {
        return load(url).map(image -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    public Optional<BufferedImage> load(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            String own = baseUrl.get() + "/photos/";
            if (url.startsWith(own) || url.startsWith("/photos/")) {
                String name = url.substring(url.indexOf("/photos/") + "/photos/".length());
                Path file = folder.resolve(name).normalize();
                if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return Optional.ofNullable(ImageIO.read(in));
                }
            }
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return Optional.empty();
            }
            Connector.Response response = connector.send(Connector.Request.get(uri));
            if (response.status() != 200) {
                return Optional.empty();
            }
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(response.body())));
        } catch (IOException | IllegalArgumentException | ConnectorException e) {
            LOG.log(System.Logger.Level.INFO, "photo {0} not available for the winner card: {1}", url, e.getMessage());
            return Optional.empty();
        }
    }
}
