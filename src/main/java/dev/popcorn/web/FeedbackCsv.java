package dev.popcorn.web;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A release's feedback as CSV (RFC 4180) for engineers who want it in a sheet: one row per verdict,
 * newest report first, UTF-8 with a byte-order mark (so a spreadsheet reads Chinese right). Every cell
 * is quoted; a cell a spreadsheet would run as a formula (=, +, -, @, a tab or a return first) gets an
 * apostrophe in front, so a fan's comment can never become one.
 */
final class FeedbackCsv {

    /** Reports in one export; a week beyond that exports its newest. */
    static final int MAX_REPORTS = 100_000;

    private FeedbackCsv() {
    }

    static String of(Release release, List<ReportStore.Handed> reports, Map<String, Team> teams) {
        Map<String, Feature> features = release.features().stream()
                .collect(Collectors.toMap(Feature::key, Function.identity(), (a, b) -> a));
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, "release", "feature", "summary", "summary_zh", "team", "verdict", "comment", "user", "handed_in_at");
        for (ReportStore.Handed report : reports) {
            for (FeatureVerdict v : report.verdicts()) {
                Feature feature = features.get(v.featureKey());
                String team = feature == null ? "" : teams.containsKey(feature.teamSlug())
                        ? teams.get(feature.teamSlug()).name() : feature.teamSlug();
                row(csv, release.version(), v.featureKey(), feature == null ? "" : feature.summary(),
                        feature == null ? "" : feature.summaryZh(), team,
                        v.verdict().name(), v.comment(), report.userId(), report.handedInAt().toString());
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
