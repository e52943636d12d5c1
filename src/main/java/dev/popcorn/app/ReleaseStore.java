package dev.popcorn.app;

import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureFeedback;
import dev.popcorn.domain.Release;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Releases and their features. */
public interface ReleaseStore {

    /** Stores a new release; a version that exists already is a conflict. */
    Release create(String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features);

    Optional<Release> find(long id);

    Optional<Release> findByVersion(String version);

    /** The most recently shipped releases, newest first. */
    List<Release> recent(int limit);

    /** Counts and latest comments per feature, in the release's feature order. */
    List<FeatureFeedback> feedback(long releaseId, int commentsPerFeature);
}
