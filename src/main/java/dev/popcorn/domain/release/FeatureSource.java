package dev.popcorn.domain.release;

import java.util.List;

/** Where the features of a release come from when it is opened. */
public sealed interface FeatureSource {

    /** Listed one by one, each with its ticket, summary and team. */
    record Listed(List<Feature> features) implements FeatureSource {
        public Listed {
            features = List.copyOf(features);
        }
    }

    /** The tickets of the configured release query for the version ({@code jira.release-jql}). */
    record ReleaseQuery() implements FeatureSource {
    }

    /** The tickets a tracker query finds. */
    record Query(String query) implements FeatureSource {
    }

    /** Exactly these tickets: every key must be a ticket. */
    record Keys(List<String> keys) implements FeatureSource {
        public Keys {
            keys = List.copyOf(keys);
        }
    }

    /**
     * The tickets a change log mentions (commit messages): the keys found in the texts that are
     * tickets; words that only look like keys are left out and named.
     */
    record Mentions(List<String> texts) implements FeatureSource {
        public Mentions {
            texts = List.copyOf(texts);
        }
    }
}
