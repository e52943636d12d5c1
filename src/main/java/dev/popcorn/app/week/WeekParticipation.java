package dev.popcorn.app.week;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.award.BallotStore;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The week's participation as a lead reviews it: the funnel of a release (opened its page →
 * handed in a real report → voted in its poll), its latest reports with what a lead marked
 * helpful, and the newest grants of the ledger. Records a signed-in user's first visit to a
 * release's page, cheaply and never failing the page. Each answer takes a fixed number of queries.
 */
public final class WeekParticipation {

    /** The funnel of one release: users at each step, and the poll whose ballots are the last one (if it has one). */
    public record Funnel(long releaseId, long opened, long reported, long voted, Optional<Long> pollId) {

        /** The largest step, for scaling bars (at least 1). */
        public long scale() {
            return Math.max(1, Math.max(opened, Math.max(reported, voted)));
        }

        /** {@code n} as a whole percentage of those who opened the page; empty when nobody did. */
        public Optional<Long> ofOpened(long n) {
            return opened == 0 ? Optional.empty() : Optional.of(Math.round(100.0 * n / opened));
        }
    }

    /** A report as a lead reviews it: whether the report is marked helpful, and which tickets' comments are. */
    public record Reviewed(ReportStore.Handed report, boolean helpful, Set<String> helpfulComments) {

        public List<FeatureVerdict> verdicts() {
            return report.verdicts();
        }
    }

    /** Visits remembered by this instance, so a page opened again writes nothing; losing it costs one idempotent insert. */
    private static final int REMEMBERED = 50_000;

    private final FunnelStore funnel;
    private final ReportStore reports;
    private final ParticipationStore ledger;
    private final PollStore polls;
    private final BallotStore ballots;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public WeekParticipation(FunnelStore funnel, ReportStore reports, ParticipationStore ledger, PollStore polls,
            BallotStore ballots, Clock clock) {
        this.funnel = funnel;
        this.reports = reports;
        this.ledger = ledger;
        this.polls = polls;
        this.ballots = ballots;
        this.clock = clock;
    }

    /**
     * A signed-in user opened the release's page: the first time is kept for the funnel. Never
     * throws: a page must not fail because its count could not be written (the failure is logged).
     */
    public void opened(long releaseId, String userId) {
        String key = releaseId + "/" + userId;
        if (seen.contains(key)) {
            return;
        }
        try {
            funnel.visit(releaseId, userId, clock.instant());
            if (seen.size() >= REMEMBERED) {
                seen.clear();
            }
            seen.add(key);
        } catch (RuntimeException e) {
            System.getLogger(WeekParticipation.class.getName()).log(System.Logger.Level.WARNING,
                    "could not keep the visit of " + userId + " to release " + releaseId, e);
        }
    }

    /** The release's funnel now. */
    public Funnel funnel(long releaseId) {
        Optional<Long> poll = polls.findByRelease(releaseId).map(p -> p.id());
        long voted = poll.map(id -> ballots.tally(id).values().stream().mapToLong(Long::longValue).sum()).orElse(0L);
        return new Funnel(releaseId, funnel.visitors(releaseId), funnel.reporters(releaseId), voted, poll);
    }

    /** The release's latest reports with their helpful marks (two queries for the reports, one for the marks). */
    public List<Reviewed> reports(long releaseId, int limit) {
        List<ReportStore.Handed> latest = reports.latest(releaseId, limit);
        String ref = "release:" + releaseId;
        Map<String, List<Grant>> marks = ledger.marks(ParticipationKind.REPORT_HELPFUL,
                latest.stream().map(ReportStore.Handed::userId).toList(), ref)
                .stream().collect(Collectors.groupingBy(Grant::userId));
        return latest.stream().map(r -> {
            List<Grant> mine = marks.getOrDefault(r.userId(), List.of());
            return new Reviewed(r, mine.stream().anyMatch(g -> g.ref().equals(ref)), mine.stream()
                    .filter(g -> g.ref().startsWith(ref + "/")).map(g -> g.ref().substring(ref.length() + 1))
                    .collect(Collectors.toUnmodifiableSet()));
        }).toList();
    }

    /** The newest grants of every user, newest first. */
    public List<Grant> recentGrants(int limit) {
        return ledger.recent(limit);
    }
}
