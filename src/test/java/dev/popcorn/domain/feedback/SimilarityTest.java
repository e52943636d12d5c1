package dev.popcorn.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void theSameWishInOtherWordsIsAMatch() {
        assertThat(Similarity.score("Dark mode for the settings screens", "Please add a dark mode in settings"))
                .isGreaterThanOrEqualTo(Similarity.MATCH);
    }

    @Test
    void chineseWishesAreComparedByCharacterPairs() {
        assertThat(Similarity.score("希望设置里有夜间模式", "设置增加夜间模式")).isGreaterThanOrEqualTo(Similarity.MATCH);
        assertThat(Similarity.score("希望设置里有夜间模式", "相机拍照更快")).isLessThan(Similarity.MATCH);
    }

    @Test
    void unrelatedWishesAreNot() {
        assertThat(Similarity.score("Dark mode for the settings screens", "Faster camera shutter"))
                .isLessThan(Similarity.MATCH);
        assertThat(Similarity.score("", "anything")).isZero();
    }

    @Test
    void identicalTextsScoreOne() {
        assertThat(Similarity.score("Call recording", "call recording!")).isEqualTo(1.0);
    }

    /** The same wish in the words fans use: dark mode or theme, record my calls or call recording. */
    @Test
    void wordFormsAndCommonSynonymsMatch() {
        assertThat(Similarity.score("dark mode for the whole phone", "A dark theme for the whole system 全局深色模式"))
                .isGreaterThanOrEqualTo(Similarity.MATCH);
        assertThat(Similarity.score("record my calls", "Call recording 通话录音")).isGreaterThanOrEqualTo(Similarity.MATCH);
        assertThat(Similarity.score("faster charging", "Charge faster")).isEqualTo(1.0);
        assertThat(Similarity.score("record my calls", "Dark theme")).isLessThan(Similarity.MATCH);
        assertThat(Similarity.stem("recorded")).isEqualTo(Similarity.stem("recording")).isEqualTo("record");
    }
}
