package dev.popcorn.web;

import dev.popcorn.app.Check;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.release.ShipRelease;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.Ballot;
import dev.popcorn.domain.BuildRef;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureSource;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Member;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollResult;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.TestSummary;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Verdict;
import dev.popcorn.domain.Wish;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API under {@code /api/v1}, described in {@code /api/openapi.json}. Callers present
 * {@code Authorization: Bearer} with the admin token (a lead) or a signed pass (a user). Errors
 * are RFC 9457 problem documents.
 */
final class Api {

    record FeatureInput(String key, String summary, String team) {
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

    record ReportInput(List<VerdictInput> verdicts, List<Long> wishes, List<String> tickets, List<String> newWishes) {
    }

    record TicketInput(String key) {
    }

    record BallotInput(Long candidate) {
    }

    record ReasonInput(String reason) {
    }

    record TextInput(String text) {
    }

    record CandidateInput(String team, String title, List<String> tickets, String pitch) {
    }

    record MemberInput(String name, String photoUrl, String userId) {
    }

    record TeamInput(String name, List<MemberInput> members) {
    }

    private final WeekOverview overview;
    private final HandInReport reports;
    private final CastBallot ballots;
    private final ShipRelease shipRelease;
    private final ManagePoll managePoll;
    private final ManageTeams manageTeams;
    private final TrackerSync trackerSync;
    private final WishTickets wishTickets;
    private final Outbox outbox;
    private final AnnounceAward announce;
    private final RateLimits limits;
    private final Bearer bearer;
    private final String openApi;

    Api(WebApp.Services services, RateLimits limits) {
        this.announce = services.announce();
        this.limits = limits;
        this.bearer = new Bearer(services.signIn());
        this.overview = services.overview();
        this.reports = services.reports();
        this.ballots = services.ballots();
        this.shipRelease = services.shipRelease();
        this.managePoll = services.managePoll();
        this.manageTeams = services.manageTeams();
        this.trackerSync = services.trackerSync();
        this.wishTickets = services.wishTickets();
        this.outbox = services.outbox();
        this.openApi = resource("/openapi.json");
    }

    void register(Javalin app) {
        app.get("/api/health", ctx -> Json.write(ctx, 200, Map.of("status", "UP", "time", overview.now())));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        app.get("/api/v1/week", this::week);
        app.get("/api/v1/teams", ctx -> Json.write(ctx, 200, overview.teams()));
        app.put("/api/v1/teams/{slug}", this::saveTeam);
        app.get("/api/v1/winners", this::winners);
        app.get("/api/v1/releases", this::releases);
        app.post("/api/v1/releases", this::openRelease);
        app.put("/api/v1/releases/{id}/tests", this::attachTests);
        app.get("/api/v1/releases/{id}", ctx -> Json.write(ctx, 200, releaseJson(overview.release(Pages.id(ctx)))));
        app.get("/api/v1/releases/{id}/report", this::myReport);
        app.put("/api/v1/releases/{id}/report", this::handInReport);
        app.get("/api/v1/polls/{id}", ctx -> Json.write(ctx, 200, pollJson(overview.poll(Pages.id(ctx), isLead(ctx)))));
        app.get("/api/v1/polls/{id}/ballot", this::myBallot);
        app.put("/api/v1/polls/{id}/ballot", this::castBallot);
        app.post("/api/v1/polls/{id}/candidates", this::addCandidate);
        app.post("/api/v1/polls/{id}/candidates/{candidate}/withdraw", ctx -> {
            managePoll.withdrawCandidate(Pages.id(ctx), Pages.longParam(ctx.pathParam("candidate")), lead(ctx).userId());
            Json.write(ctx, 200, pollJson(overview.poll(Pages.id(ctx), true)));
        });
        app.put("/api/v1/polls/{id}/candidates/{candidate}", ctx -> {
            CandidateInput input = Json.read(ctx, CandidateInput.class);
            require(input.title(), "title");
            Json.write(ctx, 200, managePoll.editCandidate(Pages.id(ctx), Pages.longParam(ctx.pathParam("candidate")),
                    input.title(), Optional.ofNullable(input.tickets()).orElse(List.of()), input.pitch(), lead(ctx).userId()));
        });
        app.post("/api/v1/polls/{id}/candidates/{candidate}/disqualify", ctx -> {
            Pass lead = lead(ctx);
            ReasonInput input = Json.read(ctx, ReasonInput.class);
            require(input.reason(), "reason");
            managePoll.disqualify(Pages.id(ctx), Pages.longParam(ctx.pathParam("candidate")), input.reason(), lead.userId());
            Json.write(ctx, 200, pollJson(overview.poll(Pages.id(ctx), true)));
        });
        app.get("/api/v1/polls/{id}/announcement", this::announcement);
        app.put("/api/v1/polls/{id}/announcement", ctx -> {
            Pass lead = lead(ctx);
            TextInput input = Json.read(ctx, TextInput.class);
            require(input.text(), "text");
            managePoll.editAnnouncement(Pages.id(ctx), input.text(), lead.userId());
            announcement(ctx);
        });
        app.get("/api/v1/polls/{id}/card.png", ctx -> png(ctx, card(overview.poll(Pages.id(ctx), isLead(ctx)))));
        app.get("/api/v1/leaderboard", ctx -> Json.write(ctx, 200, overview.leaderboard().stream()
                .map(b -> Map.of("team", b.team().slug(), "name", b.team().name(), "buckets", b.buckets())).toList()));
        app.get("/api/v1/teams/{slug}", this::team);
        app.get("/api/v1/audit", ctx -> {
            lead(ctx);
            Json.write(ctx, 200, overview.auditLog(200));
        });
        app.post("/api/v1/polls/{id}/open", ctx -> pollAction(ctx, managePoll::open));
        app.post("/api/v1/polls/{id}/close", ctx -> pollAction(ctx, managePoll::close));
        app.post("/api/v1/polls/{id}/approve", ctx -> pollAction(ctx, managePoll::approve));
        app.get("/api/v1/wishes/similar", ctx -> {
            user(ctx);
            Json.write(ctx, 200, wishTickets.similar(ctx.queryParam("text"), 5));
        });
        app.get("/api/v1/wishes/{id}", ctx -> Json.write(ctx, 200, wishJson(wishTickets.wish(Pages.id(ctx)))));
        app.put("/api/v1/wishes/{id}/ticket", ctx -> {
            Pass lead = lead(ctx);
            TicketInput input = Json.read(ctx, TicketInput.class);
            require(input.key(), "key");
            Json.write(ctx, 200, wishJson(wishTickets.link(Pages.id(ctx), input.key(), lead.userId())));
        });
        app.post("/api/v1/wishes/{id}/ticket", ctx -> {
            Pass lead = lead(ctx);
            wishTickets.fileTicket(Pages.id(ctx), lead.userId());
            Json.write(ctx, 202, wishJson(wishTickets.wish(Pages.id(ctx))));
        });
        app.get("/api/v1/me", ctx -> {
            Pass me = user(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", me.userId());
            body.put("name", me.name());
            body.put("points", overview.points(me.userId()));
            Json.write(ctx, 200, body);
        });
        app.get("/api/v1/me/notices", ctx -> Json.write(ctx, 200, wishTickets.notices(user(ctx).userId())));
        app.get("/api/v1/tracker", ctx -> {
            lead(ctx);
            Json.write(ctx, 200, trackerJson());
        });
        app.get("/api/v1/tracker/check", ctx -> {
            lead(ctx);
            List<Check> checks = trackerSync.check();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", checks.stream().allMatch(Check::ok));
            body.put("checks", checks.stream().map(c -> Map.of("code", c.code(), "ok", c.ok(),
                    "message", Messages.text(Messages.choose(null, ctx.header("Accept-Language")), c.code(), c.args().toArray())))
                    .toList());
            Json.write(ctx, 200, body);
        });
        app.post("/api/v1/tracker/retry", ctx -> {
            lead(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("retried", outbox.retryFailed());
            Json.write(ctx, 200, body);
        });
    }

    private Map<String, Object> trackerJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tracker", trackerSync.describe());
        body.put("enabled", trackerSync.enabled());
        body.put("outbox", outbox.counts());
        body.put("troubles", outbox.troubles(20).stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("kind", t.kind());
            task.put("ref", t.ref());
            task.put("state", t.state().name());
            task.put("attempts", t.attempts());
            task.put("dueAt", t.dueAt());
            task.put("error", t.lastError());
            return task;
        }).toList());
        return body;
    }

    private Map<String, Object> wishJson(Wish wish) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", wish.id());
        body.put("text", wish.text());
        body.put("supporters", wish.supporters());
        body.put("ticket", wish.linked() ? wish.ticketKey() : null);
        body.put("fulfilledAt", wish.fulfilledAt());
        body.put("filing", wishTickets.filing(wish.id()));
        return body;
    }

    private void week(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<Release> current = overview.currentRelease();
        body.put("release", current.map(this::releaseJson).orElse(null));
        body.put("poll", current.flatMap(r -> overview.pollOf(r.id()))
                .map(p -> pollJson(overview.poll(p.id(), isLead(ctx)))).orElse(null));
        body.put("wishes", overview.topWishes(10));
        Json.write(ctx, 200, body);
    }

    private void saveTeam(Context ctx) {
        Pass lead = lead(ctx);
        TeamInput input = Json.read(ctx, TeamInput.class);
        List<Member> members = Optional.ofNullable(input.members()).orElse(List.of()).stream()
                .map(m -> new Member(m.name(), m.photoUrl(), m.userId()))
                .toList();
        Json.write(ctx, 200, manageTeams.save(new Team(ctx.pathParam("slug"), input.name(), members), lead.userId()));
    }

    private void winners(Context ctx) {
        Json.write(ctx, 200, overview.winners(52).stream().map(award -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("poll", award.poll().id());
            entry.put("title", award.poll().title());
            entry.put("approvedAt", award.poll().approvedAt());
            entry.put("winners", award.result().winners());
            entry.put("ballots", award.result().ballots());
            return entry;
        }).toList());
    }

    private void openRelease(Context ctx) {
        Pass lead = lead(ctx);
        ReleaseInput input = Json.read(ctx, ReleaseInput.class);
        require(input.version(), "version");
        List<String> keys = Optional.ofNullable(input.keys()).orElse(List.of());
        List<String> changelog = Optional.ofNullable(input.changelog()).orElse(List.of());
        FeatureSource source;
        if (input.features() != null && !input.features().isEmpty()) {
            source = new FeatureSource.Listed(input.features().stream()
                    .map(f -> new Feature(f.key(), f.summary(), f.team()))
                    .toList());
        } else if (input.jql() != null && !input.jql().isBlank()) {
            source = new FeatureSource.Query(input.jql());
        } else if (!keys.isEmpty()) {
            source = new FeatureSource.Keys(keys);
        } else if (!changelog.isEmpty()) {
            source = new FeatureSource.Mentions(changelog);
        } else {
            // No features named: the configured release query finds them.
            source = new FeatureSource.ReleaseQuery();
        }
        Optional<BuildRef> build = Optional.ofNullable(input.build()).map(b -> {
            require(b.job(), "build.job");
            require(b.number(), "build.number");
            return new BuildRef(b.job(), b.number(), b.url());
        });
        ShipRelease.Shipped shipped = shipRelease.ship(new ShipRelease.Request(input.version(), source, build,
                Optional.ofNullable(input.tests()).map(Api::tests), Boolean.TRUE.equals(input.dryRun())), lead.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", shipped.created());
        body.put("dryRun", shipped.dryRun());
        if (shipped.dryRun()) {
            Release release = shipped.release();
            Map<String, Object> preview = new LinkedHashMap<>();
            preview.put("version", release.version());
            preview.put("reportsCloseAt", release.reportsCloseAt());
            preview.put("features", release.features().stream()
                    .map(f -> Map.of("key", f.key(), "summary", f.summary(), "team", f.teamSlug())).toList());
            body.put("preview", preview);
            body.put("candidates", shipped.candidates().stream()
                    .map(c -> Map.of("team", c.teamSlug(), "title", c.title(), "tickets", c.tickets())).toList());
        } else {
            body.put("release", releaseJson(shipped.release()));
            body.put("poll", shipped.pollId().map(id -> pollJson(overview.poll(id, true))).orElse(null));
            ctx.header("Location", "/api/v1/releases/" + shipped.release().id());
        }
        body.put("ignoredKeys", shipped.ignoredKeys());
        Json.write(ctx, shipped.created() ? 201 : 200, body);
    }

    private void attachTests(Context ctx) {
        lead(ctx);
        TestsInput input = Json.read(ctx, TestsInput.class);
        Release release = shipRelease.attachTests(Pages.id(ctx), tests(input));
        Json.write(ctx, 200, releaseJson(release));
    }

    private void releases(Context ctx) {
        String version = ctx.queryParam("version");
        List<Release> found = version == null ? overview.recentReleases(20)
                : overview.releaseByVersion(version.strip()).map(List::of).orElse(List.of());
        Json.write(ctx, 200, found.stream().map(this::releaseJson).toList());
    }

    private static TestSummary tests(TestsInput input) {
        require(input.total(), "tests.total");
        return TestSummary.of(input.total(), Optional.ofNullable(input.failed()).orElse(0),
                Optional.ofNullable(input.skipped()).orElse(0));
    }

    private void myReport(Context ctx) {
        Pass user = user(ctx);
        long releaseId = Pages.id(ctx);
        overview.release(releaseId);
        ExperienceReport report = reports.find(releaseId, user.userId())
                .orElseThrow(() -> RuleViolation.notFound("report.none"));
        Json.write(ctx, 200, reportJson(report));
    }

    private void handInReport(Context ctx) {
        Pass user = user(ctx);
        long releaseId = Pages.id(ctx);
        ReportInput input = Json.read(ctx, ReportInput.class);
        List<FeatureVerdict> verdicts = Optional.ofNullable(input.verdicts()).orElse(List.of()).stream()
                .map(v -> {
                    require(v.feature(), "verdicts[].feature");
                    return new FeatureVerdict(v.feature(), verdict(v.verdict()), v.comment());
                })
                .toList();
        List<Long> wishes = new java.util.ArrayList<>(Optional.ofNullable(input.wishes()).orElse(List.of()));
        for (String ticket : Optional.ofNullable(input.tickets()).orElse(List.of())) {
            wishes.add(wishTickets.wishForTicket(ticket, user.userId(), releaseId));
        }
        ExperienceReport report = new ExperienceReport(user.userId(), releaseId, verdicts, wishes,
                Optional.ofNullable(input.newWishes()).orElse(List.of()));
        reports.handIn(report);
        Json.write(ctx, 200, reportJson(reports.find(releaseId, user.userId()).orElseThrow()));
    }

    private void myBallot(Context ctx) {
        Pass user = user(ctx);
        long pollId = Pages.id(ctx);
        overview.poll(pollId, false);
        Ballot ballot = ballots.find(pollId, user.userId()).orElseThrow(() -> RuleViolation.notFound("ballot.none"));
        Json.write(ctx, 200, ballot);
    }

    /**
     * The winner card, public once the result is; leads see it from the close on, to check it
     * before they approve.
     */
    static byte[] card(WeekOverview.PollView view, AnnounceAward announce) {
        if (view.result().isEmpty()) {
            throw RuleViolation.notFound("card.notYet", view.poll().title());
        }
        return announce.card(view.poll());
    }

    /** Answers a picture: {@code image/png} without the text charset every other answer carries. */
    static void png(Context ctx, byte[] png) {
        ctx.header("Cache-Control", "no-cache").result(png);
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("image/png");
    }

    private byte[] card(WeekOverview.PollView view) {
        return card(view, announce);
    }

    private void announcement(Context ctx) {
        WeekOverview.PollView view = overview.poll(Pages.id(ctx), isLead(ctx));
        PollResult result = view.result()
                .orElseThrow(() -> RuleViolation.notFound("announcement.notYet", view.poll().title()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", announce.text(view.poll(), result));
        body.put("edited", !view.poll().announcement().isBlank() && view.state() != PollState.APPROVED);
        body.put("cardUrl", "/api/v1/polls/" + view.poll().id() + "/card.png");
        body.put("publishing", announce.publishing(view.poll().id()));
        Json.write(ctx, 200, body);
    }

    private void team(Context ctx) {
        Team team = overview.team(ctx.pathParam("slug"))
                .orElseThrow(() -> RuleViolation.notFound("team.unknown", ctx.pathParam("slug")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", team.slug());
        body.put("name", team.name());
        body.put("members", team.members());
        List<WeekOverview.TeamWin> wins = overview.winsOf(team.slug());
        body.put("buckets", wins.size());
        body.put("wins", wins.stream().map(w -> Map.of("poll", w.poll().id(), "version", w.release().version(),
                "title", w.candidate().title(), "votes", w.votes(), "approvedAt", w.poll().approvedAt())).toList());
        Json.write(ctx, 200, body);
    }

    private void castBallot(Context ctx) {
        Pass user = user(ctx);
        limits.ballot(user.userId(), ctx.ip());
        BallotInput input = Json.read(ctx, BallotInput.class);
        require(input.candidate(), "candidate");
        Json.write(ctx, 200, ballots.cast(user.userId(), Pages.id(ctx), input.candidate()));
    }

    private void addCandidate(Context ctx) {
        Pass lead = lead(ctx);
        CandidateInput input = Json.read(ctx, CandidateInput.class);
        require(input.team(), "team");
        require(input.title(), "title");
        Json.write(ctx, 201, managePoll.addCandidate(Pages.id(ctx), input.team(), input.title(),
                Optional.ofNullable(input.tickets()).orElse(List.of()), input.pitch(), lead.userId()));
    }

    private interface PollAction {
        Poll apply(long pollId, String actor);
    }

    private void pollAction(Context ctx, PollAction action) {
        Pass lead = lead(ctx);
        Poll poll = action.apply(Pages.id(ctx), lead.userId());
        Json.write(ctx, 200, pollJson(overview.poll(poll.id(), true)));
    }

    private Map<String, Object> releaseJson(Release release) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", release.id());
        body.put("version", release.version());
        body.put("shippedAt", release.shippedAt());
        body.put("reportsCloseAt", release.reportsCloseAt());
        body.put("reportsOpen", release.acceptsReportsAt(overview.now()));
        body.put("reports", overview.reportCount(release.id()));
        body.put("pollId", overview.pollOf(release.id()).map(Poll::id).orElse(null));
        body.put("build", shipRelease.shipment(release.id()).map(shipment -> {
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("job", shipment.build().job());
            build.put("number", shipment.build().number());
            build.put("url", shipment.build().url());
            build.put("tests", shipment.tests().orElse(null));
            return build;
        }).orElse(null));
        body.put("features", overview.feedback(release.id()).stream().map(f -> {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("key", f.feature().key());
            feature.put("summary", f.feature().summary());
            feature.put("team", f.feature().teamSlug());
            feature.put("likes", f.likes());
            feature.put("notGoodEnough", f.notGoodEnough());
            feature.put("comments", f.comments());
            return feature;
        }).toList());
        return body;
    }

    private static Map<String, Object> pollJson(PollView view) {
        Poll poll = view.poll();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", poll.id());
        body.put("releaseId", poll.releaseId());
        body.put("title", poll.title());
        body.put("state", view.state().name());
        body.put("opensAt", poll.opensAt());
        body.put("closesAt", poll.closesAt());
        body.put("closedAt", poll.closedAt());
        body.put("approvedAt", poll.approvedAt());
        body.put("candidates", poll.candidates());
        body.put("result", view.result().map(result -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ballots", result.ballots());
            r.put("tie", result.isTie());
            r.put("tieRule", result.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.put("tieBroken", result.tieBroken());
            r.put("margin", result.margin());
            r.put("standings", result.standings().stream().map(s -> Map.of(
                    "candidate", s.candidate().id(), "title", s.candidate().title(), "team", s.candidate().teamSlug(),
                    "votes", s.votes(), "rank", s.rank(), "share", s.share(), "margin", s.margin())).toList());
            r.put("winners", result.winners().stream().map(s -> s.candidate().id()).toList());
            return r;
        }).orElse(null));
        return body;
    }

    private static Map<String, Object> reportJson(ExperienceReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("releaseId", report.releaseId());
        body.put("verdicts", report.verdicts().stream()
                .map(v -> new VerdictInput(v.featureKey(), v.verdict().name(), v.comment())).toList());
        body.put("wishes", report.supportedWishes());
        return body;
    }

    private static Verdict verdict(String value) {
        try {
            return Verdict.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("report.verdict.unknown", String.valueOf(value));
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw RuleViolation.invalid("request.field.missing", field);
        }
    }

    private Pass user(Context ctx) {
        return bearer.user(ctx);
    }

    private Pass lead(Context ctx) {
        return bearer.lead(ctx);
    }

    private boolean isLead(Context ctx) {
        return bearer.isLead(ctx);
    }

    private static String resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
