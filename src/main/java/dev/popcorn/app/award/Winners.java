package dev.popcorn.app.award;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The award's history as the public pages and the API show it: the approved polls with their results, the teams'
 * popcorn buckets (awards won), and each team's wins.
 */
public final class Winners {

    /** A past winner: the approved poll and its result. */
    public record Award(Poll poll, PollResult result) {
    }

    private final PollStore polls;
    private final ReleaseStore releases;
    private final AwardStore awards;
    private final TeamStore teams;
    private final Tally tally;

    public Winners(PollStore polls, ReleaseStore releases, AwardStore awards, TeamStore teams, Tally tally) {
        this.polls = polls;
        this.releases = releases;
        this.awards = awards;
        this.teams = teams;
        this.tally = tally;
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
        Map<String, Team> bySlug = new LinkedHashMap<>();
        teams.all().forEach(team -> bySlug.put(team.slug(), team));
        List<Buckets> board = new ArrayList<>();
        won.forEach(
                (slug, n) -> Optional.ofNullable(bySlug.get(slug)).ifPresent(team -> board.add(new Buckets(team, n))));
        bySlug.values().stream().filter(t -> !won.containsKey(t.slug())).forEach(t -> board.add(new Buckets(t, 0)));
        return board;
    }

    /** A team's wins, newest first: the poll and the winning project. */
    public record TeamWin(Poll poll, Release release, dev.popcorn.domain.award.Candidate candidate, long votes) {
    }

    public List<TeamWin> winsOf(String teamSlug) {
        List<AwardStore.Award> won = awards.ofTeam(teamSlug);
        Map<Long, Poll> pollsById = new HashMap<>();
        polls.findAll(won.stream().map(AwardStore.Award::pollId).distinct().toList())
                .forEach(p -> pollsById.put(p.id(), p));
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
}
