package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real database (H2 or PostgreSQL, by the subclasses), and what only a
 * database can show: its own constraints, and how many statements a read sends.
 */
abstract class JdbcStoreContract extends StoreContract {

    Store jdbc;
    Store.Settings settings;

    /** A fresh, empty database for one test. */
    abstract Store.Settings freshDatabase() throws SQLException;

    void dropDatabase() throws SQLException {
    }

    @Override
    StorePorts openStores() throws SQLException {
        settings = freshDatabase();
        jdbc = Store.open(settings);
        return new Ports(jdbc);
    }

    @Override
    void closeStores() throws SQLException {
        jdbc.close();
        dropDatabase();
    }

    @Test
    void theDatabaseItselfRefusesASecondBallotOrReportForTheSameUser() throws SQLException {
        store.ballots().put(ballot("fan-1", 0));
        store.reports().save(new ExperienceReport("fan-1", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(), List.of()), SHIPPED);

        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement
                    .executeUpdate("INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt)"
                            + " VALUES (" + poll.id() + ", 'fan-1', " + candidate(1).id()
                            + ", CURRENT_TIMESTAMP, 'X')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(
                    () -> statement.executeUpdate("INSERT INTO reports (release_id, user_id, handed_in_at, updated_at)"
                            + " VALUES (" + release.id() + ", 'fan-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void listsAreReadInAFixedNumberOfQueriesHoweverLongTheyAre() {
        var overview = overview();
        var winners = winners();
        anotherWeek(1);
        List<Long> few = new ArrayList<>();
        for (Runnable read : reads(overview, winners)) {
            few.add(statements(read));
        }
        for (int week = 2; week <= 5; week++) {
            anotherWeek(week);
        }
        List<Long> many = new ArrayList<>();
        for (Runnable read : reads(overview, winners)) {
            many.add(statements(read));
        }
        assertThat(few).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(many).isEqualTo(few);
    }

    /** How many statements {@code read} sends to the database. */
    private long statements(Runnable read) {
        AtomicLong count = new AtomicLong();
        jdbc.db().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                count.incrementAndGet();
            }
        });
        try {
            read.run();
        } finally {
            jdbc.db().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        return count.get();
    }

    /** The JDBC store as the ports the contract asks for. */
    record Ports(Store store) implements StorePorts {
        @Override
        public Transactions transactions() {
            return store.transactions();
        }

        @Override
        public ReleaseStore releases() {
            return store.releases();
        }

        @Override
        public PollStore polls() {
            return store.polls();
        }

        @Override
        public ReportStore reports() {
            return store.reports();
        }

        @Override
        public dev.popcorn.app.award.NominationStore nominations() {
            return store.nominations();
        }

        @Override
        public BallotStore ballots() {
            return store.ballots();
        }

        @Override
        public TeamStore teams() {
            return store.teams();
        }

        @Override
        public UserStore users() {
            return store.users();
        }

        @Override
        public ParticipationStore participation() {
            return store.participation();
        }

        @Override
        public dev.popcorn.app.week.FunnelStore funnel() {
            return store.funnel();
        }

        @Override
        public AuditLog audit() {
            return store.audit();
        }

        @Override
        public AwardStore awards() {
            return store.awards();
        }

        @Override
        public LeaseStore leases() {
            return store.leases();
        }

        @Override
        public TicketStore tickets() {
            return store.tickets();
        }

        @Override
        public ForumThreadStore forumThreads() {
            return store.forumThreads();
        }

        @Override
        public dev.popcorn.app.ForumAccountStore forumAccounts() {
            return store.forumAccounts();
        }

        @Override
        public dev.popcorn.app.forum.ReminderStore reminders() {
            return store.reminders();
        }

        @Override
        public dev.popcorn.app.tracker.TicketWriteStore ticketWrites() {
            return store.ticketWrites();
        }

        @Override
        public OutboxStore outbox() {
            return store.outbox();
        }

        @Override
        public BuildLog builds() {
            return store.builds();
        }

        @Override
        public NoticeStore notices() {
            return store.notices();
        }

        @Override
        public SignInNonces signInNonces() {
            return store.signInNonces();
        }

        @Override
        public dev.popcorn.app.WebhookDeliveries webhookDeliveries() {
            return store.webhookDeliveries();
        }
    }
}
