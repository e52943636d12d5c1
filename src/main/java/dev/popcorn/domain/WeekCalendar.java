package dev.popcorn.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The weekly cycle in the team's time zone: when the build ships (Orange Friday), when reports
 * close (Tuesday 23:59), when the award poll opens (Saturday 10:00, leaving the leads Friday
 * evening to prepare the candidates) and when it closes (Thursday 23:59). Each deadline is the
 * first such moment strictly after the release shipped, computed in local time so that a
 * daylight-saving change keeps "Tuesday 23:59" at 23:59 on the wall clock.
 */
public record WeekCalendar(ZoneId zone, Moment release, Moment reportsClose, Moment pollOpen, Moment pollClose) {

    /** A weekly moment: a day of the week and a local time, for example {@code TUESDAY 23:59}. */
    public record Moment(DayOfWeek day, LocalTime time) {

        /** Parses {@code "TUESDAY 23:59"} (day names in English, any case). */
        public static Moment parse(String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
            if (parts.length != 2) {
                throw RuleViolation.invalid("calendar.moment.invalid", String.valueOf(text));
            }
            try {
                return new Moment(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw RuleViolation.invalid("calendar.moment.invalid", text);
            }
        }

        @Override
        public String toString() {
            return day + " " + time;
        }
    }

    /** A span of time, {@code from} included, {@code until} excluded. */
    public record Period(Instant from, Instant until) {
    }

    /** The release week holding {@code at}: from the release moment at or before it to the next one (Friday to Friday). */
    public Period releaseWeekOf(Instant at) {
        Instant from = lastReleaseAtOrBefore(at);
        return new Period(from, next(release, from));
    }

    /** The calendar month holding {@code at} in this zone. */
    public Period monthOf(Instant at) {
        LocalDate first = at.atZone(zone).toLocalDate().withDayOfMonth(1);
        return new Period(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
    }

    public static WeekCalendar defaults(ZoneId zone) {
        return new WeekCalendar(zone,
                new Moment(DayOfWeek.FRIDAY, LocalTime.of(18, 0)),
                new Moment(DayOfWeek.TUESDAY, LocalTime.of(23, 59)),
                new Moment(DayOfWeek.SATURDAY, LocalTime.of(10, 0)),
                new Moment(DayOfWeek.THURSDAY, LocalTime.of(23, 59)));
    }

    public Instant reportsCloseAfter(Instant shippedAt) {
        return next(reportsClose, shippedAt);
    }

    public Instant pollClosesAfter(Instant shippedAt) {
        return next(pollClose, shippedAt);
    }

    /**
     * When the award poll of a release that shipped at {@code shippedAt} opens by itself: the next
     * opening moment, or at once when a late release leaves no opening moment before the close.
     */
    public Instant pollOpensAfter(Instant shippedAt) {
        Instant opens = next(pollOpen, shippedAt);
        return opens.isBefore(pollClosesAfter(shippedAt)) ? opens : shippedAt;
    }

    /** The latest release moment at or before {@code now}: when this week's build was due. */
    public Instant lastReleaseAtOrBefore(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(release.day()));
        ZonedDateTime candidate = ZonedDateTime.of(day, release.time(), zone);
        return candidate.toInstant().isAfter(now)
                ? ZonedDateTime.of(day.minusWeeks(1), release.time(), zone).toInstant()
                : candidate.toInstant();
    }

    /** The first instant strictly after {@code after} that falls on {@code moment} in this zone. */
    public Instant next(Moment moment, Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(moment.day()));
        // ZonedDateTime.of moves a time inside a daylight-saving gap forward by the gap's length.
        ZonedDateTime candidate = ZonedDateTime.of(day, moment.time(), zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = ZonedDateTime.of(day.plusWeeks(1), moment.time(), zone);
        }
        return candidate.toInstant();
    }
}
