package dev.popcorn.web;

import dev.popcorn.app.week.LeadGlance;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.award.Place;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.PageModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The week at a glance on the lead dashboard (issue 18): what users said by feature and by team as
 * stacked bars, the trend over the releases before, the poll's count so far. Every bar is drawn from
 * numbers the page also prints, so a chart is never the only way to read them.
 */
final class LeadGlanceModel {

    /** Releases before the current one in the trend. */
    static final int TREND = 6;
    private static final int COMMENTS_PER_VERDICT = 3;

    /** One bar: likes and not-good-enough, widths in % of the widest bar of its chart. */
    record Bar(String key, String label, String team, long likes, long notGoodEnough, long likeShare, double likeWidth,
            double notWidth, List<String> liked, List<String> notLiked) {
    }

    /** One release of the trend, with the point it is drawn at (viewBox 0 0 400 80: 0 % at y 72, 100 % at y 8). */
    record Point(String version, long reports, long likeShare, boolean hasVerdicts, double x, double y) {
    }

    /** A candidate's count so far. */
    record Count(String title, String team, long votes, double width) {
    }

    private LeadGlanceModel() {
    }

    /**
     * The week at a glance: the release's feedback ({@code glance}), its bars by feature and by team, the trend and its
     * line, and the poll's count so far while it runs.
     */
    record Glance(dev.popcorn.app.week.LeadGlance.Glance glance, List<Bar> featureBars, List<Bar> teamBars,
            List<Point> trend,
            String trendLine, LiveCount count) implements PageModels.Part {
    }

    /** The poll's count so far, while it runs: each candidate's, the ballots cast, those set aside, whether only disqualified were picked. */
    record LiveCount(List<Count> liveCount, long liveCast, long liveSetAside, boolean liveOnlyDisqualified)
            implements
                PageModels.Part {
    }

    /** The glance, its features and candidates titled in the reader's language; null before any release. */
    static Glance glance(dev.popcorn.app.week.LeadGlance glances, WeekOverview overview, java.util.Locale locale) {
        return glances.glance(TREND, COMMENTS_PER_VERDICT).map(glance -> {
            Map<String, Team> teams = overview.teamsBySlug();
            List<Point> trend = trend(glance.trend());
            return new Glance(glance, featureBars(glance, teams, locale), teamBars(glance.features(), teams, locale),
                    trend,
                    line(trend), glance.count().map(result -> count(result, teams, locale)).orElse(null));
        }).orElse(null);
    }

    /** The poll's count so far alone (no feedback, trend or comments read): for the page's half-minute refresh; null when no poll runs. */
    static LiveCount liveCount(dev.popcorn.app.week.LeadGlance glances, WeekOverview overview,
            java.util.Locale locale) {
        return glances.liveCount().map(result -> count(result, overview.teamsBySlug(), locale)).orElse(null);
    }

    private static LiveCount count(PollResult result, Map<String, Team> teams, java.util.Locale locale) {
        return new LiveCount(counts(result, teams, locale), result.cast(), result.setAsideVotes(),
                result.onlyDisqualified());
    }

    private static String teamName(Map<String, Team> teams, String slug, java.util.Locale locale) {
        Team team = teams.get(slug);
        return team == null ? slug : team.nameFor(locale);
    }

    private static List<Bar> featureBars(LeadGlance.Glance glance, Map<String, Team> teams, java.util.Locale locale) {
        long widest = glance.features().stream().mapToLong(FeatureFeedback::verdicts).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (FeatureFeedback f : glance.features()) {
            Map<Verdict, List<String>> said = glance.comments().getOrDefault(f.feature().key(), Map.of());
            bars.add(bar(f.feature().key(), f.feature().summaryFor(locale),
                    teamName(teams, f.feature().teamSlug(), locale), f.likes(),
                    f.notGoodEnough(), widest, said.getOrDefault(Verdict.LIKE, List.of()),
                    said.getOrDefault(Verdict.NOT_GOOD_ENOUGH, List.of())));
        }
        return bars;
    }

    private static List<Bar> teamBars(List<FeatureFeedback> features, Map<String, Team> teams,
            java.util.Locale locale) {
        Map<String, long[]> byTeam = new LinkedHashMap<>();
        for (FeatureFeedback f : features) {
            long[] sums = byTeam.computeIfAbsent(f.feature().teamSlug(), k -> new long[2]);
            sums[0] += f.likes();
            sums[1] += f.notGoodEnough();
        }
        long widest = byTeam.values().stream().mapToLong(s -> s[0] + s[1]).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        byTeam.forEach((slug, sums) -> bars
                .add(bar(slug, teamName(teams, slug, locale), "", sums[0], sums[1], widest, List.of(),
                        List.of())));
        return bars;
    }

    private static Bar bar(String key, String label, String team, long likes, long not, long widest, List<String> liked,
            List<String> notLiked) {
        double scale = widest == 0 ? 0 : 100.0 / widest;
        long share = likes + not == 0 ? 0 : Math.round(100.0 * likes / (likes + not));
        return new Bar(key, label, team, likes, not, share, likes * scale, not * scale, liked, notLiked);
    }

    private static List<Point> trend(List<LeadGlance.TrendPoint> points) {
        List<Point> drawn = new ArrayList<>();
        int n = points.size();
        for (int i = 0; i < n; i++) {
            LeadGlance.TrendPoint p = points.get(i);
            double x = n == 1 ? 200 : 40 + 340.0 * i / (n - 1);
            double y = 72 - 64.0 * p.likeShare() / 100;
            drawn.add(new Point(p.release().version(), p.reports(), p.likeShare(), p.likes() + p.notGoodEnough() > 0, x,
                    y));
        }
        return drawn;
    }

    /** The polyline through the releases that have verdicts. */
    private static String line(List<Point> points) {
        StringBuilder line = new StringBuilder();
        for (Point p : points) {
            if (p.hasVerdicts()) {
                line.append(line.length() == 0 ? "" : " ")
                        .append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
            }
        }
        return line.toString();
    }

    private static List<Count> counts(PollResult result, Map<String, Team> teams, java.util.Locale locale) {
        long most = result.standings().stream().mapToLong(Place::votes).max().orElse(0);
        return result.standings().stream()
                .map(s -> new Count(s.candidate().titleFor(locale), teamName(teams, s.candidate().teamSlug(), locale),
                        s.votes(), most == 0 ? 0 : 100.0 * s.votes() / most))
                .toList();
    }
}
