package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.common.Problems;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A release's page: what users said about each feature, and the signed-in fan's experience report
 * (a verdict per feature, +1s on wishes, new wishes — which are first matched against the wishes
 * and tickets they resemble: "is it one of these?").
 */
final class ReportPage implements EndpointGroup {

    private final WeekOverview overview;
    private final HandInReport reports;
    private final WishTickets wishTickets;
    private final Chrome chrome;
    private final Gate gate;
    private final Problems problems;
    private final dev.popcorn.app.week.WeekParticipation participation;

    ReportPage(PublicPages.UseCases uses, Chrome chrome, Gate gate, Problems problems,
            dev.popcorn.app.week.WeekParticipation participation) {
        this.participation = participation;
        this.overview = uses.overview();
        this.reports = uses.reports();
        this.wishTickets = uses.wishTickets();
        this.chrome = chrome;
        this.gate = gate;
        this.problems = problems;
    }

    @Override
    public void addEndpoints() {
        get("/releases/{id}", ctx -> show(ctx, null, List.of(), null), ANYONE);
        post("/releases/{id}/report", this::handIn, USER);
    }

    /** The page; with a draft the fan's unsaved report is shown again (with matches to look at, or a problem to fix). */
    private void show(Context ctx, ExperienceReport draft, List<WishTickets.Match> matches, Problems.Problem problem) {
        Release release = overview.release(id(ctx));
        Map<String, Object> model = chrome.model(ctx);
        model.put("release", release);
        model.put("reportsOpen", release.acceptsReportsAt(overview.now()));
        model.put("feedback", overview.feedback(release.id()));
        model.put("reportCount", overview.reportCount(release.id()));
        model.put("teams", overview.teamsBySlug());
        model.put("saved", ctx.queryParam("saved") != null);
        // The next step after saving: the week's poll while it takes ballots.
        overview.pollOf(release.id()).filter(p -> p.stateAt(overview.now()) == dev.popcorn.domain.PollState.OPEN)
                .ifPresent(p -> model.put("openPoll", p));
        Optional<Pass> me = gate.viewer(ctx);
        // The top of the week's funnel: a signed-in user opened the release's link (kept once; never fails the page).
        me.ifPresent(pass -> participation.opened(release.id(), pass.userId()));
        ExperienceReport shown = draft;
        if (shown == null && me.isPresent()) {
            shown = reports.find(release.id(), me.get().userId()).orElse(null);
        }
        model.put("wishes", overview.wishesToOffer(10, shown == null ? List.of() : shown.supportedWishes()));
        if (shown != null) {
            model.put("verdicts", shown.verdicts().stream()
                    .collect(Collectors.toMap(FeatureVerdict::featureKey, Function.identity())));
            model.put("supported", shown.supportedWishes());
            model.put("newWishes", String.join("\n", shown.newWishes()));
            model.put("handedIn", draft == null);
        }
        model.put("matches", matches);
        // A draft the server shows again (matches to look at, a problem to fix) wins over the browser's.
        model.put("serverDraft", draft != null);
        model.put("chosenTickets", Optional.ofNullable(ctx.<List<String>>attribute("chosenTickets")).orElse(List.of()));
        if (problem != null) {
            model.put("problem", Messages.text(chrome.locale(ctx), "error." + problem.code(), problem.args().toArray()));
            ctx.status(problem.status());
        }
        chrome.render(ctx, "release", model);
    }

    private void handIn(Context ctx) {
        String userId = Gate.admitted(ctx).userId();
        long releaseId = id(ctx);
        ExperienceReport report;
        try {
            report = fromForm(ctx, userId, releaseId);
        } catch (RuleViolation e) {
            problems.handle(e, ctx);
            return;
        }
        if (!report.newWishes().isEmpty() && ctx.formParam("matchesSeen") == null) {
            List<WishTickets.Match> matches = matches(report.newWishes());
            if (!matches.isEmpty()) {
                show(ctx, report, matches, null);
                return;
            }
        }
        List<String> tickets = ctx.formParams("ticket");
        try {
            reports.handIn(report, tickets);
        } catch (RuleViolation e) {
            // Show the form again with everything the fan typed (the tickets they backed too), and what to fix.
            ctx.attribute("chosenTickets", tickets);
            show(ctx, report, tickets.isEmpty() ? List.of() : matches(report.newWishes()), Problems.of(e));
            return;
        }
        ctx.redirect("/releases/" + releaseId + "?saved=1#saved");
    }

    /** Before a new wish is filed, the fan sees what it resembles, each wish or ticket once. */
    private List<WishTickets.Match> matches(List<String> newWishes) {
        List<WishTickets.Match> matches = new ArrayList<>();
        for (String text : newWishes) {
            wishTickets.similar(text, 5).stream()
                    .filter(m -> matches.stream().noneMatch(known -> known.wishId() == m.wishId()
                            && known.ticketKey().equals(m.ticketKey())))
                    .forEach(matches::add);
        }
        return matches;
    }

    private ExperienceReport fromForm(Context ctx, String userId, long releaseId) {
        Release release = overview.release(releaseId);
        List<FeatureVerdict> verdicts = new ArrayList<>();
        for (Feature feature : release.features()) {
            String verdict = ctx.formParam("verdict." + feature.key());
            if (verdict != null && !verdict.isBlank()) {
                verdicts.add(new FeatureVerdict(feature.key(), Params.verdict(verdict), ctx.formParam("comment." + feature.key())));
            }
        }
        List<Long> wishes = ctx.formParams("wish").stream().map(Params::number).toList();
        String newWishes = Optional.ofNullable(ctx.formParam("newWishes")).orElse("");
        return new ExperienceReport(userId, releaseId, verdicts, wishes, List.of(newWishes.split("\\R")));
    }
}
