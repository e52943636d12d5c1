package dev.popcorn.web.json;

import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A poll as the API shows it; the result only to those who may see it (everyone once approved, leads from the close). */
public record PollJson(long id, long releaseId, String title, String state, Instant opensAt, Instant closesAt,
        Instant closedAt, Instant approvedAt, List<Candidate> candidates, Result result) {

    /**
     * The count: ballots counted and cast, ranks, shares (of the counted ballots) and margins, how a tie was
     * met, who won, and the candidates taken out of the poll with the ballots that no longer count.
     */
    public record Result(long ballots, long cast, boolean tie, String tieRule, boolean tieBroken, long margin,
            List<Place> standings, List<Long> winners, List<SetAside> setAside) {

        static Result of(PollResult result) {
            return new Result(result.ballots(), result.cast(), result.isTie(),
                    result.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'), result.tieBroken(),
                    result.margin(),
                    result.standings().stream().map(Place::of).toList(),
                    result.winners().stream().map(s -> s.candidate().id()).toList(),
                    result.setAside().stream().map(SetAside::of).toList());
        }
    }

    /** A candidate taken out of the poll: why, and the votes cast for it that are not counted. */
    public record SetAside(long candidate, String title, String team, String status, String reason, long votes) {
        static SetAside of(PollResult.SetAside a) {
            return new SetAside(a.candidate().id(), a.candidate().title(), a.candidate().teamSlug(),
                    a.candidate().status().name(), a.candidate().reason(), a.votes());
        }
    }

    /** One candidate's place in the count. */
    public record Place(long candidate, String title, String team, long votes, int rank, double share, long margin) {
        static Place of(dev.popcorn.domain.award.Place s) {
            return new Place(s.candidate().id(), s.candidate().title(), s.candidate().teamSlug(), s.votes(), s.rank(),
                    s.share(), s.margin());
        }
    }

    public static PollJson of(PollView view) {
        Poll poll = view.poll();
        return new PollJson(poll.id(), poll.releaseId(), poll.title(), view.state().name(), poll.opensAt(),
                poll.closesAt(), poll.closedAt(), poll.approvedAt(), poll.candidates(),
                view.result().map(Result::of).orElse(null));
    }
}
