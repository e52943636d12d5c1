package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.award.Nominations;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Problems;
import java.util.HashMap;
import java.util.Map;
import io.javalin.apibuilder.EndpointGroup;

/**
 * The page forms of nominations: a fan's on the poll page, a lead's accept and decline on the
 * dashboard. Each answers by going back to its page, which says what was done; a refusal is the
 * friendly problem page in the visitor's language.
 */
public final class NominationForms implements EndpointGroup {

    private final Nominations nominations;
    private final PollPage page;
    private final LeadDesk desk;

    public NominationForms(Nominations nominations, PollPage page, LeadDesk desk) {
        this.desk = desk;
        this.nominations = nominations;
        this.page = page;
    }

    @Override
    public void addEndpoints() {
        post("/polls/{id}/nominations", ctx -> {
            long pollId = id(ctx);
            String team = ctx.formParam("team");
            String title = ctx.formParam("title");
            String titleEn = ctx.formParam("titleEn");
            String pitch = ctx.formParam("pitch");
            try {
                nominations.nominate(Gate.admitted(ctx).userId(), pollId, team, title, titleEn, pitch);
            } catch (RuleViolation e) {
                // The form again, with what the fan typed and why it was refused.
                Map<String, String> draft = new HashMap<>();
                draft.put("team", team == null ? "" : team);
                draft.put("title", title == null ? "" : title);
                draft.put("titleEn", titleEn == null ? "" : titleEn);
                draft.put("pitch", pitch == null ? "" : pitch);
                page.show(ctx, draft, Problems.of(e));
                return;
            }
            ctx.redirect("/polls/" + pollId + "?nominated=1#nominate");
        }, USER);
        // Back to the poll's card, where the nomination was (its poll is known only once it is found).
        post("/lead/nominations/{id}/accept", ctx -> desk.act(ctx, "accept-" + id(ctx), "desk-award", "nominationAccepted",
                lead -> {
                    nominations.accept(id(ctx), lead);
                    return null;
                }), LEAD);
        post("/lead/nominations/{id}/decline", ctx -> desk.act(ctx, "decline-" + id(ctx), "desk-award", "nominationDeclined",
                lead -> {
                    nominations.decline(id(ctx), ctx.formParam("reason"), lead);
                    return null;
                }), LEAD);
    }
}
