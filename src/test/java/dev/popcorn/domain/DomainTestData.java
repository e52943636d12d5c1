package dev.popcorn.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test-data builders for the domain: {@code aPoll().withCandidates(3).openUntil(t).build()}. */
public final class DomainTestData {

    public static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    private DomainTestData() {
    }

    public static PollBuilder aPoll() {
        return new PollBuilder();
    }

    public static ReleaseBuilder aRelease() {
        return new ReleaseBuilder();
    }

    /** A ticket of project {@code MIUI} with these components and labels. */
    public static Ticket aTicket(String key, List<String> components, List<String> labels) {
        return new Ticket(key, "Summary of " + key, "In Progress", false, key.substring(0, key.indexOf('-')),
                components, labels, List.of());
    }

    /** Builds polls. */
    public static final class PollBuilder {
        private int candidates = 2;
        private PollState state = PollState.DRAFT;
        private Instant closesAt = FRIDAY.plus(Duration.ofDays(6));

        public PollBuilder withCandidates(int count) {
            candidates = count;
            return this;
        }

        public PollBuilder open() {
            state = PollState.OPEN;
            return this;
        }

        public PollBuilder closingAt(Instant instant) {
            closesAt = instant;
            return this;
        }

        public Poll build() {
            List<Candidate> list = new ArrayList<>();
            for (int i = 1; i <= candidates; i++) {
                list.add(new Candidate(i, 1, "team-" + i, "Project " + i, List.of("POP-" + i), "pitch " + i,
                        CandidateStatus.ACTIVE, ""));
            }
            return new Poll(1, 1, "Popcorn Award · test", state, state == PollState.OPEN ? FRIDAY : null, closesAt, list,
                    null, null, null, "");
        }
    }

    /** Builds releases. */
    public static final class ReleaseBuilder {
        private int features = 3;
        private Instant reportsCloseAt = FRIDAY.plus(Duration.ofDays(4));

        public ReleaseBuilder withFeatures(int count) {
            features = count;
            return this;
        }

        public ReleaseBuilder reportsCloseAt(Instant instant) {
            reportsCloseAt = instant;
            return this;
        }

        public Release build() {
            List<Feature> list = new ArrayList<>();
            for (int i = 1; i <= features; i++) {
                list.add(new Feature("POP-" + i, "Feature " + i, "team-" + i));
            }
            return new Release(7, "2026.11.20", FRIDAY, reportsCloseAt, list);
        }
    }
}
