package dev.popcorn.app.tracker;

import dev.popcorn.app.Check;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.tracker.IssueTracker.TicketFeedback;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.TicketKeys;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.TeamRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loop between a release round and the tracker: a round opens with its features found in
 * the tracker (by query, keys or change log, each ticket given its team by the rules), and what users say
 * is written back onto every feature ticket through the outbox, refreshed at a pace while the
 * round runs and once more when it closes.
 */
public final class TrackerSync {

    /** Outbox kind: write a feature's feedback onto its ticket; ref {@code <release id>/<key>/<live|close>}. */
    public static final String FEEDBACK = "tracker.feedback";

    /** How the write-back behaves. */
    public record Settings(java.util.function.Supplier<String> baseUrl, TeamRules teams, FeedbackLabels labels,
            Duration refresh, boolean comments,
            String wishQuery) {
    }

    private final IssueTracker tracker;
    private final ReleaseStore releases;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final OutboxStore outbox;
    private final TicketWriteStore written;
    private final Settings settings;
    private final Clock clock;

    public TrackerSync(IssueTracker tracker, ReleaseStore releases, ReportStore reports,
            TicketStore tickets, OutboxStore outbox, TicketWriteStore written, Settings settings, Clock clock) {
        this.tracker = tracker;
        this.releases = releases;
        this.reports = reports;
        this.tickets = tickets;
        this.outbox = outbox;
        this.written = written;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return tracker.enabled();
    }

    public String describe() {
        return tracker.describe();
    }

    /** The features a source names, the tickets behind them, and the mentioned keys that are no tickets. */
    public record Found(List<Feature> features, List<Ticket> tickets, List<String> ignored) {
    }

    /**
     * The features of release {@code version} from the tracker: the tickets a query finds, or
     * the tickets with the keys given, or the tickets a change log mentions, or (neither) the
     * tickets of the configured release query; each given its team by the rules. A ticket no
     * rule gives a team, a key given that is no ticket, or a query that finds nothing is refused.
     */
    public Found find(String version, FeatureSource source) {
        List<Ticket> found;
        List<String> ignored = List.of();
        if (source instanceof FeatureSource.Keys keys) {
            keys.keys().forEach(Feature::requireKey);
            found = tracker.find(keys.keys());
            List<String> missing = missing(keys.keys(), found);
            if (!missing.isEmpty()) {
                throw RuleViolation.invalid("tracker.tickets.unknown", String.join(", ", missing));
            }
        } else if (source instanceof FeatureSource.Mentions mentions) {
            List<String> mentioned = TicketKeys.mentionedIn(mentions.texts());
            if (mentioned.isEmpty()) {
                throw RuleViolation.invalid("tracker.changelog.noKeys");
            }
            found = tracker.find(mentioned);
            ignored = missing(mentioned, found);
            if (found.isEmpty()) {
                throw RuleViolation.invalid("tracker.tickets.unknown", String.join(", ", ignored));
            }
        } else {
            String jql = source instanceof FeatureSource.Query query && !query.query().isBlank()
                    ? query.query()
                    : tracker.releaseQuery(version.strip());
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
                features.add(
                        new Feature(ticket.key(), summary.length() > 255 ? summary.substring(0, 254) + "…" : summary,
                                team.get()));
            }
        }
        if (!teamless.isEmpty()) {
            throw RuleViolation.invalid("tracker.tickets.teamless", String.join(", ", teamless));
        }
        return new Found(features, found, ignored);
    }

    /** Keeps the tickets of a release just opened, and files their first write-backs. */
    public void opened(List<Ticket> found) {
        found.forEach(ticket -> tickets.save(ticket, clock.instant()));
        plan();
    }

    private static List<String> missing(List<String> keys, List<Ticket> found) {
        return keys.stream().filter(k -> found.stream().noneMatch(t -> t.key().equals(k))).toList();
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

    /**
     * A lead asks for every ticket of the recent releases to be written again in full: what Popcorn
     * remembers having written is forgotten and every feature's write-back is filed again (a closed
     * round's final write, or a running round's refresh). Answers how many write-backs were filed.
     */
    public int refreshAll() {
        if (!tracker.enabled()) {
            throw RuleViolation.invalid("tracker.off");
        }
        written.forgetAll();
        Instant now = clock.instant();
        int filed = 0;
        for (Release release : releases.recent(4)) {
            boolean closed = !release.acceptsReportsAt(now);
            for (Feature feature : release.features()) {
                // Someone may have changed the labels by hand: the full write sets every managed label again.
                tickets.forgetLabels(feature.key());
                outbox.enqueueOrRearm(FEEDBACK, release.id() + "/" + feature.key() + "/" + (closed ? "close" : "live"),
                        now, now);
                filed++;
            }
        }
        return filed;
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
        Release release = releases.find(releaseId)
                .orElseThrow(() -> RuleViolation.notFound("release.unknown", releaseId));
        FeatureFeedback feedback = releases.feedback(releaseId, 3).stream()
                .filter(f -> f.feature().key().equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> RuleViolation.notFound("feature.unknown", parts[1]));
        boolean final_ = parts[2].equals("close");
        String key = parts[1];
        // The labels the ticket held when the tracker last showed it (its release's search), and what Popcorn wrote since.
        Optional<List<String>> held = tickets.labels(key);
        List<String> earned = settings.labels().earned(feedback);
        FeedbackLabels.Edit labels = settings.labels().edit(held, earned);
        tracker.publishFeedback(new TicketFeedback(key, release.version(), featurePage(releaseId, key),
                feedback.likes(), feedback.notGoodEnough(), reports.supportersOfTicket(key), feedback.comments(),
                earned, labels, final_ && settings.comments()),
                new IssueTracker.WriteLog() {
                    @Override
                    public Optional<String> last(String write) {
                        return written.fingerprint(key, write);
                    }

                    @Override
                    public void wrote(String write, String fingerprint) {
                        written.save(key, write, fingerprint, clock.instant());
                    }

                    @Override
                    public String database() {
                        return written.database();
                    }
                });
        if (!labels.changesNothing()) {
            held.ifPresent(before -> tickets.labelsWritten(key, labels.appliedTo(before)));
        }
    }

    /** The query that finds the features of {@code version}, as configured. */
    public String releaseQuery(String version) {
        return tracker.releaseQuery(version);
    }

    /** Reads a webhook of the tracker: the ticket it is about, if any. */
    public Optional<Ticket> readWebhook(String body) {
        return tracker.readWebhook(body);
    }

    /**
     * Tells the truth about the tracker connection, trying the release query of the latest release;
     * with a tracker, also whether the base URL every link written to it is built from is one its
     * readers can open (not this machine's own name).
     */
    public List<Check> check() {
        List<Check> checks = new ArrayList<>(tracker.check(releases.recent(1).stream().findFirst()
                .map(r -> tracker.enabled() ? tracker.releaseQuery(r.version()) : "")));
        if (tracker.enabled()) {
            String base = settings.baseUrl().get();
            checks.add(new Check(local(base) ? "check.baseUrl.local" : "check.baseUrl", !local(base), List.of(base)));
            releases.recent(1).stream().flatMap(r -> r.features().stream()).findFirst()
                    .ifPresent(f -> checks.add(owner(f.key())));
        }
        return checks;
    }

    /** Whether this installation's feedback on the ticket is this database's, or another's that it will not write over. */
    private Check owner(String ticketKey) {
        try {
            Optional<String> writer = tracker.writtenBy(ticketKey);
            boolean ours = writer.map(written.database()::equals).orElse(true);
            return new Check(ours ? "check.tracker.ours" : "check.tracker.anotherDatabase", ours,
                    List.of(ticketKey, writer.orElse("")));
        } catch (RuntimeException unreadable) {
            return new Check("check.tracker.ownerUnknown", false,
                    List.of(ticketKey, String.valueOf(unreadable.getMessage())));
        }
    }

    /** Whether the address names this machine only: localhost, a loopback address or no host at all. */
    static boolean local(String baseUrl) {
        String host;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0");
    }

    String featurePage(long releaseId, String key) {
        return settings.baseUrl().get() + "/releases/" + releaseId + "#feature-" + key;
    }
}
