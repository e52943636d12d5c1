package dev.popcorn.memory;

import dev.popcorn.StorePorts;
import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.award.AwardStore;
import dev.popcorn.app.award.BallotStore;
import dev.popcorn.app.award.LeaseStore;
import dev.popcorn.app.feedback.NoticeStore;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.app.identity.SignInNonces;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.app.release.BuildLog;

/**
 * Every store port in memory, for use-case tests that run in milliseconds. They keep the same
 * promises as the JDBC stores — {@code StoreContract} runs against both (MemoryStoreTest) — so a
 * fast test cannot pass on a store that behaves differently from the database.
 */
public final class MemoryStores implements StorePorts {

    private final MemoryDb db = new MemoryDb();
    private final MemoryReports reports = new MemoryReports(db);
    private final MemoryReleases releases = new MemoryReleases(db, reports);
    private final MemoryPolls polls = new MemoryPolls(db);
    private final MemoryBallots ballots = new MemoryBallots(db);
    private final MemoryNominations nominations = new MemoryNominations(db, polls);
    private final MemoryTeams teams = new MemoryTeams(db);
    private final MemoryUsers users = new MemoryUsers(db);
    private final MemorySmallStores.Participation participation = new MemorySmallStores.Participation(db);
    private final MemoryFunnel funnel = new MemoryFunnel(db, reports, participation);
    private final MemorySmallStores.Audit audit = new MemorySmallStores.Audit(db);
    private final MemorySmallStores.Awards awards = new MemorySmallStores.Awards(db);
    private final MemorySmallStores.Leases leases = new MemorySmallStores.Leases(db);
    private final MemorySmallStores.Deliveries deliveries = new MemorySmallStores.Deliveries(db);
    private final MemorySmallStores.Tickets tickets = new MemorySmallStores.Tickets(db);
    private final MemorySmallStores.ForumThreads forumThreads = new MemorySmallStores.ForumThreads(db);
    private final MemorySmallStores.ForumAccounts forumAccounts = new MemorySmallStores.ForumAccounts(db);
    private final MemoryOutbox outbox = new MemoryOutbox(db);
    private final MemoryTicketWrites ticketWrites = new MemoryTicketWrites(db);
    private final MemoryLogs.Builds builds = new MemoryLogs.Builds(db);
    private final MemoryLogs.Notices notices = new MemoryLogs.Notices(db, reports);
    private final MemoryLogs.Nonces signInNonces = new MemoryLogs.Nonces(db);
    private final MemoryReminders reminders = new MemoryReminders(db, users, reports);

    @Override
    public Transactions transactions() {
        return db;
    }

    @Override
    public ReleaseStore releases() {
        return releases;
    }

    @Override
    public PollStore polls() {
        return polls;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public dev.popcorn.app.award.NominationStore nominations() {
        return nominations;
    }

    @Override
    public BallotStore ballots() {
        return ballots;
    }

    @Override
    public TeamStore teams() {
        return teams;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public ParticipationStore participation() {
        return participation;
    }

    @Override
    public dev.popcorn.app.week.FunnelStore funnel() {
        return funnel;
    }

    /** The points ledger on these stores with the default points and cap, in the week of Asia/Shanghai. */
    public dev.popcorn.app.participation.Ledger ledger(java.time.Clock clock) {
        return ledger(dev.popcorn.domain.participation.PointsRules.defaults(), clock);
    }

    public dev.popcorn.app.participation.Ledger ledger(dev.popcorn.domain.participation.PointsRules rules,
            java.time.Clock clock) {
        return new dev.popcorn.app.participation.Ledger(participation, db, audit(), rules,
                dev.popcorn.domain.WeekCalendar.defaults(java.time.ZoneId.of("Asia/Shanghai")), clock);
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public AwardStore awards() {
        return awards;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public ForumThreadStore forumThreads() {
        return forumThreads;
    }

    @Override
    public dev.popcorn.app.ForumAccountStore forumAccounts() {
        return forumAccounts;
    }

    @Override
    public dev.popcorn.app.tracker.TicketWriteStore ticketWrites() {
        return ticketWrites;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public BuildLog builds() {
        return builds;
    }

    @Override
    public NoticeStore notices() {
        return notices;
    }

    @Override
    public SignInNonces signInNonces() {
        return signInNonces;
    }

    @Override
    public dev.popcorn.app.forum.ReminderStore reminders() {
        return reminders;
    }

    @Override
    public dev.popcorn.app.WebhookDeliveries webhookDeliveries() {
        return deliveries;
    }
}
