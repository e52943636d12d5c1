package dev.popcorn.app.feedback;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.Fresh;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Release;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A user hands in (or edits) their experience report on a release before its deadline. */
public final class HandInReport {

    /** How long a release's deadline is taken as read; every report is checked again as it is written. */
    static final Duration RELEASE_FRESH = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final Ledger participation;
    private final AuditLog audit;
    private final Clock clock;
    private final Fresh<Long, Release> fresh;
    private final WishFiling filing;
    private final SimilarWishes similar;
    private final ReportBatch batch;
    private final GroupCommit.Lane<ReportBatch.Handing, ReportBatch.Handed> lane;

    /**
     * {@code rights} holds the daily limit of new wishes each level allows; reports are written through
     * {@code writes}, many in one transaction (ADR 0020), or each alone ({@link GroupCommit#alone}).
     */
    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports, TicketStore tickets,
            Ledger participation, Rights rights, AuditLog audit, GroupCommit writes, Clock clock) {
        this.fresh = new Fresh<>(releases::find, RELEASE_FRESH);
        this.transactions = transactions;
        this.reports = reports;
        this.tickets = tickets;
        this.participation = participation;
        this.audit = audit;
        this.clock = clock;
        this.filing = new WishFiling(reports);
        this.similar = new SimilarWishes(reports, tickets);
        this.batch = new ReportBatch(releases, reports, participation, rights, fresh);
        this.lane = writes.lane("reports", batch);
    }

    public void handIn(ExperienceReport report) {
        handIn(report, List.of());
    }

    /**
     * A report as a fan hands it in: what it says, the open tickets it backs too (each through the wish that stands for
     * it, filed in the ticket's words the first time), and the new wishes whose similar wishes and tickets the fan has
     * seen ({@code similarSeenFor}: the page showed them for these words, or the API's caller confirms them).
     */
    public record Request(ExperienceReport report, List<String> ticketKeys, List<String> similarSeenFor) {
        public Request {
            ticketKeys = List.copyOf(ticketKeys);
            similarSeenFor = similarSeenFor.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
        }

        /** A report whose new wishes (if any) the fan has not been shown anything for. */
        public static Request of(ExperienceReport report, List<String> ticketKeys) {
            return new Request(report, ticketKeys, List.of());
        }
    }

    /**
     * A report as written, and the new wishes it did not file because the level's wishes a day were used today
     * ({@code limit} says so, in both languages); the rest of the report (verdicts, +1s, other wishes) is kept.
     */
    public record Saved(ExperienceReport report, List<String> wishesNotFiled, Optional<RuleViolation> limit) {
        public Saved {
            wishesNotFiled = List.copyOf(wishesNotFiled);
        }
    }

    /**
     * Hands the report in: the one way every report is written, the page's and the API's. Everything is checked before
     * anything is written, and a refused report leaves no wish behind: checked now against the release as read a moment
     * ago (its deadline against now, always), its wishes and tickets, and what its new wishes resemble (refused with
     * {@link SimilarWishes.Unseen} until the fan has seen it); checked again in the transaction that writes it. A new
     * wish beyond the day's limit is left out instead of refusing the report (a report left with nothing is refused
     * with the limit). Answers, once committed, what was written and what was not; a refusal found now is thrown at
     * once, one found in the transaction completes the answer exceptionally.
     */
    public CompletableFuture<Saved> handIn(Request request) {
        ReportBatch.Handing handing = checked(request);
        CompletableFuture<ReportBatch.Handed> handed = lane.later(handing);
        return handed.thenApply(h -> new Saved(h.stored(), h.notFiled(), h.limit()));
    }

    /** {@link #handIn(Request)} for a caller that waits for the answer (a page): the refusal is thrown as it is. */
    public Saved save(Request request) {
        try {
            return handIn(request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** {@link #save(Request)} of a report the fan was shown nothing for; answers the report as it now stands. */
    public ExperienceReport handIn(ExperienceReport report, List<String> ticketKeys) {
        return save(Request.of(report, ticketKeys)).report();
    }

    /** The report on its way, checked against its release as read a moment ago, its wishes and tickets. */
    private ReportBatch.Handing checked(Request request) {
        ExperienceReport report = request.report();
        List<String> ticketKeys = request.ticketKeys();
        // The same limits for the page's form as for the API: one report cannot back every ticket there is.
        if (new LinkedHashSet<>(ticketKeys).size() > ExperienceReport.MAX_BACKED_TICKETS) {
            throw RuleViolation.invalid("report.tickets.tooMany", ExperienceReport.MAX_BACKED_TICKETS);
        }
        if (report.supportedWishes().size() > ExperienceReport.MAX_SUPPORTED_WISHES) {
            throw RuleViolation.invalid("report.supported.tooMany", ExperienceReport.MAX_SUPPORTED_WISHES);
        }
        Instant now = clock.instant();
        Release release = fresh.get(report.releaseId())
                .orElseThrow(() -> RuleViolation.notFound("release.unknown", report.releaseId()));
        if (!release.acceptsReportsAt(now)) {
            // Refused by the release as read a moment ago: asked again as it is now before the refusal stands.
            fresh.forget(report.releaseId());
            release = fresh.get(report.releaseId())
                    .orElseThrow(() -> RuleViolation.notFound("release.unknown", report.releaseId()));
        }
        if (!release.acceptsReportsAt(now)) {
            throw RuleViolation.closed("report.closed", release.version());
        }
        report.checkAgainst(release);
        // Only words the fan has not filed here yet file a wish: the same report handed in again asks nothing more.
        similar.check(filing.unfiled(report.userId(), report.releaseId(), report.newWishes()),
                request.similarSeenFor());
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
        return new ReportBatch.Handing(report, backed, now, report.fingerprint());
    }

    /**
     * Backs a wish from its page: the wish joins the user's report of this release, which takes reports now
     * (a report of wishes alone earns no points, as in the form). A wish that shipped already is not backed;
     * one backed already changes nothing. Answers the report as it now stands.
     */
    public ExperienceReport back(long releaseId, String userId, long wishId) {
        Wish wish = reports.wishes(List.of(wishId)).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("wish.unknown", wishId));
        if (wish.fulfilled()) {
            throw RuleViolation.conflict("wish.fulfilled", wishId);
        }
        ExperienceReport current = find(releaseId, userId)
                .orElse(new ExperienceReport(userId, releaseId, List.of(), List.of(), List.of()));
        if (current.supportedWishes().contains(wishId) || reports.supporters(wishId).contains(userId)) {
            return current;
        }
        List<Long> wishes = new ArrayList<>(current.supportedWishes());
        wishes.add(wishId);
        return handIn(new ExperienceReport(userId, releaseId, current.verdicts(), wishes, List.of()), List.of());
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
                .filter(v -> v.featureKey().equalsIgnoreCase(ticket == null ? "" : ticket.strip())
                        && !v.comment().isBlank())
                .map(v -> v.featureKey()).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("report.comment.unknown", releaseId, userId,
                        String.valueOf(ticket)));
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            boolean marked = participation.grant(userId, ParticipationKind.REPORT_HELPFUL,
                    "release:" + releaseId + "/" + key, now);
            if (marked) {
                audit.record(new AuditEntry(now, lead, "comment.helpful",
                        "report:" + releaseId + "/" + userId + "/" + key, ""));
            }
            return marked;
        });
    }

    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return reports.find(releaseId, userId);
    }
}
