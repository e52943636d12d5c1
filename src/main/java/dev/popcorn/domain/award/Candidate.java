package dev.popcorn.domain.award;

import dev.popcorn.domain.Languages;
import dev.popcorn.domain.Text;
import dev.popcorn.domain.release.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project a team shipped in the week, standing for the Popcorn Award: a title and a one-line pitch (in
 * English, and in Chinese where someone gave them: {@code titleZh}, {@code pitchZh}, empty otherwise), its tickets.
 */
public record Candidate(
        long id, long pollId, String teamSlug, String title, String titleZh, List<String> tickets, String pitch,
        String pitchZh, CandidateStatus status, String reason, String reasonZh) {

    public Candidate {
        Text.require(title, "candidate.title", 1, 120);
        titleZh = Text.optional(titleZh, "candidate.titleZh", 120);
        pitch = Text.optional(pitch, "candidate.pitch", 200);
        pitchZh = Text.optional(pitchZh, "candidate.pitchZh", 200);
        tickets = List.copyOf(tickets);
        reason = Text.optional(reason, "candidate.reason", 1000);
        reasonZh = Text.optional(reasonZh, "candidate.reasonZh", 1000);
    }

    public Candidate(long id, long pollId, String teamSlug, String title, String titleZh, List<String> tickets,
            String pitch,
            String pitchZh, CandidateStatus status, String reason) {
        this(id, pollId, teamSlug, title, titleZh, tickets, pitch, pitchZh, status, reason, "");
    }

    public Candidate(long id, long pollId, String teamSlug, String title, List<String> tickets, String pitch,
            CandidateStatus status, String reason) {
        this(id, pollId, teamSlug, title, "", tickets, pitch, "", status, reason);
    }

    /** The title a reader of this language reads: the Chinese one on Chinese pages where there is one. */
    public String titleFor(Locale locale) {
        return Languages.chinese(locale) && !titleZh.isEmpty() ? titleZh : title;
    }

    /** Why it was taken out, as a reader of this language reads it: the Chinese reason on Chinese pages where there is one. */
    public String reasonFor(Locale locale) {
        return Languages.chinese(locale) && !reasonZh.isEmpty() ? reasonZh : reason;
    }

    /** The pitch a reader of this language reads: the Chinese one on Chinese pages where there is one. */
    public String pitchFor(Locale locale) {
        return Languages.chinese(locale) && !pitchZh.isEmpty() ? pitchZh : pitch;
    }

    /**
     * The candidates a release proposes: one per team, in the order the features came, titled
     * after the team's first feature, with all its tickets and the other features as the pitch.
     * Leads edit, add and withdraw them before the poll opens.
     */
    public static List<Candidate> proposeFrom(List<Feature> features, long pollId) {
        Map<String, List<Feature>> byTeam = new LinkedHashMap<>();
        features.forEach(f -> byTeam.computeIfAbsent(f.teamSlug(), k -> new ArrayList<>()).add(f));
        List<Candidate> proposed = new ArrayList<>();
        byTeam.forEach((team, shipped) -> {
            String title = Text.cut(shipped.get(0).summary(), 120);
            String titleZh = Text.cut(shipped.get(0).summaryZh(), 120);
            String pitch = Text.cut(String.join(" · ", shipped.stream().skip(1).map(Feature::summary).toList()), 200);
            // In Chinese where every other feature has a Chinese summary; else none (the English pitch is read).
            boolean allZh = shipped.stream().skip(1).noneMatch(f -> f.summaryZh().isEmpty());
            String pitchZh = allZh
                    ? Text.cut(String.join(" · ", shipped.stream().skip(1).map(Feature::summaryZh).toList()), 200)
                    : "";
            proposed.add(
                    new Candidate(0, pollId, team, title, titleZh, shipped.stream().map(Feature::key).toList(), pitch,
                            pitchZh, CandidateStatus.ACTIVE, ""));
        });
        return proposed;
    }

    public boolean isActive() {
        return status == CandidateStatus.ACTIVE;
    }

    /** The same candidate with a lead's corrections. */
    public Candidate edited(String newTitle, String newTitleZh, List<String> newTickets, String newPitch,
            String newPitchZh) {
        return new Candidate(id, pollId, teamSlug, newTitle, newTitleZh, newTickets, newPitch, newPitchZh, status,
                reason, reasonZh);
    }

    public Candidate withStatus(CandidateStatus newStatus, String why) {
        return withStatus(newStatus, why, "");
    }

    /** The candidate in another state, for a reason given in English and, optionally, in Chinese. */
    public Candidate withStatus(CandidateStatus newStatus, String why, String whyZh) {
        return new Candidate(id, pollId, teamSlug, title, titleZh, tickets, pitch, pitchZh, newStatus, why, whyZh);
    }
}
