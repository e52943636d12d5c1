package dev.popcorn.domain;

import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test-data builders for the domain: {@code aPoll().withCandidates(3).open().closingAt(t).build()}. */
public final class DomainTestData {

    public static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    private DomainTestData() {
    }

    private static final String[] VOCABULARY = ("camera night shutter battery charging screen gallery folder icon widget"
            + " weather music video call message keyboard sound volume brightness theme dark light photo portrait focus"
            + " zoom lens colour speed lag crash update setting menu button gesture swipe scroll notification alarm clock"
            + " calendar contact map route signal wifi bluetooth storage backup cloud").split(" ");

    /**
     * A comment of its own for report {@code i}: twelve words picked by {@code i}, so that two reports' comments share
     * almost no three words in a row (no near copy of each other, CommentSketch), however many reports are written.
     */
    public static String comment(int i) {
        StringBuilder text = new StringBuilder("Report " + i + ":");
        long state = 0x9E3779B97F4A7C15L * (i + 1);
        for (int word = 0; word < 12; word++) {
            state ^= state >>> 29;
            state *= 0xBF58476D1CE4E5B9L;
            state ^= state >>> 32;
            text.append(' ').append(VOCABULARY[(int) Long.remainderUnsigned(state, VOCABULARY.length)]);
        }
        return text.toString();
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

    /**
     * Builds polls in every state: a draft (the default), open, closed early or by its time, approved;
     * with candidates withdrawn or disqualified.
     */
    public static final class PollBuilder {
        private long id = 1;
        private long release = 1;
        private int candidates = 2;
        private PollState state = PollState.DRAFT;
        private Instant closesAt = FRIDAY.plus(Duration.ofDays(6));
        private Instant closedAt;
        private Instant approvedAt;
        private String announcement = "";
        private final java.util.Map<Integer, Candidate> changed = new java.util.HashMap<>();

        public PollBuilder id(long value) {
            id = value;
            return this;
        }

        public PollBuilder ofRelease(long value) {
            release = value;
            return this;
        }

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

        /** Open, and closed by a lead at {@code at} (before its closing time). */
        public PollBuilder closedEarlyAt(Instant at) {
            state = PollState.OPEN;
            closedAt = at;
            closesAt = at;
            return this;
        }

        /** Closed, then approved by a lead at {@code at} with this announcement. */
        public PollBuilder approvedAt(Instant at, String text) {
            state = PollState.APPROVED;
            closedAt = closedAt == null ? closesAt : closedAt;
            approvedAt = at;
            announcement = text;
            return this;
        }

        /** The candidate number {@code index} (from 1) withdrawn before the poll opened. */
        public PollBuilder withdrawn(int index) {
            changed.put(index, candidate(index, CandidateStatus.WITHDRAWN, ""));
            return this;
        }

        /** The candidate number {@code index} (from 1) disqualified by a lead, with the reason. */
        public PollBuilder disqualified(int index, String reason) {
            changed.put(index, candidate(index, CandidateStatus.DISQUALIFIED, reason));
            return this;
        }

        private Candidate candidate(int i, CandidateStatus status, String reason) {
            return new Candidate(i, id, "team-" + i, "Project " + i, List.of("POP-" + i), "pitch " + i, status,
                    reason);
        }

        public Poll build() {
            List<Candidate> list = new ArrayList<>();
            for (int i = 1; i <= candidates; i++) {
                list.add(changed.getOrDefault(i, candidate(i, CandidateStatus.ACTIVE, "")));
            }
            return new Poll(id, release, "Popcorn Award · test", state, state == PollState.DRAFT ? null : FRIDAY,
                    closesAt,
                    list, approvedAt, approvedAt == null ? null : "lead", closedAt, announcement);
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
