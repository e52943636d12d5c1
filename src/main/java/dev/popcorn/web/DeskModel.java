package dev.popcorn.web;

import dev.popcorn.app.Check;
import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.outbox.OutboxTroubles;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.PageModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lead's desk ({@code /lead}) as a model: the latest polls under review, releases, teams, the wishes to link to
 * tickets, the week's top contributors, the tracker's and Jenkins' state, the week's participation, and the audit log;
 * with what a form just did, or a refused form kept as it was sent.
 */
public final class DeskModel {

    /** Polls, releases, audit entries, top contributors and wishes the desk lists. */
    static final int POLLS = 3;
    static final int RELEASES = 5;
    static final int AUDIT = 20;
    static final int CONTRIBUTORS = 5;
    static final int WISHES = 15;

    /**
     * The desk. {@code teamList} the teams in order, {@code teams} by slug; {@code filing} the ids of the listed wishes
     * whose ticket is being filed; {@code checks} the lines of a connection check just run (or null); {@code names}
     * the display name of everyone the desk shows by id; {@code done} and {@code doneAt} what a form did and the part
     * of the desk it says so in; {@code kept} a refused form; {@code deskParts} the parts' element ids, in order.
     */
    record Page(List<PollModel.Card> polls, List<Release> releases, List<Team> teamList, Map<String, Team> teams,
            List<AuditRow> audit, Instant nextPollOpens, LeadGlanceModel.Glance glance, Tracker tracker,
            Jenkins jenkins, Members members, List<LeaderboardPageModel.Row> topContributors,
            LeadParticipationModel.Participation participation, List<Wish> wishList, List<Long> filing,
            List<CheckLine> checks, Map<String, String> names, String done, String doneAt, KeptForm kept,
            List<String> deskParts) {
    }

    /** The tracker's part: whether one is set up and which, the outbox's counts by state and its troubles. */
    record Tracker(boolean trackerEnabled, String trackerName, Map<String, Long> outbox,
            List<OutboxStore.Task> troubles,
            String releaseJqlExample) implements PageModels.Part {
    }

    /** Jenkins' part: whether its hook is on, the rule a build must meet, the latest notices. */
    record Jenkins(boolean jenkinsEnabled, String jenkinsRule,
            List<NoticeRow> buildNotices) implements PageModels.Part {
    }

    /** A build notice as the desk lists it: its outcome by name, why in the lead's language. */
    record NoticeRow(long id, Instant receivedAt, String job, int number, String phase, String status, String outcome,
            String message) {
    }

    /**
     * The team members who cannot be recognised on the forum: named members whose forum user name is not linked (with
     * the reason in the lead's language), those who carry no forum user name; whether the forum is off.
     */
    record Members(List<Unlinked> unlinkedMembers, List<String> namelessMembers, boolean forumOff)
            implements
                PageModels.Part {
    }

    /** A member whose forum user name is not linked, and why. */
    record Unlinked(String team, String member, String name, String reason) {
    }

    /** A line of a connection check, in the lead's language. */
    record CheckLine(boolean ok, String text) {
    }

    /** An audit entry as the desk shows it: the person who acted and the one acted on, where they are people. */
    record AuditRow(AuditEntry entry, String person, String subjectPerson) {
        static AuditRow of(AuditEntry e) {
            return new AuditRow(e, SYSTEM_ACTORS.contains(e.actor()) ? null : e.actor(),
                    e.subject().startsWith("user:") ? e.subject().substring(5) : null);
        }
    }

    /** The poll's count so far alone, as the glance shows it: what lead.js asks for to keep it live. */
    record Count(LeadGlanceModel.LiveCount count) {
    }

    /** The announcement's live preview: the text as the forum will show it, why it cannot be approved yet (or null). */
    record Preview(String html, String contradiction) {
    }

    /** Actors that are not people: Popcorn itself, the forum, the award's schedule. */
    static final Set<String> SYSTEM_ACTORS = Set.of("popcorn", "forum", AwardSchedule.ACTOR);

    /** Use cases the desk shows. */
    public record UseCases(WeekOverview overview, TrackerSync trackerSync, WishTickets wishTickets,
            OutboxTroubles outbox,
            BuildNotices buildNotices, MemberAccounts memberAccounts, Leaderboards leaderboards, People people,
            OpenRelease openRelease, dev.popcorn.app.week.LeadGlance glance) {
    }

    private final UseCases uses;
    private final PollModel polls;
    private final LeadParticipationModel participation;
    private final boolean jenkinsEnabled;

    public DeskModel(UseCases uses, PollModel polls, LeadParticipationModel participation, boolean jenkinsEnabled) {
        this.uses = uses;
        this.polls = polls;
        this.participation = participation;
        this.jenkinsEnabled = jenkinsEnabled;
    }

    /**
     * The desk for {@code lead}: {@code checks} the lines of a connection check just run, or null; {@code kept} a
     * refused form ({@link KeptForm#NONE} if none); {@code done} and {@code at} as the address says them.
     */
    Page page(Pass lead, Locale locale, List<Check> checks, KeptForm kept, String done, String at) {
        WeekOverview overview = uses.overview();
        List<PollModel.Card> recent = new ArrayList<>();
        for (Poll poll : overview.recentPolls(POLLS)) {
            recent.add(polls.card(poll.id(), Optional.of(lead), locale).in(overview.release(poll.releaseId())));
        }
        List<AuditEntry> audit = overview.auditLog(AUDIT);
        LeadParticipationModel.Participation week = participation.participation(locale);
        List<Wish> wishList = overview.topWishes(WISHES);
        return new Page(recent, overview.recentReleases(RELEASES), overview.teams(), overview.teamsBySlug(),
                audit.stream().map(AuditRow::of).toList(), uses.openRelease().pollWouldOpen(),
                LeadGlanceModel.glance(uses.glance(), overview, locale), tracker(), jenkins(locale), members(locale),
                uses.leaderboards().users(Leaderboards.Period.WEEK, CONTRIBUTORS, null).entries().stream()
                        .map(e -> new LeaderboardPageModel.Row(e.rank(), e.userId(), e.name(), e.level().name(locale),
                                e.points(), false, false))
                        .toList(),
                week, wishList,
                wishList.stream().filter(w -> uses.wishTickets().filing(w.id())).map(Wish::id).toList(),
                checks == null ? null : checks.stream().map(c -> new CheckLine(c.ok(),
                        Messages.text(locale, c.code(), c.args().toArray()))).toList(),
                names(week, recent, audit), done, LeadDesk.place(at), kept, LeadDesk.PARTS);
    }

    /** The poll's count so far alone. */
    Count count(Locale locale) {
        return new Count(LeadGlanceModel.liveCount(uses.glance(), uses.overview(), locale));
    }

    /**
     * The display names of everyone the desk shows (who reported, was granted, nominated, acted or was acted on), read
     * once, so that each is named and linked rather than shown by id.
     */
    private Map<String, String> names(LeadParticipationModel.Participation week, List<PollModel.Card> polls,
            List<AuditEntry> audit) {
        Set<String> ids = new HashSet<>();
        if (week.leadReports() != null) {
            week.leadReports().forEach(r -> ids.add(r.report().userId()));
        }
        week.recentGrants().forEach(g -> ids.add(g.user()));
        for (PollModel.Card p : polls) {
            if (p.nominate() != null && p.nominate().all() != null) {
                p.nominate().all().forEach(n -> ids.add(n.userId()));
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

    private Tracker tracker() {
        TrackerSync trackerSync = uses.trackerSync();
        Map<String, Long> counts = new HashMap<>();
        uses.outbox().counts().forEach((state, n) -> counts.put(state.name(), n));
        return new Tracker(trackerSync.enabled(), trackerSync.describe(), counts, uses.outbox().troubles(10),
                trackerSync.enabled() ? trackerSync.releaseQuery("2026.11.27") : "");
    }

    private Members members(Locale language) {
        List<Unlinked> unlinked = new ArrayList<>();
        List<String> nameless = new ArrayList<>();
        for (MemberAccounts.Unresolved u : uses.memberAccounts().unresolved()) {
            if (u.name().isEmpty()) {
                nameless.add(u.member() + " (" + u.teamName() + ")");
            } else {
                unlinked.add(new Unlinked(u.teamName(), u.member(), u.name(),
                        Messages.text(language, u.reason(), u.name(), u.detail())));
            }
        }
        return new Members(unlinked, nameless, !uses.memberAccounts().forumConfigured());
    }

    private Jenkins jenkins(Locale language) {
        BuildNotices notices = uses.buildNotices();
        return new Jenkins(jenkinsEnabled, notices.rule().toString(),
                notices.recent(10).stream().map(n -> new NoticeRow(
                        n.id(), n.receivedAt(), n.job(), n.number(), n.phase(), n.status(), n.outcome().name(),
                        Messages.text(language, n.reason().key(), n.reason().args().toArray()))).toList());
    }
}
