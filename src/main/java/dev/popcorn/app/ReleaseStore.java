package dev.popcorn.app;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases and their features. */
public interface ReleaseStore {

    /** The build a release shipped from, and what its tests said if that is known. */
    record Shipment(BuildRef build, Optional<TestSummary> tests) {
    }

    /** Stores a new release; a version that exists already is a conflict. */
    default Release create(String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features) {
        return create(version, shippedAt, reportsCloseAt, features, Optional.empty(), Optional.empty());
    }

    /**
     * Stores a new release shipped from {@code build}; a version that exists already, or a build
     * that shipped another release, is a conflict.
     */
    Release create(String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features,
            Optional<BuildRef> build, Optional<TestSummary> tests);

    /** The release a build shipped, if it shipped one. */
    Optional<Release> findByBuild(String job, int number);

    /** Where the release came from, if a build shipped it. */
    default Optional<Shipment> shipment(long releaseId) {
        return Optional.ofNullable(shipments(List.of(releaseId)).get(releaseId));
    }

    /** Where these releases came from, by release id; a release no build shipped is left out. One query. */
    Map<Long, Shipment> shipments(Collection<Long> releaseIds);

    /** Records what the release build's tests said, replacing an earlier summary. */
    void attachTests(long releaseId, TestSummary tests);

    Optional<Release> find(long id);

    /** The releases with these ids (those that exist), newest first. A fixed number of queries. */
    List<Release> findAll(Collection<Long> ids);

    Optional<Release> findByVersion(String version);

    /** The most recently shipped releases, newest first. */
    List<Release> recent(int limit);

    /** Counts and latest comments per feature, in the release's feature order. */
    default List<FeatureFeedback> feedback(long releaseId, int commentsPerFeature) {
        Release release = find(releaseId).orElseThrow(() -> RuleViolation.notFound("release.unknown", releaseId));
        return feedback(List.of(release), commentsPerFeature).get(releaseId);
    }

    /** {@link #feedback(long, int)} of several releases at once, by release id, in a fixed number of queries. */
    Map<Long, List<FeatureFeedback>> feedback(List<Release> releases, int commentsPerFeature);
}
