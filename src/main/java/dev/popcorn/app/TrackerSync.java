package dev.popcorn.app;

import dev.popcorn.app.IssueTracker.TicketFeedback;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureFeedback;
import dev.popcorn.domain.FeedbackLabels;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.TeamRules;
import dev.popcorn.domain.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loop between a release round and the tracker: a round opens with its features found in
 * the tracker (by query or keys, each ticket given its team by the rules), and what users say
 * is written back onto every feature ticket through the outbox, refreshed at a pace while the
 * round runs and once more when it closes.
 */
public final class TrackerSync {

    /** Outbox kind: write a feature's feedback onto its ticket; ref {@code <release id>/<key>/<live|close>}. */
    public static final String FEEDBACK = "tracker.feedback";

    /** How the write-back behaves. */
    public record Settings(java.util.function.Supplier<String> baseUrl, TeamRules teams, FeedbackLabels labels, Duration refresh, boolean comments,
            String wishQuery) {
    }

    private final IssueTracker tracker;
    private final OpenRelease openRelease;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final OutboxStore outbox;
    private final Settings settings;
    private final Clock clock;

    public TrackerSync(IssueTracker tracker, OpenRelease openRelease, ReleaseStore releases, ReportStore reports,
            TicketStore tickets, OutboxStore outbox, Settings settings, Clock clock) {
        this.tracker = tracker;
        this.openRelease = openRelease;
        this.releases = releases;
        this.reports = reports;
        this.tickets = tickets;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return tracker.enabled();
    }

    public String describe() {
        return tracker.describe();
    }

    /**
     * Opens the round of {@code version} with the tickets {@code query} finds, or the tickets
     * with {@code keys}, or (neither given) the tickets of the configured release query.
     * Nothing is opened when a ticket has no team or a key is not found.
     */
    public OpenRelease.Opened open(String version, Optional<String> query, List<String> keys, String actor) {
        if (version == null || version.isBlank()) {
            throw RuleViolation.invalid("request.field.missing", "version");
        }
        List<Ticket> found;
        if (!keys.isEmpty()) {
            // Keys go into JQL: only well-formed keys, so that nothing else can.
            keys.forEach(Feature::requireKey);
            found = tracker.search("key in (" + String.join(", ", keys) + ") ORDER BY key", keys.size());
            List<String> missing = keys.stream().filter(k -> found.stream().noneMatch(t -> t.key().equals(k))).toList();
            if (!missing.isEmpty()) {
                throw RuleViolation.invalid("tracker.tickets.unknown", String.join(", ", missing));
            }
        } else {
            String jql = query.filter(q -> !q.isBlank()).orElseGet(() -> tracker.releaseQuery(version.strip()));
            found = tracker.search(jql, 500);
            if (found.isEmpty()) {
                throw RuleViolation.invalid("tracker.query.empty", jql);
            }
        }
        List<String> teamless = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        for (Ticket ticket : found) {
            Optional<String> team = settings.teams().teamOf(ticket);
            if (team.isEmpty()) {
                teamless.add(ticket.key());
            } else {
                String summary = ticket.summary().isBlank() ? ticket.key() : ticket.summary();
                features.add(new Feature(ticket.key(), summary.length() > 255 ? summary.substring(0, 254) + "…" : summary,
                        team.get()));
            }
        }
        if (!teamless.isEmpty()) {
            throw RuleViolation.invalid("tracker.tickets.teamless", String.join(", ", teamless));
        }
        OpenRelease.Opened opened = openRelease.open(version.strip(), features, actor);
        found.forEach(ticket -> tickets.save(ticket, clock.instant()));
        plan();
        return opened;
    }

    /**
     * Files the write-backs that are due: for every feature of a recent release, a live refresh
     * while its round runs (at most once per refresh period), and one final write once it closed.
     * Safe to call often and on every instance: each write is filed once by its name.
     */
    public void plan() {
        if (!tracker.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (Release release : releases.recent(4)) {
            boolean closed = !release.acceptsReportsAt(now);
            for (Feature feature : release.features()) {
                String ref = release.id() + "/" + feature.key() + "/";
                if (closed) {
                    outbox.enqueue(FEEDBACK, ref + "close", now);
                } else if (!settings.refresh().isZero()) {
                    outbox.enqueueOrRearm(FEEDBACK, ref + "live", now, now.minus(settings.refresh()));
                }
            }
        }
    }

    /** Refreshes the copy of the open tickets that new wishes are matched against; answers how many were seen. */
    public int refreshWishTickets() {
        if (!tracker.enabled() || settings.wishQuery().isBlank()) {
            return 0;
        }
        List<Ticket> found = tracker.search(settings.wishQuery(), 1000);
        found.forEach(ticket -> tickets.save(ticket, clock.instant()));
        return found.size();
    }

    /** Outbox handler of {@link #FEEDBACK}. */
    public void deliverFeedback(String ref) {
        String[] parts = ref.split("/");
        if (parts.length != 3) {
            throw RuleViolation.invalid("outbox.ref.invalid", ref);
        }
        long releaseId = Long.parseLong(parts[0]);
        Release release = releases.find(releaseId).orElseThrow(() -> RuleViolation.notFound("release.unknown", releaseId));
        FeatureFeedback feedback = releases.feedback(releaseId, 3).stream()
                .filter(f -> f.feature().key().equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> RuleViolation.notFound("feature.unknown", parts[1]));
        boolean final_ = parts[2].equals("close");
        tracker.publishFeedback(new TicketFeedback(parts[1], release.version(), featurePage(releaseId, parts[1]),
                feedback.likes(), feedback.notGoodEnough(), reports.supportersOfTicket(parts[1]), feedback.comments(),
                settings.labels().earned(feedback), settings.labels().managed(), final_ && settings.comments()));
    }

    /** The query that finds the features of {@code version}, as configured. */
    public String releaseQuery(String version) {
        return tracker.releaseQuery(version);
    }

    /** Reads a webhook of the tracker: the ticket it is about, if any. */
    public Optional<Ticket> readWebhook(String body) {
        return tracker.readWebhook(body);
    }

    /** Tells the truth about the tracker connection, trying the release query of the latest release. */
    public List<Check> check() {
        return tracker.check(releases.recent(1).stream().findFirst()
                .map(r -> tracker.enabled() ? tracker.releaseQuery(r.version()) : ""));
    }

    String featurePage(long releaseId, String key) {
        return settings.baseUrl().get() + "/releases/" + releaseId + "#feature-" + key;
    }
}
