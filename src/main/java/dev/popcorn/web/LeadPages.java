package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Gate;
import dev.popcorn.app.Check;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureSource;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lead's dashboard and its forms: open a release (by hand or from the tracker), correct and
 * review the poll, link or file wish tickets, retry failed writes and build notices. Every form
 * answers with the dashboard and a line saying what was done.
 */
final class LeadPages implements EndpointGroup {

    /** Use cases the lead's forms drive. */
    record UseCases(OpenRelease openRelease, ShipRelease shipRelease, ManagePoll managePoll) {
    }

    private final UseCases uses;
    private final DeskModel.UseCases shown;
    private final DeskModel dashboard;
    private final LeadDesk desk;
    private final Chrome chrome;
    private final ForumMarkdown markdown;

    LeadPages(UseCases uses, DeskModel.UseCases shown, DeskModel dashboard, LeadDesk desk, Chrome chrome,
            ForumMarkdown markdown) {
        this.uses = uses;
        this.shown = shown;
        this.dashboard = dashboard;
        this.desk = desk;
        this.chrome = chrome;
        this.markdown = markdown;
    }

    @Override
    public void addEndpoints() {
        ManagePoll polls = uses.managePoll();
        get("/lead", ctx -> render(ctx, null), LEAD);
        get("/lead/glance/count", ctx -> chrome.render(ctx, "lead-count", dashboard.count(chrome.locale(ctx))), LEAD);
        get("/lead/releases/{id}/feedback.csv", ctx -> {
            Release release = shown.overview().release(id(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"popcorn-feedback-"
                    + release.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(FeedbackCsv.of(release,
                    shown.overview().reports(release.id(), FeedbackCsv.MAX_REPORTS), shown.overview().teamsBySlug()));
        }, LEAD);
        post("/lead/releases", ctx -> desk.act(ctx, "open-release", "desk-award", "releaseOpened", lead -> {
            boolean keepPollDraft = ctx.formParam("draftPoll") != null;
            uses.openRelease().open(Optional.ofNullable(ctx.formParam("version")).orElse("").strip(), features(ctx),
                    keepPollDraft, lead);
            return keepPollDraft ? "releaseOpenedDraft" : "releaseOpened";
        }), LEAD);
        post("/lead/releases/tracker", ctx -> desk.act(ctx, "open-from-tracker", "desk-releases", "releaseOpened",
                lead -> done(() -> uses.shipRelease().ship(fromTracker(ctx), lead))), LEAD);
        post("/lead/polls/{id}/candidates", ctx -> desk.act(ctx, "add-candidate-" + id(ctx), "poll-" + id(ctx),
                "candidateAdded", lead -> done(() -> polls.addCandidate(id(ctx), ctx.formParam("team"),
                        ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx), ctx.formParam("pitch"),
                        ctx.formParam("pitchZh"), lead))), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}", ctx -> desk.act(ctx, "edit-" + id(ctx, "candidate"),
                "poll-" + id(ctx), "candidateEdited", lead -> done(() -> polls.editCandidate(id(ctx), id(ctx, "candidate"),
                        ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx), ctx.formParam("pitch"),
                        ctx.formParam("pitchZh"), lead))), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/withdraw", ctx -> desk.act(ctx, "withdraw-" + id(ctx, "candidate"),
                "poll-" + id(ctx), "withdrawn", lead -> done(() -> polls.withdrawCandidate(id(ctx), id(ctx, "candidate"),
                        lead))), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/disqualify", ctx -> desk.act(ctx,
                "disqualify-" + id(ctx, "candidate"), "poll-" + id(ctx), "disqualified", lead -> done(() -> polls.disqualify(
                        id(ctx), id(ctx, "candidate"), ctx.formParam("reason"), ctx.formParam("reasonZh"),
                        ctx.formParam("resetAnnouncement") != null, lead))), LEAD);
        post("/lead/polls/{id}/announcement", ctx -> desk.act(ctx, "announcement-" + id(ctx), "poll-" + id(ctx),
                "announcementSaved", lead -> done(() -> polls.editAnnouncement(id(ctx),
                        ctx.formParam("reset") != null ? "" : ctx.formParam("text"), lead))), LEAD);
        post("/lead/polls/{id}/announcement/preview", ctx -> {
            shown.overview().poll(id(ctx), true); // an unknown poll is a 404, as for every route of a poll
            ManagePoll.Draft draft = polls.draft(id(ctx), ctx.formParam("text"));
            chrome.render(ctx, "lead-preview", new DeskModel.Preview(markdown.html(draft.text()), draft.refusal()
                    .map(refused -> chrome.text(ctx, "error." + refused.code(), refused.args().toArray())).orElse(null)));
        }, LEAD);
        post("/lead/polls/{id}/open", ctx -> desk.act(ctx, "open-poll-" + id(ctx), "poll-" + id(ctx), "opened",
                lead -> done(() -> polls.open(id(ctx), lead))), LEAD);
        post("/lead/polls/{id}/close", ctx -> desk.act(ctx, "close-poll-" + id(ctx), "poll-" + id(ctx), "closed",
                lead -> done(() -> polls.close(id(ctx), lead))), LEAD);
        // A refused approval keeps the words on screen (saved before the check) and says why beside them.
        post("/lead/polls/{id}/approve", ctx -> desk.act(ctx, "announcement-" + id(ctx), "poll-" + id(ctx), "approved",
                lead -> done(() -> polls.approve(id(ctx), lead, ctx.formParam("text")))), LEAD);
        post("/lead/wishes/{id}/link", ctx -> desk.act(ctx, "link-wish-" + id(ctx), "desk-week", "wishLinked",
                lead -> done(() -> shown.wishTickets().link(id(ctx), ctx.formParam("key"), lead))), LEAD);
        post("/lead/wishes/{id}/file", ctx -> desk.act(ctx, "file-wish-" + id(ctx), "desk-week", "wishFiling",
                lead -> done(() -> shown.wishTickets().fileTicket(id(ctx), lead))), LEAD);
        post("/lead/tracker/check", ctx -> render(ctx, shown.trackerSync().check()), LEAD);
        post("/lead/tracker/retry", ctx -> desk.act(ctx, "tracker-retry", "desk-releases", "retried",
                lead -> done(() -> shown.outbox().retryFailed())), LEAD);
        post("/lead/jenkins/notices/{id}/retry", ctx -> desk.act(ctx, "notice-retry-" + id(ctx), "desk-releases",
                "noticeRetried", lead -> done(() -> shown.buildNotices().retry(id(ctx)))), LEAD);
    }

    /** The desk; {@code checks} are the lines of a connection check just run, or null. */
    private void render(Context ctx, List<Check> checks) {
        chrome.render(ctx, "lead", dashboard.page(Gate.admitted(ctx), chrome.locale(ctx), checks, KeptForm.NONE,
                ctx.queryParam("done"), ctx.queryParam("at")));
    }

    /** Runs an action whose answer the desk does not show: the notice says what the route names. */
    private static String done(Runnable action) {
        action.run();
        return null;
    }

    /** The features typed one per line as {@code KEY|summary|team}, or {@code KEY|summary|team|中文摘要}. */
    private static List<Feature> features(Context ctx) {
        List<Feature> features = new ArrayList<>();
        for (String line : Optional.ofNullable(ctx.formParam("features")).orElse("").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3 && parts.length != 4) {
                throw RuleViolation.invalid("lead.feature.line", line.strip());
            }
            features.add(new Feature(parts[0].strip(), parts[1].strip(), parts.length == 4 ? parts[3] : "", parts[2].strip()));
        }
        return features;
    }

    private static ShipRelease.Request fromTracker(Context ctx) {
        String jql = Optional.ofNullable(ctx.formParam("jql")).orElse("");
        return new ShipRelease.Request(ctx.formParam("version"),
                jql.isBlank() ? new FeatureSource.ReleaseQuery() : new FeatureSource.Query(jql), Optional.empty(),
                Optional.empty(), false);
    }

    private static List<String> tickets(Context ctx) {
        String tickets = Optional.ofNullable(ctx.formParam("tickets")).orElse("");
        return List.of(tickets.split("[,\\s]+")).stream().filter(t -> !t.isBlank()).toList();
    }
}
