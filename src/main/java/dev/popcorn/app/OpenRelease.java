package dev.popcorn.app;

import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.Candidate;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Orange Friday: opens the report round of a shipped build and prepares the week's award poll.
 * The deadlines come from the week calendar; the poll starts as a draft with one candidate per
 * team proposed from the features, for the leads to correct before the schedule opens it.
 */
public final class OpenRelease {

    /** The release that was opened and its award poll. */
    public record Opened(Release release, Poll poll) {
    }

    private final Transactions transactions;
    private final ReleaseStore releases;
    private final PollStore polls;
    private final TeamStore teams;
    private final AuditLog audit;
    private final WeekCalendar calendar;
    private final Clock clock;

    public OpenRelease(Transactions transactions, ReleaseStore releases, PollStore polls, TeamStore teams,
            AuditLog audit, WeekCalendar calendar, Clock clock) {
        this.transactions = transactions;
        this.releases = releases;
        this.polls = polls;
        this.teams = teams;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Opened open(String version, List<Feature> features, String actor) {
        return openShippedAt(version, features, clock.instant(), actor);
    }

    /** Opens a release that shipped at {@code shippedAt} (the demo and imports use a past instant). */
    public Opened openShippedAt(String version, List<Feature> features, Instant shippedAt, String actor) {
        for (Feature feature : features) {
            if (teams.find(feature.teamSlug()).isEmpty()) {
                throw RuleViolation.invalid("feature.team.unknown", feature.key(), feature.teamSlug());
            }
        }
        if (releases.findByVersion(version).isPresent()) {
            throw RuleViolation.conflict("release.exists", version);
        }
        Instant reportsClose = calendar.reportsCloseAfter(shippedAt);
        // Checked before writing, so a bad release changes nothing.
        new Release(0, version, shippedAt, reportsClose, features);
        return transactions.inTransaction(() -> {
            Release release = releases.create(version, shippedAt, reportsClose, features);
            Poll draft = polls.create(release.id(), "Popcorn Award · " + version, calendar.pollOpensAfter(shippedAt),
                    calendar.pollClosesAfter(shippedAt));
            for (Candidate proposed : Candidate.proposeFrom(features, draft.id())) {
                polls.addCandidate(draft.id(), proposed.teamSlug(), proposed.title(), proposed.tickets(), proposed.pitch());
            }
            Poll poll = polls.find(draft.id()).orElseThrow();
            audit.record(new AuditEntry(clock.instant(), actor, "release.open", "release:" + release.id(),
                    version + " (" + features.size() + " features)"));
            return new Opened(release, poll);
        });
    }
}
