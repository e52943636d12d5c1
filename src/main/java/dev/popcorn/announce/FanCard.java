package dev.popcorn.announce;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.FanCards.Facts;
import dev.popcorn.app.participation.FanCards.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A fan's card, drawn to be shared: their level as the headline, their name above it, their top
 * badges by their whole names, and up to three numbers (releases in a row, builds tested, wishes
 * shipped: those that are not zero) in the card's language, on Popcorn's orange. Two sizes:
 * 1200 × 630 for link previews and 1080 × 1920 for a phone's story. Cards are kept once drawn (by
 * what they show and their size, at most {@value #CACHE_BYTES} bytes of them), so a card is drawn
 * again only when something on it changes.
 */
public final class FanCard implements FanCards.Painter {

    /** Changes whenever the drawing does (browsers keep cards by a fingerprint that includes it). */
    static final String VERSION = "fan-card-2";
    /** How many bytes of drawn cards are kept: some hundreds of cards. */
    static final long CACHE_BYTES = 48L * 1024 * 1024;

    private static final Font FONT = CardDrawing.FONT;
    private static final Color ORANGE = new Color(0xFF, 0x69, 0x00);
    private static final Color EMBER = new Color(0xE8, 0x4A, 0x00);
    private static final Color INK = new Color(0x3B, 0x1F, 0x0E);
    private static final Color CREAM = new Color(0xFF, 0xF6, 0xE5);
    private static final Color SOFT = new Color(0xFF, 0xE2, 0xC2);
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * The picture and what went where (tests look there): the name, the level, the numbers' panel,
     * each badge's pill with the lines of its name, the numbers drawn (never a zero) and, on a card
     * with none, the line drawn in their place (else empty).
     */
    record Rendered(BufferedImage image, Rectangle nameBox, Rectangle levelBox, Rectangle statsBox, List<Pill> badges,
            List<String> numbers, String instead) {
    }

    /** A badge as drawn: its pill, the lines its name was drawn in (all of it, one line or more) and their font. */
    record Pill(Rectangle box, List<String> lines, Font font) {
    }

    /** What is kept: by the card's facts and size (records compare by value). */
    private record Key(Facts facts, Format format) {
    }

    private final Cache<Key, byte[]> drawn = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((Key key, byte[] png) -> png.length)
            .build();

    private final java.util.concurrent.Semaphore drawing = new java.util.concurrent.Semaphore(2);

    @Override
    public java.util.Optional<byte[]> kept(Facts facts, Format format) {
        return java.util.Optional.ofNullable(drawn.getIfPresent(new Key(facts, format)));
    }

    @Override
    public byte[] png(Facts facts, Format format) {
        Key key = new Key(facts, format);
        byte[] kept = drawn.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        // At most two cards are drawn at once (each a few MB of pixels and a core's worth of work); a caller who
        // waits longer than a moment is told to come back, so many new cards asked at once cannot exhaust the server.
        try {
            if (!drawing.tryAcquire(2, java.util.concurrent.TimeUnit.SECONDS)) {
                throw dev.popcorn.domain.RuleViolation.tooMany("card.busy", 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw dev.popcorn.domain.RuleViolation.tooMany("card.busy", 5);
        }
        try {
            return drawn.get(key, k -> CardDrawing.png(render(k.facts(), k.format()).image()));
        } finally {
            drawing.release();
        }
    }

    @Override
    public String version() {
        return VERSION;
    }

    Rendered render(Facts facts, Format format) {
        BufferedImage image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            CardDrawing.hints(g);
            Texts texts = new Texts(facts);
            return format == Format.WIDE ? wide(g, image, texts) : story(g, image, texts);
        } finally {
            g.dispose();
        }
    }

    /**
     * 1200 × 630: text on the left, the level largest; the numbers in a cream band along the bottom,
     * one column for each that is not zero (a card with none says the fan is just starting instead).
     */
    private static Rendered wide(Graphics2D g, BufferedImage image, Texts t) {
        int w = image.getWidth();
        int h = image.getHeight();
        background(g, w, h, new int[][] {{1090, 80, 150}, {1160, 230, 80}, {980, 30, 60}, {60, 600, 90}});
        int left = 72;
        int textWidth = w - 2 * left;
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(Font.BOLD, 26f));
        CardDrawing.draw(g, t.brand, left, 78);

        g.setColor(CREAM);
        Rectangle name = text(g, t.name, FONT.deriveFont(Font.BOLD, 42f), 30f, left, 160, textWidth, false);
        g.setColor(Color.WHITE);
        Rectangle level = text(g, t.level, FONT.deriveFont(Font.BOLD, 112f), 48f, left, 282, textWidth, false);
        // Two rows of badges at most between the level and the band.
        PillStyle style = new PillStyle(24f, 16f, 18, 40, 10, 8);
        List<Pill> pills = badges(g, layout(g, t, style, textWidth, 88), style, left, 318, false);

        g.setColor(CREAM);
        RoundRectangle2D band = new RoundRectangle2D.Double(40, 416, w - 80, 160, 32, 32);
        g.fill(band);
        int shown = t.numbers.size();
        if (shown == 0) {
            g.setColor(EMBER);
            g.setFont(fit(g, t.starting, FONT.deriveFont(Font.BOLD, 40f), w - 160, 20f));
            CardDrawing.drawCentred(g, CardDrawing.ellipsize(g, t.starting, w - 160), w / 2f, 510);
        }
        int column = (w - 80) / Math.max(1, shown);
        for (int i = 0; i < shown; i++) {
            int centre = 40 + column * i + column / 2;
            g.setColor(ORANGE);
            g.setFont(FONT.deriveFont(Font.BOLD, 64f));
            CardDrawing.drawCentred(g, t.numbers.get(i), centre, 501);
            g.setColor(INK);
            g.setFont(fit(g, t.labels.get(i), FONT.deriveFont(24f), column - 24, 14f));
            CardDrawing.drawCentred(g, t.labels.get(i), centre, 546);
            if (i > 0) {
                g.setColor(SOFT);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(40 + column * i, 446, 40 + column * i, 546);
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(20f));
        CardDrawing.draw(g, CardDrawing.ellipsize(g, t.footer, textWidth), left, 610);
        return new Rendered(image, name, level, band.getBounds(), pills, List.copyOf(t.numbers),
                shown == 0 ? t.starting : "");
    }

    /**
     * 1080 × 1920: everything centred, read top to bottom on a phone; each badge's whole name (a row
     * wraps to the next, a long name to a second line in its pill); the numbers that are not zero
     * stacked in a cream panel, or the line that the fan is just starting. The name, level, badges
     * and panel are centred as one block between the brand and the footer.
     */
    private static Rendered story(Graphics2D g, BufferedImage image, Texts t) {
        int w = image.getWidth();
        int h = image.getHeight();
        background(g, w, h, new int[][] {{940, 180, 260}, {120, 330, 120}, {1000, 1800, 200}, {80, 1700, 90}});
        int centre = w / 2;
        int textWidth = w - 160;
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(Font.BOLD, 40f));
        CardDrawing.drawCentred(g, t.brand, centre, 200);

        // The block from the name's top (75 above its baseline) to the panel's bottom, in [280, 1700].
        int rows = Math.max(1, t.numbers.size());
        int panelHeight = rows * 200;
        int top = 280;
        int bottom = 1700;
        int fixed = 75 + 200 + (t.badges.isEmpty() ? 130 : 70 + 100) + panelHeight;
        PillStyle style = new PillStyle(36f, 26f, 28, 64, 14, 14);
        // Laid out first, to know how tall they are; drawn under the level.
        List<Pill> laid = layout(g, t, style, textWidth, bottom - top - fixed);
        int nameBaseline = top + 75 + Math.max(0, (bottom - top - fixed - bottom(laid)) / 2);
        int levelBaseline = nameBaseline + 200;

        g.setColor(CREAM);
        Rectangle name = text(g, t.name, FONT.deriveFont(Font.BOLD, 64f), 40f, centre, nameBaseline, textWidth, true);
        g.setColor(Color.WHITE);
        Rectangle level = text(g, t.level, FONT.deriveFont(Font.BOLD, 170f), 64f, centre, levelBaseline, textWidth,
                true);
        List<Pill> pills = badges(g, laid, style, centre, levelBaseline + 70, true);
        // Below the badges' bottom (where they were drawn).
        int panelTop = pills.isEmpty() ? levelBaseline + 130 : bottom(pills) + 100;

        g.setColor(CREAM);
        RoundRectangle2D panel = new RoundRectangle2D.Double(80, panelTop, w - 160, panelHeight, 48, 48);
        g.fill(panel);
        if (t.numbers.isEmpty()) {
            g.setColor(EMBER);
            g.setFont(fit(g, t.starting, FONT.deriveFont(Font.BOLD, 48f), w - 240, 24f));
            CardDrawing.drawCentred(g, CardDrawing.ellipsize(g, t.starting, w - 240), centre, panelTop + 118);
        }
        for (int i = 0; i < t.numbers.size(); i++) {
            int rowTop = panelTop + i * 200;
            g.setColor(ORANGE);
            g.setFont(FONT.deriveFont(Font.BOLD, 110f));
            CardDrawing.draw(g, t.numbers.get(i), 140, rowTop + 145);
            float numberWidth = CardDrawing.width(g, t.numbers.get(i));
            g.setColor(INK);
            int labelLeft = (int) (140 + Math.max(200, numberWidth + 40));
            g.setFont(fit(g, t.labels.get(i), FONT.deriveFont(40f), w - 120 - labelLeft, 22f));
            CardDrawing.draw(g, CardDrawing.ellipsize(g, t.labels.get(i), w - 120 - labelLeft), labelLeft,
                    rowTop + 130);
            if (i > 0) {
                g.setColor(SOFT);
                g.setStroke(new BasicStroke(3f));
                g.drawLine(130, rowTop, w - 130, rowTop);
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(32f));
        g.setFont(fit(g, t.footer, g.getFont(), textWidth, 20f));
        CardDrawing.drawCentred(g, CardDrawing.ellipsize(g, t.footer, textWidth), centre, 1780);
        return new Rendered(image, name, level, panel.getBounds(), pills, List.copyOf(t.numbers),
                t.numbers.isEmpty() ? t.starting : "");
    }

    private static void background(Graphics2D g, int w, int h, int[][] kernels) {
        g.setPaint(new GradientPaint(0, 0, ORANGE, w, h, EMBER));
        g.fillRect(0, 0, w, h);
        // Popcorn kernels: a few soft circles, always in the same places.
        g.setColor(new Color(255, 255, 255, 30));
        for (int[] k : kernels) {
            g.fill(new Ellipse2D.Double(k[0] - k[2] / 2.0, k[1] - k[2] / 2.0, k[2], k[2]));
        }
    }

    /**
     * One line of text in the current colour: made smaller down to {@code min} to fit, then cut with
     * "…"; drawn from {@code x} (or centred on it); where it was drawn.
     */
    private static Rectangle text(Graphics2D g, String text, Font font, float min, int x, int baseline, int width,
            boolean centred) {
        g.setFont(fit(g, text, font, width, min));
        String shown = CardDrawing.ellipsize(g, text, width);
        int drawnWidth = (int) Math.ceil(CardDrawing.width(g, shown));
        int left = centred ? x - drawnWidth / 2 : x;
        CardDrawing.draw(g, shown, left, baseline);
        var metrics = g.getFontMetrics();
        return new Rectangle(left, baseline - metrics.getAscent(), drawnWidth,
                metrics.getAscent() + metrics.getDescent());
    }

    /**
     * How badges are drawn: bold text of {@code size} points (made smaller down to {@code min} only
     * when they would not fit the room), {@code pad} on either side of the text, {@code height} a
     * one-line pill, {@code gap} between pills of a row and {@code rowGap} between rows.
     */
    private record PillStyle(float size, float min, int pad, int height, int gap, int rowGap) {
    }

    /**
     * Where the badges go, at the origin: whole names, each in a pill, as many to a row as fit in
     * {@code width}; a name wider than a row wraps into more lines in its own pill. The font is
     * made smaller when they would be taller than {@code room}; only a name too long for any badge
     * (hundreds of characters) is cut, at the smallest size, to what the room holds.
     */
    private static List<Pill> layout(Graphics2D g, Texts t, PillStyle style, int width, int room) {
        Font saved = g.getFont();
        try {
            List<Pill> pills = List.of();
            for (float size = style.size(); size >= style.min(); size -= 2) {
                pills = layout(g, t, style, size, width, Integer.MAX_VALUE);
                if (bottom(pills) <= room) {
                    return pills;
                }
            }
            for (int lines = 8; lines > 1; lines--) {
                pills = layout(g, t, style, style.min(), width, lines);
                if (bottom(pills) <= room) {
                    return pills;
                }
            }
            // Still too tall (names no badge has): the rows that fit.
            return layout(g, t, style, style.min(), width, 1).stream()
                    .filter(p -> p.box().y + p.box().height <= room).toList();
        } finally {
            g.setFont(saved);
        }
    }

    private static List<Pill> layout(Graphics2D g, Texts t, PillStyle style, float size, int width, int maxLines) {
        Font font = FONT.deriveFont(Font.BOLD, size);
        g.setFont(font);
        var metrics = g.getFontMetrics();
        int lineStep = metrics.getHeight();
        int inner = width - 2 * style.pad();
        List<Pill> pills = new ArrayList<>();
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        for (String badge : t.badges) {
            List<String> lines = new ArrayList<>(CardDrawing.wrap(g, badge, inner, t.locale));
            if (lines.size() > maxLines) {
                String last = String.join(t.chinese ? "" : " ", lines.subList(maxLines - 1, lines.size()));
                lines = new ArrayList<>(lines.subList(0, maxLines - 1));
                lines.add(CardDrawing.ellipsize(g, last, inner));
            }
            int textWidth = 0;
            for (String line : lines) {
                textWidth = Math.max(textWidth, (int) Math.ceil(CardDrawing.width(g, line)));
            }
            int pillWidth = textWidth + 2 * style.pad();
            int pillHeight = style.height() + (lines.size() - 1) * lineStep;
            if (x > 0 && x + style.gap() + pillWidth > width) {
                x = 0;
                y += rowHeight + style.rowGap();
                rowHeight = 0;
            }
            int left = x == 0 ? 0 : x + style.gap();
            pills.add(new Pill(new Rectangle(left, y, pillWidth, pillHeight), lines, font));
            x = left + pillWidth;
            rowHeight = Math.max(rowHeight, pillHeight);
        }
        return pills;
    }

    /** Where the lowest pill ends (for pills laid out at the origin: how tall they are); 0 for none. */
    private static int bottom(List<Pill> pills) {
        return pills.stream().mapToInt(p -> p.box().y + p.box().height).max().orElse(0);
    }

    /**
     * The laid-out badges drawn as white pills with orange text, from ({@code x}, {@code top}) (or
     * each row centred on {@code x}); where each went.
     */
    private static List<Pill> badges(Graphics2D g, List<Pill> laid, PillStyle style, int x, int top, boolean centred) {
        List<Pill> drawn = new ArrayList<>();
        for (int i = 0; i < laid.size(); i++) {
            Pill pill = laid.get(i);
            int row = pill.box().y;
            int rowRight = laid.stream().filter(p -> p.box().y == row).mapToInt(p -> p.box().x + p.box().width).max()
                    .orElse(0);
            int shift = centred ? x - rowRight / 2 : x;
            Rectangle box = new Rectangle(pill.box());
            box.translate(shift, top);
            g.setColor(Color.WHITE);
            int arc = Math.min(style.height(), box.height);
            g.fill(new RoundRectangle2D.Double(box.x, box.y, box.width, box.height, arc, arc));
            g.setColor(EMBER);
            g.setFont(pill.font());
            var metrics = g.getFontMetrics();
            int firstBaseline = box.y + (style.height() + metrics.getAscent() - metrics.getDescent()) / 2;
            for (int line = 0; line < pill.lines().size(); line++) {
                CardDrawing.drawCentred(g, pill.lines().get(line), box.x + box.width / 2f,
                        firstBaseline + line * metrics.getHeight());
            }
            drawn.add(new Pill(box, pill.lines(), pill.font()));
        }
        return drawn;
    }

    /** The font, made smaller (down to {@code min}) until {@code text} fits in {@code width}. */
    private static Font fit(Graphics2D g, String text, Font font, int width, float min) {
        Font saved = g.getFont();
        Font fitted = font;
        g.setFont(fitted);
        while (CardDrawing.width(g, text) > width && fitted.getSize2D() > min) {
            fitted = fitted.deriveFont(Math.max(min, fitted.getSize2D() - 2));
            g.setFont(fitted);
        }
        g.setFont(saved);
        return fitted;
    }

    /**
     * Every text on the card, in its language, cleaned of characters that could hide or reorder the
     * rest. Only the numbers that are not zero are there, with their labels: a card never brags "0".
     */
    private static final class Texts {
        final Locale locale;
        final boolean chinese;
        final String brand;
        final String name;
        final String level;
        final List<String> badges;
        final List<String> numbers = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final String starting;
        final String footer;

        Texts(Facts facts) {
            chinese = facts.chinese();
            locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", locale, NO_FALLBACK);
            brand = text(bundle, locale, "card.brand");
            name = CardDrawing.clean(facts.name());
            String levelName = CardDrawing.clean(facts.level());
            level = levelName.isEmpty() ? text(bundle, locale, "card.fan") : levelName;
            badges = facts.badges().stream().map(CardDrawing::clean).filter(b -> !b.isEmpty()).toList();
            int[] counts = {facts.streak(), facts.buildsTested(), facts.wishesShipped()};
            String[] keys = {"card.streak", "card.buildsTested", "card.wishesShipped"};
            for (int i = 0; i < 3; i++) {
                if (counts[i] > 0) {
                    numbers.add(new MessageFormat("{0,number,integer}", locale).format(new Object[] {counts[i]}));
                    labels.add(text(bundle, locale, keys[i], counts[i]));
                }
            }
            starting = text(bundle, locale, "card.starting");
            footer = text(bundle, locale, "card.footer");
        }

        private static String text(ResourceBundle bundle, Locale locale, String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }
    }
}
