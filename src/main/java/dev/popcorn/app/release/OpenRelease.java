package dev.popcorn.app.release;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orange Friday: opens the report round of a shipped build and prepares the week's award poll.
 * The deadlines come from the week calendar; the poll starts as a draft with one candidate per
 * team proposed from the features, for the leads to correct before the schedule opens it.
 */
public final class OpenRelease {

    /** How a release's poll is titled when it is opened; pages show it in their own language (the title stays data). */
    public static final String POLL_TITLE = "Popcorn Award · ";

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

    /** What opening a release would do: the release (not stored, id 0) and the candidates proposed. */
    public record Preview(Release release, List<Candidate> candidates) {
    }

    public Opened open(String version, List<Feature> features, String actor) {
        return open(version, features, Optional.empty(), Optional.empty(), actor);
    }

    /**
     * Opens a release shipped now, by a lead's hand; with {@code keepPollDraft} its poll stays a draft until a lead opens
     * it (so candidates and nominations can be prepared), else the schedule opens it at {@link #pollWouldOpen()}.
     */
    public Opened open(String version, List<Feature> features, boolean keepPollDraft, String actor) {
        return openShippedAt(version, features, clock.instant(), Optional.empty(), Optional.empty(), keepPollDraft,
                actor);
    }

    /** When the poll of a release opened now would open by itself. */
    public Instant pollWouldOpen() {
        return calendar.pollOpensAfter(clock.instant());
    }

    /** Opens a release shipped now from {@code build}, with what its tests said if known. */
    public Opened open(String version, List<Feature> features, Optional<BuildRef> build, Optional<TestSummary> tests,
            String actor) {
        return openShippedAt(version, features, clock.instant(), build, tests, false, actor);
    }

    /** Opens a release that shipped at {@code shippedAt} (the demo and imports use a past instant). */
    public Opened openShippedAt(String version, List<Feature> features, Instant shippedAt, String actor) {
        return openShippedAt(version, features, shippedAt, Optional.empty(), Optional.empty(), false, actor);
    }

    /** Checks everything opening would check, and answers what it would open, writing nothing. */
    public Preview preview(String version, List<Feature> features) {
        Release release = check(version, features, clock.instant());
        return new Preview(release, Candidate.proposeFrom(features, 0));
    }

    private Release check(String version, List<Feature> features, Instant shippedAt) {
        for (Feature feature : features) {
            if (teams.find(feature.teamSlug()).isEmpty()) {
                throw RuleViolation.invalid("feature.team.unknown", feature.key(), feature.teamSlug());
            }
        }
        if (releases.findByVersion(version).isPresent()) {
            throw RuleViolation.conflict("release.exists", version);
        }
        return new Release(0, version, shippedAt, calendar.reportsCloseAfter(shippedAt), features);
    }

    private Opened openShippedAt(String version, List<Feature> features, Instant shippedAt, Optional<BuildRef> build,
            Optional<TestSummary> tests, boolean keepPollDraft, String actor) {
        // Checked before writing, so a bad release changes nothing.
        Instant reportsClose = check(version, features, shippedAt).reportsCloseAt();
        return transactions.inTransaction(() -> {
            Release release = releases.create(version, shippedAt, reportsClose, features, build, tests);
            // A poll kept as a draft has no opening time: the schedule leaves it to the lead.
            Poll draft = polls.create(release.id(), POLL_TITLE + version,
                    keepPollDraft ? null : calendar.pollOpensAfter(shippedAt), calendar.pollClosesAfter(shippedAt));
            for (Candidate proposed : Candidate.proposeFrom(features, draft.id())) {
                polls.addCandidate(proposed);
            }
            Poll poll = polls.find(draft.id()).orElseThrow();
            audit.record(new AuditEntry(clock.instant(), actor, "release.open", "release:" + release.id(),
                    version + " (" + features.size() + " features" + build.map(b -> ", build " + b).orElse("") + ")")
                    .noted(build.isPresent() ? "releaseOpened.build"
                            : keepPollDraft ? "releaseOpened.draftPoll" : "releaseOpened",
                            version, features.size(),
                            build.map(String::valueOf).orElse("")));
            return new Opened(release, poll);
        });
    }
}
