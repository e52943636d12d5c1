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

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.json.ReleaseJson;
import dev.popcorn.web.json.ShippedJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Releases (opened by CI, the CLI or a lead) and the experience reports users hand in for them. */
public final class ReleaseRoutes implements EndpointGroup {

    record FeatureInput(String key, String summary, String summaryZh, String team) {
    }

    record BuildInput(String job, Integer number, String url) {
    }

    record TestsInput(Integer total, Integer failed, Integer skipped) {
    }

    record ReleaseInput(String version, List<FeatureInput> features, String jql, List<String> keys,
            List<String> changelog, BuildInput build, TestsInput tests, Boolean dryRun) {
    }

    record VerdictInput(String feature, String verdict, String comment) {
    }

    /** {@code similarSeen}: the caller has seen what the new wishes resemble (the 409's {@code similar}) and files them. */
    record ReportInput(List<VerdictInput> verdicts, List<Long> wishes, List<String> tickets, List<String> newWishes,
            Boolean similarSeen) {
    }

    /** A report as its author sees it again. */
    /** Whether marking the report (or one of its comments) helpful was new (false: it was marked before, and nothing changed). */
    record HelpfulJson(boolean marked) {
    }

    /** A report as stored; after handing it in, the new wishes not filed at the day's limit and why (else none). */
    record ReportJson(long releaseId, List<VerdictInput> verdicts, List<Long> wishes, List<String> wishesNotFiled,
            String notice) {
        static ReportJson of(ExperienceReport report) {
            return new ReportJson(report.releaseId(), report.verdicts().stream()
                    .map(v -> new VerdictInput(v.featureKey(), v.verdict().name(), v.comment())).toList(),
                    report.supportedWishes(), List.of(), null);
        }

        static ReportJson of(HandInReport.Saved saved, java.util.Locale locale) {
            ReportJson stored = of(saved.report());
            return new ReportJson(stored.releaseId(), stored.verdicts(), stored.wishes(), saved.wishesNotFiled(),
                    saved.limit().map(limit -> Messages.text(locale, "error." + limit.code(), limit.args().toArray()))
                            .orElse(null));
        }
    }

    private final WeekOverview overview;
    private final ShipRelease shipRelease;
    private final HandInReport reports;
    private final WishTickets wishTickets;

    public ReleaseRoutes(WeekOverview overview, ShipRelease shipRelease, HandInReport reports,
            WishTickets wishTickets) {
        this.overview = overview;
        this.shipRelease = shipRelease;
        this.reports = reports;
        this.wishTickets = wishTickets;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/releases", this::releases, ANYONE);
        post("/api/v1/releases", this::open, PIPELINE);
        get("/api/v1/releases/{id}", ctx -> Json.write(ctx, 200, json(overview.release(id(ctx)))), ANYONE);
        put("/api/v1/releases/{id}/tests", this::attachTests, PIPELINE);
        get("/api/v1/releases/{id}/report", this::myReport, USER);
        put("/api/v1/releases/{id}/report", this::handInReport, USER);
        post("/api/v1/releases/{id}/reports/{user}/helpful", ctx -> Json.write(ctx, 200, new HelpfulJson(
                reports.markHelpful(id(ctx), ctx.pathParam("user"), Gate.admitted(ctx).userId()))), LEAD);
        post("/api/v1/releases/{id}/reports/{user}/comments/{ticket}/helpful", ctx -> Json.write(ctx, 200,
                new HelpfulJson(reports.markCommentHelpful(id(ctx), ctx.pathParam("user"), ctx.pathParam("ticket"),
                        Gate.admitted(ctx).userId()))),
                LEAD);
    }

    private void releases(Context ctx) {
        String version = ctx.queryParam("version");
        List<Release> found = version == null ? overview.recentReleases(20)
                : overview.releaseByVersion(version.strip()).map(List::of).orElse(List.of());
        Json.write(ctx, 200, overview.views(found).stream().map(v -> ReleaseJson.of(v, overview.now())).toList());
    }

    private void open(Context ctx) {
        ReleaseInput input = Json.read(ctx, ReleaseInput.class);
        require(input.version(), "version");
        Optional<BuildRef> build = Optional.ofNullable(input.build())
                .map(b -> new BuildRef(require(b.job(), "build.job"), require(b.number(), "build.number"), b.url()));
        ShipRelease.Shipped shipped = shipRelease.ship(new ShipRelease.Request(input.version(), source(input), build,
                Optional.ofNullable(input.tests()).map(ReleaseRoutes::tests), Boolean.TRUE.equals(input.dryRun())),
                Gate.admitted(ctx).userId());
        if (!shipped.dryRun()) {
            ctx.header("Location", "/api/v1/releases/" + shipped.release().id());
        }
        Json.write(ctx, shipped.created() ? 201 : 200, ShippedJson.of(shipped, overview));
    }

    /** Where the features come from: listed, a query, keys, a change log, or else the configured release query. */
    private static FeatureSource source(ReleaseInput input) {
        if (!orEmpty(input.features()).isEmpty()) {
            return new FeatureSource.Listed(input.features().stream()
                    .map(f -> new Feature(f.key(), f.summary(), f.summaryZh(), f.team())).toList());
        }
        if (input.jql() != null && !input.jql().isBlank()) {
            return new FeatureSource.Query(input.jql());
        }
        if (!orEmpty(input.keys()).isEmpty()) {
            return new FeatureSource.Keys(input.keys());
        }
        if (!orEmpty(input.changelog()).isEmpty()) {
            return new FeatureSource.Mentions(input.changelog());
        }
        return new FeatureSource.ReleaseQuery();
    }

    private void attachTests(Context ctx) {
        TestsInput input = Json.read(ctx, TestsInput.class);
        Json.write(ctx, 200, json(shipRelease.attachTests(id(ctx), tests(input))));
    }

    private static TestSummary tests(TestsInput input) {
        require(input.total(), "tests.total");
        return TestSummary.of(input.total(), Optional.ofNullable(input.failed()).orElse(0),
                Optional.ofNullable(input.skipped()).orElse(0));
    }

    private void myReport(Context ctx) {
        long releaseId = id(ctx);
        overview.release(releaseId);
        ExperienceReport report = reports.find(releaseId, Gate.admitted(ctx).userId())
                .orElseThrow(() -> RuleViolation.notFound("report.none"));
        Json.write(ctx, 200, ReportJson.of(report));
    }

    private void handInReport(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        long releaseId = id(ctx);
        ReportInput input = Json.read(ctx, ReportInput.class);
        List<FeatureVerdict> verdicts = orEmpty(input.verdicts()).stream()
                .map(v -> new FeatureVerdict(require(v.feature(), "verdicts[].feature"), Params.verdict(v.verdict()),
                        v.comment()))
                .toList();
        var locale = Messages.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        // Answered when the writer committed it: no request thread waits for the batch meanwhile.
        List<String> newWishes = orEmpty(input.newWishes());
        var saved = reports.handIn(new HandInReport.Request(new ExperienceReport(userId, releaseId, verdicts,
                orEmpty(input.wishes()), newWishes), orEmpty(input.tickets()),
                Boolean.TRUE.equals(input.similarSeen()) ? newWishes : List.of()));
        ctx.future(() -> saved.thenAccept(report -> Json.write(ctx, 200, ReportJson.of(report, locale))));
    }

    private ReleaseJson json(Release release) {
        return ReleaseJson.of(overview.view(release), overview.now());
    }
}
