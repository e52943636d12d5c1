package dev.popcorn.app.week;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.award.Tally;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages and the API show of the week: the releases with their feedback and reports, the polls (a poll's
 * counts public only once a lead approved them), the wishes a report form offers, the teams, the audit log.
 * Read-only. The lead's glance is {@link LeadGlance}; the award's history {@code award.Winners}.
 */
public final class WeekOverview {

    /** A poll as someone sees it now, with the result when they may see it. */
    public record PollView(Poll poll, PollState state, Optional<PollResult> result) {
    }

    /** A release with what is shown beside it: its report count, its poll, the build it shipped from, its feedback. */
    public record ReleaseView(Release release, long reports, Optional<Long> pollId,
            Optional<ReleaseStore.Shipment> shipment,
            List<FeatureFeedback> feedback) {
    }

    private final ReleaseStore releases;
    private final ReportStore reports;
    private final PollStore polls;
    private final Tally tally;
    private final TeamStore teams;
    private final AuditLog audit;
    private final Clock clock;

    public WeekOverview(ReleaseStore releases, ReportStore reports, PollStore polls, Tally tally, TeamStore teams,
            AuditLog audit, Clock clock) {
        this.releases = releases;
        this.reports = reports;
        this.polls = polls;
        this.tally = tally;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<Release> currentRelease() {
        return releases.recent(1).stream().findFirst();
    }

    public List<Release> recentReleases(int limit) {
        return releases.recent(limit);
    }

    public Optional<Release> releaseByVersion(String version) {
        return releases.findByVersion(version);
    }

    public Release release(long id) {
        return releases.find(id).orElseThrow(() -> RuleViolation.notFound("release.unknown", id));
    }

    /** The releases with what is shown beside them. */
    public List<ReleaseView> views(List<Release> list) {
        List<Long> ids = list.stream().map(Release::id).toList();
        Map<Long, Long> counts = reports.counts(ids);
        Map<Long, Long> pollIds = polls.pollIdsOf(ids);
        Map<Long, ReleaseStore.Shipment> shipments = releases.shipments(ids);
        Map<Long, List<FeatureFeedback>> feedback = releases.feedback(list, 3);
        return list.stream().map(release -> new ReleaseView(release, counts.getOrDefault(release.id(), 0L),
                Optional.ofNullable(pollIds.get(release.id())), Optional.ofNullable(shipments.get(release.id())),
                feedback.get(release.id()))).toList();
    }

    public ReleaseView view(Release release) {
        return views(List.of(release)).get(0);
    }

    public List<FeatureFeedback> feedback(long releaseId) {
        return releases.feedback(releaseId, 3);
    }

    /** The release's reports, newest first, at most {@code limit} (the export of a week's feedback). */
    public List<ReportStore.Handed> reports(long releaseId, int limit) {
        return reports.latest(releaseId, limit);
    }

    public long reportCount(long releaseId) {
        return reports.count(releaseId);
    }

    public List<Wish> topWishes(int limit) {
        return reports.topWishes(limit);
    }

    /**
     * The wishes a report form offers: the most supported ones, plus every wish this report
     * supports already, so that editing the report never silently drops a +1.
     */
    public List<Wish> wishesToOffer(int limit, List<Long> supported) {
        List<Wish> offered = new ArrayList<>(reports.topWishes(limit));
        List<Long> missing = supported.stream()
                .filter(id -> offered.stream().noneMatch(w -> w.id() == id))
                .toList();
        offered.addAll(reports.wishes(missing));
        return offered;
    }

    public Optional<Poll> pollOf(long releaseId) {
        return polls.findByRelease(releaseId);
    }

    public List<Poll> recentPolls(int limit) {
        return polls.recent(limit);
    }

    /** The poll with its result, which users see only after approval and leads see from the close on. */
    public PollView poll(long pollId, boolean lead) {
        Poll poll = polls.find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        PollState state = poll.stateAt(clock.instant());
        boolean visible = state == PollState.APPROVED || lead && state == PollState.CLOSED;
        Optional<PollResult> result = visible
                ? Optional.of(tally.of(poll))
                : Optional.empty();
        return new PollView(poll, state, result);
    }

    public List<Team> teams() {
        return teams.all();
    }

    /** The teams by their slugs, in the order {@link #teams()} lists them. */
    public Map<String, Team> teamsBySlug() {
        Map<String, Team> bySlug = new LinkedHashMap<>();
        teams.all().forEach(team -> bySlug.put(team.slug(), team));
        return bySlug;
    }

    public Optional<Team> team(String slug) {
        return teams.find(slug);
    }

    public List<AuditEntry> auditLog(int limit) {
        return audit.recent(limit);
    }
}
