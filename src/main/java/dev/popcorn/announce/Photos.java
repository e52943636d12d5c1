package dev.popcorn.announce;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Member photos for the winner card and the announcement, read from the data folder only, never
 * over the network: Popcorn's own (addresses under {@code /photos/}) where they are served from,
 * every other one from the copy the {@link PhotoFetcher} made when the team was saved
 * ({@code photos/members/<sha-256 of the address>.png}). A photo without a file is empty, and the
 * card draws the member's initial instead.
 */
public final class Photos {

    private static final System.Logger LOG = System.getLogger(Photos.class.getName());
    /** The folder under the photos folder where copies of photos from elsewhere are kept. */
    static final String COPIES = "members";

    private final Path folder;
    private final Supplier<String> baseUrl;

    public Photos(Path folder, Supplier<String> baseUrl) {
        this.folder = folder.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
    }

    /** Whether Popcorn serves this photo itself, from the data folder: it is read, never fetched. */
    boolean own(String url) {
        return url.startsWith("/photos/") || url.startsWith(baseUrl.get() + "/photos/");
    }

    /** Where the copy of a photo from elsewhere is kept. */
    Path copyOf(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(COPIES).resolve(HexFormat.of().formatHex(hash) + ".png");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The photo as PNG (whatever it was, and without its metadata), for uploading it elsewhere. */
    public Optional<byte[]> png(String url) {
        return load(url).map(image -> {
            try {
                return Pictures.png(image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The photo from its file, or empty while there is none (not copied yet, or refused). */
    public Optional<BufferedImage> load(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Path file;
        if (own(url)) {
            file = folder.resolve(url.substring(url.indexOf("/photos/") + "/photos/".length())).normalize();
            if (!file.startsWith(folder)) {
                return Optional.empty();
            }
        } else {
            file = copyOf(url);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return Optional.of(Pictures.read(in));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "photo file {0} not shown: {1}", folder.relativize(file), e.getMessage());
            return Optional.empty();
        }
    }
}
