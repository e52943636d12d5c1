package dev.popcorn.web;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.domain.release.Release;
import java.time.Instant;
import java.util.Optional;

/**
 * The way back next Friday (issue 28), dated: when the next build comes, and what is at stake for this fan now —
 * "report on 2026.11.20 by Tue 23:59 to make your streak 5", or, when their streak ends unless they report, said as
 * such before the deadline (a freeze they hold would cover the miss, so then it is not at risk). Home and {@code /me}
 * show it to a signed-in fan.
 */
public final class WayBack {

    /**
     * What the pages say: the next build's time; the release taking reports, by when, if the fan has not reported on
     * it; their streak now and what a report makes it; whether it ends unless they report.
     */
    record Next(Instant nextBuild, String version, Instant reportBy, boolean reported, int streakNow, int streakNext,
            boolean atRisk) {
    }

    private final WeekOverview overview;
    private final HandInReport reports;
    private final WeekCalendar calendar;

    public WayBack(WeekOverview overview, HandInReport reports, WeekCalendar calendar) {
        this.overview = overview;
        this.reports = reports;
        this.calendar = calendar;
    }

    /** What is next for the fan whose streak the page has read already (their standing's view). */
    Next of(String userId, Streak streak) {
        Instant now = overview.now();
        Optional<Release> open = overview.currentRelease().filter(r -> r.acceptsReportsAt(now));
        boolean reported = open.map(r -> reports.find(r.id(), userId).isPresent()).orElse(false);
        Instant nextBuild = calendar.next(calendar.release(), now);
        if (open.isPresent() && !reported) {
            Release release = open.get();
            return new Next(nextBuild, release.version(), release.reportsCloseAt(), false, streak.current(),
                    streak.current() + 1,
                    streak.current() > 0 && streak.freezes() == 0);
        }
        return new Next(nextBuild, null, null, reported, streak.current(), streak.current() + 1, false);
    }
}
