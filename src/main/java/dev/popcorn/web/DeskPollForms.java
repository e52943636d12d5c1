package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.ForumMarkdown;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The desk's polls: correct the candidates, write the announcement (with its live preview), open, close and approve.
 * Each form answers through {@link LeadDesk}, back to the poll's card.
 */
public final class DeskPollForms implements EndpointGroup {

    private final ManagePoll polls;
    private final WeekOverview overview;
    private final LeadDesk desk;
    private final Chrome chrome;
    private final ForumMarkdown markdown;

    public DeskPollForms(ManagePoll polls, WeekOverview overview, LeadDesk desk, Chrome chrome,
            ForumMarkdown markdown) {
        this.polls = polls;
        this.overview = overview;
        this.desk = desk;
        this.chrome = chrome;
        this.markdown = markdown;
    }

    @Override
    public void addEndpoints() {
        post("/lead/polls/{id}/candidates", ctx -> desk.act(ctx, "add-candidate-" + id(ctx), "poll-" + id(ctx),
                "candidateAdded", lead -> LeadDesk.done(() -> polls.addCandidate(id(ctx), ctx.formParam("team"),
                        ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx), ctx.formParam("pitch"),
                        ctx.formParam("pitchZh"), lead))),
                LEAD);
        post("/lead/polls/{id}/candidates/{candidate}", ctx -> desk.act(ctx, "edit-" + id(ctx, "candidate"),
                "poll-" + id(ctx), "candidateEdited", lead -> LeadDesk.done(() -> polls.editCandidate(id(ctx),
                        id(ctx, "candidate"), ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx),
                        ctx.formParam("pitch"), ctx.formParam("pitchZh"), lead))),
                LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/withdraw",
                ctx -> desk.act(ctx, "withdraw-" + id(ctx, "candidate"),
                        "poll-" + id(ctx), "withdrawn", lead -> LeadDesk.done(() -> polls.withdrawCandidate(id(ctx),
                                id(ctx, "candidate"), lead))),
                LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/disqualify", ctx -> desk.act(ctx,
                "disqualify-" + id(ctx, "candidate"), "poll-" + id(ctx), "disqualified", lead -> LeadDesk.done(
                        () -> polls.disqualify(id(ctx), id(ctx, "candidate"), ctx.formParam("reason"),
                                ctx.formParam("reasonZh"), ctx.formParam("resetAnnouncement") != null, lead))),
                LEAD);
        post("/lead/polls/{id}/announcement", ctx -> desk.act(ctx, "announcement-" + id(ctx), "poll-" + id(ctx),
                "announcementSaved", lead -> LeadDesk.done(() -> polls.editAnnouncement(id(ctx),
                        ctx.formParam("reset") != null ? "" : ctx.formParam("text"), lead))),
                LEAD);
        post("/lead/polls/{id}/announcement/preview", this::preview, LEAD);
        post("/lead/polls/{id}/open", ctx -> desk.act(ctx, "open-poll-" + id(ctx), "poll-" + id(ctx), "opened",
                lead -> LeadDesk.done(() -> polls.open(id(ctx), lead))), LEAD);
        post("/lead/polls/{id}/close", ctx -> desk.act(ctx, "close-poll-" + id(ctx), "poll-" + id(ctx), "closed",
                lead -> LeadDesk.done(() -> polls.close(id(ctx), lead))), LEAD);
        // A refused approval keeps the words on screen (saved before the check) and says why beside them.
        post("/lead/polls/{id}/approve", ctx -> desk.act(ctx, "announcement-" + id(ctx), "poll-" + id(ctx), "approved",
                lead -> LeadDesk.done(() -> polls.approve(id(ctx), lead, ctx.formParam("text")))), LEAD);
    }

    /** The announcement's live preview: the text as the forum will show it, after why it cannot be approved yet, if so. */
    private void preview(Context ctx) {
        overview.poll(id(ctx), true); // an unknown poll is a 404, as for every route of a poll
        ManagePoll.Draft draft = polls.draft(id(ctx), ctx.formParam("text"));
        chrome.render(ctx, "lead-preview", new DeskModel.Preview(markdown.html(draft.text()), draft.refusal()
                .map(refused -> chrome.text(ctx, "error." + refused.code(), refused.args().toArray())).orElse(null)));
    }

    private static List<String> tickets(Context ctx) {
        String tickets = Optional.ofNullable(ctx.formParam("tickets")).orElse("");
        return List.of(tickets.split("[,\\s]+")).stream().filter(t -> !t.isBlank()).toList();
    }
}
