package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.PIPELINE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static dev.popcorn.web.common.Params.orEmpty;
import static dev.popcorn.web.common.Params.require;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.WinnerCards;
import dev.popcorn.web.json.PollJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;

/** The award poll: ballots, the lead's corrections and review, the announcement and the winner card. */
public final class PollRoutes implements EndpointGroup {

    record BallotInput(Long candidate) {
    }

    record CandidateInput(String team, String title, String titleZh, List<String> tickets, String pitch,
            String pitchZh) {
    }

    /** A disqualification: its public reason (in Chinese too, optionally), and whether an edited announcement goes back to the template's. */
    record DisqualifyInput(String reason, String reasonZh, Boolean resetAnnouncement) {
    }

    record TextInput(String text) {
    }

    /** The announcement under review (or as approved), its card, and where it stands on each channel. */
    record AnnouncementJson(String text, String words, boolean edited, String cardUrl,
            List<AnnounceAward.Publishing> publishing) {
    }

    /** Use cases of the poll resource. */
    public record UseCases(WeekOverview overview, CastBallot ballots, ManagePoll managePoll, AnnounceAward announce,
            Nominations nominations, Levels levels, dev.popcorn.app.participation.Ledger ledger) {
    }

    private final WeekOverview overview;
    private final CastBallot ballots;
    private final ManagePoll managePoll;
    private final AnnounceAward announce;
    private final Gate gate;
    private final RateLimits limits;
    private final WinnerCards cards;

    public PollRoutes(UseCases uses, Gate gate, RateLimits limits) {
        this.overview = uses.overview();
        this.ballots = uses.ballots();
        this.managePoll = uses.managePoll();
        this.announce = uses.announce();
        this.gate = gate;
        this.limits = limits;
        this.cards = new WinnerCards(uses.announce());
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/polls/{id}", ctx -> Json.write(ctx, 200, PollJson.of(overview.poll(id(ctx), gate.leadLooks(ctx)))),
                ANYONE);
        get("/api/v1/polls/{id}/ballot", this::myBallot, USER);
        put("/api/v1/polls/{id}/ballot", this::castBallot, USER);
        post("/api/v1/polls/{id}/candidates", this::addCandidate, PIPELINE);
        put("/api/v1/polls/{id}/candidates/{candidate}", this::editCandidate, PIPELINE);
        post("/api/v1/polls/{id}/candidates/{candidate}/withdraw", ctx -> {
            managePoll.withdrawCandidate(id(ctx), id(ctx, "candidate"), lead(ctx));
            answerPoll(ctx, id(ctx));
        }, LEAD);
        post("/api/v1/polls/{id}/candidates/{candidate}/disqualify", ctx -> {
            DisqualifyInput input = Json.read(ctx, DisqualifyInput.class);
            managePoll.disqualify(id(ctx), id(ctx, "candidate"), require(input.reason(), "reason"), input.reasonZh(),
                    Boolean.TRUE.equals(input.resetAnnouncement()), lead(ctx));
            answerPoll(ctx, id(ctx));
        }, LEAD);
        get("/api/v1/polls/{id}/announcement", this::announcement, ANYONE);
        put("/api/v1/polls/{id}/announcement", ctx -> {
            TextInput input = Json.read(ctx, TextInput.class);
            managePoll.editAnnouncement(id(ctx), require(input.text(), "text"), lead(ctx));
            announcement(ctx);
        }, LEAD);
        get("/api/v1/polls/{id}/card.png", ctx -> cards.answer(ctx, overview.poll(id(ctx), gate.leadLooks(ctx))),
                ANYONE);
        post("/api/v1/polls/{id}/open", ctx -> answerPoll(ctx, managePoll.open(id(ctx), lead(ctx)).id()), LEAD);
        post("/api/v1/polls/{id}/close", ctx -> answerPoll(ctx, managePoll.close(id(ctx), lead(ctx)).id()), LEAD);
        post("/api/v1/polls/{id}/approve", ctx -> answerPoll(ctx, managePoll.approve(id(ctx), lead(ctx)).id()), LEAD);
    }

    private void myBallot(Context ctx) {
        long pollId = id(ctx);
        overview.poll(pollId, false);
        Ballot ballot = ballots.find(pollId, Gate.admitted(ctx).userId())
                .orElseThrow(() -> RuleViolation.notFound("ballot.none"));
        Json.write(ctx, 200, ballot);
    }

    private void castBallot(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        limits.ballot(userId, ctx);
        BallotInput input = Json.read(ctx, BallotInput.class);
        // Answered when the writer committed it: no request thread waits for the batch meanwhile.
        var cast = ballots.castLater(userId, id(ctx), require(input.candidate(), "candidate"));
        ctx.future(() -> cast.thenAccept(ballot -> Json.write(ctx, 200, ballot)));
    }

    private void addCandidate(Context ctx) {
        CandidateInput input = Json.read(ctx, CandidateInput.class);
        Json.write(ctx, 201,
                managePoll.addCandidate(id(ctx), require(input.team(), "team"), require(input.title(), "title"),
                        input.titleZh(), orEmpty(input.tickets()), input.pitch(), input.pitchZh(), lead(ctx)));
    }

    private void editCandidate(Context ctx) {
        CandidateInput input = Json.read(ctx, CandidateInput.class);
        Json.write(ctx, 200, managePoll.editCandidate(id(ctx), id(ctx, "candidate"), require(input.title(), "title"),
                input.titleZh(), orEmpty(input.tickets()), input.pitch(), input.pitchZh(), lead(ctx)));
    }

    private void announcement(Context ctx) {
        WeekOverview.PollView view = overview.poll(id(ctx), gate.leadLooks(ctx));
        PollResult result = view.result()
                .orElseThrow(() -> RuleViolation.notFound("announcement.notYet", view.poll().title()));
        Poll poll = view.poll();
        Json.write(ctx, 200, new AnnouncementJson(announce.text(poll, result), announce.words(poll, result),
                !poll.announcement().isBlank() && view.state() != PollState.APPROVED,
                "/api/v1/polls/" + poll.id() + "/card.png", announce.publishing(poll.id())));
    }

    private void answerPoll(Context ctx, long pollId) {
        Json.write(ctx, 200, PollJson.of(overview.poll(pollId, true)));
    }

    private static String lead(Context ctx) {
        return Gate.admitted(ctx).userId();
    }
}
