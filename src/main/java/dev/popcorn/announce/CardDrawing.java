package dev.popcorn.announce;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import javax.imageio.ImageIO;

/**
 * What every generated card shares: the bundled Noto Sans SC (so Chinese renders the same on any
 * machine), the rendering hints, text made to fit a width, and the PNG encoding.
 */
final class CardDrawing {

    /** The font every text on a card is drawn with, read once from the jar. */
    static final Font FONT = loadFont();

    private CardDrawing() {
    }

    /** Antialiased shapes and text, smooth scaling. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** The font, made smaller (down to {@code min} points) until {@code text} fits in {@code width}. */
    static Font fit(Graphics2D g, String text, Font font, int width, float min) {
        Font fitted = font;
        while (g.getFontMetrics(fitted).stringWidth(text) > width && fitted.getSize2D() > min) {
            fitted = fitted.deriveFont(Math.max(min, fitted.getSize2D() - 2));
        }
        return fitted;
    }

    /**
     * {@code text} as it fits in {@code width} with the graphics' current font: whole when it fits,
     * else cut at a character (never inside a surrogate pair) and ended with "…".
     */
    static String ellipsize(Graphics2D g, String text, int width) {
        if (width(g, text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String cut = text.substring(0, end).stripTrailing() + "…";
            if (width(g, cut) <= width) {
                return cut;
            }
        }
        return "…";
    }

    /**
     * {@code text} broken into lines no wider than {@code width} with the graphics' current font, nothing
     * left out: at the places the language allows a line to break (between words; between Chinese
     * characters), and inside a word only where the word alone is wider than a line. The spaces where a
     * line breaks are dropped; an empty text is no line.
     */
    static java.util.List<String> wrap(Graphics2D g, String text, int width, java.util.Locale locale) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (text.isBlank()) {
            return lines;
        }
        java.text.BreakIterator breaks = java.text.BreakIterator.getLineInstance(locale);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        for (int start = breaks.first(),
                end = breaks.next(); end != java.text.BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end);
            if (width(g, (line + piece).stripTrailing()) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().strip());
            }
            line.setLength(0);
            // A piece wider than a whole line (a very long word): cut where it no longer fits.
            int from = 0;
            String word = piece.stripTrailing();
            while (from < word.length() && width(g, word.substring(from)) > width) {
                int to = word.offsetByCodePoints(from, 1);
                while (to < word.length() && width(g, word.substring(from, word.offsetByCodePoints(to, 1))) <= width) {
                    to = word.offsetByCodePoints(to, 1);
                }
                lines.add(word.substring(from, to));
                from = to;
            }
            line.append(piece.substring(from));
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** How wide {@code text} is drawn by {@link #draw} with the graphics' current font. */
    static float width(Graphics2D g, String text) {
        return text.isEmpty() ? 0 : layout(g, text).getAdvance();
    }

    /**
     * Draws {@code text} with its left end of the baseline at ({@code x}, {@code y}) in the current
     * font; a character Noto Sans SC lacks (an emoji, a script it does not cover) falls back to the
     * machine's sans-serif font rather than an empty box.
     */
    static void draw(Graphics2D g, String text, float x, float y) {
        if (!text.isEmpty()) {
            layout(g, text).draw(g, x, y);
        }
    }

    /** Draws {@code text} centred on {@code centre}. */
    static void drawCentred(Graphics2D g, String text, float centre, float y) {
        draw(g, text, centre - width(g, text) / 2, y);
    }

    private static TextLayout layout(Graphics2D g, String text) {
        Font font = g.getFont();
        AttributedString runs = new AttributedString(text);
        runs.addAttribute(TextAttribute.FONT, font);
        if (font.canDisplayUpTo(text) != -1) {
            Font fallback = new Font(Font.SANS_SERIF, font.getStyle(), 1).deriveFont(font.getSize2D());
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int c = text.codePointAt(i);
                if (!font.canDisplay(c)) {
                    runs.addAttribute(TextAttribute.FONT, fallback, i, i + Character.charCount(c));
                }
            }
        }
        return new TextLayout(runs.getIterator(), g.getFontRenderContext());
    }

    /**
     * Text as a card may draw it: control and invisible formatting characters (bidirectional
     * overrides, zero-width marks) removed and runs of white space made one space, so nobody's
     * name can reorder or hide the rest of the card.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 400));
        text.codePoints().limit(400).forEach(c -> {
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Font loadFont() {
        try (InputStream in = CardDrawing.class.getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the card font fonts/NotoSansSC-Regular.ttf is missing from the build");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the card font: " + e.getMessage(), e);
        }
    }
}
