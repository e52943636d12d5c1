package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureSource;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Gate;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
    private final LeadDashboard.UseCases shown;
    private final LeadDashboard dashboard;
    private final ForumMarkdown markdown;

    LeadPages(UseCases uses, LeadDashboard.UseCases shown, LeadDashboard dashboard, ForumMarkdown markdown) {
        this.markdown = markdown;
        this.uses = uses;
        this.shown = shown;
        this.dashboard = dashboard;
    }

    @Override
    public void addEndpoints() {
        ManagePoll polls = uses.managePoll();
        get("/lead", ctx -> dashboard.render(ctx, null), LEAD);
        get("/lead/glance/count", dashboard::liveCount, LEAD);
        get("/lead/releases/{id}/feedback.csv", ctx -> {
            Release release = shown.overview().release(id(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"popcorn-feedback-"
                    + release.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(FeedbackCsv.of(release,
                    shown.overview().reports(release.id(), FeedbackCsv.MAX_REPORTS), shown.overview().teamsBySlug()));
        }, LEAD);
        post("/lead/releases", ctx -> done(ctx, lead -> uses.openRelease().open(
                Optional.ofNullable(ctx.formParam("version")).orElse("").strip(), features(ctx), lead), "releaseOpened"), LEAD);
        post("/lead/releases/tracker", ctx -> done(ctx, lead -> uses.shipRelease().ship(fromTracker(ctx), lead),
                "releaseOpened"), LEAD);
        post("/lead/polls/{id}/candidates", ctx -> done(ctx, lead -> polls.addCandidate(id(ctx), ctx.formParam("team"),
                ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx), ctx.formParam("pitch"),
                ctx.formParam("pitchZh"), lead), "candidateAdded"), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}", ctx -> done(ctx, lead -> polls.editCandidate(id(ctx),
                id(ctx, "candidate"), ctx.formParam("title"), ctx.formParam("titleZh"), tickets(ctx), ctx.formParam("pitch"),
                ctx.formParam("pitchZh"), lead),
                "candidateEdited"), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/withdraw", ctx -> done(ctx,
                lead -> polls.withdrawCandidate(id(ctx), id(ctx, "candidate"), lead), "withdrawn"), LEAD);
        post("/lead/polls/{id}/candidates/{candidate}/disqualify", ctx -> done(ctx, lead -> polls.disqualify(
                id(ctx), id(ctx, "candidate"), ctx.formParam("reason"), ctx.formParam("resetAnnouncement") != null, lead),
                "disqualified"), LEAD);
        post("/lead/polls/{id}/announcement", ctx -> done(ctx, lead -> polls.editAnnouncement(id(ctx),
                ctx.formParam("reset") != null ? "" : ctx.formParam("text"), lead), "announcementSaved"), LEAD);
        post("/lead/polls/{id}/announcement/preview", ctx -> {
            shown.overview().poll(id(ctx), true); // an unknown poll is a 404, as for every route of a poll
            dashboard.preview(ctx, polls.draft(id(ctx), ctx.formParam("text")), markdown);
        }, LEAD);
        post("/lead/polls/{id}/open", ctx -> done(ctx, lead -> polls.open(id(ctx), lead), "opened"), LEAD);
        post("/lead/polls/{id}/close", ctx -> done(ctx, lead -> polls.close(id(ctx), lead), "closed"), LEAD);
        post("/lead/polls/{id}/approve", ctx -> {
            try {
                done(ctx, lead -> polls.approve(id(ctx), lead, ctx.formParam("text")), "approved");
            } catch (RuleViolation refused) {
                if (!refused.code().startsWith("announcement.result.")) {
                    throw refused;
                }
                // The words on screen were saved before the check: the page shows them again, with why.
                dashboard.refused(ctx, id(ctx), refused);
            }
        }, LEAD);
        post("/lead/wishes/{id}/link", ctx -> done(ctx, lead -> shown.wishTickets().link(id(ctx), ctx.formParam("key"), lead),
                "wishLinked"), LEAD);
        post("/lead/wishes/{id}/file", ctx -> done(ctx, lead -> shown.wishTickets().fileTicket(id(ctx), lead), "wishFiling"),
                LEAD);
        post("/lead/tracker/check", ctx -> dashboard.render(ctx, shown.trackerSync().check()), LEAD);
        post("/lead/tracker/retry", ctx -> done(ctx, lead -> shown.outbox().retryFailed(), "retried"), LEAD);
        post("/lead/jenkins/notices/{id}/retry", ctx -> done(ctx, lead -> shown.buildNotices().retry(id(ctx)),
                "noticeRetried"), LEAD);
    }

    /** Runs the lead's action and answers with the dashboard saying it was done. */
    private static void done(Context ctx, Consumer<String> action, String what) {
        action.accept(Gate.admitted(ctx).userId());
        ctx.redirect("/lead?done=" + what);
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
