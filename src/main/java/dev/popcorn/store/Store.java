package dev.popcorn.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import dev.popcorn.store.transfer.Backup;
import dev.popcorn.store.transfer.Database;
import dev.popcorn.store.transfer.Migrations;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The database behind every repository port: embedded H2 in a data folder by default, or
 * PostgreSQL. Opening it migrates the schema (Flyway) to the version this build expects.
 */
public final class Store implements AutoCloseable {

    /** Where the database is and how to log in. */
    public record Settings(String url, String user, String password, int poolSize) {
    }

    private final HikariDataSource dataSource;
    private final Db db;
    private final DatabaseIdentity identity;
    private final Settings settings;

    private Store(HikariDataSource dataSource, Db db, Settings settings) {
        this.dataSource = dataSource;
        this.db = db;
        this.identity = new DatabaseIdentity(db);
        this.settings = settings;
    }

    /**
     * Where the schema's migrations are: the common folder, and one of each database's own for what its engine has
     * and the other must not get (db/h2/*.sql, db/postgresql/*.sql), a version in one matched in the other.
     */
    static String[] migrations(Dialect dialect) {
        return Migrations.locations(dialect == Dialect.H2);
    }

    public static Store open(Settings settings) {
        Dialect dialect = Dialect.of(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("popcorn");
        if (dialect == Dialect.POSTGRESQL) {
            // A plan for the values at hand, every time: a batch asks about its users with IN lists (ADR 0020), and a
            // generic plan for a long list of unknown values scans the table where the key finds each row.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations(migrations(dialect)).load();
            refuseNewerSchema(flyway);
            flyway.migrate();
            Jdbi jdbi = Jdbi.create(dataSource);
            jdbi.registerArgument(new InstantAsTimestampWithZone());
            return new Store(dataSource, new Db(jdbi, dialect), settings);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * A database a newer Popcorn has upgraded is not this build's to write: Flyway would pass over the versions it
     * does not know and the older code would then write rows the newer schema reads otherwise.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] unknown = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (unknown.length > 0) {
            MigrationInfo[] known = info.all();
            String newest = unknown[unknown.length - 1].getVersion().getVersion();
            String ours = Arrays.stream(known).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                    && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                    .reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("none");
            throw new NewerSchema(
                    "the database is at schema version " + newest + ", newer than this build of Popcorn knows"
                            + " (" + ours
                            + "): a newer Popcorn upgraded it. Run that version again, or restore the backup taken"
                            + " before the upgrade (README, Upgrading).");
        }
    }

    /** The database was upgraded by a newer Popcorn; the message says what to do. */
    public static final class NewerSchema extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NewerSchema(String message) {
            super(message);
        }
    }

    /** The handle, for this package's own tests (bulk set-up in benchmarks). */
    Db db() {
        return db;
    }

    public Transactions transactions() {
        return db;
    }

    public ReleaseStore releases() {
        return new JdbcReleases(db);
    }

    public BuildLog builds() {
        return new JdbcBuildLog(db);
    }

    public ReportStore reports() {
        return new JdbcReports(db);
    }

    public AwardStore awards() {
        return new JdbcAwards(db);
    }

    public LeaseStore leases() {
        return new JdbcLeases(db);
    }

    public PollStore polls() {
        return new JdbcPolls(db);
    }

    public dev.popcorn.app.award.NominationStore nominations() {
        return new JdbcNominations(db);
    }

    public BallotStore ballots() {
        return new JdbcBallots(db);
    }

    public TeamStore teams() {
        return new JdbcTeams(db);
    }

    public UserStore users() {
        return new JdbcUsers(db);
    }

    public dev.popcorn.app.participation.StandingStore standing() {
        return new JdbcStanding(db);
    }

    public ParticipationStore participation() {
        return new JdbcParticipation(db);
    }

    public dev.popcorn.app.participation.LeaderboardStore leaderboards() {
        return new JdbcLeaderboards(db);
    }

    public dev.popcorn.app.week.FunnelStore funnel() {
        return new JdbcFunnel(db);
    }

    public OutboxStore outbox() {
        return new JdbcOutbox(db);
    }

    /** What the metrics read at a scrape (ADR 0029). */
    public dev.popcorn.watch.Readings readings() {
        return new JdbcReadings(db);
    }

    /** The connection pool's own meters (HikariCP's: connections active, idle, pending, their waits) in {@code registry}. */
    public void meterPool(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricsTrackerFactory(
                new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
    }

    public TicketStore tickets() {
        return new JdbcTickets(db);
    }

    public NoticeStore notices() {
        return new JdbcNotices(db);
    }

    public ForumThreadStore forumThreads() {
        return new JdbcForumThreads(db, identity);
    }

    public dev.popcorn.app.ForumAccountStore forumAccounts() {
        return new JdbcForumAccounts(db);
    }

    public dev.popcorn.app.tracker.TicketWriteStore ticketWrites() {
        return new JdbcTicketWrites(db, identity);
    }

    public dev.popcorn.app.WebhookDeliveries webhookDeliveries() {
        return new JdbcWebhookDeliveries(db);
    }

    public dev.popcorn.app.forum.ReminderStore reminders() {
        return new JdbcReminders(db);
    }

    public dev.popcorn.app.forum.ForumLevelStore forumLevels() {
        return new JdbcForumLevels(db);
    }

    /** Backups of this database taken while the server runs, on a connection of their own (not one of the pool's). */
    public dev.popcorn.app.backup.Backups backups(java.time.Clock clock) {
        return new Backup(new Database(settings.url(), settings.user(), settings.password()), clock);
    }

    public SignInNonces signInNonces() {
        return new JdbcSignInNonces(db);
    }

    public AuditLog audit() {
        return new JdbcAuditLog(db);
    }

    /** A user read out and erased (ADR 0030). */
    public dev.popcorn.app.identity.ForgetStore forget() {
        return new JdbcForget(db);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Binds instants as UTC timestamps with time zone, the same way on H2 and PostgreSQL. */
    private static final class InstantAsTimestampWithZone extends AbstractArgumentFactory<Instant> {
        InstantAsTimestampWithZone() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
