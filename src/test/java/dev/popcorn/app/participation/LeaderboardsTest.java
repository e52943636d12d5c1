package dev.popcorn.app.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.MutableClock;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.LevelLadder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leaderboards' own rules, over a store that answers what it is told and notes what it was asked. */
class LeaderboardsTest {

    /** Friday 20 November 2026 18:00 in Shanghai. */
    private static final Instant RELEASE = Instant.parse("2026-11-20T10:00:00Z");

    private final List<WeekCalendar.Period> asked = new ArrayList<>();
    private List<LeaderboardStore.UserLine> lines = List.of();
    private LeaderboardStore.Position standing;

    private final LeaderboardStore store = new LeaderboardStore() {
        @Override
        public List<UserLine> users(WeekCalendar.Period period, Exclusions exclusions, int limit) {
            asked.add(period);
            return lines.stream().limit(limit).toList();
        }

        @Override
        public Optional<Position> position(String userId, WeekCalendar.Period period, Exclusions exclusions) {
            return Optional.ofNullable(standing).filter(s -> s.userId().equals(userId));
        }

        @Override
        public List<TeamLine> teams(WeekCalendar.Period period, int limit) {
            asked.add(period);
            return List.of();
        }
    };

    private final MutableClock clock = new MutableClock(RELEASE.plusSeconds(3600));
    private final Leaderboards boards = new Leaderboards(store, new LeaderboardStore.Exclusions(List.of("staff"), true),
            LevelLadder.defaults(), WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);

    @Test
    void aWeekIsTheReleaseWeekAMonthTheCalendarMonthInTheZoneAndAllTimeHasNoBounds() {
        boards.users(Leaderboards.Period.WEEK, 20, null);
        boards.users(Leaderboards.Period.MONTH, 20, null);
        boards.teams(Leaderboards.Period.ALL, 20);
        assertThat(asked).containsExactly(
                new WeekCalendar.Period(RELEASE, Instant.parse("2026-11-27T10:00:00Z")),
                new WeekCalendar.Period(Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")),
                null);
        clock.set(RELEASE.minusSeconds(1));
        assertThat(boards.span(Leaderboards.Period.WEEK).until()).as("a second before the release: last week")
                .isEqualTo(RELEASE);
    }

    @Test
    void theCallersOwnPlaceCarriesTheGapToThePlaceAboveAndWhetherTheirLineIsShown() {
        lines = List.of(new LeaderboardStore.UserLine(1, "a", "Ana", "pioneer", 90),
                new LeaderboardStore.UserLine(2, "b", "Bo", null, 40));
        standing = new LeaderboardStore.Position("c", "Cy", "no-such-level", 25, 7, 31L, true, false);
        Leaderboards.UserBoard board = boards.users(Leaderboards.Period.WEEK, 20, "c");
        assertThat(board.entries()).extracting(e -> e.level().id()).containsExactly("pioneer", "newcomer");
        assertThat(board.entries()).noneMatch(Leaderboards.Entry::mine);
        assertThat(board.own().rank()).isEqualTo(7);
        assertThat(board.own().gap()).isEqualTo(6);
        assertThat(board.own().level().id()).as("a level no longer on the ladder reads as the first")
                .isEqualTo("newcomer");
        assertThat(board.own().inTop()).isFalse();

        standing = new LeaderboardStore.Position("b", "Bo", null, 40, 2, 90L, true, false);
        Leaderboards.UserBoard mine = boards.users(Leaderboards.Period.WEEK, 20, "b");
        assertThat(mine.entries()).filteredOn(Leaderboards.Entry::mine).extracting(Leaderboards.Entry::name)
                .containsExactly("Bo");
        assertThat(mine.own().inTop()).isTrue();
        assertThat(mine.own().gap()).isEqualTo(50);
        assertThat(boards.users(Leaderboards.Period.WEEK, 20, null).own()).as("nobody signed in").isNull();
    }

    @Test
    void badQueryValuesAreRefusedNamingTheParameter() {
        assertThat(Leaderboards.Period.parse(null)).isEqualTo(Leaderboards.Period.WEEK);
        assertThat(Leaderboards.Period.parse("all")).isEqualTo(Leaderboards.Period.ALL);
        assertThat(Leaderboards.Of.parse("teams")).isEqualTo(Leaderboards.Of.TEAMS);
        assertThat(Leaderboards.limit(null)).isEqualTo(20);
        assertThat(Leaderboards.limit("100")).isEqualTo(100);
        for (String bad : new String[] {"", "WEEK", "year", "week "}) {
            assertThatThrownBy(() -> Leaderboards.Period.parse(bad)).isInstanceOfSatisfying(RuleViolation.class, v -> {
                assertThat(v.kind()).isEqualTo(RuleViolation.Kind.MALFORMED);
                assertThat(v.args()).startsWith("period", bad);
            });
        }
        assertThatThrownBy(() -> Leaderboards.Of.parse("fans")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.args()).startsWith("of"));
        for (String bad : new String[] {"0", "101", "-1", "ten", "1.5", ""}) {
            assertThatThrownBy(() -> Leaderboards.limit(bad)).isInstanceOfSatisfying(RuleViolation.class,
                    v -> assertThat(v.args()).startsWith("limit", bad));
        }
    }

    @Test
    void aBoardIsKeptForAMomentPerInstanceAndReadAgainAfterwardsOrForAnotherPeriodOrSize() {
        Leaderboards keeping = new Leaderboards(store, new LeaderboardStore.Exclusions(List.of(), true),
                LevelLadder.defaults(), WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock,
                java.time.Duration.ofSeconds(30));
        keeping.users(Leaderboards.Period.WEEK, 20, null);
        keeping.users(Leaderboards.Period.WEEK, 20, "someone");
        keeping.teams(Leaderboards.Period.ALL, 20);
        keeping.teams(Leaderboards.Period.ALL, 20);
        assertThat(asked).as("read once each").hasSize(2);
        keeping.users(Leaderboards.Period.WEEK, 10, null);
        keeping.users(Leaderboards.Period.MONTH, 20, null);
        assertThat(asked).hasSize(4);
        clock.advance(java.time.Duration.ofSeconds(30));
        keeping.users(Leaderboards.Period.WEEK, 20, null);
        assertThat(asked).as("read again once the moment passed").hasSize(5);
    }
}
