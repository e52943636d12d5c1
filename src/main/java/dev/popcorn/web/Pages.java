package dev.popcorn.web;

import dev.popcorn.app.Check;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.release.BuildLog;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureSource;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.Verdict;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The pages people walk through: the week, a release's report form, the poll, the winners, and the lead's dashboard. */
final class Pages {

    /** What every page shares: the language, the signed-in person, the CSRF token. */
    static final class Chrome {
        private final Sessions sessions;
        private final boolean forumSignIn;

        Chrome(Sessions sessions, boolean forumSignIn) {
            this.sessions = sessions;
            this.forumSignIn = forumSignIn;
        }

        Locale locale(Context ctx) {
            Locale cached = ctx.attribute("popcorn.locale");
            if (cached != null) {
                return cached;
            }
            String explicit = ctx.queryParam("lang");
            if (explicit != null && !explicit.isBlank()) {
                sessions.rememberLanguage(ctx, Messages.tag(Messages.choose(explicit, null)));
            } else {
                explicit = ctx.cookie(Sessions.LANG_COOKIE);
            }
            Locale locale = Messages.choose(explicit, ctx.header("Accept-Language"));
            ctx.attribute("popcorn.locale", locale);
            return locale;
        }

        Map<String, Object> model(Context ctx) {
            Map<String, Object> model = new HashMap<>();
            Locale locale = locale(ctx);
            model.put("lang", Messages.tag(locale));
            model.put("otherLang", Messages.tag(locale).equals("en") ? "zh-CN" : "en");
            model.put("path", ctx.path());
            model.put("csrf", sessions.csrfToken(ctx));
            model.put("csrfField", Sessions.CSRF_FIELD);
            model.put("forumSignIn", forumSignIn);
            sessions.current(ctx).ifPresent(pass -> model.put("me", pass));
            return model;
        }
    }

    private final Templates templates;
    private final Chrome chrome;
    private final Sessions sessions;
    private final SignIn signIn;
    private final WeekOverview overview;
    private final HandInReport reports;
    private final CastBallot ballots;
    private final OpenRelease openRelease;
    private final ManagePoll managePoll;
    private final TrackerSync trackerSync;
    private final ShipRelease shipRelease;
    private final BuildNotices buildNotices;
    private final boolean jenkinsEnabled;
    private final WishTickets wishTickets;
    private final Outbox outbox;
    private final Problems problems;
    private final AnnounceAward announce;
    private final RateLimits limits;

    Pages(Templates templates, Chrome chrome, Sessions sessions, WebApp.Services services, Problems problems,
            RateLimits limits, boolean jenkinsEnabled) {
        this.announce = services.announce();
        this.limits = limits;
        this.templates = templates;
        this.chrome = chrome;
        this.sessions = sessions;
        this.signIn = services.signIn();
        this.overview = services.overview();
        this.reports = services.reports();
        this.ballots = services.ballots();
        this.openRelease = services.openRelease();
        this.managePoll = services.managePoll();
        this.trackerSync = services.trackerSync();
        this.shipRelease = services.shipRelease();
        this.buildNotices = services.buildNotices();
        this.jenkinsEnabled = jenkinsEnabled;
        this.wishTickets = services.wishTickets();
        this.outbox = services.outbox();
        this.problems = problems;
    }

    void register(Javalin app) {
        app.get("/", this::home);
        app.get("/signin/{token}", this::signInWithLink);
        app.post("/signout", ctx -> {
            sessions.end(ctx);
            ctx.redirect("/");
        });
        app.get("/releases/{id}", ctx -> release(ctx, null, null));
        app.post("/releases/{id}/report", this::handInReport);
        app.get("/polls/{id}", this::poll);
        app.post("/polls/{id}/ballot", this::castBallot);
        app.get("/polls/{id}/card.png", ctx -> Api.png(ctx.header("Content-Disposition", "inline; filename=\"popcorn-award-"
                + id(ctx) + ".png\""), Api.card(overview.poll(id(ctx), sessions.current(ctx).map(Pass::isLead).orElse(false)), announce)));
        app.get("/winners", this::winners);
        app.get("/teams/{slug}", this::team);
        app.get("/wishes/{id}", this::wish);
        app.post("/lead/tracker/check", ctx -> {
            sessions.requireLead(ctx);
            dashboard(ctx, trackerSync.check());
        });
        app.post("/lead/tracker/retry", ctx -> leadAction(ctx, lead -> outbox.retryFailed(), "retried"));
        app.post("/lead/jenkins/notices/{id}/retry", ctx -> leadAction(ctx, lead -> buildNotices.retry(id(ctx)),
                "noticeRetried"));
        app.post("/lead/releases/tracker", ctx -> leadAction(ctx, lead -> {
            String jql = Optional.ofNullable(ctx.formParam("jql")).orElse("");
            shipRelease.ship(new ShipRelease.Request(ctx.formParam("version"),
                    jql.isBlank() ? new FeatureSource.ReleaseQuery() : new FeatureSource.Query(jql), Optional.empty(),
                    Optional.empty(), false), lead);
        }, "releaseOpened"));
        app.post("/lead/wishes/{id}/link", ctx -> leadAction(ctx, lead -> wishTickets.link(id(ctx), ctx.formParam("key"), lead),
                "wishLinked"));
        app.post("/lead/wishes/{id}/file", ctx -> leadAction(ctx, lead -> wishTickets.fileTicket(id(ctx), lead), "wishFiling"));
        app.get("/lead/signin", ctx -> render(ctx, "lead-signin", chrome.model(ctx)));
        app.post("/lead/signin", this::leadSignIn);
        app.get("/lead", ctx -> dashboard(ctx, null));
        app.post("/lead/releases", this::leadOpenRelease);
        app.post("/lead/polls/{id}/candidates", this::leadAddCandidate);
        app.post("/lead/polls/{id}/candidates/{candidate}/withdraw", ctx -> leadAction(ctx,
                lead -> managePoll.withdrawCandidate(id(ctx), longParam(ctx.pathParam("candidate")), lead), "withdrawn"));
        app.post("/lead/polls/{id}/candidates/{candidate}", ctx -> leadAction(ctx, lead -> managePoll.editCandidate(id(ctx),
                longParam(ctx.pathParam("candidate")), ctx.formParam("title"), tickets(ctx), ctx.formParam("pitch"), lead),
                "candidateEdited"));
        app.post("/lead/polls/{id}/candidates/{candidate}/disqualify", ctx -> leadAction(ctx, lead -> managePoll.disqualify(
                id(ctx), longParam(ctx.pathParam("candidate")), ctx.formParam("reason"), lead), "disqualified"));
        app.post("/lead/polls/{id}/announcement", ctx -> leadAction(ctx, lead -> managePoll.editAnnouncement(id(ctx),
                ctx.formParam("reset") != null ? "" : ctx.formParam("text"), lead), "announcementSaved"));
        app.post("/lead/polls/{id}/open", ctx -> leadAction(ctx, lead -> managePoll.open(id(ctx), lead), "opened"));
        app.post("/lead/polls/{id}/close", ctx -> leadAction(ctx, lead -> managePoll.close(id(ctx), lead), "closed"));
        app.post("/lead/polls/{id}/approve", ctx -> leadAction(ctx, lead -> managePoll.approve(id(ctx), lead), "approved"));
    }

    private void home(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        Optional<Pass> me = sessions.current(ctx);
        Optional<Release> current = overview.currentRelease();
        current.ifPresent(release -> {
            model.put("release", release);
            model.put("reportsOpen", release.acceptsReportsAt(overview.now()));
            model.put("feedback", overview.feedback(release.id()));
            model.put("reportCount", overview.reportCount(release.id()));
            overview.pollOf(release.id()).ifPresent(poll -> model.put("poll", pollModel(ctx, poll.id())));
            me.ifPresent(pass -> model.put("myReport", reports.find(release.id(), pass.userId()).isPresent()));
        });
        overview.winners(1).stream().findFirst().ifPresent(award -> model.put("lastAward", award));
        model.put("teams", teamsBySlug());
        model.put("wishes", overview.topWishes(5));
        me.ifPresent(pass -> {
            model.put("points", overview.points(pass.userId()));
            model.put("notices", wishTickets.notices(pass.userId()));
        });
        render(ctx, "home", model);
    }

    private void signInWithLink(Context ctx) {
        String session = signIn.withLink(ctx.pathParam("token"));
        sessions.start(ctx, session);
        ctx.redirect(sessions.current(ctx).map(Pass::isLead).orElse(false) ? "/lead" : "/");
    }

    private void release(Context ctx, ExperienceReport draft, Problems.Problem problem) {
        Release release = overview.release(id(ctx));
        Map<String, Object> model = chrome.model(ctx);
        model.put("release", release);
        model.put("reportsOpen", release.acceptsReportsAt(overview.now()));
        model.put("feedback", overview.feedback(release.id()));
        model.put("reportCount", overview.reportCount(release.id()));
        model.put("teams", teamsBySlug());
        model.put("saved", ctx.queryParam("saved") != null);
        Optional<Pass> me = sessions.current(ctx);
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
        model.put("matches", Optional.ofNullable(ctx.<List<WishTickets.Match>>attribute("popcorn.matches")).orElse(List.of()));
        if (problem != null) {
            model.put("problem", Messages.text(chrome.locale(ctx), "error." + problem.code(), problem.args().toArray()));
            ctx.status(problem.status());
        }
        render(ctx, "release", model);
    }

    private void handInReport(Context ctx) {
        Pass me = sessions.requireUser(ctx);
        long releaseId = id(ctx);
        ExperienceReport report;
        try {
            report = reportFromForm(ctx, me.userId(), releaseId);
        } catch (RuleViolation e) {
            problems.handle(e, ctx);
            return;
        }
        if (!report.newWishes().isEmpty() && ctx.formParam("matchesSeen") == null) {
            // Before a new wish is filed, the user sees what it resembles: "is it one of these?"
            List<WishTickets.Match> matches = new ArrayList<>();
            for (String text : report.newWishes()) {
                wishTickets.similar(text, 5).stream()
                        .filter(m -> matches.stream().noneMatch(known -> known.wishId() == m.wishId()
                                && known.ticketKey().equals(m.ticketKey())))
                        .forEach(matches::add);
            }
            if (!matches.isEmpty()) {
                ctx.attribute("popcorn.matches", matches);
                release(ctx, report, null);
                return;
            }
        }
        try {
            reports.handIn(report);
        } catch (RuleViolation e) {
            // Show the form again with everything the user typed, and what to fix.
            release(ctx, report, Problems.of(e));
            return;
        }
        ctx.redirect("/releases/" + releaseId + "?saved=1#report");
    }

    private ExperienceReport reportFromForm(Context ctx, String userId, long releaseId) {
        Release release = overview.release(releaseId);
        List<FeatureVerdict> verdicts = new ArrayList<>();
        for (Feature feature : release.features()) {
            String verdict = ctx.formParam("verdict." + feature.key());
            if (verdict == null || verdict.isBlank()) {
                continue;
            }
            Verdict parsed;
            try {
                parsed = Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("report.verdict.unknown", verdict);
            }
            verdicts.add(new FeatureVerdict(feature.key(), parsed, ctx.formParam("comment." + feature.key())));
        }
        List<Long> wishes = new ArrayList<>(ctx.formParams("wish").stream().map(Pages::longParam).toList());
        for (String ticket : ctx.formParams("ticket")) {
            wishes.add(wishTickets.wishForTicket(ticket, userId, releaseId));
        }
        String newWishes = Optional.ofNullable(ctx.formParam("newWishes")).orElse("");
        return new ExperienceReport(userId, releaseId, verdicts, wishes, List.of(newWishes.split("\\R")));
    }

    private void poll(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        long pollId = id(ctx);
        model.put("p", pollModel(ctx, pollId));
        model.put("teams", teamsBySlug());
        model.put("voted", ctx.queryParam("voted") != null);
        render(ctx, "poll", model);
    }

    /** The poll as this visitor may see it, with their own ballot. */
    private Map<String, Object> pollModel(Context ctx, long pollId) {
        Optional<Pass> me = sessions.current(ctx);
        PollView view = overview.poll(pollId, me.map(Pass::isLead).orElse(false));
        Map<String, Object> model = new HashMap<>();
        model.put("poll", view.poll());
        model.put("state", view.state().name());
        view.result().ifPresent(result -> {
            model.put("result", result);
            if (me.map(Pass::isLead).orElse(false)) {
                model.put("announcement", announce.text(view.poll(), result));
                model.put("edited", !view.poll().announcement().isBlank());
                model.put("publishing", announce.publishing(pollId));
            }
        });
        me.flatMap(pass -> ballots.find(pollId, pass.userId())).ifPresent(ballot -> {
            model.put("ballot", ballot);
            view.poll().candidate(ballot.candidateId()).ifPresent(c -> model.put("ballotCandidate", c));
        });
        return model;
    }

    private void castBallot(Context ctx) {
        Pass me = sessions.requireUser(ctx);
        limits.ballot(me.userId(), ctx.ip());
        long pollId = id(ctx);
        String candidate = ctx.formParam("candidate");
        if (candidate == null || candidate.isBlank()) {
            throw RuleViolation.invalid("ballot.candidate.missing");
        }
        ballots.cast(me.userId(), pollId, longParam(candidate));
        ctx.redirect("/polls/" + pollId + "?voted=1");
    }

    private void winners(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        model.put("awards", overview.winners(52));
        model.put("leaderboard", overview.leaderboard());
        model.put("teams", teamsBySlug());
        render(ctx, "winners", model);
    }

    private void team(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        Team team = overview.team(ctx.pathParam("slug"))
                .orElseThrow(() -> RuleViolation.notFound("team.unknown", ctx.pathParam("slug")));
        model.put("team", team);
        model.put("wins", overview.winsOf(team.slug()));
        render(ctx, "team", model);
    }

    private void leadSignIn(Context ctx) {
        sessions.start(ctx, signIn.lead(ctx.formParam("token")));
        ctx.redirect("/lead");
    }

    private void wish(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        long wishId = id(ctx);
        model.put("wish", wishTickets.wish(wishId));
        model.put("filing", wishTickets.filing(wishId));
        render(ctx, "wish", model);
    }

    private void dashboard(Context ctx, List<Check> checks) {
        Optional<Pass> me = sessions.current(ctx);
        if (me.isEmpty() || !me.get().isLead()) {
            ctx.redirect("/lead/signin");
            return;
        }
        Map<String, Object> model = chrome.model(ctx);
        List<Map<String, Object>> polls = new ArrayList<>();
        for (Poll poll : overview.recentPolls(3)) {
            Map<String, Object> p = pollModel(ctx, poll.id());
            p.put("release", overview.release(poll.releaseId()));
            polls.add(p);
        }
        model.put("polls", polls);
        model.put("releases", overview.recentReleases(5));
        model.put("teamList", overview.teams());
        model.put("teams", teamsBySlug());
        model.put("audit", overview.auditLog(20));
        model.put("trackerEnabled", trackerSync.enabled());
        model.put("trackerName", trackerSync.describe());
        Map<String, Long> counts = new HashMap<>();
        outbox.counts().forEach((state, n) -> counts.put(state.name(), n));
        model.put("outbox", counts);
        model.put("troubles", outbox.troubles(10));
        model.put("jenkinsEnabled", jenkinsEnabled);
        model.put("jenkinsRule", buildNotices.rule().toString());
        Locale language = chrome.locale(ctx);
        model.put("buildNotices", buildNotices.recent(10).stream().map(n -> Map.of("id", n.id(),
                "receivedAt", n.receivedAt(), "job", n.job(), "number", n.number(),
                "phase", n.phase(), "status", n.status(), "outcome", n.outcome().name(),
                "message", Messages.text(language, n.reason().key(), n.reason().args().toArray()))).toList());
        model.put("releaseJqlExample", trackerSync.enabled() ? trackerSync.releaseQuery("2026.11.27") : "");
        List<dev.popcorn.domain.Wish> wishList = overview.topWishes(15);
        model.put("wishList", wishList);
        model.put("filing", wishList.stream().filter(w -> wishTickets.filing(w.id())).map(dev.popcorn.domain.Wish::id).toList());
        if (checks != null) {
            Locale locale = chrome.locale(ctx);
            model.put("checks", checks.stream().map(c -> Map.of("ok", c.ok(),
                    "text", Messages.text(locale, c.code(), c.args().toArray()))).toList());
        }
        model.put("done", ctx.queryParam("done"));
        render(ctx, "lead", model);
    }

    private void leadOpenRelease(Context ctx) {
        Pass lead = sessions.requireLead(ctx);
        String version = Optional.ofNullable(ctx.formParam("version")).orElse("").strip();
        List<Feature> features = new ArrayList<>();
        for (String line : Optional.ofNullable(ctx.formParam("features")).orElse("").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw RuleViolation.invalid("lead.feature.line", line.strip());
            }
            features.add(new Feature(parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        openRelease.open(version, features, lead.userId());
        ctx.redirect("/lead?done=releaseOpened");
    }

    private void leadAddCandidate(Context ctx) {
        Pass lead = sessions.requireLead(ctx);
        managePoll.addCandidate(id(ctx), ctx.formParam("team"), ctx.formParam("title"), tickets(ctx),
                ctx.formParam("pitch"), lead.userId());
        ctx.redirect("/lead?done=candidateAdded");
    }

    private static List<String> tickets(Context ctx) {
        String tickets = Optional.ofNullable(ctx.formParam("tickets")).orElse("");
        return List.of(tickets.split("[,\\s]+")).stream().filter(t -> !t.isBlank()).toList();
    }

    private void leadAction(Context ctx, java.util.function.Consumer<String> action, String done) {
        Pass lead = sessions.requireLead(ctx);
        action.accept(lead.userId());
        ctx.redirect("/lead?done=" + done);
    }

    private Map<String, Team> teamsBySlug() {
        Map<String, Team> teams = new LinkedHashMap<>();
        overview.teams().forEach(team -> teams.put(team.slug(), team));
        return teams;
    }

    private void render(Context ctx, String template, Map<String, Object> model) {
        ctx.html(templates.render(template, model, chrome.locale(ctx)));
    }

    static long id(Context ctx) {
        return longParam(ctx.pathParam("id"));
    }

    static long longParam(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw RuleViolation.notFound("request.id.invalid", String.valueOf(value));
        }
    }
}
