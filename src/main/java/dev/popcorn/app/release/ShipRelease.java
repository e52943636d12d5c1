package dev.popcorn.app.release;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import java.util.List;
import java.util.Optional;

/**
 * A build ships: the release round opens with the features its source names (listed, or found
 * in the tracker by query, keys or change log). A build opens at most one release: reported again
 * (a retried webhook, a re-run step, the webhook and the step both), it answers the release it
 * opened and changes nothing. A dry run checks everything and writes nothing but its audit entry.
 * The CI pipeline gets what a build needs and no more: the configured release query, the keys it
 * names or its change log mentions, never a query of its own (that would read any ticket Popcorn's
 * tracker account can see); what it asks the tracker for is audited.
 */
public final class ShipRelease {

    /** What to open. */
    public record Request(String version, FeatureSource source, Optional<BuildRef> build, Optional<TestSummary> tests,
            boolean dryRun) {
    }

    /**
     * What was opened, or found opened by the same build ({@code created} false), or would be
     * opened ({@code dryRun}: the release has id 0 and there is no poll); the mentioned keys
     * that are no tickets.
     */
    public record Shipped(Release release, Optional<Long> pollId, List<Candidate> candidates, boolean created,
            boolean dryRun, List<String> ignoredKeys) {
    }

    private final OpenRelease openRelease;
    private final dev.popcorn.app.AuditLog audit;
    private final java.time.Clock clock;
    private final TrackerSync trackerSync;
    private final ReleaseStore releases;
    private final PollStore polls;

    public ShipRelease(OpenRelease openRelease, TrackerSync trackerSync, ReleaseStore releases, PollStore polls,
            dev.popcorn.app.AuditLog audit, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.openRelease = openRelease;
        this.trackerSync = trackerSync;
        this.releases = releases;
        this.polls = polls;
    }

    public Shipped ship(Request request, String actor) {
        if (request.version() == null || request.version().isBlank()) {
            throw RuleViolation.invalid("request.field.missing", "version");
        }
        String version = request.version().strip();
        if (dev.popcorn.app.identity.SignIn.CI.equals(actor) && request.source() instanceof FeatureSource.Query query
                && !query.query().isBlank()) {
            throw RuleViolation.forbidden("release.jql.notForCi");
        }
        Optional<Shipped> before = request.build().flatMap(build -> shippedBy(build, version, request.tests()));
        if (before.isPresent()) {
            return before.get();
        }
        List<Feature> features;
        List<Ticket> tickets = List.of();
        List<String> ignored = List.of();
        if (request.source() instanceof FeatureSource.Listed listed) {
            features = listed.features();
        } else {
            TrackerSync.Found found = trackerSync.find(version, request.source());
            features = found.features();
            tickets = found.tickets();
            ignored = found.ignored();
        }
        if (request.dryRun()) {
            OpenRelease.Preview preview = openRelease.preview(version, features);
            audit.record(
                    new dev.popcorn.domain.AuditEntry(clock.instant(), actor, "release.preview", "release:" + version,
                            "dry run: " + features.size() + " features found ("
                                    + request.source().getClass().getSimpleName() + ")")
                            .noted("releasePreview", version, features.size()));
            return new Shipped(preview.release(), Optional.empty(), preview.candidates(), false, true, ignored);
        }
        OpenRelease.Opened opened;
        try {
            opened = openRelease.open(version, features, request.build(), request.tests(), actor);
        } catch (RuleViolation e) {
            // The same build reported twice at once: the one that lost the race answers what the other opened.
            if (e.kind() == RuleViolation.Kind.CONFLICT && request.build().isPresent()) {
                Optional<Shipped> raced = shippedBy(request.build().get(), version, Optional.empty());
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw e;
        }
        if (!tickets.isEmpty()) {
            trackerSync.opened(tickets);
        }
        return new Shipped(opened.release(), Optional.of(opened.poll().id()), opened.poll().candidates(), true, false,
                ignored);
    }

    /** Where the release came from, if a build shipped it. */
    public Optional<ReleaseStore.Shipment> shipment(long releaseId) {
        return releases.shipment(releaseId);
    }

    /** Records what a release build's tests said. */
    public Release attachTests(long releaseId, TestSummary tests) {
        Release release = releases.find(releaseId)
                .orElseThrow(() -> RuleViolation.notFound("release.unknown", releaseId));
        releases.attachTests(releaseId, tests);
        return release;
    }

    /** The release this build opened; a build that opened another version is a conflict. */
    private Optional<Shipped> shippedBy(BuildRef build, String version, Optional<TestSummary> tests) {
        Optional<Release> release = releases.findByBuild(build.job(), build.number());
        if (release.isEmpty()) {
            return Optional.empty();
        }
        if (!release.get().version().equals(version)) {
            throw RuleViolation.conflict("build.shipped.other", build, release.get().version());
        }
        tests.ifPresent(summary -> releases.attachTests(release.get().id(), summary));
        Optional<Poll> poll = polls.findByRelease(release.get().id());
        return Optional.of(new Shipped(release.get(), poll.map(Poll::id), poll.map(Poll::candidates).orElse(List.of()),
                false, false, List.of()));
    }
}
