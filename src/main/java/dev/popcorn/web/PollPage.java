package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.common.Problems;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.WinnerCards;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The award poll's page: the candidates and the fan's ballot while it is open, the result and the winner card after;
 * its forms, the ballot and a fan's nomination.
 */
public final class PollPage implements EndpointGroup {

    private final PollModel.UseCases uses;
    private final PollModel model;
    private final Chrome chrome;
    private final Gate gate;
    private final RateLimits limits;
    private final WinnerCards cards;

    public PollPage(PollModel.UseCases uses, PollModel model, Chrome chrome, Gate gate, RateLimits limits) {
        this.uses = uses;
        this.model = model;
        this.chrome = chrome;
        this.gate = gate;
        this.limits = limits;
        this.cards = new WinnerCards(uses.announce());
    }

    @Override
    public void addEndpoints() {
        get("/polls/{id}", ctx -> show(ctx, null, null), ANYONE);
        post("/polls/{id}/ballot", this::castBallot, USER);
        get("/polls/{id}/card.png", ctx -> {
            ctx.header("Content-Disposition", "inline; filename=\"popcorn-award-" + id(ctx) + ".png\"");
            cards.answer(ctx, uses.overview().poll(id(ctx), gate.leadLooks(ctx)));
        }, ANYONE);
        post("/polls/{id}/nominations", this::nominate, USER);
    }

    /**
     * The poll page; with a refused nomination its form shows again with what the fan typed and why
     * it was refused, answered with the refusal's status (nothing the fan wrote is lost).
     */
    private void show(Context ctx, Map<String, String> nominationDraft, Problems.Problem problem) {
        String refused = null;
        if (problem != null) {
            refused = chrome.text(ctx, "error." + problem.code(), problem.args().toArray());
            ctx.status(problem.status());
        }
        chrome.render(ctx, "poll", model.page(id(ctx), gate.viewer(ctx), chrome.locale(ctx), nominationDraft, refused,
                ctx.queryParam("voted") != null, ctx.queryParam("nominated") != null));
    }

    private void castBallot(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        limits.ballot(userId, ctx);
        long pollId = id(ctx);
        String candidate = ctx.formParam("candidate");
        if (candidate == null || candidate.isBlank()) {
            throw RuleViolation.invalid("ballot.candidate.missing");
        }
        uses.ballots().cast(userId, pollId, Params.number(candidate));
        ctx.redirect("/polls/" + pollId + "?voted=1");
    }

    /** A fan's nomination; refused, the page again with the form as it was sent and why. */
    private void nominate(Context ctx) {
        long pollId = id(ctx);
        String team = ctx.formParam("team");
        String title = ctx.formParam("title");
        String titleEn = ctx.formParam("titleEn");
        String pitch = ctx.formParam("pitch");
        try {
            uses.nominations().nominate(Gate.admitted(ctx).userId(), pollId, team, title, titleEn, pitch);
        } catch (RuleViolation e) {
            Map<String, String> draft = new HashMap<>();
            draft.put("team", team == null ? "" : team);
            draft.put("title", title == null ? "" : title);
            draft.put("titleEn", titleEn == null ? "" : titleEn);
            draft.put("pitch", pitch == null ? "" : pitch);
            show(ctx, draft, Problems.of(e));
            return;
        }
        ctx.redirect("/polls/" + pollId + "?nominated=1#nominate");
    }
}
