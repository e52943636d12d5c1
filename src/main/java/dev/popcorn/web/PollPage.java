package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.PollResult;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Right;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.WinnerCards;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The award poll's page: the candidates and the fan's ballot while it is open, the result and the winner card after. */
final class PollPage implements EndpointGroup {

    private final WeekOverview overview;
    private final CastBallot ballots;
    private final AnnounceAward announce;
    private final Nominations nominations;
    private final Levels levels;
    private final dev.popcorn.app.participation.Ledger ledger;
    private final Chrome chrome;
    private final Gate gate;
    private final RateLimits limits;
    private final ForumMarkdown markdown;
    private final WinnerCards cards;

    PollPage(PollRoutes.UseCases uses, Chrome chrome, Gate gate, RateLimits limits, ForumMarkdown markdown) {
        this.markdown = markdown;
        this.overview = uses.overview();
        this.ballots = uses.ballots();
        this.announce = uses.announce();
        this.nominations = uses.nominations();
        this.levels = uses.levels();
        this.ledger = uses.ledger();
        this.chrome = chrome;
        this.gate = gate;
        this.limits = limits;
        this.cards = new WinnerCards(uses.announce());
    }

    @Override
    public void addEndpoints() {
        get("/polls/{id}", this::show, ANYONE);
        post("/polls/{id}/ballot", this::castBallot, USER);
        get("/polls/{id}/card.png", ctx -> {
            ctx.header("Content-Disposition", "inline; filename=\"popcorn-award-" + id(ctx) + ".png\"");
            cards.answer(ctx, overview.poll(id(ctx), gate.leadLooks(ctx)));
        }, ANYONE);
    }

    private void show(Context ctx) {
        show(ctx, null, null);
    }

    /**
     * The poll page; with a refused nomination its form shows again with what the fan typed and why
     * it was refused, answered with the refusal's status (nothing the fan wrote is lost).
     */
    void show(Context ctx, Map<String, String> nominationDraft, dev.popcorn.web.common.Problems.Problem problem) {
        Map<String, Object> model = chrome.model(ctx);
        model.put("p", model(ctx, id(ctx)));
        if (nominationDraft != null) {
            model.put("nominationDraft", nominationDraft);
        }
        if (problem != null) {
            model.put("nominationProblem", dev.popcorn.web.common.Messages.text(chrome.locale(ctx), "error." + problem.code(),
                    problem.args().toArray()));
            ctx.status(problem.status());
        }
        model.put("teams", overview.teamsBySlug());
        model.put("voted", ctx.queryParam("voted") != null);
        model.put("nominated", ctx.queryParam("nominated") != null);
        chrome.render(ctx, "poll", model);
    }

    /** The poll as this visitor may see it, with their own ballot; leads also get the announcement under review. */
    Map<String, Object> model(Context ctx, long pollId) {
        Optional<Pass> me = gate.viewer(ctx);
        boolean lead = me.map(Pass::isLead).orElse(false);
        PollView view = overview.poll(pollId, lead);
        Map<String, Object> model = new HashMap<>();
        model.put("poll", view.poll());
        model.put("state", view.state().name());
        view.result().ifPresent(result -> {
            model.put("result", result);
            if (lead) {
                String words = announce.words(view.poll(), result);
                boolean edited = !view.poll().announcement().isBlank() && view.state() != PollState.APPROVED;
                model.put("announcement", words);
                model.put("announcementHtml", markdown.html(announce.fill(view.poll(), result, words)));
                model.put("edited", edited);
                if (view.state() != PollState.APPROVED) {
                    contradiction(words, result).ifPresent(refused -> model.put("contradiction",
                            chrome.text(ctx, "error." + refused.code(), refused.args().toArray())));
                }
                model.put("publishing", announce.publishing(pollId));
            }
            if (view.state() == PollState.APPROVED) {
                model.put("sent", SentAnnouncement.of(announce.text(view.poll(), result), announce.languages(),
                        dev.popcorn.web.common.Messages.tag(chrome.locale(ctx)), markdown));
            }
        });
        if (nominations.takes(view.poll())) {
            model.put("nominate", nominating(ctx, me, lead, pollId));
        }
        me.flatMap(pass -> ballots.find(pollId, pass.userId())).ifPresent(ballot -> {
            model.put("ballot", ballot);
            view.poll().candidate(ballot.candidateId()).ifPresent(c -> model.put("ballotCandidate", c));
            // What the vote earned (none past the weekly cap), and, once counted, whether the pick won.
            model.put("votePoints", ledger.pointsFor(ballot.userId(), dev.popcorn.domain.ParticipationKind.BALLOT_CAST,
                    "poll:" + pollId));
            view.result().ifPresent(result -> model.put("pickWon", view.state() != PollState.OPEN
                    && result.winners().stream().anyMatch(w -> w.candidate().id() == ballot.candidateId())));
        });
        // Below the level that votes: said before the fan picks, with where the level is explained.
        me.filter(pass -> view.state() == PollState.OPEN && !levels.holds(pass.userId(), dev.popcorn.domain.Right.VOTE))
                .ifPresent(pass -> {
                    dev.popcorn.domain.Level from = levels.ladder().lowestWith(dev.popcorn.domain.Right.VOTE);
                    model.put("voteFrom", from.name(chrome.locale(ctx)));
                    model.put("voteFromId", from.id());
                    model.put("levelNow", levels.level(pass.userId()).name(chrome.locale(ctx)));
                });
        return model;
    }

    /** Why the lead's words could not be approved against the result as counted now, if they could not. */
    private Optional<RuleViolation> contradiction(String words, PollResult result) {
        try {
            announce.check(words, result);
            return Optional.empty();
        } catch (RuleViolation e) {
            return Optional.of(e);
        }
    }

    /**
     * What the poll page shows about nominating while the poll takes nominations: the level the right
     * is held from; for a signed-in visitor whether they hold it, their level and their own nominations
     * (with a lead's reason); for a lead every nomination of the poll.
     */
    private Map<String, Object> nominating(Context ctx, Optional<Pass> me, boolean lead, long pollId) {
        Locale locale = chrome.locale(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("from", levels.ladder().lowestWith(Right.NOMINATE).name(locale));
        model.put("limit", nominations.limit());
        me.ifPresent(pass -> {
            model.put("allowed", levels.holds(pass.userId(), Right.NOMINATE));
            model.put("level", levels.level(pass.userId()).name(locale));
            model.put("mine", nominations.mine(pollId, pass.userId()));
        });
        if (lead) {
            model.put("all", nominations.ofPoll(pollId));
        }
        return model;
    }

    private void castBallot(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        limits.ballot(userId, ctx);
        long pollId = id(ctx);
        String candidate = ctx.formParam("candidate");
        if (candidate == null || candidate.isBlank()) {
            throw RuleViolation.invalid("ballot.candidate.missing");
        }
        ballots.cast(userId, pollId, Params.number(candidate));
        ctx.redirect("/polls/" + pollId + "?voted=1");
    }
}
