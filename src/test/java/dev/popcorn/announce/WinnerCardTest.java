package dev.popcorn.announce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.award.AwardFacts;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WinnerCardTest {

    private final WinnerCard card = new WinnerCard(new Photos(Path.of("target"), () -> "http://localhost:0"));

    @Test
    void theCardIsAShareSizedPngThatIsNotBlank() throws Exception {
        byte[] png = card.png(AwardSamples.camera("王磊", "Li Na", "陈晓雨"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/winner-card-sample.png"), png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(distinctColours(image, new Rectangle(0, 0, 1200, 630))).isGreaterThan(500);
    }

    @Test
    void theWeekIsNamedByItsReleaseNotByADate() {
        AwardFacts facts = AwardSamples.camera("王磊");
        assertThat(WinnerCard.subtitle(facts)).contains(facts.version()).doesNotContain(facts.weekOf().toString());
        assertThat(WinnerCard.font().canDisplayUpTo(WinnerCard.subtitle(facts))).isEqualTo(-1);
    }

    @Test
    void theShippedFontHasTheGlyphsOfChineseNamesAndTheAwardsName() {
        assertThat(WinnerCard.font().getFamily()).contains("Noto Sans SC");
        assertThat(WinnerCard.font().canDisplayUpTo("爆米花奖 · Popcorn Award 王磊 陈晓雨 龙")).isEqualTo(-1);
    }

    @Test
    void everyMembersNameIsDrawnWhereTheCardSaysAndDifferentNamesLookDifferent() {
        WinnerCard.Rendered wang = card.render(AwardSamples.camera("王磊", "Li Na", "陈晓雨"));
        WinnerCard.Rendered zhao = card.render(AwardSamples.camera("赵敏", "Li Na", "陈晓雨"));

        assertThat(wang.nameBoxes()).hasSize(3);
        for (Rectangle box : wang.nameBoxes()) {
            assertThat(box.width).isPositive();
            assertThat(darkPixels(wang.image(), box)).as("ink in " + box).isGreaterThan(20);
        }
        // Missing glyphs would draw the same empty boxes for both names; real glyphs differ.
        Rectangle first = wang.nameBoxes().get(0).union(zhao.nameBoxes().get(0));
        assertThat(differentPixels(wang.image(), zhao.image(), first)).isGreaterThan(50);
        Rectangle same = wang.nameBoxes().get(1);
        assertThat(differentPixels(wang.image(), zhao.image(), same)).isZero();
    }

    @Test
    void aMemberWithoutAPhotoGetsTheirInitialAndManyMembersStillFit() {
        String[] names = new String[14];
        for (int i = 0; i < names.length; i++) {
            names[i] = "成员" + (i + 1);
        }
        WinnerCard.Rendered crowded = card.render(AwardSamples.camera(names));

        assertThat(crowded.nameBoxes()).hasSize(12);
        assertThat(crowded.nameBoxes()).allSatisfy(box -> {
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).isLessThanOrEqualTo(1200);
        });
    }

    private static int distinctColours(BufferedImage image, Rectangle area) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = area.x; x < area.x + area.width; x += 2) {
            for (int y = area.y; y < area.y + area.height; y += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int darkPixels(BufferedImage image, Rectangle box) {
        int dark = 0;
        for (int x = box.x; x < box.x + box.width; x++) {
            for (int y = box.y; y < box.y + box.height; y++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static int differentPixels(BufferedImage a, BufferedImage b, Rectangle box) {
        int different = 0;
        for (int x = box.x; x < box.x + box.width; x++) {
            for (int y = box.y; y < box.y + box.height; y++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    different++;
                }
            }
        }
        return different;
    }
}
