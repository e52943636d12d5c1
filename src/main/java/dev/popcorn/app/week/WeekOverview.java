package dev.popcorn.app.week;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.award.AwardStore;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.FeatureFeedback;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollResult;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.Wish;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages and the API show: this week's release and poll, feedback, winners, teams.
 * Read-only; a poll's counts are public only once a lead approved them.
 */
public final class WeekOverview {

    /** A poll as someone sees it now, with the result when they may see it. */
    public record PollView(Poll poll, PollState state, Optional<PollResult> result) {
    }

    /** A release with what is shown beside it: its report count, its poll, the build it shipped from, its feedback. */
    public record ReleaseView(Release release, long reports, Optional<Long> pollId, Optional<ReleaseStore.Shipment> shipment,
            List<FeatureFeedback> feedback) {
    }

    /**
     * A lead's glance at the week (issue 18): the current release's feedback by feature with its latest
     * comments by verdict, the releases before it as a trend, and while its poll is open the count so far
     * (leads only; in review the result is on the poll itself).
     */
    public record Glance(Release release, long reports, List<FeatureFeedback> features,
            Map<String, Map<dev.popcorn.domain.Verdict, List<String>>> comments, List<TrendPoint> trend, Optional<Poll> poll,
            Optional<PollResult> count) {
    }

    /** One release of the trend: its reports and verdicts. */
    public record TrendPoint(Release release, long reports, long likes, long notGoodEnough) {
        /** Likes among the verdicts, 0..100; 0 without verdicts. */
        public long likeShare() {
            long verdicts = likes + notGoodEnough;
            return verdicts == 0 ? 0 : Math.round(100.0 * likes / verdicts);
        }
    }

    /** A past winner: the approved poll and its result. */
    public record Award(Poll poll, PollResult result) {
    }

    private final ReleaseStore releases;
    private final ReportStore reports;
    private final PollStore polls;
    private final Tally tally;
    private final AwardStore awards;
    private final TeamStore teams;
    private final ParticipationStore participation;
    private final AuditLog audit;
    private final Clock clock;

    public WeekOverview(ReleaseStore releases, ReportStore reports, PollStore polls, Tally tally, AwardStore awards,
            TeamStore teams, ParticipationStore participation, AuditLog audit, Clock clock) {
        this.releases = releases;
        this.reports = reports;
        this.polls = polls;
        this.tally = tally;
        this.awards = awards;
        this.teams = teams;
        this.participation = participation;
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

    /**
     * The glance at the current release, with the {@code back} releases before it in the trend (oldest
     * first) and at most {@code perVerdict} of the latest comments of each verdict on each feature.
     */
    public Optional<Glance> glance(int back, int perVerdict) {
        List<Release> recent = releases.recent(back + 1);
        return recent.stream().findFirst().map(release -> {
            // One query for the current release and the trend's alike.
            Map<Long, List<FeatureFeedback>> feedback = releases.feedback(recent, 0);
            List<FeatureFeedback> features = feedback.getOrDefault(release.id(), List.of());
            Map<String, Map<dev.popcorn.domain.Verdict, List<String>>> comments = new HashMap<>();
            for (ReportStore.Handed handed : reports.latest(release.id(), 500)) {
                for (dev.popcorn.domain.FeatureVerdict v : handed.verdicts()) {
                    if (!v.comment().isBlank()) {
                        List<String> said = comments.computeIfAbsent(v.featureKey(), k -> new java.util.EnumMap<>(
                                dev.popcorn.domain.Verdict.class)).computeIfAbsent(v.verdict(), k -> new ArrayList<>());
                        if (said.size() < perVerdict) {
                            said.add(v.comment());
                        }
                    }
                }
            }
            List<TrendPoint> trend = new ArrayList<>();
            for (Release r : recent) {
                List<FeatureFeedback> of = feedback.getOrDefault(r.id(), List.of());
                trend.add(0, new TrendPoint(r, reports.count(r.id()), of.stream().mapToLong(FeatureFeedback::likes).sum(),
                        of.stream().mapToLong(FeatureFeedback::notGoodEnough).sum()));
            }
            Optional<Poll> poll = pollOf(release.id());
            return new Glance(release, reports.count(release.id()), features, comments, trend, poll, countWhileOpen(poll));
        });
    }

    /** The count so far of the newest release's poll while it is open, alone: what the lead's page asks for again and again. */
    public Optional<PollResult> liveCount() {
        return releases.recent(1).stream().findFirst().flatMap(release -> countWhileOpen(pollOf(release.id())));
    }

    private Optional<PollResult> countWhileOpen(Optional<Poll> poll) {
        return poll.filter(p -> p.stateAt(clock.instant()) == PollState.OPEN).map(tally::of);
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

    /** Approved polls with their results, newest first. */
    public List<Award> winners(int limit) {
        List<Poll> approved = polls.approved(limit);
        Map<Long, PollResult> results = tally.of(approved);
        return approved.stream().map(p -> new Award(p, results.get(p.id()))).toList();
    }

    /** A team's row on the leaderboard: its popcorn buckets (awards won). */
    public record Buckets(Team team, long buckets) {
    }

    /** Every team with its popcorn buckets, most first; teams without a win come last. */
    public List<Buckets> leaderboard() {
        Map<String, Long> won = awards.buckets();
        Map<String, Team> bySlug = teamsBySlug();
        List<Buckets> board = new ArrayList<>();
        won.forEach((slug, n) -> Optional.ofNullable(bySlug.get(slug)).ifPresent(team -> board.add(new Buckets(team, n))));
        bySlug.values().stream().filter(t -> !won.containsKey(t.slug())).forEach(t -> board.add(new Buckets(t, 0)));
        return board;
    }

    /** A team's wins, newest first: the poll and the winning project. */
    public record TeamWin(Poll poll, Release release, dev.popcorn.domain.Candidate candidate, long votes) {
    }

    public List<TeamWin> winsOf(String teamSlug) {
        List<AwardStore.Award> won = awards.ofTeam(teamSlug);
        Map<Long, Poll> pollsById = new HashMap<>();
        polls.findAll(won.stream().map(AwardStore.Award::pollId).distinct().toList()).forEach(p -> pollsById.put(p.id(), p));
        Map<Long, Release> releasesById = new HashMap<>();
        releases.findAll(pollsById.values().stream().map(Poll::releaseId).distinct().toList())
                .forEach(r -> releasesById.put(r.id(), r));
        List<TeamWin> wins = new ArrayList<>();
        for (AwardStore.Award award : won) {
            Optional.ofNullable(pollsById.get(award.pollId())).ifPresent(poll -> poll.candidate(award.candidateId())
                    .ifPresent(candidate -> wins.add(new TeamWin(poll, releasesById.get(poll.releaseId()), candidate,
                            award.votes()))));
        }
        return wins;
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

    public long points(String userId) {
        return participation.points(userId);
    }

    public List<AuditEntry> auditLog(int limit) {
        return audit.recent(limit);
    }
}
