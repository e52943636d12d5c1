package dev.popcorn.app.release;

import static dev.popcorn.app.TicketsInTracker.ticket;
import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.Replays;
import dev.popcorn.app.TicketsInTracker;
import dev.popcorn.app.release.BuildLog.Outcome;
import dev.popcorn.app.release.BuildLog.Reason;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.release.BuildNotice;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.BuildRule;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.domain.team.TeamRules;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the CI server's notices become: ignored, opened once, found opened, or failed and kept for a retry. */
class BuildNoticesTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY);
    private final TicketsInTracker tracker = new TicketsInTracker()
            .with(ticket("POP-1", "Night mode", "Camera"))
            .with(ticket("POP-2", "Charge limit", "Battery"));
    private final TrackerSync trackerSync = new TrackerSync(tracker, stores.releases(), stores.reports(),
            stores.tickets(),
            stores.outbox(), stores.ticketWrites(), new TrackerSync.Settings(() -> "https://popcorn.example",
                    TeamRules.parse("component:Camera=camera, component:Battery=battery", ""),
                    new FeedbackLabels("users-love-it", "", 2, 80, 50), Duration.ofMinutes(30), true, ""),
            clock);
    private final OpenRelease openRelease = new OpenRelease(stores.transactions(), stores.releases(), stores.polls(),
            stores.teams(), stores.audit(), WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);
    private final BuildNotices notices = new BuildNotices(
            BuildRule.parse("release/*", "", "FINALIZED", "SUCCESS", "parameter:VERSION", "notes"),
            BuildNoticesTest::read,
            new ShipRelease(openRelease, trackerSync, stores.releases(), stores.polls(), stores.audit(), clock),
            stores.builds(), new Replays(stores.webhookDeliveries(), clock), clock);

    /** The test's notice format: {@code job|number|phase|status|version|notes}. */
    private static BuildNotice read(String body) {
        String[] parts = body.split("\\|", -1);
        if (parts.length != 6) {
            throw RuleViolation.invalid("test.notice.malformed");
        }
        Map<String, String> parameters = parts[4].isEmpty() ? Map.of() : Map.of("VERSION", parts[4]);
        return new BuildNotice(new BuildRef(parts[0], Integer.parseInt(parts[1]), ""), parts[2], parts[3], "main",
                parameters, parts[5], Optional.empty());
    }

    private static final String SHIPPED = "release/main|41|FINALIZED|SUCCESS|2026.11.20|POP-1 night mode, POP-2 charge limit";

    @BeforeEach
    void twoTeams() {
        for (String slug : List.of("camera", "battery")) {
            stores.teams().save(new Team(slug, slug, "", List.of(new Member("Lead of " + slug, "", slug + "-lead"))));
        }
    }

    @Test
    void theReleaseJobsSuccessfulEndOpensTheReleaseAndIsLoggedAsOpened() {
        BuildNotices.Handled handled = notices.receive(SHIPPED);

        assertThat(handled.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(handled.reason()).isEqualTo(new Reason("jenkins.opened", List.of("2026.11.20", "2")));
        long releaseId = handled.shipped().orElseThrow().release().id();
        assertThat(stores.releases().findByBuild("release/main", 41).orElseThrow().id()).isEqualTo(releaseId);
        BuildLog.Entry entry = notices.find(handled.logId()).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(entry.releaseId()).contains(releaseId);
        assertThat(entry.body()).isEqualTo(SHIPPED);
        assertThat(stores.audit().recent(1).get(0).actor()).as("who opened it").isEqualTo("jenkins:release/main #41");
    }

    @Test
    void everyOtherNoticeIsLoggedAsIgnoredWithItsReasonAndOpensNothing() {
        BuildNotices.Handled otherJob = notices.receive("nightly|7|FINALIZED|SUCCESS|2026.11.20|POP-1");
        BuildNotices.Handled started = notices.receive("release/main|41|STARTED||2026.11.20|POP-1");
        BuildNotices.Handled failed = notices.receive("release/main|41|FINALIZED|FAILURE|2026.11.20|POP-1");

        assertThat(otherJob.reason()).isEqualTo(new Reason("jenkins.build.ignored.job", List.of("nightly")));
        assertThat(started.reason())
                .isEqualTo(new Reason("jenkins.build.ignored.phase", List.of("STARTED", "FINALIZED")));
        assertThat(failed.reason())
                .isEqualTo(new Reason("jenkins.build.ignored.status", List.of("FAILURE", "SUCCESS")));
        assertThat(List.of(otherJob, started, failed)).allSatisfy(h -> {
            assertThat(h.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(h.shipped()).isEmpty();
            assertThat(notices.find(h.logId()).orElseThrow().outcome()).isEqualTo(Outcome.IGNORED);
        });
        assertThat(notices.recent(10)).hasSize(3);
        assertThat(stores.releases().recent(10)).isEmpty();
    }

    @Test
    void theSameNoticeSentAgainOpensNothingTwiceAndIsNotLoggedTwice() {
        BuildNotices.Handled first = notices.receive(SHIPPED);
        clock.advance(Duration.ofSeconds(30));
        BuildNotices.Handled again = notices.receive(SHIPPED);

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.logId()).as("not stored again").isZero();
        assertThat(again.shipped().orElseThrow().release()).isEqualTo(first.shipped().orElseThrow().release());
        assertThat(notices.recent(10)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.OPENED));

        BuildNotices.Handled otherWords = notices.receive(SHIPPED.replace("charge limit", "battery charge limit"));
        assertThat(otherWords.outcome()).as("another body about the same build").isEqualTo(Outcome.DUPLICATE);
        assertThat(notices.find(otherWords.logId()).orElseThrow().reason())
                .isEqualTo(new Reason("jenkins.duplicate", List.of("2026.11.20", "2")));
        assertThat(stores.releases().recent(10)).hasSize(1);
    }

    @Test
    void aBodyThatIsNoNoticeIsRefusedAndNotLogged() {
        assertThatViolation(() -> notices.receive("hello")).is(Kind.INVALID, "test.notice.malformed");
        assertThat(notices.recent(10)).isEmpty();
    }

    @Test
    void aNoticeThatCouldNotOpenItsReleaseIsLoggedAsFailedWithTheRefusalAndOpensOnRetryOnceSetRight() {
        tracker.with(ticket("POP-3", "Loud speaker", "Audio"));
        String body = "release/main|41|FINALIZED|SUCCESS|2026.11.20|POP-1 and POP-3";

        assertThatViolation(() -> notices.receive(body)).is(Kind.INVALID, "tracker.tickets.teamless").withArgs("POP-3");
        BuildLog.Entry failed = notices.recent(1).get(0);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.reason()).isEqualTo(new Reason("error.tracker.tickets.teamless", List.of("POP-3")));
        assertThat(failed.releaseId()).isEmpty();
        assertThat(stores.releases().recent(10)).isEmpty();

        tracker.with(ticket("POP-3", "Loud speaker", "Camera"));
        BuildNotices.Handled retried = notices.retry(failed.id());
        assertThat(retried.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(retried.logId()).isEqualTo(failed.id());
        assertThat(notices.find(failed.id()).orElseThrow().outcome()).isEqualTo(Outcome.OPENED);
        assertThat(notices.recent(10)).as("settled in place, not logged anew").hasSize(1);

        assertThatViolation(() -> notices.retry(failed.id())).is(Kind.CONFLICT, "jenkins.notice.notFailed")
                .withArgs(failed.id(), "OPENED");
        assertThatViolation(() -> notices.retry(failed.id() + 1000)).is(Kind.NOT_FOUND, "jenkins.notice.unknown");
    }

    @Test
    void aTrackerOutageFailsTheNoticeWithoutOpeningAndARetryAfterItOpens() {
        tracker.goDown();

        assertThatThrownBy(() -> notices.receive(SHIPPED)).isInstanceOf(DeliveryFailure.class);
        BuildLog.Entry failed = notices.recent(1).get(0);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.reason()).isEqualTo(new Reason("jenkins.failed.tracker", List.of("tracker unreachable")));
        assertThat(stores.releases().recent(10)).isEmpty();

        tracker.comeBack();
        assertThat(notices.retry(failed.id()).outcome()).isEqualTo(Outcome.OPENED);
        assertThat(stores.releases().findByVersion("2026.11.20")).isPresent();
    }

    @Test
    void theSameNoticeSentAgainAfterAnOutageSettlesItsFailedEntry() {
        tracker.goDown();
        assertThatThrownBy(() -> notices.receive(SHIPPED)).isInstanceOf(DeliveryFailure.class);
        BuildLog.Entry failed = notices.recent(1).get(0);

        tracker.comeBack();
        BuildNotices.Handled again = notices.receive(SHIPPED);
        assertThat(again.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(again.logId()).as("the failed entry, not a new one").isEqualTo(failed.id());
        assertThat(notices.recent(10)).hasSize(1);
        assertThat(notices.find(failed.id()).orElseThrow().outcome()).as("no longer says failed")
                .isEqualTo(Outcome.OPENED);
        assertThat(stores.releases().findByVersion("2026.11.20")).isPresent();
    }

    @Test
    void aReleaseBuildWithoutItsVersionParameterFailsNamingWhatIsMissing() {
        assertThatViolation(() -> notices.receive("release/main|41|FINALIZED|SUCCESS||POP-1"))
                .is(Kind.INVALID, "build.version.missing");
        assertThat(notices.recent(1).get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(notices.recent(1).get(0).reason().key()).isEqualTo("error.build.version.missing");
    }
}
