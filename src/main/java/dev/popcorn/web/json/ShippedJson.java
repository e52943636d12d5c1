package dev.popcorn.web.json;

import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.week.WeekOverview;
import java.time.Instant;
import java.util.List;

/**
 * What opening a release answers: whether it was created now (or found opened by the same build
 * or version), the release and its poll — or, for a dry run, what would be opened — and the ticket
 * keys that were named but are no tickets.
 */
public record ShippedJson(boolean created, boolean dryRun, Preview preview, List<CandidatePreview> candidates,
        ReleaseJson release, PollJson poll, List<String> ignoredKeys) {

    /** The release a dry run would open. */
    public record Preview(String version, Instant reportsCloseAt, List<FeaturePreview> features) {
    }

    public record FeaturePreview(String key, String summary, String summaryZh, String team) {
    }

    /** A candidate a dry run would propose. */
    public record CandidatePreview(String team, String title, List<String> tickets) {
    }

    public static ShippedJson of(ShipRelease.Shipped shipped, WeekOverview overview) {
        if (shipped.dryRun()) {
            var release = shipped.release();
            Preview preview = new Preview(release.version(), release.reportsCloseAt(), release.features().stream()
                    .map(f -> new FeaturePreview(f.key(), f.summary(), f.summaryZh(), f.teamSlug())).toList());
            return new ShippedJson(shipped.created(), true, preview, shipped.candidates().stream()
                    .map(c -> new CandidatePreview(c.teamSlug(), c.title(), c.tickets())).toList(), null, null,
                    shipped.ignoredKeys());
        }
        return new ShippedJson(shipped.created(), false, null, null,
                ReleaseJson.of(overview.view(shipped.release()), overview.now()),
                shipped.pollId().map(id -> PollJson.of(overview.poll(id, true))).orElse(null), shipped.ignoredKeys());
    }
}
