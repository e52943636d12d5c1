package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leaderboards on a real database (H2 and PostgreSQL, by the subclasses): release weeks in a
 * zone with daylight saving, exclusions, private profiles, the caller's own place, the all-time
 * totals kept with grants and revocations and back-filled by the migration, and the teams' rule.
 */
abstract class LeaderboardContract {

    /** Berlin leaves summer time on Sunday 25 October 2026: the release week of Friday 23 October is 169 hours long. */
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Friday 23 October 2026, 18:00 CEST. */
    static final Instant WEEK_START = Instant.parse("2026-10-23T16:00:00Z");
    /** Friday 30 October 2026, 18:00 CET: an hour later in UTC than a week after the start. */
    static final Instant WEEK_END = Instant.parse("2026-10-30T17:00:00Z");
    static final LeaderboardStore.Exclusions DEFAULT = new LeaderboardStore.Exclusions(List.of("staff", "admins"),
            true);

    Store store;
    Store.Settings settings;
    MutableClock clock = new MutableClock(WEEK_START.plus(Duration.ofDays(3)));

    abstract Store.Settings freshDatabase() throws SQLException;

    void dropDatabase() throws SQLException {
    }

    Store open() throws SQLException {
        settings = freshDatabase();
        store = Store.open(settings);
        return store;
    }

    @AfterEach
    void close() throws SQLException {
        if (store != null) {
            store.close();
            dropDatabase();
        }
    }

    Leaderboards boards(LeaderboardStore.Exclusions exclusions) {
        return new Leaderboards(store.leaderboards(), exclusions, LevelLadder.defaults(),
                WeekCalendar.defaults(BERLIN), clock);
    }

    void user(String id, String name) {
        store.users().upsert(id, name, WEEK_START.minus(Duration.ofDays(100)));
    }

    void grant(String user, String ref, int points, Instant at) {
        store.participation().record(new ParticipationEvent(user, ParticipationKind.AWARDED, ref, points, at, "test"));
    }

    void sql(String statement) {
        store.db().with(h -> h.execute(statement));
    }

    static List<String> lines(Leaderboards.UserBoard board) {
        return board.entries().stream().map(e -> e.rank() + " " + e.name() + " " + e.points()).toList();
    }

    @Test
    void aReleaseWeekRunsFromFridayToFridayInTheZoneAcrossTheEndOfSummerTime() throws SQLException {
        open();
        user("ana", "Ana");
        user("bo", "Bo");
        grant("ana", "before", 1000, WEEK_START.minusSeconds(1));
        grant("ana", "first", 10, WEEK_START);
        grant("ana", "last", 20, WEEK_END.minusSeconds(1));
        grant("ana", "after", 500, WEEK_END);
        // A week counted as 7 × 24 hours from the start would end at 16:00 UTC and lose this grant.
        assertThat(WEEK_END.minusSeconds(1)).isAfter(WEEK_START.plus(Duration.ofDays(7)));
        grant("bo", "mid", 25, WEEK_START.plus(Duration.ofDays(2)));

        clock.set(WEEK_START.plus(Duration.ofDays(6)));
        Leaderboards.UserBoard week = boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, null);
        assertThat(week.from()).isEqualTo(WEEK_START);
        assertThat(week.until()).isEqualTo(WEEK_END);
        assertThat(lines(week)).containsExactly("1 Ana 30", "2 Bo 25");

        clock.set(WEEK_END);
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, null))).containsExactly("1 Ana 500");
        clock.set(WEEK_START.minusSeconds(1));
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, null))).containsExactly("1 Ana 1000");

        // October in Berlin ends at 23:00 UTC on the 31st (CET): every grant above but none later.
        clock.set(Instant.parse("2026-10-31T22:59:59Z"));
        grant("bo", "november", 7, Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.MONTH, 20, null))).containsExactly("1 Ana 1530",
                "2 Bo 25");
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.ALL, 20, null))).containsExactly("1 Ana 1530",
                "2 Bo 32");
    }

    @Test
    void equalPointsShareARankAndTheCallerSeesTheirPlaceAndGapBelowTheTop() throws SQLException {
        open();
        String[] names = {"Ana", "Bo", "Cy", "Di", "Ed"};
        int[] points = {50, 40, 40, 30, 10};
        for (int i = 0; i < names.length; i++) {
            user("u" + i, names[i]);
            grant("u" + i, "r", points[i], WEEK_START.plusSeconds(60));
        }
        user("nobody", "Nobody");
        sql("INSERT INTO user_levels (user_id, level, since) VALUES ('u0', 'enthusiast', CURRENT_TIMESTAMP)");

        Leaderboards.UserBoard top = boards(DEFAULT).users(Leaderboards.Period.WEEK, 3, "u3");
        assertThat(lines(top)).containsExactly("1 Ana 50", "2 Bo 40", "2 Cy 40");
        assertThat(top.entries().get(0).level().id()).isEqualTo("enthusiast");
        assertThat(top.entries().get(1).level().id()).as("no level recorded: the first").isEqualTo("newcomer");
        assertThat(top.own().rank()).isEqualTo(4);
        assertThat(top.own().points()).isEqualTo(30);
        assertThat(top.own().gap()).isEqualTo(10);
        assertThat(top.own().inTop()).isFalse();

        Leaderboards.UserBoard mine = boards(DEFAULT).users(Leaderboards.Period.WEEK, 3, "u2");
        assertThat(mine.entries()).filteredOn(Leaderboards.Entry::mine).extracting(Leaderboards.Entry::name)
                .containsExactly("Cy");
        assertThat(mine.own().rank()).isEqualTo(2);
        assertThat(mine.own().gap()).isEqualTo(10);
        assertThat(mine.own().inTop()).isTrue();
        assertThat(boards(DEFAULT).users(Leaderboards.Period.WEEK, 3, "u0").own().gap()).as("at the top").isNull();

        Leaderboards.Own none = boards(DEFAULT).users(Leaderboards.Period.WEEK, 3, "nobody").own();
        assertThat(none.points()).isZero();
        assertThat(none.rank()).isNull();
        assertThat(boards(DEFAULT).users(Leaderboards.Period.WEEK, 3, "stranger").own()).as("unknown user").isNull();
    }

    @Test
    void onAWeeksBoardATieGoesToWhoeverGotThereFirst() throws SQLException {
        open();
        user("ana", "Ana");
        user("bo", "Bo");
        user("cy", "Cy");
        // Cy reached 40 first, Ana next; Bo got 40 last, though his first grant was the earliest of all.
        grant("bo", "a", 30, WEEK_START.plusSeconds(10));
        grant("cy", "a", 40, WEEK_START.plusSeconds(20));
        grant("ana", "a", 40, WEEK_START.plusSeconds(30));
        grant("bo", "b", 10, WEEK_START.plusSeconds(40));
        // A grant that counted nothing (the weekly cap) does not move when they got there.
        grant("cy", "capped", 0, WEEK_START.plusSeconds(50));

        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.WEEK, 10, null))).containsExactly("1 Cy 40",
                "2 Ana 40", "3 Bo 40");
        Leaderboards.Own bo = boards(DEFAULT).users(Leaderboards.Period.WEEK, 10, "bo").own();
        assertThat(bo.rank()).isEqualTo(3);
        assertThat(bo.gap()).as("level on points with the place above").isZero();
        assertThat(boards(DEFAULT).users(Leaderboards.Period.WEEK, 10, "cy").own().rank()).isEqualTo(1);
        // All time has no moment to compare: the tie is shared.
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.ALL, 10, null))).containsExactly("1 Ana 40",
                "1 Bo 40", "1 Cy 40");
    }

    @Test
    void staffGroupsAndLeadsAreOnNoBoardAndAPrivateUserSeesOnlyTheirOwnRank() throws SQLException {
        open();
        user("fan", "Fan");
        user("staffer", "Staffer");
        user("lead", "Lead");
        user("shy", "Shy");
        user("staffing", "Staffing fan");
        grant("fan", "r", 20, WEEK_START);
        grant("staffer", "r", 90, WEEK_START);
        grant("lead", "r", 80, WEEK_START);
        grant("shy", "r", 70, WEEK_START);
        grant("staffing", "r", 10, WEEK_START);
        store.users().updateFromForum("staffer", "staffer", 4, List.of("trust_level_4", "Staff"));
        store.users().updateFromForum("staffing", "staffing", 1, List.of("staffing", "staff_x"));
        store.users().setLead("lead", true);
        sql("UPDATE users SET public_profile = FALSE WHERE id = 'shy'");

        Leaderboards.UserBoard board = boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, "shy");
        assertThat(lines(board)).as("a group named like an excluded one is not it").containsExactly("1 Fan 20",
                "2 Staffing fan 10");
        assertThat(board.own().rank()).as("the private user's place among the public").isEqualTo(1);
        assertThat(board.own().listed()).isFalse();
        assertThat(board.own().inTop()).isFalse();
        assertThat(boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, "fan").own().rank())
                .as("the private user is not counted").isEqualTo(1);

        Leaderboards.Own staffer = boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, "staffer").own();
        assertThat(staffer.excluded()).isTrue();
        assertThat(staffer.rank()).isNull();
        assertThat(staffer.points()).isEqualTo(90);
        assertThat(boards(DEFAULT).users(Leaderboards.Period.ALL, 20, "lead").own().excluded()).isTrue();

        var leadsToo = new LeaderboardStore.Exclusions(List.of(), false);
        assertThat(lines(boards(leadsToo).users(Leaderboards.Period.ALL, 20, null)))
                .containsExactly("1 Staffer 90", "2 Lead 80", "3 Fan 20", "4 Staffing fan 10");
    }

    @Test
    void theAllTimeTotalsFollowEveryGrantAndRevocationAndMatchTheLedger() throws SQLException {
        open();
        user("ana", "Ana");
        user("bo", "Bo");
        grant("ana", "a", 30, WEEK_START);
        grant("ana", "a", 999, WEEK_START.plusSeconds(5));
        grant("bo", "b", 20, WEEK_START);
        grant("bo", "c", 15, WEEK_START.plusSeconds(60));
        long revoked = store.participation().find("bo", ParticipationKind.AWARDED, "b").orElseThrow().id();
        store.participation().revoke(revoked, "lead", "farmed", WEEK_START.plusSeconds(120));
        store.participation().revoke(revoked, "lead", "twice", WEEK_START.plusSeconds(130));
        // A grant whose transaction rolls back leaves no total behind either.
        try {
            store.transactions().inTransaction(() -> {
                grant("bo", "rolled-back", 500, WEEK_START);
                throw new IllegalStateException("the act failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.ALL, 20, null))).containsExactly("1 Ana 30",
                "2 Bo 15");
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.WEEK, 20, null))).containsExactly("1 Ana 30",
                "2 Bo 15");
        assertThat(store.participation().points("bo")).isEqualTo(15);
    }

    @Test
    void theMigrationBackfillsTheTotalsFromTheLedgerAsItStood() throws SQLException {
        settings = freshDatabase();
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .target("11").load().migrate();
        try (var connection = java.sql.DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, name, joined_at) VALUES ('old', 'Old timer', CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO participation_events (user_id, kind, ref, points, at) VALUES"
                    + " ('old', 'REPORT_HANDED_IN', 'release:1', 10, TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00'),"
                    + " ('old', 'BALLOT_CAST', 'poll:1', 5, TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00'),"
                    + " ('old', 'BALLOT_CAST', 'poll:2', 7, TIMESTAMP WITH TIME ZONE '2026-01-10 10:00:00+00')");
            statement.execute("UPDATE participation_events SET revoked_at = CURRENT_TIMESTAMP WHERE ref = 'poll:2'");
        }
        store = Store.open(settings);
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.ALL, 20, null))).containsExactly("1 Old timer 15");
        grant("old", "later", 5, WEEK_START);
        assertThat(lines(boards(DEFAULT).users(Leaderboards.Period.ALL, 20, null))).containsExactly("1 Old timer 20");
    }

    @Test
    void teamsRankByVotesInApprovedPollsOfThePeriodThenByLikes() throws SQLException {
        open();
        for (String slug : List.of("camera", "battery", "gallery", "audio")) {
            store.teams().save(new Team(slug, slug.substring(0, 1).toUpperCase() + slug.substring(1), List.of()));
        }
        Instant shipped = WEEK_START.plusSeconds(60);
        Release release = store.releases().create("2026.10.23", shipped, shipped.plus(Duration.ofDays(4)), List.of(
                new Feature("POP-1", "Night mode", "camera"), new Feature("POP-2", "Quiet charging", "battery"),
                new Feature("POP-3", "Albums", "gallery"), new Feature("POP-4", "Loud", "audio")));
        Poll draft = store.polls().create(release.id(), "Popcorn Award", shipped, WEEK_END.minus(Duration.ofHours(18)));
        Candidate camera = store.polls().addCandidate(draft.id(), "camera", "Night", List.of("POP-1"), "");
        Candidate battery = store.polls().addCandidate(draft.id(), "battery", "Quiet", List.of("POP-2"), "");
        Candidate gallery = store.polls().addCandidate(draft.id(), "gallery", "Albums", List.of("POP-3"), "");
        Candidate audio = store.polls().addCandidate(draft.id(), "audio", "Loud", List.of("POP-4"), "");
        Poll open = store.polls().find(draft.id()).orElseThrow().open(shipped);
        store.polls().update(open);
        int n = 0;
        for (Candidate c : List.of(camera, camera, battery, battery, gallery, audio, audio, audio)) {
            store.ballots().put(new Ballot(open.id(), "voter-" + n++, c.id(), shipped.plusSeconds(n), "R" + n));
        }
        // Battery's features were liked more: it wins the tie on votes with camera. Audio was disqualified.
        store.reports()
                .save(new ExperienceReport("fan-1", release.id(), List.of(new FeatureVerdict("POP-2", Verdict.LIKE, ""),
                        new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, ""),
                        new FeatureVerdict("POP-4", Verdict.LIKE, "")),
                        List.of(), List.of()), shipped);
        store.polls().replaceCandidate(audio, audio.withStatus(CandidateStatus.DISQUALIFIED, "rigged"));
        Poll closed = store.polls().find(open.id()).orElseThrow();

        clock.set(WEEK_START.plus(Duration.ofDays(6)));
        assertThat(boards(DEFAULT).teams(Leaderboards.Period.WEEK, 20).teams()).as("not approved: the votes are secret")
                .extracting(t -> t.rank() + " " + t.slug() + " " + t.votes() + "/" + t.likes())
                .containsExactly("1 audio 0/1", "1 battery 0/1");

        Instant closes = closed.closesAt();
        store.polls().update(closed.close(closes.minusSeconds(1)).approve(closes.plusSeconds(60), "lead"));
        assertThat(boards(DEFAULT).teams(Leaderboards.Period.WEEK, 20).teams())
                .extracting(t -> t.rank() + " " + t.slug() + " " + t.votes() + "/" + t.likes())
                .containsExactly("1 battery 2/1", "2 camera 2/0", "3 gallery 1/0", "4 audio 0/1");
        assertThat(boards(DEFAULT).teams(Leaderboards.Period.ALL, 2).teams())
                .extracting(LeaderboardStore.TeamLine::slug)
                .containsExactly("battery", "camera");
        clock.set(WEEK_END.plus(Duration.ofDays(1)));
        assertThat(boards(DEFAULT).teams(Leaderboards.Period.WEEK, 20).teams()).as("the next week").isEmpty();
    }
}
