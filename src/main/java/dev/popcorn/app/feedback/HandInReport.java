package dev.popcorn.app.feedback;

import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.ParticipationEvent;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A user hands in (or edits) their experience report on a release before its deadline. */
public final class HandInReport {

    private final Transactions transactions;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final ParticipationStore participation;
    private final Clock clock;

    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports,
            ParticipationStore participation, Clock clock) {
        this.transactions = transactions;
        this.releases = releases;
        this.reports = reports;
        this.participation = participation;
        this.clock = clock;
    }

    public void handIn(ExperienceReport report) {
        Instant now = clock.instant();
        Release release = releases.find(report.releaseId())
                .orElseThrow(() -> RuleViolation.notFound("release.unknown", report.releaseId()));
        if (!release.acceptsReportsAt(now)) {
            throw RuleViolation.closed("report.closed", release.version());
        }
        report.checkAgainst(release);
        for (long wish : report.supportedWishes()) {
            if (!reports.wishExists(wish)) {
                throw RuleViolation.invalid("report.wish.unknown", wish);
            }
        }
        transactions.inTransaction(() -> {
            reports.save(report, now);
            participation.record(ParticipationEvent.of(
                    report.userId(), ParticipationKind.REPORT_HANDED_IN, "release:" + release.id(), now));
            return null;
        });
    }

    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return reports.find(releaseId, userId);
    }
}
