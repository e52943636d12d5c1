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
import dev.popcorn.domain.CommentSketch;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Ticket;
import dev.popcorn.domain.Wish;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** A user hands in (or edits) their experience report on a release before its deadline. */
public final class HandInReport {

    /** How long a release's deadline is taken as read; every report is checked again as it is written. */
    static final Duration RELEASE_FRESH = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final Ledger participation;
    private final AuditLog audit;
    private final Clock clock;
    private final Rights rights;
    private final Fresh<Long, Release> fresh;
    private final Batch batch = new Batch();
    private volatile GroupCommit.Lane<Handing, Handed> lane;

    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports, TicketStore tickets,
            Ledger participation, AuditLog audit, Clock clock) {
        this(transactions, releases, reports, tickets, participation, Rights.everyone(), audit, clock);
    }

    /** {@code rights} holds the daily limit of new wishes each level allows. */
    public HandInReport(Transactions transactions, ReleaseStore releases, ReportStore reports, TicketStore tickets,
            Ledger participation, Rights rights, AuditLog audit, Clock clock) {
        this.rights = rights;
        this.fresh = new Fresh<>(releases::find, RELEASE_FRESH);
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
     * Reports from now on go to {@code writer}, which commits many in one transaction (ADR 0020); without
     * one, each report is written in its own.
     */
    public void writeThrough(GroupCommit writer) {
        this.lane = writer.lane("reports", batch);
    }

    /**
     * Hands the report in, backing these open tickets too (each through the wish that stands for
     * it, filed in the ticket's words the first time). Everything is checked before anything is
     * written: a refused report leaves no wish behind. Checked here against the release as read a
     * moment ago (its deadline against now, always), then again in the transaction that writes it.
     * Answers, once the report is committed, the report as it now stands (as reading it back would).
     */
    public ExperienceReport handIn(ExperienceReport report, List<String> ticketKeys) {
        return save(report, ticketKeys).report();
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
     * Hands the report in as {@link #handIn(ExperienceReport, List)} does, but a new wish beyond the day's limit is
     * left out instead of refusing the report: answers what was written and what was not. A report that would be
     * left with nothing at all is refused with the limit.
     */
    public Saved save(ExperienceReport report, List<String> ticketKeys) {
        Handing handing = checked(report, ticketKeys);
        Handed handed = lane != null ? lane.write(handing) : GroupCommit.alone(transactions, batch, handing);
        return new Saved(handed.stored(), handed.notFiled(), handed.limit());
    }

    /**
     * {@link #save} for a caller that does not wait: what needs no transaction is checked now (a refusal is thrown at
     * once), the report is answered once committed — or refused by the checks made again there.
     */
    public java.util.concurrent.CompletableFuture<Saved> saveLater(ExperienceReport report, List<String> ticketKeys) {
        Handing handing = checked(report, ticketKeys);
        java.util.concurrent.CompletableFuture<Handed> handed = lane != null ? lane.later(handing)
                : java.util.concurrent.CompletableFuture.completedFuture(GroupCommit.alone(transactions, batch, handing));
        return handed.thenApply(h -> new Saved(h.stored(), h.notFiled(), h.limit()));
    }

    /** The report on its way, checked against its release as read a moment ago, its wishes and tickets. */
    private Handing checked(ExperienceReport report, List<String> ticketKeys) {
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
        return new Handing(report, backed, now, report.fingerprint());
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

    /** A report on its way to the store: what it says, the tickets it backs, when, its comments' fingerprint. */
    private record Handing(ExperienceReport report, List<Ticket> backed, Instant at, String fingerprint) {
        ReportStore.Author author() {
            return new ReportStore.Author(report.releaseId(), report.userId());
        }

        /** Reports that file a wish go one by one (a level's daily wish limit is counted under the user's lock). */
        boolean plain() {
            return report.newWishes().isEmpty() && backed.isEmpty();
        }
    }

    /**
     * A report written as it now stands, whether it earned its author their grant for the release just now, and the new
     * wishes left out at the day's limit (with the refusal that says so).
     */
    private record Handed(ExperienceReport stored, boolean granted, List<String> notFiled, Optional<RuleViolation> limit) {
        Handed(ExperienceReport stored, boolean granted) {
            this(stored, granted, List.of(), Optional.empty());
        }

        String userId() {
            return stored.userId();
        }
    }

    /**
     * A batch of reports, in the batch's transaction: each checked against its release as it is now; those
     * filing wishes written one by one, the others together, then the grants of those that earn points.
     */
    private final class Batch implements GroupCommit.Batch<Handing, Handed> {
        @Override
        public List<GroupCommit.Outcome<Handed>> write(List<Handing> items) {
            Map<Long, Optional<Release>> now = new HashMap<>();
            List<GroupCommit.Outcome<Handed>> outcomes = new ArrayList<>(items.size());
            List<Handing> plain = new ArrayList<>();
            List<Handing> earning = new ArrayList<>();
            Map<Handing, ExperienceReport> stored = new java.util.IdentityHashMap<>();
            Map<Handing, Rights.Allowance> overLimit = new java.util.IdentityHashMap<>();
            Map<Handing, List<String>> notFiled = new java.util.IdentityHashMap<>();
            for (Handing item : items) {
                try {
                    Release release = now.computeIfAbsent(item.report().releaseId(), releases::find)
                            .orElseThrow(() -> RuleViolation.notFound("release.unknown", item.report().releaseId()));
                    if (!release.acceptsReportsAt(item.at())) {
                        fresh.forget(release.id());
                        throw RuleViolation.closed("report.closed", release.version());
                    }
                    if (item.plain()) {
                        plain.add(item);
                        stored.put(item, item.report().asStored());
                    } else {
                        // Refused here, nothing of it is written yet; refused later, what it wrote must go too.
                        ExperienceReport report = item.report();
                        // New wishes beyond the day's limit are left out, not the report: the fan is told which.
                        int unfiledCount = reports.unfiledWishes(report.userId(), report.releaseId(), report.newWishes());
                        Handing writing = item;
                        if (unfiledCount > 0) {
                            Rights.Allowance allowance = rights.wishesLeft(report.userId());
                            if (unfiledCount > allowance.left()) {
                                // Over the limit (rare): which of them are new, one by one, to keep the first that fit.
                                List<String> unfiled = report.newWishes().stream().filter(w -> reports.unfiledWishes(
                                        report.userId(), report.releaseId(), List.of(w)) > 0).toList();
                                List<String> left = unfiled.subList(allowance.left(), unfiled.size());
                                ExperienceReport kept = new ExperienceReport(report.userId(), report.releaseId(),
                                        report.verdicts(), report.supportedWishes(),
                                        report.newWishes().stream().filter(w -> !left.contains(w)).toList());
                                if (kept.isEmpty() && item.backed().isEmpty()) {
                                    throw allowance.limit();
                                }
                                writing = new Handing(kept, item.backed(), item.at(), item.fingerprint());
                                notFiled.put(item, List.copyOf(left));
                                overLimit.put(item, allowance);
                            }
                        }
                        try {
                            stored.put(item, withWishes(writing, release));
                        } catch (RuleViolation late) {
                            throw new GroupCommit.Undo(late);
                        }
                        if (earns(item, Map.of(), List.of())) {
                            earning.add(item);
                        }
                    }
                    outcomes.add(null);
                } catch (RuleViolation refused) {
                    outcomes.add(GroupCommit.Outcome.refused(refused));
                }
            }
            Map<String, List<ReportStore.Author>> before = reports.withFingerprints(
                    plain.stream().map(Handing::fingerprint).filter(f -> f != null).toList());
            reports.saveAll(plain.stream().map(h -> new ReportStore.Saving(h.report(), h.at(), h.fingerprint())).toList());
            List<Handing> earlier = new ArrayList<>();
            for (Handing item : plain) {
                if (earns(item, before, earlier)) {
                    earning.add(item);
                }
                earlier.add(item);
            }
            // A considered report earns more than a bare verdict (comments long enough to be checked, and no copy):
            // granted in the same statements, after every report's own grant.
            List<Handing> written = earning.stream().filter(h -> h.fingerprint() != null).toList();
            List<Ledger.Act> acts = new ArrayList<>(earning.size() + written.size());
            earning.forEach(h -> acts.add(act(ParticipationKind.REPORT_HANDED_IN, h)));
            written.forEach(h -> acts.add(act(ParticipationKind.REPORT_WRITTEN, h)));
            List<Boolean> created = participation.grantAll(acts);
            java.util.Set<String> granted = new java.util.HashSet<>();
            for (int i = 0; i < acts.size(); i++) {
                if (created.get(i)) {
                    granted.add(acts.get(i).userId());
                }
            }
            for (int i = 0; i < items.size(); i++) {
                if (outcomes.get(i) == null) {
                    Handing item = items.get(i);
                    ExperienceReport report = stored.get(item);
                    outcomes.set(i, GroupCommit.Outcome.written(new Handed(report, granted.remove(report.userId()),
                            notFiled.getOrDefault(item, List.of()),
                            Optional.ofNullable(overLimit.get(item)).map(Rights.Allowance::limit))));
                }
            }
            return outcomes;
        }

        @Override
        public void committed(List<GroupCommit.Outcome<Handed>> outcomes) {
            participation.reviewSoon(outcomes.stream().map(GroupCommit.Outcome::value)
                    .filter(h -> h != null && h.granted()).map(Handed::userId).distinct().toList());
        }
    }

    private static Ledger.Act act(ParticipationKind kind, Handing item) {
        return new Ledger.Act(kind, item.report().userId(), "release:" + item.report().releaseId(), item.at());
    }

    /**
     * A report filing wishes (the day's wish limit counted already, under the user's lock), written alone;
     * answers it as stored, with the wishes it filed.
     */
    private ExperienceReport withWishes(Handing item, Release release) {
        ExperienceReport report = item.report();
        List<Long> wishes = new ArrayList<>(report.supportedWishes());
        for (Ticket ticket : item.backed()) {
            String text = ticket.summary().isBlank() ? ticket.key() : ticket.summary();
            wishes.add(reports.wishForTicket(ticket.key(), text.length() > 1200 ? text.substring(0, 1200) : text,
                    release.id(), item.at()));
        }
        reports.save(new ExperienceReport(report.userId(), report.releaseId(), report.verdicts(), wishes,
                report.newWishes()), item.at());
        if (item.fingerprint() != null) {
            reports.fingerprint(release.id(), report.userId(), item.fingerprint());
        }
        return reports.find(report.releaseId(), report.userId()).orElseThrow();
    }

    /**
     * Whether the report earns points: it has a verdict and copies no other report — another user's with the
     * same comments, or the user's own on another release — whether stored before this batch ({@code before},
     * by fingerprint; for a report written alone, the store is asked) or handed in earlier in it.
     */
    private boolean earns(Handing item, Map<String, List<ReportStore.Author>> before, List<Handing> earlier) {
        if (!item.report().earnsPoints()) {
            return false;
        }
        String fingerprint = item.fingerprint();
        if (fingerprint == null) {
            return true;
        }
        if (!item.plain()) {
            return !reports.copies(item.report().releaseId(), item.report().userId(), fingerprint);
        }
        ReportStore.Author author = item.author();
        return before.getOrDefault(fingerprint, List.of()).stream().allMatch(author::equals)
                && earlier.stream().noneMatch(e -> CommentSketch.near(fingerprint, e.fingerprint()) && !e.author().equals(author));
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
