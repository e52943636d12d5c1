package dev.popcorn.web.json;

import dev.popcorn.app.week.WeekOverview.ReleaseView;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.release.TestSummary;
import java.time.Instant;
import java.util.List;

/** A release as the API shows it: its dates, whether reports are open, the build it shipped from, and each feature's feedback. */
public record ReleaseJson(long id, String version, Instant shippedAt, Instant reportsCloseAt, boolean reportsOpen,
        long reports, Long pollId, Build build, List<Feature> features) {

    /** The CI build the release shipped from, with what its tests said when known. */
    public record Build(String job, int number, String url, TestSummary tests) {
    }

    /** A feature with its counts and latest comments. */
    public record Feature(String key, String summary, String summaryZh, String team, long likes, long notGoodEnough,
            List<String> comments) {
        static Feature of(FeatureFeedback f) {
            return new Feature(f.feature().key(), f.feature().summary(), f.feature().summaryZh(),
                    f.feature().teamSlug(), f.likes(),
                    f.notGoodEnough(), f.comments());
        }
    }

    public static ReleaseJson of(ReleaseView view, Instant now) {
        var release = view.release();
        Build build = view.shipment().map(s -> new Build(s.build().job(), s.build().number(), s.build().url(),
                s.tests().orElse(null))).orElse(null);
        return new ReleaseJson(release.id(), release.version(), release.shippedAt(), release.reportsCloseAt(),
                release.acceptsReportsAt(now), view.reports(), view.pollId().orElse(null), build,
                view.feedback().stream().map(Feature::of).toList());
    }
}
