package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.release.Release;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The desk's releases: a release's feedback as CSV; open a release by hand or from the tracker. */
public final class DeskReleaseForms implements EndpointGroup {

    private final WeekOverview overview;
    private final OpenRelease openRelease;
    private final ShipRelease shipRelease;
    private final LeadDesk desk;

    public DeskReleaseForms(WeekOverview overview, OpenRelease openRelease, ShipRelease shipRelease, LeadDesk desk) {
        this.overview = overview;
        this.openRelease = openRelease;
        this.shipRelease = shipRelease;
        this.desk = desk;
    }

    @Override
    public void addEndpoints() {
        get("/lead/releases/{id}/feedback.csv", ctx -> {
            Release release = overview.release(id(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"popcorn-feedback-"
                    + release.version().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(FeedbackCsv.of(release,
                    overview.reports(release.id(), FeedbackCsv.MAX_REPORTS), overview.teamsBySlug()));
        }, LEAD);
        post("/lead/releases", ctx -> desk.act(ctx, "open-release", "desk-award", "releaseOpened", lead -> {
            boolean keepPollDraft = ctx.formParam("draftPoll") != null;
            openRelease.open(Optional.ofNullable(ctx.formParam("version")).orElse("").strip(), features(ctx),
                    keepPollDraft, lead);
            return keepPollDraft ? "releaseOpenedDraft" : "releaseOpened";
        }), LEAD);
        post("/lead/releases/tracker", ctx -> desk.act(ctx, "open-from-tracker", "desk-releases", "releaseOpened",
                lead -> LeadDesk.done(() -> shipRelease.ship(fromTracker(ctx), lead))), LEAD);
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
            features.add(new Feature(parts[0].strip(), parts[1].strip(), parts.length == 4 ? parts[3] : "",
                    parts[2].strip()));
        }
        return features;
    }

    private static ShipRelease.Request fromTracker(Context ctx) {
        String jql = Optional.ofNullable(ctx.formParam("jql")).orElse("");
        return new ShipRelease.Request(ctx.formParam("version"),
                jql.isBlank() ? new FeatureSource.ReleaseQuery() : new FeatureSource.Query(jql), Optional.empty(),
                Optional.empty(), false);
    }
}
