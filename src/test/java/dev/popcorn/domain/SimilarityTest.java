package dev.popcorn.domain;

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
}
