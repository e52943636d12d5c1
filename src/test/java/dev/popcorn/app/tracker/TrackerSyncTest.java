package dev.popcorn.app.tracker;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.team.TeamRules;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The tracker's planning and write-back rules: which writes are filed when, and what a write says. */
class TrackerSyncTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plusSeconds(60));
    private final IssueTracker tracker = mock(IssueTracker.class);
    private final TrackerSync sync = new TrackerSync(tracker, stores.releases(), stores.reports(), stores.tickets(),
            stores.outbox(), stores.ticketWrites(), new TrackerSync.Settings(() -> "https://popcorn.example",
                    TeamRules.parse("component:Camera=camera", ""), new FeedbackLabels("users-love-it", "", 2, 80, 50),
                    Duration.ofMinutes(30), true, ""),
            clock);

    @Test
    void whileTheRoundRunsEachFeatureIsRefreshedAtMostOncePerPeriodAndWrittenOnceAfterTheClose() {
        when(tracker.enabled()).thenReturn(true);
        AWeek.Week week = AWeek.in(stores).build();
        String camera = week.release().id() + "/POP-1/";
        sync.plan();
        assertThat(stores.outbox().find(TrackerSync.FEEDBACK, camera + "live")).isPresent();
        assertThat(stores.outbox().find(TrackerSync.FEEDBACK, camera + "close")).isEmpty();
        long id = stores.outbox().find(TrackerSync.FEEDBACK, camera + "live").orElseThrow().id();
        stores.outbox().claim("x", clock.instant(), clock.instant().plusSeconds(30), 10);
        stores.outbox().done(id, "x", clock.instant());

        clock.advance(Duration.ofMinutes(10));
        sync.plan();
        assertThat(stores.outbox().find(TrackerSync.FEEDBACK, camera + "live").orElseThrow().state())
                .as("refreshed ten minutes ago").isEqualTo(OutboxStore.State.DONE);
        clock.advance(Duration.ofMinutes(21));
        sync.plan();
        assertThat(stores.outbox().find(TrackerSync.FEEDBACK, camera + "live").orElseThrow().state())
                .isEqualTo(OutboxStore.State.PENDING);

        clock.set(week.release().reportsCloseAt());
        sync.plan();
        sync.plan();
        assertThat(stores.outbox().find(TrackerSync.FEEDBACK, camera + "close")).isPresent();
        assertThat(stores.outbox().counts().get(OutboxStore.State.PENDING)).as("two live, two final writes")
                .isEqualTo(4);
    }

    @Test
    void withoutATrackerNothingIsPlanned() {
        when(tracker.enabled()).thenReturn(false);
        AWeek.in(stores).build();
        sync.plan();
        assertThat(stores.outbox().counts().values()).allSatisfy(n -> assertThat(n).isZero());
    }

    @Test
    void theFinalWriteCarriesTheCountsCommentsEarnedLabelsAndTheSummaryComment() {
        AWeek.Week week = AWeek.in(stores).build();
        for (int i = 0; i < 3; i++) {
            stores.reports()
                    .save(new ExperienceReport("fan-" + i, week.release().id(), List.of(new FeatureVerdict("POP-1",
                            Verdict.LIKE, "love it " + i)), List.of(), List.of()), AWeek.FRIDAY.plusSeconds(i));
        }
        sync.deliverFeedback(week.release().id() + "/POP-1/close");
        ArgumentCaptor<IssueTracker.TicketFeedback> written = ArgumentCaptor
                .forClass(IssueTracker.TicketFeedback.class);
        verify(tracker).publishFeedback(written.capture(), org.mockito.ArgumentMatchers.any());
        IssueTracker.TicketFeedback feedback = written.getValue();
        assertThat(feedback.ticketKey()).isEqualTo("POP-1");
        assertThat(feedback.release()).isEqualTo("2026.11.20");
        assertThat(feedback.pageUrl()).startsWith("https://popcorn.example/");
        assertThat(feedback.likes()).isEqualTo(3);
        assertThat(feedback.notGoodEnough()).isZero();
        assertThat(feedback.comments()).containsExactly("love it 2", "love it 1", "love it 0");
        assertThat(feedback.earnedLabels()).containsExactly("users-love-it");
        assertThat(feedback.summaryComment()).as("the close writes the one summary comment").isTrue();
        assertThat(new FeatureFeedback(week.release().features().get(0), 3, 0, List.of()).likePercent()).isEqualTo(100);
    }

    @Test
    void theLabelEditStartsFromWhatTheTicketHoldsAndAWriteUpdatesWhatPopcornKnowsItHolds() {
        AWeek.Week week = AWeek.in(stores).build();
        stores.tickets().save(new Ticket("POP-1", "Night mode", "Done", true, "POP", List.of("Camera"), List.of("ui"),
                List.of()), clock.instant());
        sync.deliverFeedback(week.release().id() + "/POP-1/live");
        ArgumentCaptor<IssueTracker.TicketFeedback> first = ArgumentCaptor.forClass(IssueTracker.TicketFeedback.class);
        verify(tracker).publishFeedback(first.capture(), org.mockito.ArgumentMatchers.any());
        assertThat(first.getValue().labels().changesNothing())
                .as("nothing earned, and the ticket lacks the label Popcorn manages: no edit").isTrue();

        for (int i = 0; i < 3; i++) {
            stores.reports()
                    .save(new ExperienceReport("fan-" + i, week.release().id(), List.of(new FeatureVerdict("POP-1",
                            Verdict.LIKE, "")), List.of(), List.of()), AWeek.FRIDAY.plusSeconds(i));
        }
        sync.deliverFeedback(week.release().id() + "/POP-1/live");
        ArgumentCaptor<IssueTracker.TicketFeedback> second = ArgumentCaptor.forClass(IssueTracker.TicketFeedback.class);
        verify(tracker, org.mockito.Mockito.times(2)).publishFeedback(second.capture(),
                org.mockito.ArgumentMatchers.any());
        assertThat(second.getValue().labels()).isEqualTo(new FeedbackLabels.Edit(List.of("users-love-it"), List.of()));
        assertThat(stores.tickets().find("POP-1").orElseThrow().labels()).as("the ticket's own label kept")
                .containsExactly("ui", "users-love-it");

        for (int i = 3; i < 9; i++) {
            stores.reports()
                    .save(new ExperienceReport("fan-" + i, week.release().id(), List.of(new FeatureVerdict("POP-1",
                            Verdict.NOT_GOOD_ENOUGH, "")), List.of(), List.of()), AWeek.FRIDAY.plusSeconds(i));
        }
        sync.deliverFeedback(week.release().id() + "/POP-1/live");
        ArgumentCaptor<IssueTracker.TicketFeedback> third = ArgumentCaptor.forClass(IssueTracker.TicketFeedback.class);
        verify(tracker, org.mockito.Mockito.times(3)).publishFeedback(third.capture(),
                org.mockito.ArgumentMatchers.any());
        assertThat(third.getValue().labels()).as("the label Popcorn wrote is taken off again")
                .isEqualTo(new FeedbackLabels.Edit(List.of(), List.of("users-love-it")));
        assertThat(stores.tickets().find("POP-1").orElseThrow().labels()).containsExactly("ui");

        // A lead asks for a full write (someone edited labels by hand): every managed label is set again.
        when(tracker.enabled()).thenReturn(true);
        sync.refreshAll();
        sync.deliverFeedback(week.release().id() + "/POP-1/live");
        ArgumentCaptor<IssueTracker.TicketFeedback> full = ArgumentCaptor.forClass(IssueTracker.TicketFeedback.class);
        verify(tracker, org.mockito.Mockito.times(4)).publishFeedback(full.capture(),
                org.mockito.ArgumentMatchers.any());
        assertThat(full.getValue().labels()).isEqualTo(new FeedbackLabels.Edit(List.of(), List.of("users-love-it")));
    }

    @Test
    void aLiveRefreshWritesNoComment() {
        AWeek.Week week = AWeek.in(stores).build();
        sync.deliverFeedback(week.release().id() + "/POP-2/live");
        ArgumentCaptor<IssueTracker.TicketFeedback> written = ArgumentCaptor
                .forClass(IssueTracker.TicketFeedback.class);
        verify(tracker).publishFeedback(written.capture(), org.mockito.ArgumentMatchers.any());
        assertThat(written.getValue().summaryComment()).isFalse();
        assertThat(written.getValue().earnedLabels()).as("too few verdicts").isEmpty();
    }

    @Test
    void whatTheTrackerWroteIsRememberedPerTicketAndWriteUntilALeadAsksForAFullRefresh() {
        when(tracker.enabled()).thenReturn(true);
        AWeek.Week week = AWeek.in(stores).build();
        sync.deliverFeedback(week.release().id() + "/POP-1/live");
        ArgumentCaptor<IssueTracker.WriteLog> log = ArgumentCaptor.forClass(IssueTracker.WriteLog.class);
        verify(tracker).publishFeedback(org.mockito.ArgumentMatchers.any(), log.capture());
        log.getValue().wrote("labels", "abc");
        assertThat(log.getValue().last("labels")).contains("abc");
        assertThat(stores.ticketWrites().fingerprint("POP-1", "labels")).contains("abc");
        assertThat(stores.ticketWrites().fingerprint("POP-2", "labels")).as("per ticket").isEmpty();

        // The round is closed and its final writes are done: a full refresh forgets and files them again.
        clock.set(week.release().reportsCloseAt());
        sync.plan();
        stores.outbox().claim("x", clock.instant(), clock.instant().plusSeconds(30), 10)
                .forEach(t -> stores.outbox().done(t.id(), "x", clock.instant()));
        assertThat(stores.outbox().counts().get(OutboxStore.State.PENDING)).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sync.refreshAll()).isEqualTo(2);
        assertThat(stores.ticketWrites().fingerprint("POP-1", "labels")).isEmpty();
        assertThat(
                stores.outbox().find(TrackerSync.FEEDBACK, week.release().id() + "/POP-1/close").orElseThrow().state())
                .isEqualTo(OutboxStore.State.PENDING);
    }

    @Test
    void aFullRefreshWithoutATrackerIsRefused() {
        when(tracker.enabled()).thenReturn(false);
        assertThatViolation(sync::refreshAll).is(Kind.INVALID, "tracker.off");
    }

    @Test
    void theCheckRefusesABaseUrlThatOnlyThisMachineCanOpen() {
        when(tracker.enabled()).thenReturn(true);
        when(tracker.check(org.mockito.ArgumentMatchers.any())).thenReturn(List.of());
        assertThat(sync.check()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("check.baseUrl");
            assertThat(c.ok()).isTrue();
        });
        for (String local : List.of("http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080",
                "http://app.localhost")) {
            assertThat(TrackerSync.local(local)).as(local).isTrue();
        }
        assertThat(TrackerSync.local("https://popcorn.example.com")).isFalse();
        TrackerSync onLocalhost = new TrackerSync(tracker, stores.releases(), stores.reports(), stores.tickets(),
                stores.outbox(), stores.ticketWrites(), new TrackerSync.Settings(() -> "http://localhost:8080",
                        TeamRules.parse("", "x"), new FeedbackLabels("", "", 2, 80, 50), Duration.ZERO, false, ""),
                clock);
        assertThat(onLocalhost.check()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("check.baseUrl.local");
            assertThat(c.ok()).isFalse();
            assertThat(c.args()).containsExactly("http://localhost:8080");
        });
    }

    @Test
    void aWriteForAFeatureOrReleaseThatIsGoneIsABrokenRule() {
        AWeek.Week week = AWeek.in(stores).build();
        assertThatViolation(() -> sync.deliverFeedback(week.release().id() + "/POP-99/live")).is(Kind.NOT_FOUND,
                "feature.unknown");
        assertThatViolation(() -> sync.deliverFeedback("999/POP-1/live")).is(Kind.NOT_FOUND, "release.unknown");
        assertThatViolation(() -> sync.deliverFeedback("garbage")).is(Kind.INVALID, "outbox.ref.invalid");
    }

    @Test
    void theFeaturesOfAReleaseAreTicketsEachWithATeam() {
        Ticket night = new Ticket("MIUI-1", "Night mode", "Done", true, "MIUI", List.of("Camera"), List.of(),
                List.of());
        Ticket settings = new Ticket("MIUI-2", "Settings search", "Done", true, "MIUI", List.of("Settings"), List.of(),
                List.of());
        when(tracker.releaseQuery("2026.11.27")).thenReturn("fixVersion = \"2026.11.27\"");
        when(tracker.search("fixVersion = \"2026.11.27\"", 500)).thenReturn(List.of(night));
        assertThat(sync.find("2026.11.27", new FeatureSource.ReleaseQuery()).features())
                .extracting(f -> f.key() + " " + f.teamSlug()).containsExactly("MIUI-1 camera");

        when(tracker.search("project = MIUI", 500)).thenReturn(List.of(night, settings));
        assertThatViolation(() -> sync.find("2026.11.27", new FeatureSource.Query("project = MIUI")))
                .is(Kind.INVALID, "tracker.tickets.teamless").withArgs("MIUI-2");
        when(tracker.search("project = NONE", 500)).thenReturn(List.of());
        assertThatViolation(() -> sync.find("2026.11.27", new FeatureSource.Query("project = NONE")))
                .is(Kind.INVALID, "tracker.query.empty");

        when(tracker.find(List.of("MIUI-1", "MIUI-404"))).thenReturn(List.of(night));
        assertThatViolation(() -> sync.find("2026.11.27", new FeatureSource.Keys(List.of("MIUI-1", "MIUI-404"))))
                .is(Kind.INVALID, "tracker.tickets.unknown").withArgs("MIUI-404");
        assertThatViolation(() -> sync.find("2026.11.27", new FeatureSource.Mentions(List.of("no keys here"))))
                .is(Kind.INVALID, "tracker.changelog.noKeys");
        when(tracker.find(List.of("MIUI-1", "MIUI-404"))).thenReturn(List.of(night));
        TrackerSync.Found mentioned = sync.find("2026.11.27",
                new FeatureSource.Mentions(List.of("MIUI-1 night mode", "fix MIUI-404 typo")));
        assertThat(mentioned.features()).hasSize(1);
        assertThat(mentioned.ignored()).containsExactly("MIUI-404");
    }
}
