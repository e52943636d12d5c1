package dev.popcorn.announce;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures from bytes nobody vouches for: the size the header declares is checked before a pixel
 * is decoded (a 15000 × 15000 PNG of a few kilobytes would ask for hundreds of megabytes), only
 * PNG, JPEG and GIF are read, and metadata is never read.
 */
final class Pictures {

    /** The longest side read. */
    static final int MAX_SIDE = 4096;
    /** The most pixels read: 64 MB once decoded with four bytes a pixel. */
    static final long MAX_PIXELS = 16L * 1024 * 1024;

    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

    /** A picture Popcorn will not decode, and why. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private Pictures() {
    }

    /** Decodes the first picture of {@code stream} once its format and declared size are found acceptable. */
    static BufferedImage read(ImageInputStream stream) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw new Refused("it is not a picture Popcorn reads (PNG, JPEG or GIF)");
        }
        ImageReader reader = readers.next();
        try {
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(format)) {
                throw new Refused("it is a " + format + " picture; Popcorn reads PNG, JPEG and GIF");
            }
            reader.setInput(stream, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
                    || (long) width * height > MAX_PIXELS) {
                throw new Refused("it declares " + width + " × " + height + " pixels; at most " + MAX_SIDE
                        + " a side and " + MAX_PIXELS + " in all are read");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** The picture made no larger than {@code max} on its longest side, with an alpha channel. */
    static BufferedImage fit(BufferedImage image, int max) {
        double scale = Math.min(1.0, (double) max / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage fitted = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return fitted;
    }

    /** The picture as PNG: pixels only, whatever it was read from. */
    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
