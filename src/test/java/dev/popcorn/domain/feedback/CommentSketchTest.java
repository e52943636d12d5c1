package dev.popcorn.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.DomainTestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near copies of a report's comments, on a corpus of real-looking variants, in English and in Chinese. */
class CommentSketchTest {

    private static final List<String> ORIGINAL = List.of(
            "Night shots are much sharper now, but the shutter takes two seconds and I lose the moment with my kids.",
            "Portrait mode finally cuts around hair properly; the blur on glasses still looks fake.");
    private static final List<String> CHINESE = List.of(
            "夜景拍照清楚多了，但是快门要等两秒，给孩子拍照常常错过瞬间。",
            "人像模式终于能把头发边缘抠干净了，不过眼镜那里的虚化还是很假。");

    private static String sketch(List<String> comments) {
        return CommentSketch.of(comments);
    }

    @Test
    void touchedUpCopiesAreNearCopies() {
        String original = sketch(ORIGINAL);
        List<List<String>> copies = List.of(
                List.of(ORIGINAL.get(0).replace("much sharper", "much much sharper"), ORIGINAL.get(1)), // one word added
                List.of(ORIGINAL.get(1), ORIGINAL.get(0)), // the comments swapped between features
                List.of(ORIGINAL.get(0).toUpperCase(java.util.Locale.ROOT).replace(",", ""), ORIGINAL.get(1) + "!!!"),
                List.of(ORIGINAL.get(0).replace("with my kids", "with my children"), ORIGINAL.get(1)), // a word changed
                List.of(ORIGINAL.get(0), ORIGINAL.get(1).replace("finally ", "")), // a word dropped
                List.of(String.join(" ", ORIGINAL))); // both comments under one feature
        for (List<String> copy : copies) {
            assertThat(CommentSketch.near(original, sketch(copy))).as(copy.toString()).isTrue();
        }
        String chinese = sketch(CHINESE);
        assertThat(
                CommentSketch.near(chinese, sketch(List.of(CHINESE.get(0).replace("清楚多了", "清楚了很多"), CHINESE.get(1)))))
                .as("a Chinese copy with a few characters changed").isTrue();
        assertThat(CommentSketch.near(chinese, sketch(List.of(CHINESE.get(1), CHINESE.get(0))))).isTrue();
    }

    @Test
    void reportsOfTheirOwnOnTheSameFeaturesAreNot() {
        String original = sketch(ORIGINAL);
        List<List<String>> own = List.of(
                List.of("The night mode is great but the shutter is slow, I missed my dog jumping twice.",
                        "Portrait blur is nice on faces, weird on glasses and on hair in the wind."),
                List.of("Shots at night come out sharper now and the colours look natural, well done camera team.",
                        "Portrait mode works on my cat too, which surprised me a lot."),
                List.of("Sharper night shots, slower shutter.",
                        "The portrait mode cut around my hair badly and the blur is fake."),
                List.of("I could not find the new portrait mode at all; where is it in the camera app?"));
        for (List<String> report : own) {
            assertThat(CommentSketch.near(original, sketch(report))).as(report.toString()).isFalse();
        }
        assertThat(CommentSketch.near(sketch(CHINESE), sketch(List.of("夜景模式很好，就是快门有点慢，拍宠物的时候错过了好几次。",
                "人像虚化在脸上很自然，在眼镜和被风吹起的头发上就不太行。")))).isFalse();
    }

    @Test
    void theTestDataWritesReportsOfTheirOwn() {
        // The other tests' reports (DomainTestData.comment) must not be near copies of each other.
        List<String> sketches = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            sketches.add(sketch(List.of(DomainTestData.comment(i))));
        }
        for (int i = 0; i < sketches.size(); i++) {
            for (int j = i + 1; j < sketches.size(); j++) {
                assertThat(CommentSketch.near(sketches.get(i), sketches.get(j))).as("comments %d and %d", i, j)
                        .isFalse();
            }
        }
    }

    @Test
    void commentsTooShortToTellHaveNoSketchAndAnOldFingerprintMatchesNothing() {
        assertThat(sketch(List.of("Good", "More please", "很好"))).isNull();
        assertThat(sketch(List.of())).isNull();
        String original = sketch(ORIGINAL);
        assertThat(original).hasSizeLessThanOrEqualTo(64).matches("[0-9a-f]{7}(,[0-9a-f]{7}){7}");
        assertThat(CommentSketch.near(original, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .isFalse();
        assertThat(CommentSketch.near(original, original)).isTrue();
        assertThat(sketch(ORIGINAL)).as("the same on every run").isEqualTo(original);
    }
}
