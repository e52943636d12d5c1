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
 * badges, and three numbers (releases in a row, builds tested, wishes shipped) in the card's
 * language, on Popcorn's orange. Two sizes: 1200 × 630 for link previews and 1080 × 1920 for a
 * phone's story. Cards are kept once drawn (by what they show and their size, at most
 * {@value #CACHE_BYTES} bytes of them), so a card is drawn again only when something on it changes.
 */
public final class FanCard implements FanCards.Painter {

    /** Changes whenever the drawing does (browsers keep cards by a fingerprint that includes it). */
    static final String VERSION = "fan-card-1";
    /** How many bytes of drawn cards are kept: some hundreds of cards. */
    static final long CACHE_BYTES = 48L * 1024 * 1024;

    private static final Font FONT = CardDrawing.FONT;
    private static final Color ORANGE = new Color(0xFF, 0x69, 0x00);
    private static final Color EMBER = new Color(0xE8, 0x4A, 0x00);
    private static final Color INK = new Color(0x3B, 0x1F, 0x0E);
    private static final Color CREAM = new Color(0xFF, 0xF6, 0xE5);
    private static final Color SOFT = new Color(0xFF, 0xE2, 0xC2);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The picture and where the name, the level and the numbers were drawn (tests look there). */
    record Rendered(BufferedImage image, Rectangle nameBox, Rectangle levelBox, Rectangle statsBox) {
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

    /** 1200 × 630: text on the left, the level largest; the numbers in a cream band along the bottom. */
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
        badges(g, t.badges, left, 318, textWidth, false);

        g.setColor(CREAM);
        RoundRectangle2D band = new RoundRectangle2D.Double(40, 416, w - 80, 160, 32, 32);
        g.fill(band);
        int column = (w - 80) / 3;
        for (int i = 0; i < 3; i++) {
            int centre = 40 + column * i + column / 2;
            g.setColor(ORANGE);
            g.setFont(FONT.deriveFont(Font.BOLD, 64f));
            CardDrawing.drawCentred(g, t.numbers[i], centre, 501);
            g.setColor(INK);
            g.setFont(fit(g, t.labels[i], FONT.deriveFont(24f), column - 24, 14f));
            CardDrawing.drawCentred(g, t.labels[i], centre, 546);
            if (i > 0) {
                g.setColor(SOFT);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(40 + column * i, 446, 40 + column * i, 546);
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(20f));
        CardDrawing.draw(g, CardDrawing.ellipsize(g, t.footer, textWidth), left, 610);
        return new Rendered(image, name, level, band.getBounds());
    }

    /** 1080 × 1920: everything centred, read top to bottom on a phone; the numbers stacked in a cream panel. */
    private static Rendered story(Graphics2D g, BufferedImage image, Texts t) {
        int w = image.getWidth();
        int h = image.getHeight();
        background(g, w, h, new int[][] {{940, 180, 260}, {120, 330, 120}, {1000, 1800, 200}, {80, 1700, 90}});
        int centre = w / 2;
        int textWidth = w - 160;
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(Font.BOLD, 40f));
        CardDrawing.drawCentred(g, t.brand, centre, 200);

        g.setColor(CREAM);
        Rectangle name = text(g, t.name, FONT.deriveFont(Font.BOLD, 64f), 40f, centre, 560, textWidth, true);
        g.setColor(Color.WHITE);
        Rectangle level = text(g, t.level, FONT.deriveFont(Font.BOLD, 170f), 64f, centre, 760, textWidth, true);
        badges(g, t.badges, centre, 830, textWidth, true);

        g.setColor(CREAM);
        RoundRectangle2D panel = new RoundRectangle2D.Double(80, 1040, w - 160, 600, 48, 48);
        g.fill(panel);
        for (int i = 0; i < 3; i++) {
            int top = 1040 + i * 200;
            g.setColor(ORANGE);
            g.setFont(FONT.deriveFont(Font.BOLD, 110f));
            CardDrawing.draw(g, t.numbers[i], 140, top + 145);
            float numberWidth = CardDrawing.width(g, t.numbers[i]);
            g.setColor(INK);
            int labelLeft = (int) (140 + Math.max(200, numberWidth + 40));
            g.setFont(fit(g, t.labels[i], FONT.deriveFont(40f), w - 120 - labelLeft, 22f));
            CardDrawing.draw(g, CardDrawing.ellipsize(g, t.labels[i], w - 120 - labelLeft), labelLeft, top + 130);
            if (i > 0) {
                g.setColor(SOFT);
                g.setStroke(new BasicStroke(3f));
                g.drawLine(130, top, w - 130, top);
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(32f));
        g.setFont(fit(g, t.footer, g.getFont(), textWidth, 20f));
        CardDrawing.drawCentred(g, CardDrawing.ellipsize(g, t.footer, textWidth), centre, 1780);
        return new Rendered(image, name, level, panel.getBounds());
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
        return new Rectangle(left, baseline - metrics.getAscent(), drawnWidth, metrics.getAscent() + metrics.getDescent());
    }

    /** The badges as white pills with orange text, in a row that never runs past {@code width}. */
    private static void badges(Graphics2D g, List<String> badges, int x, int top, int width, boolean centred) {
        if (badges.isEmpty()) {
            return;
        }
        Font font = FONT.deriveFont(Font.BOLD, centred ? 36f : 24f);
        int pad = centred ? 28 : 18;
        int height = centred ? 64 : 44;
        int gap = 14;
        int each = (width - gap * (badges.size() - 1)) / badges.size();
        g.setFont(font);
        List<String> shown = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int total = 0;
        for (String badge : badges) {
            String cut = CardDrawing.ellipsize(g, badge, each - 2 * pad);
            int pill = (int) Math.ceil(CardDrawing.width(g, cut)) + 2 * pad;
            shown.add(cut);
            widths.add(pill);
            total += pill;
        }
        total += gap * (badges.size() - 1);
        int left = centred ? x - total / 2 : x;
        var metrics = g.getFontMetrics();
        for (int i = 0; i < shown.size(); i++) {
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(left, top, widths.get(i), height, height, height));
            g.setColor(EMBER);
            int baseline = top + (height + metrics.getAscent() - metrics.getDescent()) / 2;
            CardDrawing.draw(g, shown.get(i), left + pad, baseline);
            left += widths.get(i) + gap;
        }
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

    /** Every text on the card, in its language, cleaned of characters that could hide or reorder the rest. */
    private static final class Texts {
        final String brand;
        final String name;
        final String level;
        final List<String> badges;
        final String[] numbers;
        final String[] labels;
        final String footer;

        Texts(Facts facts) {
            Locale locale = facts.chinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", locale, NO_FALLBACK);
            brand = text(bundle, locale, "card.brand");
            name = CardDrawing.clean(facts.name());
            String levelName = CardDrawing.clean(facts.level());
            level = levelName.isEmpty() ? text(bundle, locale, "card.fan") : levelName;
            badges = facts.badges().stream().map(CardDrawing::clean).filter(b -> !b.isEmpty()).toList();
            int[] counts = {facts.streak(), facts.buildsTested(), facts.wishesShipped()};
            String[] keys = {"card.streak", "card.buildsTested", "card.wishesShipped"};
            numbers = new String[3];
            labels = new String[3];
            for (int i = 0; i < 3; i++) {
                numbers[i] = new MessageFormat("{0,number,integer}", locale).format(new Object[] {counts[i]});
                labels[i] = text(bundle, locale, keys[i], counts[i]);
            }
            footer = text(bundle, locale, "card.footer");
        }

        private static String text(ResourceBundle bundle, Locale locale, String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }
    }
}
