package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackCsvTest {

    private static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void oneQuotedRowPerVerdictWithTheFeatureAndTeamAndNoCommentEverAFormula() {
        Release release = new Release(7, "2026.11.20", FRIDAY, FRIDAY.plusSeconds(4 * 86400), List.of(
                new Feature("MIUI-1", "Night mode", "夜景模式", "camera"),
                new Feature("MIUI-2", "Quiet charging", "battery")));
        List<ReportStore.Handed> reports = List.of(new ReportStore.Handed("fan-1", FRIDAY.plusSeconds(60), List.of(
                new FeatureVerdict("MIUI-1", Verdict.LIKE, "=HYPERLINK(\"http://x\",\"click\")"),
                new FeatureVerdict("MIUI-2", Verdict.NOT_GOOD_ENOUGH, "慢, \"很慢\"\n真的"))));

        String csv = FeedbackCsv.of(release, reports, Map.of("camera", new Team("camera", "相机团队 Camera", List.of())));

        assertThat(csv).startsWith(
                "\uFEFF\"release\",\"feature\",\"summary\",\"summary_zh\",\"team\",\"verdict\",\"comment\",\"user\","
                        + "\"handed_in_at\"\r\n");
        String[] rows = csv.substring(1).split("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).isEqualTo("\"2026.11.20\",\"MIUI-1\",\"Night mode\",\"夜景模式\",\"相机团队 Camera\",\"LIKE\","
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",\"fan-1\",\"2026-11-20T10:01:00Z\"");
        assertThat(rows[2])
                .isEqualTo("\"2026.11.20\",\"MIUI-2\",\"Quiet charging\",\"\",\"battery\",\"NOT_GOOD_ENOUGH\","
                        + "\"慢, \"\"很慢\"\"\n真的\",\"fan-1\",\"2026-11-20T10:01:00Z\"");
    }

    @Test
    void everyCellAFormulaCouldStartWithGetsAnApostrophe() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(FeedbackCsv.cell(start + "1")).isEqualTo("\"'" + start + "1\"");
        }
        assertThat(FeedbackCsv.cell("fine")).isEqualTo("\"fine\"");
        assertThat(FeedbackCsv.cell(null)).isEqualTo("\"\"");
    }
}
