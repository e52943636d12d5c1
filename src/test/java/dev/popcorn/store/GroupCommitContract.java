package dev.popcorn.store;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.PointsRules;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ballots and reports through the group commit (ADR 0020) on a real database, many threads at once: every
 * rule still holds (one ballot per voter, one grant per act, the poll's close), and nothing acknowledged is
 * missing. Runs on H2 and on PostgreSQL.
 */
abstract class GroupCommitContract {

    abstract Store.Settings freshDatabase() throws SQLException;

    void dropDatabase() throws SQLException {
    }

    private Store store;
    private GroupCommit writer;
    private final MutableClock clock = new MutableClock(AWeek.POLL_OPENS.plusSeconds(60));
    private AWeek.Week week;
    private CastBallot ballots;
    private HandInReport reports;

    @BeforeEach
    void open() throws SQLException {
        store = Store.open(freshDatabase());
        week = AWeek.in(new JdbcStoreContract.Ports(store)).open().build();
        Ledger ledger = new Ledger(store.participation(), store.transactions(), store.audit(), PointsRules.defaults(),
                WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);
        writer = new GroupCommit(store.transactions(), new GroupCommit.Settings(64, Duration.ofMillis(2), 10_000));
        ballots = new CastBallot(store.polls(), store.ballots(), ledger,
                dev.popcorn.app.participation.Rights.everyone(),
                store.users(), store.teams(), null, new Eligibility(0, Duration.ZERO, 0, false), writer, clock);
        reports = new HandInReport(store.transactions(), store.releases(), store.reports(), store.tickets(), ledger,
                dev.popcorn.app.participation.Rights.everyone(),
                store.audit(), writer, clock);
    }

    @AfterEach
    void close() throws SQLException {
        writer.close();
        store.close();
        dropDatabase();
    }

    @Test
    void exactlyOneBallotPerVoterAndOneGrantAfterThousandsOfConcurrentChanges() throws Exception {
        int threads = 16;
        int votersPerThread = 25;
        int castsPerVoter = 10;
        // Each voter's ballots come from one thread, one after the other, so their last acknowledged one is known.
        Map<String, Ballot> last = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int round = 0; round < castsPerVoter; round++) {
                    for (int v = 0; v < votersPerThread; v++) {
                        String voter = "voter-" + thread + "-" + v;
                        long candidate = week.candidate(random.nextInt(2)).id();
                        last.put(voter, ballots.cast(voter, week.poll().id(), candidate));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(last).hasSize(threads * votersPerThread);
        for (Map.Entry<String, Ballot> entry : last.entrySet()) {
            assertThat(ballots.find(week.poll().id(), entry.getKey())).contains(entry.getValue());
        }
        assertThat(count("SELECT COUNT(*) FROM ballots")).isEqualTo(threads * votersPerThread);
        assertThat(store.ballots().tally(week.poll().id()).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(threads * votersPerThread);
        assertThat(count("SELECT COUNT(*) FROM participation_events WHERE kind = 'BALLOT_CAST'"))
                .isEqualTo(threads * votersPerThread);
        assertTotalsAreTheLedgersSums();
    }

    @Test
    void aBallotRacingTheClosingInstantIsAcceptedOnlyBeforeIt() {
        clock.set(AWeek.POLL_CLOSES.minusMillis(1));
        Ballot before = ballots.cast("early", week.poll().id(), week.candidate(0).id());
        clock.set(AWeek.POLL_CLOSES);
        assertThatViolation(() -> ballots.cast("late", week.poll().id(), week.candidate(0).id())).is(Kind.CLOSED,
                "poll.closed");
        assertThat(ballots.find(week.poll().id(), "early")).contains(before);
        assertThat(ballots.find(week.poll().id(), "late")).isEmpty();
    }

    @Test
    void anEarlyCloseElsewhereIsHonouredThoughThePollWasReadOpenAMomentAgo() {
        ballots.cast("fan-a", week.poll().id(), week.candidate(0).id());
        // Another instance closes the poll early: this one read it open less than a second ago.
        var poll = store.polls().find(week.poll().id()).orElseThrow();
        assertThat(store.polls().replace(poll, poll.close(clock.instant()))).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThatViolation(() -> ballots.cast("fan-b", week.poll().id(), week.candidate(1).id())).is(Kind.CLOSED,
                "poll.closed");
        assertThat(ballots.find(week.poll().id(), "fan-b")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM participation_events WHERE user_id = 'fan-b'")).isZero();
    }

    @Test
    void aPollOpenedAMomentAfterItWasReadAsADraftTakesABallotAtOnce() throws SQLException {
        var release = store.releases().create("2026.11.27", AWeek.FRIDAY, AWeek.FRIDAY.plus(Duration.ofDays(4)),
                List.of(
                        new dev.popcorn.domain.release.Feature("POP-9", "Encore", "camera")));
        long id = store.polls().create(release.id(), "Encore", AWeek.POLL_OPENS, AWeek.POLL_CLOSES).id();
        for (String team : List.of("camera", "battery")) {
            store.polls().addCandidate(id, team, "Encore of " + team, List.of(), "");
        }
        var draft = store.polls().find(id).orElseThrow();
        long candidate = draft.candidates().get(0).id();
        assertThatViolation(() -> ballots.cast("fan-c", id, candidate)).is(Kind.CLOSED, "poll.notOpen");
        store.polls().update(draft.open(clock.instant()));
        // Read as a draft less than a second ago: asked again before the refusal stands.
        assertThat(ballots.cast("fan-c", id, candidate).candidateId()).isEqualTo(candidate);
    }

    @Test
    void ballotsRunningIntoAnEarlyCloseAreEitherCountedByItOrRefused() throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; going.get(); i++) {
                    String voter = "racer-" + thread + "-" + i;
                    try {
                        ballots.cast(voter, week.poll().id(), week.candidate(i % 2).id());
                        acknowledged.add(voter);
                    } catch (RuleViolation refused) {
                        assertThat(refused.code()).isEqualTo("poll.closed");
                    }
                }
                return null;
            }));
        }
        while (acknowledged.size() < 200) {
            Thread.sleep(5);
        }
        var poll = store.polls().find(week.poll().id()).orElseThrow();
        assertThat(store.polls().replace(poll, poll.close(clock.instant()))).isTrue();
        long countedAtClose = store.ballots().tally(week.poll().id()).values().stream().mapToLong(Long::longValue)
                .sum();
        Thread.sleep(200);
        going.set(false);
        for (Future<?> future : done) {
            future.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        // Nothing got in after the close, and everything acknowledged is in.
        assertThat(count("SELECT COUNT(*) FROM ballots")).isEqualTo(countedAtClose).isEqualTo(acknowledged.size());
        for (String voter : acknowledged) {
            assertThat(ballots.find(week.poll().id(), voter)).isPresent();
        }
    }

    @Test
    void reportsInOneBatchEarnOnceEachAndACopyOfAnotherEarnsNothing() throws Exception {
        String words = "The camera opens in half the time it used to, and night shots are far less grainy.";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "reporter-" + i;
            String comment = i == 7 || i == 8 ? words : dev.popcorn.domain.DomainTestData.comment(i);
            done.add(pool.submit(() -> {
                // Handed in twice: the second replaces the first and earns nothing more.
                for (int twice = 0; twice < 2; twice++) {
                    reports.handIn(new ExperienceReport(user, week.release().id(), List.of(
                            new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, comment),
                            new FeatureVerdict(week.release().features().get(1).key(), Verdict.NOT_GOOD_ENOUGH, "")),
                            List.of(), List.of()));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(store.reports().count(week.release().id())).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM report_verdicts")).isEqualTo(400);
        // Of the two reports with the same words, only the one stored first earns.
        assertThat(count("SELECT COUNT(*) FROM participation_events WHERE kind = 'REPORT_HANDED_IN'")).isEqualTo(199);
        assertThat(count("SELECT COUNT(*) FROM participation_events WHERE kind = 'REPORT_HANDED_IN'"
                + " AND user_id IN ('reporter-7', 'reporter-8')")).isEqualTo(1);
        Optional<ExperienceReport> one = store.reports().find(week.release().id(), "reporter-3");
        assertThat(one).isPresent();
        assertThat(one.get().verdicts()).hasSize(2);
        assertTotalsAreTheLedgersSums();
    }

    @Test
    void theAnswerToAReportIsTheReportAsReadingItBackGivesIt() {
        long release = week.release().id();
        String first = week.release().features().get(0).key();
        String second = week.release().features().get(1).key();
        // Filing wishes: written alone, answered with the wishes' new ids.
        ExperienceReport filed = reports.handIn(new ExperienceReport("filer", release,
                List.of(new FeatureVerdict(second, Verdict.LIKE, "")), List.of(),
                List.of("Dark mode in the gallery", "Undo for a deleted album")), List.of());
        assertThat(filed.supportedWishes()).hasSize(2);
        assertThat(filed).isEqualTo(store.reports().find(release, "filer").orElseThrow());
        // A plain report, its parts out of order: answered in the order the store keeps them.
        List<Long> wishes = new ArrayList<>(filed.supportedWishes());
        Collections.reverse(wishes);
        ExperienceReport plain = reports.handIn(new ExperienceReport("plain", release, List.of(
                new FeatureVerdict(second, Verdict.NOT_GOOD_ENOUGH, "Slower than last week"),
                new FeatureVerdict(first, Verdict.LIKE, "")), wishes, List.of()), List.of());
        assertThat(plain.verdicts()).extracting(FeatureVerdict::featureKey).containsExactly(first, second);
        assertThat(plain).isEqualTo(store.reports().find(release, "plain").orElseThrow());
    }

    private void assertTotalsAreTheLedgersSums() {
        Map<String, Long> sums = new HashMap<>();
        store.db().jdbi().useHandle(h -> h.createQuery("SELECT user_id, SUM(points) AS p FROM participation_events"
                + " WHERE revoked_at IS NULL GROUP BY user_id").map(
                        (rs, ctx) -> sums.put(rs.getString("user_id"),
                                rs.getLong("p")))
                .list());
        Map<String, Long> totals = new HashMap<>();
        store.db().jdbi().useHandle(h -> h.createQuery("SELECT user_id, points FROM participation_totals")
                .map((rs, ctx) -> totals.put(rs.getString("user_id"), rs.getLong("points"))).list());
        assertThat(totals).isEqualTo(sums);
    }

    private long count(String sql) {
        return store.db().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
