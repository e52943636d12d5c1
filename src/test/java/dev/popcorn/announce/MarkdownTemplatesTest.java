package dev.popcorn.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.app.award.AwardFacts;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.team.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownTemplatesTest {

    @Test
    void theBuiltInTemplatesNameTheWinnersWithPhotosCountsAndThanksInBothLanguages() {
        String text = new MarkdownTemplates(null, List.of("zh-CN", "en"))
                .render(AwardSamples.cameraWithPhotos("https://cdn.example.com/", "王磊", "Li Na"));

        String[] parts = text.split("\n---\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).contains("爆米花奖", "相机团队 Camera", "128 票", "感谢全部 225 位投票的用户", "王磊 · Li Na");
        assertThat(parts[1]).contains("Popcorn Award", "**128 votes**", "Thank you to all 225 voters", "电池 Battery");
        assertThat(text)
                .contains(
                        "![王磊](https\\://cdn\\.example\\.com/0\\.png) ![Li Na](https\\://cdn\\.example\\.com/1\\.png)")
                .contains("(https\\://popcorn\\.example\\.com/polls/9)");
    }

    @Test
    void aDisqualifiedProjectIsNamedWithItsReasonAndItsBallotsAreSaidNotToCount() {
        AwardFacts many = AwardSamples.camera("王磊");
        List<dev.popcorn.domain.award.Candidate> field = List.of(many.result().standings().get(0).candidate(),
                many.result().standings().get(1).candidate().withStatus(
                        dev.popcorn.domain.award.CandidateStatus.DISQUALIFIED,
                        "Votes bought with [free] phones"));
        AwardFacts facts = new AwardFacts(many.pollId(), many.version(), many.weekOf(),
                List.of(new AwardFacts.Winner("camera", "相机团队 Camera", "夜景模式 Night mode", "", 1, 1.0, List.of())),
                PollResult.of(field, Map.of(1L, 1L, 2L, 2L)), many.teamNames(), many.resultsUrl(), many.cardUrl());

        String[] parts = new MarkdownTemplates(null, List.of("zh-CN", "en")).render(facts).split("\n---\n");

        assertThat(parts[0]).contains("~~Quiet charging~~", "已取消资格：Votes bought with \\[free\\] phones",
                "计入 1 票；投给已取消资格项目的 2 票不计入", "感谢全部 3 位投票的用户");
        assertThat(parts[1]).contains("**1 vote** (100 %)",
                "| — | ~~Quiet charging~~ | 电池 Battery | disqualified: Votes bought"
                        + " with \\[free\\] phones |",
                "1 ballot was counted; 2 were set aside: their project was taken out of the poll.",
                "Thank you to all 3 voters!");
    }

    @Test
    void ballotsOfAProjectWithdrawnWithVotesAreNotSaidToBeOfADisqualifiedOne() {
        AwardFacts many = AwardSamples.camera("王磊");
        List<dev.popcorn.domain.award.Candidate> field = List.of(many.result().standings().get(0).candidate(),
                many.result().standings().get(1).candidate()
                        .withStatus(dev.popcorn.domain.award.CandidateStatus.WITHDRAWN, ""));
        AwardFacts facts = new AwardFacts(many.pollId(), many.version(), many.weekOf(),
                List.of(new AwardFacts.Winner("camera", "相机团队 Camera", "夜景模式 Night mode", "", 1, 1.0, List.of())),
                PollResult.of(field, Map.of(1L, 1L, 2L, 2L)), many.teamNames(), many.resultsUrl(), many.cardUrl());

        String chinese = new MarkdownTemplates(null, List.of("zh-CN")).render(facts);

        assertThat(chinese).contains("已撤回 |", "投给已取消资格或已撤回项目的 2 票不计入");
    }

    @Test
    void theAwardsWeekIsNamedByItsReleaseInBothLanguages() {
        AwardFacts facts = AwardSamples.camera("王磊");

        String[] parts = new MarkdownTemplates(null, List.of("zh-CN", "en")).render(facts).split("\n---\n");

        assertThat(parts[0]).startsWith("# 🍿 爆米花奖 · 版本 2026.11.20").doesNotContain("2026-11-20");
        assertThat(parts[1].strip()).startsWith("# 🍿 Popcorn Award · release 2026.11.20").doesNotContain("2026-11-20");
    }

    @Test
    void chineseReadersReadTheChineseTitlesAndPitchesWhereThereAreSome() {
        AwardFacts many = AwardSamples.camera("王磊");
        List<dev.popcorn.domain.award.Candidate> field = List.of(
                new dev.popcorn.domain.award.Candidate(1, 9, "camera", "Night camera", "夜拍相机", List.of("MIUI-2101"), "",
                        "",
                        dev.popcorn.domain.award.CandidateStatus.ACTIVE, ""),
                new dev.popcorn.domain.award.Candidate(2, 9, "battery", "Quiet charging", "", List.of(), "", "",
                        dev.popcorn.domain.award.CandidateStatus.ACTIVE, ""));
        AwardFacts facts = new AwardFacts(many.pollId(), many.version(), many.weekOf(),
                List.of(new AwardFacts.Winner("camera", "相机团队 Camera", "Night camera", "夜拍相机", "Photos after dark",
                        "天黑以后也能拍", 2, 0.67, List.of())),
                PollResult.of(field, Map.of(1L, 2L, 2L, 1L)), many.teamNames(), many.resultsUrl(), many.cardUrl());

        String[] parts = new MarkdownTemplates(null, List.of("zh-CN", "en")).render(facts).split("\n---\n");

        assertThat(parts[0]).contains("## 夜拍相机 —— 相机团队 Camera", "> 天黑以后也能拍", "| 夜拍相机 |", "| Quiet charging |")
                .doesNotContain("Night camera", "Photos after dark");
        assertThat(parts[1]).contains("Night camera", "> Photos after dark").doesNotContain("夜拍相机", "天黑以后");
    }

    @Test
    void oneVoteAndOneVoterAreSingularInEnglish() {
        AwardFacts many = AwardSamples.camera("王磊");
        AwardFacts one = new AwardFacts(many.pollId(), many.version(), many.weekOf(),
                List.of(new AwardFacts.Winner("camera", "相机团队 Camera", "夜景模式 Night mode", "", 1, 1.0, List.of())),
                PollResult.of(List.of(many.result().standings().get(0).candidate()), Map.of(1L, 1L)), many.teamNames(),
                many.resultsUrl(), many.cardUrl());

        String text = new MarkdownTemplates(null, List.of("en")).render(one);

        assertThat(text).contains("**1 vote**", "Thank you to our one voter!").doesNotContain("1 votes", "1 voters");
    }

    @Test
    void userTextCannotOpenALinkAnImageHtmlOrAHeading() {
        AwardFacts facts = AwardSamples.camera("<img src=x onerror=alert(1)>", "[click](https://evil.example)",
                "# Big\n## News");

        String text = new MarkdownTemplates(null, List.of("en")).render(facts);

        assertThat(text).doesNotContainPattern("(?<!\\\\)<img").doesNotContainPattern("(?<!\\\\)\\[click\\]")
                .doesNotContain("\n# Big");
        assertThat(text).contains("\\<img src\\=x onerror\\=alert\\(1\\)\\>",
                "\\[click\\]\\(https\\://evil\\.example\\)",
                "\\# Big ");
        // An at sign is followed by a zero-width space: the forum mentions (and notifies) nobody.
        assertThat(MarkdownTemplates.escape("**bold** _it_ `code` @everyone"))
                .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` @\u200Beveryone");
        // A date, a version and a hyphenated word read as written; a mark that could start something is still escaped.
        assertThat(MarkdownTemplates.escape("2026-12-04 · 2026.12.04 · Wi-Fi"))
                .isEqualTo("2026-12-04 · 2026.12.04 · Wi-Fi");
        assertThat(MarkdownTemplates.escape("- item -x a. 1. evil.example"))
                .isEqualTo("\\- item \\-x a\\. 1\\. evil\\.example");
    }

    @Test
    void aTeamsOwnTemplateFolderIsUsedAndAMissingTemplateIsRefusedAtOnce(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("announcement.en.md"), "Hooray, {{ winners[0].team }}!\n{{ result }}\nBye.");
        Files.writeString(folder.resolve("announcement-result.en.md"), "{{ ballots }} voters");

        String text = new MarkdownTemplates(folder, List.of("en"))
                .render(AwardSamples.camera(new Member("A", "").name()));

        assertThat(text).isEqualTo("Hooray, 相机团队 Camera!\n225 voters\nBye.\n");
        assertThatThrownBy(() -> new MarkdownTemplates(folder, List.of("zh-CN", "en")))
                .hasMessageContaining("announcement.zh-CN.md");
    }

    @Test
    void aTeamsTemplateThatTypesTheResultItselfIsRefusedAtStartAndTheWordsHoldAMarkerPerLanguage(@TempDir Path folder)
            throws Exception {
        // A template from before the result was generated: its numbers could go stale before approval.
        Files.writeString(folder.resolve("announcement.en.md"),
                "{# {{ result }} is not here #}Hooray: {{ ballots }} voters!");
        assertThatThrownBy(() -> new MarkdownTemplates(folder, List.of("en")))
                .hasMessageContaining("announcement.en.md").hasMessageContaining("{{ result }}");

        String words = new MarkdownTemplates(null, List.of("zh-CN", "en")).words(AwardSamples.camera("王磊"));
        assertThat(words).contains("[[result:zh-CN]]", "[[result:en]]", "爆米花奖", "Popcorn Award")
                .doesNotContain("128", "225");
    }
}
