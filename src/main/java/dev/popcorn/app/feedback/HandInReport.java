package dev.popcorn.app.feedback;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Ticket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** A user hands in (or edits) their experience report on a release before its deadline. */
public final class HandInReport {

    private final Transactions transactions;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final Ledger participation;
    private final AuditLog audit;
    private final Clock clock;
    private final Rights rights;

    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports, TicketStore tickets,
            Ledger participation, AuditLog audit, Clock clock) {
        this(transactions, releases, reports, tickets, participation, Rights.everyone(), audit, clock);
    }

    /** {@code rights} holds the daily limit of new wishes each level allows. */
    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports, TicketStore tickets,
            Ledger participation, Rights rights, AuditLog audit, Clock clock) {
        this.rights = rights;
        this.transactions = transactions;
        this.releases = releases;
        this.reports = reports;
        this.tickets = tickets;
        this.participation = participation;
        this.audit = audit;
        this.clock = clock;
    }

    public void handIn(ExperienceReport report) {
        handIn(report, List.of());
    }

    /**
     * Hands the report in, backing these open tickets too (each through the wish that stands for
     * it, filed in the ticket's words the first time). Everything is checked before anything is
     * written: a refused report leaves no wish behind.
     */
    public void handIn(ExperienceReport report, List<String> ticketKeys) {
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
        List<Ticket> backed = new ArrayList<>();
        for (String key : new LinkedHashSet<>(ticketKeys)) {
            backed.add(tickets.find(key).filter(t -> !t.done())
                    .orElseThrow(() -> RuleViolation.invalid("wish.ticket.unknown", key)));
        }
        transactions.inTransaction(() -> {
            rights.requireWishes(report.userId(), reports.unfiledWishes(report.userId(), report.releaseId(), report.newWishes()));
            List<Long> wishes = new ArrayList<>(report.supportedWishes());
            for (Ticket ticket : backed) {
                String text = ticket.summary().isBlank() ? ticket.key() : ticket.summary();
                wishes.add(reports.wishForTicket(ticket.key(), text.length() > 1200 ? text.substring(0, 1200) : text,
                        report.userId(), release.id(), now));
            }
            reports.save(new ExperienceReport(report.userId(), report.releaseId(), report.verdicts(), wishes,
                    report.newWishes()), now);
            String fingerprint = report.fingerprint();
            if (fingerprint != null) {
                reports.fingerprint(release.id(), report.userId(), fingerprint);
            }
            if (report.earnsPoints() && (fingerprint == null || !reports.copies(release.id(), report.userId(), fingerprint))) {
                participation.grant(report.userId(), ParticipationKind.REPORT_HANDED_IN, "release:" + release.id(), now);
            }
            return null;
        });
    }

    /**
     * A lead marks a user's report on a release helpful: its author earns the helpful points, once
     * (marking it again changes nothing), exempt from the weekly cap; the audit log keeps who did.
     * Answers whether the mark was new.
     */
    public boolean markHelpful(long releaseId, String userId, String lead) {
        if (reports.find(releaseId, userId).isEmpty()) {
            throw RuleViolation.notFound("report.unknown", releaseId, userId);
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            boolean marked = participation.grant(userId, ParticipationKind.REPORT_HELPFUL, "release:" + releaseId, now);
            if (marked) {
                audit.record(new AuditEntry(now, lead, "report.helpful", "report:" + releaseId + "/" + userId, ""));
            }
            return marked;
        });
    }

    /**
     * A lead marks one comment of a user's report helpful: the verdict on {@code ticket} must carry a
     * comment. Its author earns the helpful points once per comment (ref {@code release:<id>/<TICKET>}),
     * exempt from the weekly cap, and the audit log keeps who did. Answers whether the mark was new.
     */
    public boolean markCommentHelpful(long releaseId, String userId, String ticket, String lead) {
        ExperienceReport report = reports.find(releaseId, userId)
                .orElseThrow(() -> RuleViolation.notFound("report.unknown", releaseId, userId));
        String key = report.verdicts().stream()
                .filter(v -> v.featureKey().equalsIgnoreCase(ticket == null ? "" : ticket.strip()) && !v.comment().isBlank())
                .map(v -> v.featureKey()).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("report.comment.unknown", releaseId, userId, String.valueOf(ticket)));
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            boolean marked = participation.grant(userId, ParticipationKind.REPORT_HELPFUL,
                    "release:" + releaseId + "/" + key, now);
            if (marked) {
                audit.record(new AuditEntry(now, lead, "comment.helpful", "report:" + releaseId + "/" + userId + "/" + key, ""));
            }
            return marked;
        });
    }

    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return reports.find(releaseId, userId);
    }
}
