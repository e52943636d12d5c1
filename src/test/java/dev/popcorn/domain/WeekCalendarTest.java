package dev.popcorn.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WeekCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Test
    void aFridayReleaseTakesReportsUntilTuesdayAndVotesUntilThursdayLocalTime() {
        WeekCalendar calendar = WeekCalendar.defaults(SHANGHAI);
        Instant shipped = at("2026-11-20T18:00", SHANGHAI);

        assertThat(calendar.reportsCloseAfter(shipped)).isEqualTo(at("2026-11-24T23:59", SHANGHAI));
        assertThat(calendar.pollClosesAfter(shipped)).isEqualTo(at("2026-11-26T23:59", SHANGHAI));
    }

    @Test
    void theSameInstantHasDifferentDeadlinesInDifferentZones() {
        Instant shipped = Instant.parse("2026-11-24T20:00:00Z"); // Tuesday 21:00 in Berlin, Wednesday 04:00 in Shanghai
        assertThat(WeekCalendar.defaults(BERLIN).reportsCloseAfter(shipped)).isEqualTo(at("2026-11-24T23:59", BERLIN));
        assertThat(WeekCalendar.defaults(SHANGHAI).reportsCloseAfter(shipped))
                .isEqualTo(at("2026-12-01T23:59", SHANGHAI));
    }

    @Test
    void tuesdayNightStaysAt2359WhenDaylightSavingEndsInBetween() {
        // Europe leaves summer time on Sunday 25 October 2026: the week is one hour longer.
        WeekCalendar calendar = WeekCalendar.defaults(BERLIN);
        Instant shipped = at("2026-10-23T18:00", BERLIN);

        Instant close = calendar.reportsCloseAfter(shipped);

        assertThat(close.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(23, 59));
        assertThat(close.atZone(BERLIN).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(Duration.between(shipped, close))
                .isEqualTo(Duration.ofDays(4).plusHours(5).plusMinutes(59).plusHours(1));
    }

    @Test
    void aDeadlineInsideTheSpringGapMovesForwardByTheGap() {
        // New York skips 02:00–03:00 on Sunday 8 March 2026.
        WeekCalendar calendar = new WeekCalendar(NEW_YORK,
                WeekCalendar.Moment.parse("FRIDAY 18:00"),
                WeekCalendar.Moment.parse("SUNDAY 02:30"),
                WeekCalendar.Moment.parse("SATURDAY 10:00"),
                WeekCalendar.Moment.parse("THURSDAY 23:59"));
        Instant shipped = at("2026-03-06T18:00", NEW_YORK);

        assertThat(calendar.reportsCloseAfter(shipped).atZone(NEW_YORK).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.parse("2026-03-08T03:30"));
    }

    @Test
    void thePollOpensOnSaturdayMorningOrAtOnceWhenTheReleaseComesTooLate() {
        WeekCalendar calendar = WeekCalendar.defaults(SHANGHAI);

        assertThat(calendar.pollOpensAfter(at("2026-11-20T18:00", SHANGHAI)))
                .isEqualTo(at("2026-11-21T10:00", SHANGHAI));
        Instant lateOnWednesday = at("2026-11-25T12:00", SHANGHAI);
        assertThat(calendar.pollClosesAfter(lateOnWednesday)).isEqualTo(at("2026-11-26T23:59", SHANGHAI));
        assertThat(calendar.pollOpensAfter(lateOnWednesday)).isEqualTo(lateOnWednesday);
    }

    @Test
    void aReleaseShippedExactlyAtTheDeadlineMomentWaitsAWeek() {
        WeekCalendar calendar = WeekCalendar.defaults(SHANGHAI);
        Instant tuesdayNight = at("2026-11-24T23:59", SHANGHAI);
        assertThat(calendar.reportsCloseAfter(tuesdayNight)).isEqualTo(at("2026-12-01T23:59", SHANGHAI));
    }

    @Test
    void theLastReleaseIsTheLatestFridayEveningNotInTheFuture() {
        WeekCalendar calendar = WeekCalendar.defaults(SHANGHAI);
        assertThat(calendar.lastReleaseAtOrBefore(at("2026-11-22T10:00", SHANGHAI)))
                .isEqualTo(at("2026-11-20T18:00", SHANGHAI));
        assertThat(calendar.lastReleaseAtOrBefore(at("2026-11-20T17:00", SHANGHAI)))
                .isEqualTo(at("2026-11-13T18:00", SHANGHAI));
        assertThat(calendar.lastReleaseAtOrBefore(at("2026-11-20T18:00", SHANGHAI)))
                .isEqualTo(at("2026-11-20T18:00", SHANGHAI));
    }

    @Test
    void momentsParseInAnyCaseAndRejectNonsense() {
        assertThat(WeekCalendar.Moment.parse("tuesday 23:59"))
                .isEqualTo(new WeekCalendar.Moment(DayOfWeek.TUESDAY, LocalTime.of(23, 59)));
        assertThatThrownBy(() -> WeekCalendar.Moment.parse("Tuesdy 23:59")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> WeekCalendar.Moment.parse("TUESDAY 25:00")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> WeekCalendar.Moment.parse("TUESDAY")).isInstanceOf(RuleViolation.class);
    }
}
