package dev.popcorn.app.participation;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.memory.MemoryStores;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ledger's rules on the in-memory stores: the weekly cap and what is exempt, outside points, revocation, totals. */
class LedgerTest {

    /** Orange Friday 2026-11-20, 18:00 in Asia/Shanghai: a release week starts. */
    private static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(FRIDAY.plusSeconds(3600));
    /** A report 10, a ballot 5, a shipped wish 20, at most 12 a week from reports and ballots. */
    private final Ledger ledger = stores.ledger(new PointsRules(10, 5, 20, 12), clock);

    private Grant grant(ParticipationKind kind, String ref) {
        return stores.participation().find("fan-1", kind, ref).orElseThrow();
    }

    @Test
    void aGrantBeyondTheWeeklyCapIsRecordedWithWhatRemainsAndAHelpfulMarkIsExempt() {
        Instant at = clock.instant();
        assertThat(ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", at)).isTrue();
        assertThat(ledger.grant("fan-1", ParticipationKind.BALLOT_CAST, "poll:1", at)).isTrue();
        assertThat(ledger.grant("fan-1", ParticipationKind.BALLOT_CAST, "poll:2", at)).isTrue();
        assertThat(ledger.grant("fan-1", ParticipationKind.REPORT_HELPFUL, "release:1", at)).isTrue();
        assertThat(ledger.grant("fan-1", ParticipationKind.WISH_FULFILLED, "wish:7", at)).isTrue();

        assertThat(grant(ParticipationKind.REPORT_HANDED_IN, "release:1").points()).isEqualTo(10);
        Grant cut = grant(ParticipationKind.BALLOT_CAST, "poll:1");
        assertThat(cut.points()).isEqualTo(2);
        assertThat(cut.reason()).contains("capped at the weekly limit of 12");
        Grant nothing = grant(ParticipationKind.BALLOT_CAST, "poll:2");
        assertThat(nothing.points()).as("recorded, with nothing left under the cap").isZero();
        assertThat(nothing.reason()).contains("capped");
        assertThat(grant(ParticipationKind.REPORT_HELPFUL, "release:1").points()).isEqualTo(15);
        assertThat(grant(ParticipationKind.WISH_FULFILLED, "wish:7").points())
                .as("a supported wish that shipped is capped: a +1 costs nothing").isZero();
        assertThat(ledger.points("fan-1")).isEqualTo(27);
        assertThat(ledger.points("fan-2")).isZero();
    }

    @Test
    void theSameActEarnsOnce() {
        assertThat(ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", clock.instant())).isTrue();
        assertThat(ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", clock.instant())).isFalse();
        assertThat(ledger.points("fan-1")).isEqualTo(10);
    }

    @Test
    void theCapStartsAgainAtTheNextReleaseMomentInTheConfiguredZone() {
        Instant lastSecondOfTheWeek = Instant.parse("2026-11-27T09:59:59Z"); // Friday 17:59:59 in Shanghai
        ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", FRIDAY);
        ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:2", lastSecondOfTheWeek);
        ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:3", lastSecondOfTheWeek.plusSeconds(1));

        assertThat(grant(ParticipationKind.REPORT_HANDED_IN, "release:2").points()).as("still the first week")
                .isEqualTo(2);
        assertThat(grant(ParticipationKind.REPORT_HANDED_IN, "release:3").points()).as("a new week").isEqualTo(10);

        // The same instants with the week in UTC: the release moment is Friday 18:00 UTC, so the first grant
        // (10:00 UTC) falls in the week before, and the last two share a week.
        MemoryStores utcStores = new MemoryStores();
        Ledger utc = new Ledger(utcStores.participation(), utcStores.transactions(), utcStores.audit(),
                new PointsRules(10, 5, 20, 12), WeekCalendar.defaults(ZoneId.of("UTC")), clock);
        utc.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", FRIDAY);
        utc.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:2", lastSecondOfTheWeek);
        utc.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:3", lastSecondOfTheWeek.plusSeconds(1));
        assertThat(
                utcStores.participation().find("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:3").orElseThrow()
                        .points())
                .isEqualTo(2);
        assertThat(utc.points("fan-1")).isEqualTo(22);
    }

    @Test
    void noCapMeansEveryGrantKeepsItsPoints() {
        Ledger uncapped = stores.ledger(new PointsRules(10, 5, 20, 0), clock);
        IntStream.range(0, 5)
                .forEach(i -> uncapped.grant("fan-1", ParticipationKind.BALLOT_CAST, "poll:" + i, clock.instant()));
        assertThat(uncapped.points("fan-1")).isEqualTo(25);
    }

    @Test
    void pointsFromOutsideAreIdempotentByRefExemptFromTheCapAndAudited() {
        ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", clock.instant());
        ledger.grant("fan-1", ParticipationKind.BALLOT_CAST, "poll:1", clock.instant());

        Ledger.Awarded first = ledger.award("fan-1", 300, "Best bug report of the month", "forum:award:42", "lead-1");
        Ledger.Awarded again = ledger.award("fan-1", 50, "sent twice", "forum:award:42", "lead-1");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.grant()).isEqualTo(first.grant());
        assertThat(first.grant().kind()).isEqualTo(ParticipationKind.AWARDED);
        assertThat(first.grant().points()).isEqualTo(300);
        assertThat(ledger.points("fan-1")).isEqualTo(312);
        assertThat(stores.audit().recent(10)).hasSize(1).first()
                .satisfies(e -> assertThat(e.action()).isEqualTo("points.award"))
                .satisfies(e -> assertThat(e.detail()).contains("300 points", "Best bug report"));
        assertThatViolation(() -> ledger.award("fan-1", 1001, "too much", "x", "lead-1"))
                .is(Kind.INVALID, "participation.points.range");
        assertThatViolation(() -> ledger.award("fan-1", 5, " ", "y", "lead-1")).is(Kind.INVALID,
                "request.field.missing");
    }

    @Test
    void aRevokedGrantCountsInNoTotalAndCannotBeRevokedTwice() {
        ledger.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", clock.instant());
        ledger.grant("fan-1", ParticipationKind.REPORT_HELPFUL, "release:1", clock.instant());
        Grant report = grant(ParticipationKind.REPORT_HANDED_IN, "release:1");

        Grant revoked = ledger.revoke(report.id(), "copy of another user's report", "lead-1");

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("lead-1");
        assertThat(revoked.revokeReason()).isEqualTo("copy of another user's report");
        assertThat(ledger.points("fan-1")).isEqualTo(15);
        Ledger.Summary summary = ledger.summary("fan-1", null);
        assertThat(summary.week()).isEqualTo(15);
        assertThat(summary.month()).isEqualTo(15);
        assertThat(summary.all()).isEqualTo(15);
        assertThat(summary.grants()).as("still in the history").hasSize(2);
        assertThat(stores.audit().recent(10)).first().satisfies(e -> assertThat(e.action()).isEqualTo("points.revoke"));
        assertThatViolation(() -> ledger.revoke(report.id(), "again", "lead-1")).is(Kind.CONFLICT,
                "participation.grant.revoked");
        assertThatViolation(() -> ledger.revoke(9999, "none", "lead-1")).is(Kind.NOT_FOUND,
                "participation.grant.unknown");
        assertThatViolation(() -> ledger.revoke(report.id(), "", "lead-1")).is(Kind.INVALID, "request.field.missing");
    }

    @Test
    void theSummaryCountsTheReleaseWeekAndTheMonthInTheZoneAndPagesTheHistoryNewestFirst() {
        Ledger uncapped = stores.ledger(new PointsRules(10, 5, 20, 0), clock);
        // 2026-10-31 23:30 in Shanghai is still October; 2026-11-20 17:00 is the week before this Friday's release.
        uncapped.grant("fan-1", ParticipationKind.WISH_FULFILLED, "wish:1", Instant.parse("2026-10-31T15:30:00Z"));
        uncapped.grant("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", Instant.parse("2026-11-20T09:00:00Z"));
        IntStream.range(0, 22)
                .forEach(i -> uncapped.grant("fan-1", ParticipationKind.BALLOT_CAST, "poll:" + i, FRIDAY));

        Ledger.Summary first = uncapped.summary("fan-1", null);
        assertThat(first.week()).isEqualTo(110);
        assertThat(first.month()).isEqualTo(120);
        assertThat(first.all()).isEqualTo(140);
        assertThat(first.grants()).hasSize(Ledger.PAGE);
        assertThat(first.grants().get(0).ref()).isEqualTo("poll:21");
        Ledger.Summary second = uncapped.summary("fan-1", first.grants().get(Ledger.PAGE - 1).id());
        assertThat(second.grants()).extracting(Grant::ref).containsExactly("poll:1", "poll:0", "release:1", "wish:1");
    }
}
