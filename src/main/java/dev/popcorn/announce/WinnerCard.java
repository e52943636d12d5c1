package dev.popcorn.announce;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.AwardFacts;
import dev.popcorn.domain.team.Member;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The winner card: a 1200 × 630 picture made to be shared (the size link previews use) with the
 * award's name, the release, the winning team and project, every member's photo and name, and the
 * votes. Text is drawn with Noto Sans SC, shipped in the jar, so Chinese names render the same on
 * any machine.
 */
public final class WinnerCard {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    /** The picture and where each member's name was drawn (tests look there). */
    record Rendered(BufferedImage image, List<Rectangle> nameBoxes) {
    }

    private static final Font FONT = CardDrawing.FONT;
    private static final Color INK = new Color(0x3B, 0x1F, 0x0E);
    private static final Color CREAM = new Color(0xFF, 0xF6, 0xE5);
    private static final int MAX_MEMBERS = 12;

    private final Photos photos;

    public WinnerCard(Photos photos) {
        this.photos = photos;
    }

    /** The font every text on the card is drawn with. */
    static Font font() {
        return FONT;
    }

    public byte[] png(AwardFacts facts) {
        return CardDrawing.png(render(facts).image());
    }

    Rendered render(AwardFacts facts) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            CardDrawing.hints(g);
            background(g);
            header(g, facts);
            List<Rectangle> names = members(g, facts);
            footer(g, facts);
            return new Rendered(image, names);
        } finally {
            g.dispose();
        }
    }

    private static void background(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xFF, 0x9F, 0x1C), WIDTH, HEIGHT, new Color(0xF2, 0x5C, 0x2A)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // Popcorn kernels: a few soft circles, always in the same places.
        g.setColor(new Color(255, 255, 255, 28));
        int[][] kernels = {{1090, 70, 120}, {1150, 190, 70}, {40, 560, 110}, {980, 560, 90}, {620, 40, 50}};
        for (int[] k : kernels) {
            g.fill(new Ellipse2D.Double(k[0] - k[2] / 2.0, k[1] - k[2] / 2.0, k[2], k[2]));
        }
        g.setColor(CREAM);
        g.fill(new RoundRectangle2D.Double(40, 150, WIDTH - 80, 400, 36, 36));
    }

    /** The line under the award's name: the award's week named by its release, as every page names it. */
    static String subtitle(AwardFacts facts) {
        return "Release · 版本 " + facts.version();
    }

    private static void header(Graphics2D g, AwardFacts facts) {
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(Font.BOLD, 46f));
        g.drawString(AnnounceAward.AWARD_NAME, 60, 82);
        g.setFont(FONT.deriveFont(26f));
        g.drawString(subtitle(facts), 60, 126);
        String teams = String.join(" & ", facts.winners().stream().map(AwardFacts.Winner::teamName).toList());
        // One card for readers of both languages: a Chinese title beside the English one where there is one.
        String titles = String.join(" · ", facts.winners().stream()
                .map(w -> w.titleZh().equals(w.title()) ? w.title() : w.titleZh() + " " + w.title()).toList());
        g.setColor(INK);
        g.setFont(fit(g, teams, FONT.deriveFont(Font.BOLD, 58f), WIDTH - 160));
        g.drawString(teams, 80, 225);
        g.setColor(new Color(0x8A, 0x4B, 0x1C));
        g.setFont(fit(g, titles, FONT.deriveFont(30f), WIDTH - 160));
        g.drawString(titles, 80, 272);
    }

    private List<Rectangle> members(Graphics2D g, AwardFacts facts) {
        List<Member> members = new ArrayList<>();
        facts.winners().forEach(w -> members.addAll(w.members()));
        List<Member> shown = members.subList(0, Math.min(MAX_MEMBERS, members.size()));
        List<Rectangle> boxes = new ArrayList<>();
        if (shown.isEmpty()) {
            return boxes;
        }
        int slot = Math.min(170, (WIDTH - 160) / shown.size());
        int size = Math.min(120, slot - 20);
        int left = (WIDTH - slot * shown.size()) / 2;
        int top = 310;
        Font nameFont = FONT.deriveFont(Font.BOLD, size >= 100 ? 24f : 18f);
        for (int i = 0; i < shown.size(); i++) {
            Member member = shown.get(i);
            int x = left + i * slot + (slot - size) / 2;
            Ellipse2D circle = new Ellipse2D.Double(x, top, size, size);
            var photo = photos.load(member.photoUrl());
            if (photo.isPresent()) {
                var clip = g.getClip();
                g.setClip(circle);
                g.drawImage(photo.get(), x, top, size, size, null);
                g.setClip(clip);
            } else {
                g.setColor(new Color(0xFF, 0xC8, 0x6B));
                g.fill(circle);
                g.setColor(INK);
                g.setFont(FONT.deriveFont(Font.BOLD, size * 0.45f));
                String initial = new String(Character.toChars(member.name().codePointAt(0)));
                FontMetrics m = g.getFontMetrics();
                g.drawString(initial, x + (size - m.stringWidth(initial)) / 2,
                        top + (size + m.getAscent() - m.getDescent()) / 2);
            }
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(5f));
            g.draw(circle);
            g.setColor(INK);
            g.setFont(fit(g, member.name(), nameFont, slot - 8));
            FontMetrics m = g.getFontMetrics();
            int nameX = left + i * slot + (slot - m.stringWidth(member.name())) / 2;
            int baseline = top + size + 38;
            g.drawString(member.name(), nameX, baseline);
            boxes.add(new Rectangle(nameX, baseline - m.getAscent(), m.stringWidth(member.name()),
                    m.getAscent() + m.getDescent()));
        }
        return boxes;
    }

    private static void footer(Graphics2D g, AwardFacts facts) {
        long votes = facts.winners().stream().mapToLong(AwardFacts.Winner::votes).max().orElse(0);
        // Of the ballots counted, as the announcement and the results page say.
        String line = votes + " / " + facts.result().ballots() + " 票 votes";
        g.setColor(INK);
        g.setFont(FONT.deriveFont(Font.BOLD, 28f));
        FontMetrics m = g.getFontMetrics();
        g.drawString(line, WIDTH - 80 - m.stringWidth(line), 525);
        g.setColor(Color.WHITE);
        g.setFont(FONT.deriveFont(22f));
        g.drawString("Popcorn · " + facts.resultsUrl(), 60, 596);
    }

    /** The font, made smaller until {@code text} fits in {@code width}. */
    private static Font fit(Graphics2D g, String text, Font font, int width) {
        return CardDrawing.fit(g, text, font, width, 12);
    }
}
