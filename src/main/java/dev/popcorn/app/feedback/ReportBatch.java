package dev.popcorn.app.feedback;

import dev.popcorn.app.Fresh;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.CommentSketch;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writing handed-in reports, many in one transaction (a group commit's batch, ADR 0020) or one alone, always the same
 * way: each checked against its release as it is now; the wishes a report files filed first (the fan's own words by
 * {@link WishFiling}, within the level's daily limit, under the fan's row lock; a backed ticket's wish), then every
 * report of the batch written in one {@link ReportStore#saveAll}, then the grants of those that earn points.
 */
final class ReportBatch implements GroupCommit.Batch<ReportBatch.Handing, ReportBatch.Handed> {

    /** A report on its way to the store: what it says, the tickets it backs, when, its comments' fingerprint. */
    record Handing(ExperienceReport report, List<Ticket> backed, Instant at, String fingerprint) {
        ReportStore.Author author() {
            return new ReportStore.Author(report.releaseId(), report.userId());
        }

        /** Whether it files wishes: its new ones, or a backed ticket's (written after the fan's lock is taken). */
        boolean files() {
            return !report.newWishes().isEmpty() || !backed.isEmpty();
        }
    }

    /**
     * A report written as it now stands, whether it earned its author their grant for the release just now, and the new
     * wishes left out at the day's limit (with the refusal that says so).
     */
    record Handed(ExperienceReport stored, boolean granted, List<String> notFiled, Optional<RuleViolation> limit) {
        String userId() {
            return stored.userId();
        }
    }

    private final ReleaseStore releases;
    private final ReportStore reports;
    private final Ledger participation;
    private final Rights rights;
    private final Fresh<Long, Release> fresh;
    private final WishFiling filing;

    ReportBatch(ReleaseStore releases, ReportStore reports, Ledger participation, Rights rights,
            Fresh<Long, Release> fresh) {
        this.releases = releases;
        this.reports = reports;
        this.participation = participation;
        this.rights = rights;
        this.fresh = fresh;
        this.filing = new WishFiling(reports);
    }

    @Override
    public List<GroupCommit.Outcome<Handed>> write(List<Handing> items) {
        Map<Long, Optional<Release>> now = new HashMap<>();
        List<GroupCommit.Outcome<Handed>> outcomes = new ArrayList<>(items.size());
        List<Handing> writing = new ArrayList<>();
        Map<Handing, Handing> written = new IdentityHashMap<>();
        Map<Handing, Rights.Allowance> overLimit = new IdentityHashMap<>();
        Map<Handing, List<String>> notFiled = new IdentityHashMap<>();
        for (Handing item : items) {
            try {
                Release release = now.computeIfAbsent(item.report().releaseId(), releases::find)
                        .orElseThrow(() -> RuleViolation.notFound("release.unknown", item.report().releaseId()));
                if (!release.acceptsReportsAt(item.at())) {
                    fresh.forget(release.id());
                    throw RuleViolation.closed("report.closed", release.version());
                }
                Handing plain = item;
                if (item.files()) {
                    // Refused here, nothing of it is written yet; refused later, what it filed must go too.
                    Handing kept = withinLimit(item, notFiled, overLimit);
                    try {
                        plain = filed(kept, release);
                    } catch (RuleViolation late) {
                        throw new GroupCommit.Undo(late);
                    }
                }
                writing.add(plain);
                written.put(item, plain);
                outcomes.add(null);
            } catch (RuleViolation refused) {
                outcomes.add(GroupCommit.Outcome.refused(refused));
            }
        }
        Map<String, List<ReportStore.Author>> before = reports.withFingerprints(
                writing.stream().map(Handing::fingerprint).filter(f -> f != null).toList());
        reports.saveAll(
                writing.stream().map(h -> new ReportStore.Saving(h.report(), h.at(), h.fingerprint())).toList());
        List<Handing> earning = new ArrayList<>();
        List<Handing> earlier = new ArrayList<>();
        for (Handing item : writing) {
            if (earns(item, before, earlier)) {
                earning.add(item);
            }
            earlier.add(item);
        }
        Set<String> granted = grant(earning);
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.get(i) == null) {
                Handing item = items.get(i);
                ExperienceReport report = written.get(item).report().asStored();
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

    /**
     * The report with the new wishes that fit the level's daily limit: asked under the fan's row lock (taken by
     * {@link Rights#wishesLeft}), so two hand-ins of one fan count, and file, one after the other. Those beyond it are
     * left out, not the report (the fan is told which); a report left with nothing at all is refused with the limit.
     */
    private Handing withinLimit(Handing item, Map<Handing, List<String>> notFiled,
            Map<Handing, Rights.Allowance> overLimit) {
        ExperienceReport report = item.report();
        if (filing.unfiled(report.userId(), report.releaseId(), report.newWishes()).isEmpty()) {
            return item;
        }
        Rights.Allowance allowance = rights.wishesLeft(report.userId());
        // Asked again under the lock: a hand-in of the same fan a moment ago may have filed some of them.
        List<String> unfiled = filing.unfiled(report.userId(), report.releaseId(), report.newWishes());
        if (unfiled.size() <= allowance.left()) {
            return item;
        }
        List<String> left = unfiled.subList(allowance.left(), unfiled.size());
        ExperienceReport kept = new ExperienceReport(report.userId(), report.releaseId(), report.verdicts(),
                report.supportedWishes(), report.newWishes().stream().filter(w -> !left.contains(w)).toList());
        if (kept.isEmpty() && item.backed().isEmpty()) {
            throw allowance.limit();
        }
        notFiled.put(item, List.copyOf(left));
        overLimit.put(item, allowance);
        return new Handing(kept, item.backed(), item.at(), item.fingerprint());
    }

    /** The report with its new wishes and backed tickets filed: the wishes it supports, by id, and nothing left to file. */
    private Handing filed(Handing item, Release release) {
        ExperienceReport report = item.report();
        List<Long> wishes = new ArrayList<>(report.supportedWishes());
        wishes.addAll(filing.file(report.userId(), release.id(), report.newWishes(), item.at()));
        for (Ticket ticket : item.backed()) {
            String text = ticket.summary().isBlank() ? ticket.key() : ticket.summary();
            wishes.add(reports.wishForTicket(ticket.key(), text.length() > 1200 ? text.substring(0, 1200) : text,
                    release.id(), item.at()));
        }
        return new Handing(
                new ExperienceReport(report.userId(), report.releaseId(), report.verdicts(), wishes, List.of()),
                List.of(), item.at(), item.fingerprint());
    }

    /**
     * Whether the report earns points: it has a verdict and copies no other report — another user's with the
     * same comments, or the user's own on another release — whether stored before this batch ({@code before},
     * by fingerprint) or handed in earlier in it.
     */
    private static boolean earns(Handing item, Map<String, List<ReportStore.Author>> before, List<Handing> earlier) {
        if (!item.report().earnsPoints()) {
            return false;
        }
        String fingerprint = item.fingerprint();
        if (fingerprint == null) {
            return true;
        }
        ReportStore.Author author = item.author();
        return before.getOrDefault(fingerprint, List.of()).stream().allMatch(author::equals)
                && earlier.stream()
                        .noneMatch(e -> CommentSketch.near(fingerprint, e.fingerprint()) && !e.author().equals(author));
    }

    /**
     * A considered report earns more than a bare verdict (comments long enough to be checked, and no copy): granted in
     * the same statements, after every report's own grant. Answers the users whose grant is new.
     */
    private Set<String> grant(List<Handing> earning) {
        List<Handing> considered = earning.stream().filter(h -> h.fingerprint() != null).toList();
        List<Ledger.Act> acts = new ArrayList<>(earning.size() + considered.size());
        earning.forEach(h -> acts.add(act(ParticipationKind.REPORT_HANDED_IN, h)));
        considered.forEach(h -> acts.add(act(ParticipationKind.REPORT_WRITTEN, h)));
        List<Boolean> created = participation.grantAll(acts);
        Set<String> granted = new HashSet<>();
        for (int i = 0; i < acts.size(); i++) {
            if (created.get(i)) {
                granted.add(acts.get(i).userId());
            }
        }
        return granted;
    }

    private static Ledger.Act act(ParticipationKind kind, Handing item) {
        return new Ledger.Act(kind, item.report().userId(), "release:" + item.report().releaseId(), item.at());
    }
}
