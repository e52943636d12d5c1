package dev.popcorn.domain.release;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A weekly build that users report on: its version, when it shipped, until when reports are
 * accepted, and the features it brings (each a ticket of one team).
 */
public record Release(long id, String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features) {

    public Release {
        Text.require(version, "release.version", 1, 64);
        if (!reportsCloseAt.isAfter(shippedAt)) {
            throw RuleViolation.invalid("release.deadline.beforeShip");
        }
        if (features.isEmpty()) {
            throw RuleViolation.invalid("release.features.empty");
        }
        Set<String> keys = new HashSet<>();
        for (Feature feature : features) {
            if (!keys.add(feature.key())) {
                throw RuleViolation.invalid("release.features.duplicate", feature.key());
            }
        }
        features = List.copyOf(features);
    }

    public boolean acceptsReportsAt(Instant now) {
        return now.isBefore(reportsCloseAt);
    }

    public Optional<Feature> feature(String key) {
        return features.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
