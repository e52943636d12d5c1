package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.Ballot;
import dev.popcorn.domain.Candidate;
import dev.popcorn.domain.CandidateStatus;
import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureFeedback;
import dev.popcorn.domain.FeatureVerdict;
import dev.popcorn.domain.Member;
import dev.popcorn.domain.ParticipationEvent;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollState;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Team;
import dev.popcorn.domain.Verdict;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind Popcorn must do; run against H2 and PostgreSQL by the subclasses. */
abstract class StoreContract {

    static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");

    Store store;
    Store.Settings settings;
    Release release;
    Poll poll;

    /** A fresh, empty database for one test. */
    abstract Store.Settings freshDatabase() throws SQLException;

    void dropDatabase() throws SQLException {
    }

    @BeforeEach
    void openStore() throws SQLException {
        settings = freshDatabase();
        store = Store.open(settings);
        store.teams().save(new Team("camera", "Camera 相机", List.of(new Member("王磊 Wang Lei", "/photos/w.png"))));
        store.teams().save(new Team("battery", "Battery", List.of()));
        release = store.releases().create("2026.11.20", SHIPPED, SHIPPED.plus(Duration.ofDays(4)), List.of(
                new Feature("POP-1", "Night mode", "camera"), new Feature("POP-2", "Quiet charging", "battery")));
        Poll draft = store.polls().create(release.id(), "Popcorn Award · 2026.11.20", SHIPPED.plus(Duration.ofDays(6)));
        store.polls().addCandidate(draft.id(), "camera", "Night camera", List.of("POP-1"), "after dark");
        store.polls().addCandidate(draft.id(), "battery", "Quiet charging", List.of("POP-2"), "");
        poll = store.polls().find(draft.id()).orElseThrow().open(SHIPPED);
        store.polls().update(poll);
    }

    @AfterEach
    void closeStore() throws SQLException {
        store.close();
        dropDatabase();
    }

    private Candidate candidate(int index) {
        return poll.candidates().get(index);
    }

    private Ballot ballot(String user, int candidate) {
        return new Ballot(poll.id(), user, candidate(candidate).id(), SHIPPED.plusSeconds(60), "R-" + user);
    }

    @Test
    void aPollRoundTripsWithItsCandidatesAndState() {
        Poll stored = store.polls().find(poll.id()).orElseThrow();

        assertThat(stored.stateAt(SHIPPED)).isEqualTo(PollState.OPEN);
        assertThat(stored.opensAt()).isEqualTo(SHIPPED);
        assertThat(stored.candidates()).extracting(Candidate::title).containsExactly("Night camera", "Quiet charging");
        assertThat(stored.candidates().get(0).tickets()).containsExactly("POP-1");
        assertThat(store.polls().findByRelease(release.id())).contains(stored);
        assertThat(store.releases().find(release.id())).contains(release);
        assertThat(store.teams().find("camera").orElseThrow().members()).containsExactly(new Member("王磊 Wang Lei", "/photos/w.png"));
    }

    @Test
    void aChangedBallotReplacesTheFirstOne() {
        store.ballots().put(ballot("fan-1", 0));
        store.ballots().put(ballot("fan-1", 1));
        store.ballots().put(ballot("fan-2", 1));

        assertThat(store.ballots().tally(poll.id())).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(candidate(1).id(), 2L));
        assertThat(store.ballots().find(poll.id(), "fan-1").orElseThrow().candidateId()).isEqualTo(candidate(1).id());
    }

    @Test
    void theDatabaseItselfRefusesASecondBallotOrReportForTheSameUser() throws SQLException {
        store.ballots().put(ballot("fan-1", 0));
        store.reports().save(new ExperienceReport("fan-1", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(), List.of()), SHIPPED);

        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO ballots (poll_id, user_id, candidate_id, cast_at, receipt)"
                    + " VALUES (" + poll.id() + ", 'fan-1', " + candidate(1).id() + ", CURRENT_TIMESTAMP, 'X')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO reports (release_id, user_id, handed_in_at, updated_at)"
                    + " VALUES (" + release.id() + ", 'fan-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void concurrentBallotsAreNeitherLostNorCountedTwice() throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.ballots().put(ballot("fan-" + thread + "-" + i, i % 2));
                        store.ballots().put(ballot("shared-" + i, thread % 2));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long total = store.ballots().tally(poll.id()).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(threads * perThread + perThread);
    }

    @Test
    void editingAReportReplacesItsVerdictsAndKeepsItsWishes() {
        ExperienceReport first = new ExperienceReport("fan-1", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.LIKE, "great at night"),
                new FeatureVerdict("POP-2", Verdict.NOT_GOOD_ENOUGH, "")), List.of(), List.of("Call recording"));
        store.reports().save(first, SHIPPED.plusSeconds(10));
        store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "too dark after all")), List.of(),
                List.of("Call recording")), SHIPPED.plusSeconds(20));
        long wish = store.reports().topWishes(10).get(0).id();
        store.reports().save(new ExperienceReport("fan-2", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(wish), List.of()), SHIPPED.plusSeconds(30));

        assertThat(store.reports().count(release.id())).isEqualTo(2);
        ExperienceReport stored = store.reports().find(release.id(), "fan-1").orElseThrow();
        assertThat(stored.verdicts()).containsExactly(new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "too dark after all"));
        assertThat(stored.supportedWishes()).containsExactly(wish);
        assertThat(store.reports().topWishes(10)).singleElement().satisfies(w -> {
            assertThat(w.text()).isEqualTo("Call recording");
            assertThat(w.supporters()).isEqualTo(2);
        });
        assertThat(store.reports().wishes(List.of(wish, 999L))).singleElement()
                .satisfies(w -> assertThat(w.supporters()).isEqualTo(2));
        assertThat(store.reports().wishes(List.of())).isEmpty();
        List<FeatureFeedback> feedback = store.releases().feedback(release.id(), 3);
        assertThat(feedback).extracting(f -> f.feature().key(), FeatureFeedback::likes, FeatureFeedback::notGoodEnough)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POP-1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("POP-2", 0L, 0L));
        assertThat(feedback.get(0).comments()).containsExactly("too dark after all");
    }

    @Test
    void participationIsRecordedOncePerThing() {
        ParticipationEvent event = ParticipationEvent.of("fan-1", ParticipationKind.BALLOT_CAST, "poll:1", SHIPPED);
        assertThat(store.participation().record(event)).isTrue();
        assertThat(store.participation().record(event)).isFalse();
        store.participation().record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", SHIPPED));

        assertThat(store.participation().points("fan-1")).isEqualTo(15);
        assertThat(store.participation().points("nobody")).isZero();
    }

    @Test
    void aSecondReleaseWithTheSameVersionIsAConflict() {
        assertThatThrownBy(() -> store.releases().create("2026.11.20", SHIPPED, SHIPPED.plusSeconds(5),
                List.of(new Feature("POP-3", "x", "camera"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("release.exists"));
    }

    @Test
    void withdrawnCandidatesAndApprovalsAreStored() {
        store.polls().updateCandidate(candidate(0).withStatus(CandidateStatus.DISQUALIFIED, "copied another team"));
        Instant later = SHIPPED.plus(Duration.ofDays(7));
        store.polls().update(store.polls().find(poll.id()).orElseThrow().approve(later, "lead"));

        Poll stored = store.polls().approved(5).get(0);
        assertThat(stored.approvedBy()).isEqualTo("lead");
        assertThat(stored.approvedAt()).isEqualTo(later);
        assertThat(stored.candidates().get(0).reason()).isEqualTo("copied another team");
        assertThat(stored.activeCandidates()).hasSize(1);
    }

    @Test
    void usersAreCreatedOnceAndRenamed() {
        store.users().upsert("fan-1", "Fan", SHIPPED);
        store.users().upsert("fan-1", "小明", SHIPPED.plusSeconds(100));

        assertThat(store.users().find("fan-1").orElseThrow().name()).isEqualTo("小明");
        assertThat(store.users().find("fan-1").orElseThrow().joinedAt()).isEqualTo(SHIPPED);
        assertThat(store.users().count()).isEqualTo(1);
    }
}
