package dev.popcorn;

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

/** Every store port, from the database (the JDBC store) or from memory; the store contract runs on both. */
public interface StorePorts {

    Transactions transactions();

    ReleaseStore releases();

    PollStore polls();

    ReportStore reports();

    BallotStore ballots();

    dev.popcorn.app.award.NominationStore nominations();

    TeamStore teams();

    UserStore users();

    ParticipationStore participation();

    dev.popcorn.app.week.FunnelStore funnel();

    AuditLog audit();

    dev.popcorn.app.WebhookDeliveries webhookDeliveries();

    AwardStore awards();

    LeaseStore leases();

    TicketStore tickets();

    ForumThreadStore forumThreads();

    dev.popcorn.app.ForumAccountStore forumAccounts();

    dev.popcorn.app.tracker.TicketWriteStore ticketWrites();

    OutboxStore outbox();

    BuildLog builds();

    NoticeStore notices();

    SignInNonces signInNonces();

    dev.popcorn.app.forum.ReminderStore reminders();
}
