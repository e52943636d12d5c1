package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.USER;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.SimilarWishes;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.PageModels;
import dev.popcorn.web.common.Params;
import dev.popcorn.web.common.Problems;
import dev.popcorn.web.json.StandingJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A release's page: what users said about each feature, and the signed-in fan's experience report
 * (a verdict per feature, +1s on wishes, new wishes — which are first matched against the wishes
 * and tickets they resemble: "is it one of these?").
 */
public final class ReportPage implements EndpointGroup {

    /** The most a fan's new wishes (the form's text area) may hold. */
    static final int NEW_WISHES_MAX = 1500;

    private final WeekOverview overview;
    private final HandInReport reports;
    private final WishTickets wishTickets;
    private final Chrome chrome;
    private final Gate gate;
    private final Problems problems;
    private final Participation participation;

    /** The fan's part in the week: the funnel a page view counts in, the points a report earns, their level. */
    public record Participation(WeekParticipation week, Ledger ledger, Standing standing,
            dev.popcorn.app.participation.StandingReviews reviews) {
    }

    public ReportPage(PublicPages.UseCases uses, Chrome chrome, Gate gate, Problems problems,
            Participation participation) {
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
        get("/releases/{id}/wish-matches", this::liveMatches, USER);
    }

    /**
     * The wishes and tickets a fan's new wishes resemble, as the form's "is it one of these?" part, asked
     * while they type: the fan sees them before sending, and the form then goes through in one step. A wish
     * the fan already backs comes ticked.
     */
    private void liveMatches(Context ctx) {
        long releaseId = overview.release(id(ctx)).id();
        String text = Optional.ofNullable(ctx.queryParam("text")).orElse("");
        if (text.length() > NEW_WISHES_MAX) {
            throw RuleViolation.invalid("report.newWishes.tooLong", NEW_WISHES_MAX);
        }
        // As a report reads them: one wish a line, blank lines and repeats dropped; matched once at least 3 characters long.
        List<String> lines = wishLines(text);
        List<String> asked = lines.stream().filter(l -> l.codePointCount(0, l.length()) >= 3)
                .limit(ExperienceReport.MAX_NEW_WISHES).toList();
        List<WishTickets.Match> matches = new ArrayList<>(wishTickets.similarToAny(asked));
        List<Long> ticked = ctx.queryParams("wish").stream().map(Params::number).toList();
        keepTicked(matches, ticked, ctx.queryParams("ticket"));
        // Ticked: the wishes the fan backs in their saved report, and those they have ticked on the page meanwhile.
        List<Long> supported = new ArrayList<>(reports.find(releaseId, Gate.admitted(ctx).userId())
                .map(ExperienceReport::supportedWishes).orElse(List.of()));
        supported.addAll(ticked);
        chrome.render(ctx, "report-matches",
                new ReportPageModel.Matches(matches, String.join("\n", lines), supported, ctx.queryParams("ticket")));
    }

    /** The page; with a draft the fan's unsaved report is shown again (with matches to look at, or a problem to fix). */
    private void show(Context ctx, ExperienceReport draft, List<WishTickets.Match> matches, Problems.Problem problem) {
        Release release = overview.release(id(ctx));
        Map<String, Object> model = chrome.model(ctx);
        String notFiled = ctx.attribute("notFiled");
        boolean saved = ctx.queryParam("saved") != null || notFiled != null;
        Optional<Pass> me = gate.viewer(ctx);
        // The top of the week's funnel: a signed-in user opened the release's link (kept once; never fails the page).
        me.ifPresent(pass -> participation.week().opened(release.id(), pass.userId()));
        ReportPageModel.Earnings earnings = null;
        if (saved && me.isPresent()) {
            earnings = earned(release, me.get().userId(), chrome.locale(ctx));
            // The panel tells the badges and the level this report earned: the banner keeps only the rest.
            if (model.get("banners") instanceof dev.popcorn.web.common.Chrome.Banners banners) {
                List<String> badges = Optional.ofNullable(earnings.earnedBadges()).orElse(List.of());
                String promoted = earnings.promotedId();
                model.put("banners", banners.except(b -> b instanceof NoticeTexts.Told told
                        && (badges.contains(told.badge()) || (told.level() != null && told.level().equals(promoted)))));
            }
        }
        ExperienceReport shown = draft;
        if (shown == null && me.isPresent()) {
            shown = reports.find(release.id(), me.get().userId()).orElse(null);
        }
        String problemText = null;
        if (problem != null) {
            problemText = Messages.text(chrome.locale(ctx), "error." + problem.code(), problem.args().toArray());
            ctx.status(problem.status());
        }
        ReportPageModel page = new ReportPageModel(release, release.acceptsReportsAt(overview.now()),
                overview.feedback(release.id()), overview.reportCount(release.id()), overview.teamsBySlug(), saved,
                notFiled,
                // The next step after saving: the week's poll while it takes ballots.
                overview.pollOf(release.id())
                        .filter(p -> p.stateAt(overview.now()) == dev.popcorn.domain.award.PollState.OPEN)
                        .orElse(null),
                earnings, overview.wishesToOffer(10, shown == null ? List.of() : shown.supportedWishes()),
                shown == null ? null : shown.verdicts().stream()
                        .collect(Collectors.toMap(FeatureVerdict::featureKey, Function.identity())),
                shown == null ? null : shown.supportedWishes(),
                shown == null ? null : String.join("\n", shown.newWishes()),
                shown == null ? null : draft == null, matches,
                matches.isEmpty() || shown == null ? "" : String.join("\n", shown.newWishes()),
                shown == null ? 0 : shown.verdicts().size(),
                progressTexts(chrome.locale(ctx), release.features().size()),
                // A draft the server shows again (matches to look at, a problem to fix) wins over the browser's.
                draft != null, Optional.ofNullable(ctx.<List<String>>attribute("chosenTickets")).orElse(List.of()),
                problemText);
        model.putAll(PageModels.entries(page));
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
        // The matches seen for these wishes (shown while typing, or on the page before): else they are shown now.
        List<String> seen = wishLines(Optional.ofNullable(ctx.formParam("matchesSeen")).orElse(""));
        List<String> tickets = ctx.formParams("ticket");
        HandInReport.Saved saved;
        try {
            saved = reports.save(new HandInReport.Request(report, tickets, seen));
        } catch (SimilarWishes.Unseen similar) {
            show(ctx, report, new ArrayList<>(similar.similar()), null);
            return;
        } catch (RuleViolation e) {
            // Show the form again with everything the fan typed (the tickets they backed too), and what to fix.
            ctx.attribute("chosenTickets", tickets);
            show(ctx, report, tickets.isEmpty() ? List.of() : wishTickets.similarToAny(report.newWishes()),
                    Problems.of(e));
            return;
        }
        if (!saved.wishesNotFiled().isEmpty()) {
            // Saved, but not every new wish: the page says which and why, and keeps them in the form for another day.
            ctx.attribute("notFiled", saved.limit().map(limit -> chrome.text(ctx, "error." + limit.code(),
                    limit.args().toArray())).orElse(""));
            show(ctx,
                    new ExperienceReport(userId, releaseId, saved.report().verdicts(), saved.report().supportedWishes(),
                            saved.wishesNotFiled()),
                    List.of(), null);
            return;
        }
        // The standing this report moved, reviewed now for the fan who waits for the page (the API's surge leaves it
        // to the reviewer in the background): the saved panel shows the badge and the level it earned.
        try {
            participation.reviews().review(userId);
        } catch (RuleViolation busy) {
            // Another review of this fan at the same moment: the background reviewer comes back to it.
        }
        ctx.redirect("/releases/" + releaseId + "?saved=1#saved");
    }

    /**
     * What a saved report earned, item by item where it happened (issue 28): the report's points and its written
     * comments' (none past the weekly cap), a streak bonus on this release, the badge tiers and the level it reached,
     * with what the new level lets the fan do; then the week's points so far and the fan's level.
     */
    private ReportPageModel.Earnings earned(Release release, String userId, Locale locale) {
        Ledger ledger = participation.ledger();
        String ref = "release:" + release.id();
        int written = ledger.pointsFor(userId, ParticipationKind.REPORT_WRITTEN, ref);
        int points = ledger.pointsFor(userId, ParticipationKind.REPORT_HANDED_IN, ref) + written;
        // A bare verdict earns less than a considered report: say what comments of one's own would add.
        int more = written == 0 && !ledger.held(userId, ParticipationKind.REPORT_WRITTEN, ref)
                ? ledger.pointsOf(ParticipationKind.REPORT_WRITTEN) : 0;
        Ledger.Summary summary = ledger.summary(userId, null);
        Standing.View view = participation.standing().view(userId);
        Optional<Grant> report = summary.grants().stream()
                .filter(g -> g.kind() == ParticipationKind.REPORT_HANDED_IN && g.ref().equals(ref) && !g.revoked())
                .findFirst();
        if (report.isEmpty()) {
            return new ReportPageModel.Earnings(points, more, summary.week(), ledger.weeklyCap(),
                    view.level().name(locale),
                    null, null, null, null, null);
        }
        List<ReportPageModel.Earned> items = new ArrayList<>();
        List<String> badges = new ArrayList<>();
        List<Grant> oldestFirst = new ArrayList<>(summary.grants());
        java.util.Collections.reverse(oldestFirst);
        for (Grant grant : oldestFirst) {
            if (grant.revoked() || grant.points() <= 0) {
                continue;
            }
            String what = switch (grant.kind()) {
                case REPORT_HANDED_IN -> grant.ref().equals(ref) ? Messages.text(locale, "earned.report") : null;
                case REPORT_WRITTEN -> grant.ref().equals(ref) ? Messages.text(locale, "earned.written") : null;
                case STREAK_BONUS ->
                    grant.ref().equals("streak:" + ref) ? Messages.text(locale, "earned.streak") : null;
                // A tier is dated at the act that reached it: this report, or an act after it.
                case BADGE -> grant.at().isBefore(report.get().at()) ? null : badge(grant.ref(), locale);
                default -> null;
            };
            if (what != null) {
                items.add(new ReportPageModel.Earned(grant.points(), what));
                if (grant.kind() == ParticipationKind.BADGE) {
                    badges.add(grant.ref().substring("badge:".length()));
                }
            }
        }
        // Promoted by this report (the review that followed it moved the fan up): what the new level brings.
        boolean promoted = view.level().rank() > 0 && view.since() != null && !view.since().isBefore(report.get().at());
        return new ReportPageModel.Earnings(points, more, summary.week(), ledger.weeklyCap(), view.level().name(locale),
                items, badges, promoted ? view.level().name(locale) : null, promoted ? view.level().id() : null,
                promoted ? NoticeTexts.adds(participation.standing().ladder(), view.level(), locale) : null);
    }

    /** "new badge: First report · Bronze" for a grant's ref ({@code badge:first-report.bronze}); none for a badge gone since. */
    private static String badge(String ref, Locale locale) {
        try {
            return Messages.text(locale, "earned.badge",
                    StandingJson.badgeName(Badge.Earned.parse(ref.substring("badge:".length())),
                            locale));
        } catch (IllegalArgumentException gone) {
            return null;
        }
    }

    /** "n of N features rated" for every n, so the page's script counts in the reader's language and plural. */
    private static List<String> progressTexts(Locale locale, int features) {
        List<String> texts = new ArrayList<>();
        for (int answered = 0; answered <= features; answered++) {
            texts.add(Messages.text(locale, "report.progress", answered, features));
        }
        return texts;
    }

    /** New wishes as a report reads them: one a line, stripped, blank lines and repeats dropped. */
    private static List<String> wishLines(String text) {
        return List.of(text.split("\\R")).stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
    }

    /**
     * What the fan ticked stays on the page, ticked, though their text no longer resembles it: the form asks them to
     * clear their text once they find their wish among the matches, and that must not take the tick away.
     */
    private void keepTicked(List<WishTickets.Match> matches, List<Long> wishes, List<String> tickets) {
        for (long wishId : wishes) {
            if (matches.stream().noneMatch(m -> m.kind().equals("wish") && m.wishId() == wishId)) {
                try {
                    Wish wish = wishTickets.wish(wishId);
                    if (!wish.fulfilled()) {
                        matches.add(new WishTickets.Match("wish", wish.id(), wish.ticketKey(), wish.text(),
                                wish.supporters(), 1));
                    }
                } catch (RuleViolation gone) {
                    // A wish that is not there is nothing to keep.
                }
            }
        }
        for (String key : tickets) {
            if (matches.stream().noneMatch(m -> m.kind().equals("ticket") && m.ticketKey().equals(key))) {
                matches.add(new WishTickets.Match("ticket", 0, Feature.requireKey(key), "", 0, 1));
            }
        }
    }

    private ExperienceReport fromForm(Context ctx, String userId, long releaseId) {
        Release release = overview.release(releaseId);
        List<FeatureVerdict> verdicts = new ArrayList<>();
        for (Feature feature : release.features()) {
            String verdict = ctx.formParam("verdict." + feature.key());
            if (verdict != null && !verdict.isBlank()) {
                verdicts.add(new FeatureVerdict(feature.key(), Params.verdict(verdict),
                        ctx.formParam("comment." + feature.key())));
            }
        }
        List<Long> wishes = ctx.formParams("wish").stream().map(Params::number).toList();
        String newWishes = Optional.ofNullable(ctx.formParam("newWishes")).orElse("");
        return new ExperienceReport(userId, releaseId, verdicts, wishes, List.of(newWishes.split("\\R")));
    }
}
