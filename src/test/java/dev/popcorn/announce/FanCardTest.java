package dev.popcorn.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.FanCards.Facts;
import dev.popcorn.app.participation.FanCards.Format;
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
                List.of(locale == ZH ? "金牌·报告达人" : "Gold · Reporter", locale == ZH ? "银牌·连续参与" : "Silver · Streak"), locale);
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
                        Arrays.asList(null, "", controls, "x".repeat(5000), "fourth", "fifth"), Locale.forLanguageTag("fr")),
                new Facts("😀🎉", "🏆", 1, 1, 1, List.of("🥇"), Locale.ENGLISH),
                new Facts("x".repeat(100_000), "y".repeat(10_000), 1, 1, 1, List.of("z".repeat(10_000)), ZH));
        for (Facts facts : odd) {
            for (Format format : Format.values()) {
                assertThatCode(() -> card.png(facts, format)).as(facts.name().length() + " " + format).doesNotThrowAnyException();
            }
        }
        assertThat(odd.get(2).badges()).hasSize(3);
    }

    @Test
    void englishLabelsSayOneBuildButTwelveBuilds() {
        BufferedImage one = card.render(new Facts("A", "Fan", 1, 1, 1, List.of(), Locale.ENGLISH), Format.WIDE).image();
        BufferedImage many = card.render(new Facts("A", "Fan", 12, 12, 12, List.of(), Locale.ENGLISH), Format.WIDE).image();
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

        FanCards cards = new FanCards((id, locale) -> java.util.Optional.empty(), card, () -> "https://popcorn.example");
        assertThat(cards.fingerprint(facts, Format.WIDE)).isEqualTo(cards.fingerprint(xiaoming("小明", ZH), Format.WIDE))
                .isNotEqualTo(cards.fingerprint(facts, Format.STORY))
                .isNotEqualTo(cards.fingerprint(oneMore, Format.WIDE))
                .isNotEqualTo(cards.fingerprint(xiaoming("小明", Locale.ENGLISH), Format.WIDE))
                .matches("[0-9a-f]{32}");
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
