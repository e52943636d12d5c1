package dev.popcorn.domain.award;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.RuleViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementTextTest {

    private static final List<String> BOTH = List.of("en", "zh-CN");
    private static final String MARKERS = "\n[[result:en]]\n\n---\n\n[[result:zh-CN]]\n";

    /** Portrait mode (team-1) led with 2 votes and was disqualified; Night shots (team-2) now wins with 1, Dark theme has 0. */
    private static PollResult afterTheDisqualification() {
        Candidate portrait = new Candidate(1, 1, "camera", "Faster portrait mode", "更快的人像模式", List.of("POP-1"), "", "",
                CandidateStatus.DISQUALIFIED, "a bot voted");
        Candidate night = new Candidate(2, 1, "camera", "Night shots", "夜景拍摄", List.of("POP-2"), "", "",
                CandidateStatus.ACTIVE, "");
        Candidate dark = new Candidate(3, 1, "system", "Dark theme", "深色主题", List.of("POP-3"), "", "",
                CandidateStatus.ACTIVE, "");
        return PollResult.of(List.of(portrait, night, dark), Map.of(1L, 2L, 2L, 1L));
    }

    @Test
    void theResultIsWrittenIntoEachLanguagesMarkerAndTheWordsAroundItAreKept() {
        String words = "# Well done!\n[[result:en]]\nSee you Friday.\n---\n# 干得好\n[[result:zh-CN]]\n";
        assertThat(AnnouncementText.fill(words, Map.of("en", "Night shots: 1 vote\n", "zh-CN", "夜景拍摄：1 票")))
                .isEqualTo("# Well done!\nNight shots: 1 vote\nSee you Friday.\n---\n# 干得好\n夜景拍摄：1 票\n");
        assertThat(AnnouncementText.fill("[[result:fr]] stays", Map.of("en", "x"))).isEqualTo("[[result:fr]] stays");
        assertThat(AnnouncementText.fill("$1 and \\ [[result:en]]", Map.of("en", "$2 \\ votes")))
                .as("the result is literal text, not a replacement pattern").isEqualTo("$1 and \\ $2 \\ votes");
    }

    @Test
    void wordsThatAgreeWithTheResultPass() {
        AnnouncementText.check(
                "# Congratulations, camera team: Night shots!" + MARKERS + "See you next Friday, release 2026.11.27.",
                BOTH, afterTheDisqualification());
        AnnouncementText.check("恭喜夜景拍摄！" + MARKERS, BOTH, afterTheDisqualification());
    }

    @Test
    void aMissingMarkerIsRefusedNamingTheLine() {
        assertThatViolation(
                () -> AnnouncementText.check("Night shots wins!\n[[result:en]]\n", BOTH, afterTheDisqualification()))
                .is(RuleViolation.Kind.CONFLICT, "announcement.result.missing");
        RuleViolation refused = (RuleViolation) org.assertj.core.api.Assertions.catchThrowable(
                () -> AnnouncementText.check("Night shots wins!\n[[result:en]]\n", BOTH, afterTheDisqualification()));
        assertThat(refused.args()).containsExactly("[[result:zh-CN]]");
    }

    @Test
    void staleNumbersOrATableTypedByTheLeadAreRefusedQuotingTheLine() {
        for (String stale : new String[] {"更快的人像模式 —— Camera 相机 2 票（67%）", "**2 votes** (67 %)",
                "| 1 | Night shots | Camera | 1 |",
                "Thank you to all 3 voters!", "感谢全部 3 位投票的用户！", "Night shots won with 1 ballot"}) {
            RuleViolation refused = (RuleViolation) org.assertj.core.api.Assertions.catchThrowable(
                    () -> AnnouncementText.check("Hello" + MARKERS + stale, BOTH, afterTheDisqualification()));
            assertThat(refused).as(stale).isNotNull();
            assertThat(refused.code()).as(stale).isEqualTo("announcement.result.numbers");
            assertThat(refused.args()).containsExactly(stale);
        }
    }

    @Test
    void namingTheProjectSetAsideIsRefusedInEitherLanguageAndWithMarkdownEscapes() {
        for (String words : new String[] {"Congratulations to Faster portrait mode!", "恭喜更快的人像模式！",
                "## FASTER PORTRAIT MODE", "Faster portrait mode\\!", "Faster  portrait\nmode"}) {
            RuleViolation refused = (RuleViolation) org.assertj.core.api.Assertions.catchThrowable(
                    () -> AnnouncementText.check(words + MARKERS, BOTH, afterTheDisqualification()));
            assertThat(refused).as(words).isNotNull();
            assertThat(refused.code()).as(words).isEqualTo("announcement.result.setAside");
            assertThat(refused.args()).containsExactly("Faster portrait mode", "更快的人像模式", 1);
        }
    }

    @Test
    void namingAProjectThatDidNotWinIsRefusedWithTheWinner() {
        RuleViolation refused = (RuleViolation) org.assertj.core.api.Assertions.catchThrowable(
                () -> AnnouncementText.check("Dark theme takes the bucket!" + MARKERS, BOTH,
                        afterTheDisqualification()));
        assertThat(refused.code()).isEqualTo("announcement.result.notWinner");
        assertThat(refused.args()).containsExactly("Dark theme", "Night shots", "深色主题", "夜景拍摄");
    }

    @Test
    void aShortTitleInsideTheWinnersLongerOneIsNoContradiction() {
        Candidate night = new Candidate(1, 1, "camera", "Night shots everywhere", List.of(), "", CandidateStatus.ACTIVE,
                "");
        Candidate shots = new Candidate(2, 1, "system", "Night shots", List.of(), "", CandidateStatus.ACTIVE, "");
        PollResult result = PollResult.of(List.of(night, shots), Map.of(1L, 3L, 2L, 1L));
        AnnouncementText.check("Night shots everywhere wins!\n[[result:en]]", List.of("en"), result);
        assertThatViolation(() -> AnnouncementText.check("Night shots everywhere beat Night shots.\n[[result:en]]",
                List.of("en"), result)).is(RuleViolation.Kind.CONFLICT, "announcement.result.notWinner");
    }
}
