package dev.popcorn.domain;

import java.util.List;

/** A project a team shipped in the week, standing for the Popcorn Award: a title, its tickets, a one-line pitch. */
public record Candidate(
        long id, long pollId, String teamSlug, String title, List<String> tickets, String pitch,
        CandidateStatus status, String reason) {

    public Candidate {
        Text.require(title, "candidate.title", 1, 120);
        pitch = Text.optional(pitch, "candidate.pitch", 200);
        tickets = List.copyOf(tickets);
        reason = reason == null ? "" : reason;
    }

    public boolean isActive() {
        return status == CandidateStatus.ACTIVE;
    }

    public Candidate withStatus(CandidateStatus newStatus, String why) {
        return new Candidate(id, pollId, teamSlug, title, tickets, pitch, newStatus, why);
    }
}
