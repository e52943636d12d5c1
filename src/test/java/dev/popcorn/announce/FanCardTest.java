package dev.popcorn.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.FanCards.Facts;
import dev.popcorn.app.participation.FanCards.Format;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FanCardTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final FanCard card = new FanCard();

    static Facts xiaoming(String name, Locale locale) {
        return new Facts(name, locale == ZH ? "内测先锋" : "Pioneer", 12, 48, 3,
                List.of(locale == ZH ? "金牌·报告达人" : "Gold · Reporter", locale == ZH ? "银牌·连续参与" : "Silver · Streak"),
                locale);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void eachFormatIsAPngOfExactlyItsSizeAndNotBlank(Format format) throws Exception {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            byte[] png = card.png(xiaoming("小明 Xiaoming", locale), format);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/fan-card-" + format.tag() + "-" + locale.getLanguage() + ".png"), png);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(image.getWidth()).isEqualTo(format.width());
            assertThat(image.getHeight()).isEqualTo(format.height());
            FanCard.Rendered rendered = card.render(xiaoming("小明 Xiaoming", locale), format);
            // The level, the headline: a lot of white ink on the orange.
            assertThat(lightPixels(rendered.image(), rendered.levelBox())).as("level in " + rendered.levelBox())
                    .isGreaterThan(rendered.levelBox().width * rendered.levelBox().height / 10);
            // The numbers' panel: orange digits and dark labels on cream, antialiased.
            assertThat(distinctColours(rendered.image(), rendered.statsBox())).isGreaterThan(40);
            assertThat(darkPixels(rendered.image(), rendered.statsBox())).isGreaterThan(500);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aChineseNameIsDrawnInRealGlyphs(Format format) {
        FanCard.Rendered named = card.render(xiaoming("小明", ZH), format);
        FanCard.Rendered unnamed = card.render(xiaoming("", ZH), format);
        FanCard.Rendered other = card.render(xiaoming("赵敏", ZH), format);

        Rectangle box = named.nameBox();
        assertThat(box.width).isPositive();
        assertThat(differentPixels(named.image(), unnamed.image(), box)).as("the name is drawn").isGreaterThan(200);
        // Missing glyphs would be the same empty boxes for both names; real glyphs differ.
        assertThat(differentPixels(named.image(), other.image(), box.union(other.nameBox()))).isGreaterThan(200);
        assertThat(CardDrawing.FONT.canDisplayUpTo("小明赵敏内测先锋金牌·报告达人连续参与的版本")).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aLongNameIsCutWithinTheCard(Format format) {
        String longName = "Wolfeschlegelsteinhausenbergerdorff 沃尔夫施莱格尔施泰因豪森贝格尔多夫 ".repeat(6);
        FanCard.Rendered rendered = card.render(xiaoming(longName, Locale.ENGLISH), format);

        Rectangle box = rendered.nameBox();
        assertThat(box.x).isGreaterThanOrEqualTo(40);
        assertThat(box.x + box.width).isLessThanOrEqualTo(format.width() - 40);
        // The card is still there below the name.
        assertThat(lightPixels(rendered.image(), rendered.levelBox())).isGreaterThan(1000);
    }

    @Test
    void oddInputNeverThrows() {
        String controls = "\u202Eevil\u0000\u0007\u200B\t\n name \uD83D\uDE80 \uDBFF";
        List<Facts> odd = Arrays.asList(
                new Facts(null, null, -5, -1, Integer.MIN_VALUE, null, null),
                new Facts("", "", 0, 0, 0, List.of(), ZH),
                new Facts(controls, controls, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                        Arrays.asList(null, "", controls, "x".repeat(5000), "fourth", "fifth"),
                        Locale.forLanguageTag("fr")),
                new Facts("😀🎉", "🏆", 1, 1, 1, List.of("🥇"), Locale.ENGLISH),
                new Facts("x".repeat(100_000), "y".repeat(10_000), 1, 1, 1, List.of("z".repeat(10_000)), ZH));
        for (Facts facts : odd) {
            for (Format format : Format.values()) {
                assertThatCode(() -> card.png(facts, format)).as(facts.name().length() + " " + format)
                        .doesNotThrowAnyException();
            }
        }
        assertThat(odd.get(2).badges()).hasSize(3);
    }

    @Test
    void englishLabelsSayOneBuildButTwelveBuilds() {
        BufferedImage one = card.render(new Facts("A", "Fan", 1, 1, 1, List.of(), Locale.ENGLISH), Format.WIDE).image();
        BufferedImage many = card.render(new Facts("A", "Fan", 12, 12, 12, List.of(), Locale.ENGLISH), Format.WIDE)
                .image();
        // The labels differ ("build tested" / "builds tested"), not only the digits: compare the label row.
        assertThat(differentPixels(one, many, new Rectangle(60, 518, 1080, 40))).isGreaterThan(100);
        assertThat(java.text.MessageFormat.format(
                java.util.ResourceBundle.getBundle("i18n/messages", Locale.ROOT).getString("card.buildsTested"), 1))
                .isEqualTo("build tested");
        assertThat(java.text.MessageFormat.format(
                java.util.ResourceBundle.getBundle("i18n/messages", Locale.ROOT).getString("card.buildsTested"), 12))
                .isEqualTo("builds tested");
    }

    @Test
    void aCardIsDrawnOnceUntilSomethingOnItChanges() {
        Facts facts = xiaoming("小明", ZH);
        byte[] first = card.png(facts, Format.WIDE);
        assertThat(card.png(xiaoming("小明", ZH), Format.WIDE)).isSameAs(first);
        assertThat(card.png(facts, Format.STORY)).isNotSameAs(first);
        Facts oneMore = new Facts("小明", "内测先锋", 13, 48, 3, facts.badges(), ZH);
        assertThat(card.png(oneMore, Format.WIDE)).isNotEqualTo(first);

        FanCards cards = new FanCards((id, locale) -> java.util.Optional.empty(), card,
                () -> "https://popcorn.example");
        assertThat(cards.fingerprint(facts, Format.WIDE)).isEqualTo(cards.fingerprint(xiaoming("小明", ZH), Format.WIDE))
                .isNotEqualTo(cards.fingerprint(facts, Format.STORY))
                .isNotEqualTo(cards.fingerprint(oneMore, Format.WIDE))
                .isNotEqualTo(cards.fingerprint(xiaoming("小明", Locale.ENGLISH), Format.WIDE))
                .matches("[0-9a-f]{32}");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aZeroIsNeverDrawnAndACardWithNoNumberSaysTheFanIsStarting(Format format) {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            FanCard.Rendered some = card.render(new Facts("小明", "米粉", 0, 5, 0, List.of(), locale), format);
            assertThat(some.numbers()).containsExactly("5");
            assertThat(some.instead()).isEmpty();

            FanCard.Rendered none = card.render(new Facts("小明", "米粉", 0, 0, 0, List.of(), locale), format);
            assertThat(none.numbers()).isEmpty();
            assertThat(none.instead())
                    .isEqualTo(locale == ZH ? "刚刚起步，周五新版见！" : "Just getting started: see you at Friday's build!");
            // The line is drawn where the numbers would be: ember ink on the cream panel.
            assertThat(count(none.image(), none.statsBox(), rgb -> brightness(rgb) < 500))
                    .as("the line in " + none.statsBox())
                    .isGreaterThan(500);
            save(none, "fan-card-starting-" + format.tag() + "-" + locale.getLanguage());
        }
    }

    /** The badges no card could show whole before (a third of the width each): long, and longer, in both languages. */
    static List<String> longBadges(Locale locale) {
        return locale == ZH
                ? List.of("金牌·爆米花奖得主", "银牌·连续十二个版本都认真提交体验报告的超级测试达人与捉虫能手之王", "铜牌·心愿成真")
                : List.of("Popcorn Award winner · Gold",
                        "Silver · The most dedicated weekly build tester who never misses a single Friday release",
                        "Wish come true · Bronze");
    }

    @Test
    void theStoryPosterDrawsEveryBadgesWholeNameInBothLanguages() throws Exception {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            List<String> longest = longBadges(locale);
            for (List<String> badges : List.of(longest,
                    List.of("Popcorn Award winner · Bronze", "Season voter · Silver", "Wish come true · Silver"),
                    List.of("金牌·爆米花奖得主", "银牌·全季投票", "铜牌·心愿成真"))) {
                for (int[] counts : new int[][] {{12, 48, 3}, {0, 0, 0}}) {
                    Facts facts = new Facts("小明 Xiaoming", locale == ZH ? "内测先锋" : "Pioneer", counts[0], counts[1],
                            counts[2],
                            badges, locale);
                    FanCard.Rendered rendered = card.render(facts, Format.STORY);
                    wholeAndInside(rendered, badges, Format.STORY);
                    if (badges == longest) {
                        save(rendered, "fan-card-story-long-badges-" + locale.getLanguage()
                                + (counts[0] > 0 ? "" : "-starting"));
                    }
                }
            }
        }
        // The long one needs more than a line of its own; the short ones share rows.
        FanCard.Rendered english = card.render(
                new Facts("A", "Pioneer", 1, 1, 1, longBadges(Locale.ENGLISH), Locale.ENGLISH),
                Format.STORY);
        assertThat(english.badges().get(1).lines()).hasSizeGreaterThan(1);
        FanCard.Rendered chinese = card.render(new Facts("A", "内测先锋", 1, 1, 1, longBadges(ZH), ZH), Format.STORY);
        assertThat(chinese.badges().get(1).lines()).hasSizeGreaterThan(1);
    }

    @Test
    void theWideCardShowsTheLongestRealBadgeNamesWhole() {
        for (Locale locale : List.of(ZH, Locale.ENGLISH)) {
            List<String> badges = locale == ZH ? List.of("金牌·爆米花奖得主", "银牌·全季投票", "铜牌·心愿成真")
                    : List.of("Popcorn Award winner · Bronze", "Season voter · Silver", "Wish come true · Silver");
            FanCard.Rendered rendered = card.render(new Facts("小明", "Pioneer", 12, 48, 3, badges, locale), Format.WIDE);
            wholeAndInside(rendered, badges, Format.WIDE);
        }
    }

    /**
     * Each badge's pill holds its whole name (its lines put together give the name back, with no "…"),
     * every line fits its pill, the pills stay on the card, apart from each other, the level and the
     * numbers, and the pixels along the pill's inner edges are untouched white: no glyph was cut there.
     */
    private static void wholeAndInside(FanCard.Rendered rendered, List<String> badges, Format format) {
        assertThat(rendered.badges()).hasSameSizeAs(badges);
        Graphics2D g = rendered.image().createGraphics();
        try {
            for (int i = 0; i < badges.size(); i++) {
                FanCard.Pill pill = rendered.badges().get(i);
                String name = badges.get(i);
                assertThat(String.join("", pill.lines()).replace(" ", "")).as(name).isEqualTo(name.replace(" ", ""));
                assertThat(String.join(" ", pill.lines())).doesNotContain("…");
                Rectangle box = pill.box();
                assertThat(box.x).as(name).isGreaterThanOrEqualTo(40);
                assertThat(box.x + box.width).as(name).isLessThanOrEqualTo(format.width() - 40);
                assertThat(box.intersects(rendered.levelBox())).as(name + " clear of the level").isFalse();
                assertThat(box.intersects(rendered.statsBox())).as(name + " clear of the numbers").isFalse();
                for (int j = 0; j < i; j++) {
                    assertThat(box.intersects(rendered.badges().get(j).box())).as(name + " clear of the badge before")
                            .isFalse();
                }
                g.setFont(pill.font());
                for (String line : pill.lines()) {
                    assertThat(CardDrawing.width(g, line)).as(line).isLessThanOrEqualTo(box.width - 20f);
                }
                // Glyphs drawn: orange ink inside; none in the pad along the left and right edges.
                Rectangle inner = new Rectangle(box.x + box.height / 2, box.y + 4, box.width - box.height,
                        box.height - 8);
                assertThat(count(rendered.image(), inner, rgb -> brightness(rgb) < 600)).as(name + " is drawn")
                        .isGreaterThan(100);
                int mid = box.y + box.height / 2;
                for (int x : new int[] {box.x + 6, box.x + 10, box.x + box.width - 11, box.x + box.width - 7}) {
                    assertThat(rendered.image().getRGB(x, mid) & 0xffffff).as(name + " edge at x=" + x)
                            .isEqualTo(0xffffff);
                }
            }
        } finally {
            g.dispose();
        }
    }

    @Test
    void wrappingKeepsEveryCharacterAndBreaksWhereTheLanguageAllows() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setFont(CardDrawing.FONT.deriveFont(java.awt.Font.BOLD, 36f));
            String chinese = "银牌·连续十二个版本都认真提交体验报告的超级测试达人与捉虫能手之王";
            List<String> zh = CardDrawing.wrap(g, chinese, 400, ZH);
            assertThat(zh).hasSizeGreaterThan(1);
            assertThat(String.join("", zh)).isEqualTo(chinese);
            String english = "Silver · The most dedicated weekly build tester who never misses a Friday";
            List<String> en = CardDrawing.wrap(g, english, 400, Locale.ENGLISH);
            assertThat(String.join(" ", en)).isEqualTo(english);
            // Between words only: every line ends and starts a word.
            assertThat(en).allSatisfy(
                    line -> assertThat(english).containsPattern("(^|\\s)" + java.util.regex.Pattern.quote(line)
                            + "(\\s|$)"));
            String word = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft";
            List<String> cut = CardDrawing.wrap(g, word, 300, Locale.ENGLISH);
            assertThat(String.join("", cut)).isEqualTo(word);
            for (List<String> lines : List.of(zh, en)) {
                assertThat(lines).allSatisfy(line -> assertThat(CardDrawing.width(g, line)).isLessThanOrEqualTo(400f));
            }
            assertThat(cut).allSatisfy(line -> assertThat(CardDrawing.width(g, line)).isLessThanOrEqualTo(300f));
            assertThat(CardDrawing.wrap(g, "短", 400, ZH)).containsExactly("短");
            assertThat(CardDrawing.wrap(g, " ", 400, ZH)).isEmpty();
        } finally {
            g.dispose();
        }
    }

    private static void save(FanCard.Rendered rendered, String name) {
        try {
            Files.createDirectories(Path.of("target"));
            ImageIO.write(rendered.image(), "png", Path.of("target/" + name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int distinctColours(BufferedImage image, Rectangle area) {
        Set<Integer> colours = new HashSet<>();
        for (int x = area.x; x < area.x + area.width; x++) {
            for (int y = area.y; y < area.y + area.height; y++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    private static int darkPixels(BufferedImage image, Rectangle box) {
        return count(image, box, rgb -> brightness(rgb) < 300);
    }

    private static int lightPixels(BufferedImage image, Rectangle box) {
        return count(image, box, rgb -> brightness(rgb) > 700);
    }

    private static int count(BufferedImage image, Rectangle box, java.util.function.IntPredicate test) {
        int n = 0;
        Rectangle inside = box.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        for (int x = inside.x; x < inside.x + inside.width; x++) {
            for (int y = inside.y; y < inside.y + inside.height; y++) {
                if (test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int differentPixels(BufferedImage a, BufferedImage b, Rectangle box) {
        int different = 0;
        Rectangle inside = box.intersection(new Rectangle(0, 0, a.getWidth(), a.getHeight()));
        for (int x = inside.x; x < inside.x + inside.width; x++) {
            for (int y = inside.y; y < inside.y + inside.height; y++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    different++;
                }
            }
        }
        return different;
    }
}
