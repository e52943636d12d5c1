package dev.popcorn.web;

import dev.popcorn.app.Check;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.Nomination;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.Wish;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Messages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead's dashboard as a page model: the latest polls under review, releases, teams, the wishes
 * to link to tickets, the week's top contributors, the tracker's and Jenkins' state, the week's participation,
 * and the audit log.
 */
final class LeadDashboard {

    /** Use cases the dashboard shows. */
    record UseCases(WeekOverview overview, TrackerSync trackerSync, WishTickets wishTickets, Outbox outbox,
            BuildNotices buildNotices, MemberAccounts memberAccounts, Leaderboards leaderboards, People people,
            dev.popcorn.app.release.OpenRelease openRelease, dev.popcorn.app.week.LeadGlance glance) {
    }

    private final UseCases uses;
    private final Chrome chrome;
    private final PollPage polls;
    private final boolean jenkinsEnabled;
    private final LeadParticipationModel participation;

    LeadDashboard(UseCases uses, Chrome chrome, PollPage polls, boolean jenkinsEnabled,
            LeadParticipationModel participation) {
        this.participation = participation;
        this.uses = uses;
        this.chrome = chrome;
        this.polls = polls;
        this.jenkinsEnabled = jenkinsEnabled;
    }

    /** Renders the dashboard; {@code checks} are the lines of a connection check just run, or null. */
    /** The poll's count so far alone, as the glance shows it: what lead.js asks for to keep it live. */
    void liveCount(Context ctx) {
        Map<String, Object> model = chrome.model(ctx);
        LeadGlanceModel.fillCount(model, uses.glance(), uses.overview(), chrome.locale(ctx));
        chrome.render(ctx, "lead-count", model);
    }

    void render(Context ctx, List<Check> checks) {
        render(ctx, checks, KeptForm.NONE);
    }

    /** The dashboard with a refused form kept as it was sent and why beside it. */
    void refused(Context ctx, KeptForm kept) {
        render(ctx, null, kept);
    }

    /** The announcement's live preview: the text as the forum will show it, after why it cannot be approved yet, if so. */
    void preview(Context ctx, ManagePoll.Draft draft, ForumMarkdown markdown) {
        Map<String, Object> model = new HashMap<>();
        model.put("html", markdown.html(draft.text()));
        draft.refusal().ifPresent(refused -> model.put("contradiction",
                chrome.text(ctx, "error." + refused.code(), refused.args().toArray())));
        chrome.render(ctx, "lead-preview", model);
    }

    private void render(Context ctx, List<Check> checks, KeptForm kept) {
        WeekOverview overview = uses.overview();
        Map<String, Object> model = chrome.model(ctx);
        List<Map<String, Object>> recent = new ArrayList<>();
        for (Poll poll : overview.recentPolls(3)) {
            Map<String, Object> p = polls.model(ctx, poll.id());
            p.put("release", overview.release(poll.releaseId()));
            recent.add(p);
        }
        model.put("polls", recent);
        model.put("releases", overview.recentReleases(5));
        model.put("teamList", overview.teams());
        model.put("teams", overview.teamsBySlug());
        List<AuditEntry> audit = overview.auditLog(20);
        model.put("audit", audit.stream().map(AuditRow::of).toList());
        model.put("nextPollOpens", uses.openRelease().pollWouldOpen());
        LeadGlanceModel.fill(model, uses.glance(), overview, chrome.locale(ctx));
        tracker(model);
        jenkins(model, chrome.locale(ctx));
        members(model, chrome.locale(ctx));
        model.put("topContributors", uses.leaderboards().users(Leaderboards.Period.WEEK, 5, null).entries().stream()
                .map(e -> new LeaderboardPageModel.Row(e.rank(), e.userId(), e.name(), e.level().name(chrome.locale(ctx)), e.points(),
                        false, false))
                .toList());
        participation.fill(model, chrome.locale(ctx));
        List<Wish> wishList = overview.topWishes(15);
        model.put("wishList", wishList);
        model.put("filing", wishList.stream().filter(w -> uses.wishTickets().filing(w.id())).map(Wish::id).toList());
        if (checks != null) {
            Locale locale = chrome.locale(ctx);
            model.put("checks", checks.stream().map(c -> Map.of("ok", c.ok(),
                    "text", Messages.text(locale, c.code(), c.args().toArray()))).toList());
        }
        model.put("names", names(model, recent, audit));
        model.put("done", ctx.queryParam("done"));
        model.put("doneAt", LeadDesk.place(ctx.queryParam("at")));
        model.put("kept", kept);
        model.put("deskParts", LeadDesk.PARTS);
        chrome.render(ctx, "lead", model);
    }

    /** An audit entry as the desk shows it: the person who acted and the one acted on, where they are people. */
    record AuditRow(AuditEntry entry, String person, String subjectPerson) {
        static AuditRow of(AuditEntry e) {
            return new AuditRow(e, SYSTEM_ACTORS.contains(e.actor()) ? null : e.actor(),
                    e.subject().startsWith("user:") ? e.subject().substring(5) : null);
        }
    }

    /** Actors that are not people: Popcorn itself, the forum, the award's schedule. */
    static final java.util.Set<String> SYSTEM_ACTORS = java.util.Set.of("popcorn", "forum", AwardSchedule.ACTOR);

    /**
     * The display names of everyone the desk shows (who reported, was granted, nominated, acted or was acted on), read
     * once, so that each is named and linked rather than shown by id.
     */
    private Map<String, String> names(Map<String, Object> model, List<Map<String, Object>> polls, List<AuditEntry> audit) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        if (model.get("leadReports") instanceof List<?> reports) {
            reports.forEach(r -> ids.add(((WeekParticipation.Reviewed) r).report().userId()));
        }
        if (model.get("recentGrants") instanceof List<?> grants) {
            grants.forEach(g -> ids.add(String.valueOf(((Map<?, ?>) g).get("user"))));
        }
        for (Map<String, Object> p : polls) {
            if (p.get("nominate") instanceof Map<?, ?> nominate && nominate.get("all") instanceof List<?> all) {
                all.forEach(n -> ids.add(((Nomination) n).userId()));
            }
        }
        for (AuditEntry entry : audit) {
            if (!SYSTEM_ACTORS.contains(entry.actor())) {
                ids.add(entry.actor());
            }
            if (entry.subject().startsWith("user:")) {
                ids.add(entry.subject().substring(5));
            }
        }
        return uses.people().names(ids);
    }

    private void tracker(Map<String, Object> model) {
        TrackerSync trackerSync = uses.trackerSync();
        model.put("trackerEnabled", trackerSync.enabled());
        model.put("trackerName", trackerSync.describe());
        Map<String, Long> counts = new HashMap<>();
        uses.outbox().counts().forEach((state, n) -> counts.put(state.name(), n));
        model.put("outbox", counts);
        model.put("troubles", uses.outbox().troubles(10));
        model.put("releaseJqlExample", trackerSync.enabled() ? trackerSync.releaseQuery("2026.11.27") : "");
    }

    /**
     * The team members who cannot be recognised on the forum: named members whose forum user name is
     * not linked (with the reason in the lead's language), and those who carry no forum user name.
     */
    private void members(Map<String, Object> model, Locale language) {
        List<Map<String, Object>> unlinked = new ArrayList<>();
        List<String> nameless = new ArrayList<>();
        for (MemberAccounts.Unresolved u : uses.memberAccounts().unresolved()) {
            if (u.name().isEmpty()) {
                nameless.add(u.member() + " (" + u.teamName() + ")");
            } else {
                unlinked.add(Map.of("team", u.teamName(), "member", u.member(), "name", u.name(),
                        "reason", Messages.text(language, u.reason(), u.name(), u.detail())));
            }
        }
        model.put("unlinkedMembers", unlinked);
        model.put("namelessMembers", nameless);
        model.put("forumOff", !uses.memberAccounts().forumConfigured());
    }

    private void jenkins(Map<String, Object> model, Locale language) {
        BuildNotices notices = uses.buildNotices();
        model.put("jenkinsEnabled", jenkinsEnabled);
        model.put("jenkinsRule", notices.rule().toString());
        model.put("buildNotices", notices.recent(10).stream().map(n -> Map.of("id", n.id(),
                "receivedAt", n.receivedAt(), "job", n.job(), "number", n.number(),
                "phase", n.phase(), "status", n.status(), "outcome", n.outcome().name(),
                "message", Messages.text(language, n.reason().key(), n.reason().args().toArray()))).toList());
    }
}
