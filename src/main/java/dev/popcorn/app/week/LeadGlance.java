package dev.popcorn.app.week;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.award.Tally;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.release.Release;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead's glance at the week on their desk: the current release's feedback by feature with the latest comments,
 * the releases before it as a trend, and the poll's count while it runs (leads only).
 */
public final class LeadGlance {

    /**
     * A lead's glance at the week (issue 18): the current release's feedback by feature with its latest
     * comments by verdict, the releases before it as a trend, and while its poll is open the count so far
     * (leads only; in review the result is on the poll itself).
     */
    public record Glance(Release release, long reports, List<FeatureFeedback> features,
            Map<String, Map<dev.popcorn.domain.feedback.Verdict, List<String>>> comments, List<TrendPoint> trend,
            Optional<Poll> poll,
            Optional<PollResult> count) {
    }

    /** One release of the trend: its reports and verdicts. */
    public record TrendPoint(Release release, long reports, long likes, long notGoodEnough) {
        /** Likes among the verdicts, 0..100; 0 without verdicts. */
        public long likeShare() {
            long verdicts = likes + notGoodEnough;
            return verdicts == 0 ? 0 : Math.round(100.0 * likes / verdicts);
        }
    }

    private final ReleaseStore releases;
    private final ReportStore reports;
    private final PollStore polls;
    private final Tally tally;
    private final Clock clock;

    public LeadGlance(ReleaseStore releases, ReportStore reports, PollStore polls, Tally tally, Clock clock) {
        this.releases = releases;
        this.reports = reports;
        this.polls = polls;
        this.tally = tally;
        this.clock = clock;
    }

    /**
     * The glance at the current release, with the {@code back} releases before it in the trend (oldest
     * first) and at most {@code perVerdict} of the latest comments of each verdict on each feature.
     */
    public Optional<Glance> glance(int back, int perVerdict) {
        List<Release> recent = releases.recent(back + 1);
        return recent.stream().findFirst().map(release -> {
            // One query for the current release and the trend's alike.
            Map<Long, List<FeatureFeedback>> feedback = releases.feedback(recent, 0);
            List<FeatureFeedback> features = feedback.getOrDefault(release.id(), List.of());
            Map<String, Map<dev.popcorn.domain.feedback.Verdict, List<String>>> comments = new HashMap<>();
            for (ReportStore.Handed handed : reports.latest(release.id(), 500)) {
                for (dev.popcorn.domain.feedback.FeatureVerdict v : handed.verdicts()) {
                    if (!v.comment().isBlank()) {
                        List<String> said = comments.computeIfAbsent(v.featureKey(), k -> new java.util.EnumMap<>(
                                dev.popcorn.domain.feedback.Verdict.class))
                                .computeIfAbsent(v.verdict(), k -> new ArrayList<>());
                        if (said.size() < perVerdict) {
                            said.add(v.comment());
                        }
                    }
                }
            }
            List<TrendPoint> trend = new ArrayList<>();
            for (Release r : recent) {
                List<FeatureFeedback> of = feedback.getOrDefault(r.id(), List.of());
                trend.add(0,
                        new TrendPoint(r, reports.count(r.id()), of.stream().mapToLong(FeatureFeedback::likes).sum(),
                                of.stream().mapToLong(FeatureFeedback::notGoodEnough).sum()));
            }
            Optional<Poll> poll = polls.findByRelease(release.id());
            return new Glance(release, reports.count(release.id()), features, comments, trend, poll,
                    countWhileOpen(poll));
        });
    }

    /** The count so far of the newest release's poll while it is open, alone: what the lead's page asks for again and again. */
    public Optional<PollResult> liveCount() {
        return releases.recent(1).stream().findFirst()
                .flatMap(release -> countWhileOpen(polls.findByRelease(release.id())));
    }

    private Optional<PollResult> countWhileOpen(Optional<Poll> poll) {
        return poll.filter(p -> p.stateAt(clock.instant()) == PollState.OPEN).map(tally::of);
    }
}
