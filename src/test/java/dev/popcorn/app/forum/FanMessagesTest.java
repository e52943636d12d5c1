package dev.popcorn.app.forum;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is reminded before reports close, when, and how often; and when a standing notice becomes a private message. */
class FanMessagesTest {

    /** Friday 20 November 2026, 18:00 in Shanghai; reports close Tuesday 23:59. */
    private static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-11-24T15:59:00Z");
    private static final Duration LEAD = Duration.ofHours(24);
    private static final List<Feature> FEATURES = List.of(new Feature("POP-1", "Night mode", "camera"));

    private final MutableClock clock = new MutableClock(SHIPPED);
    private final MemoryStores stores = new MemoryStores();
    private final Forum forum = mock(Forum.class);
    private final StandingStore notices = mock(StandingStore.class);
    private final List<List<Locale>> written = new ArrayList<>();
    private final FanMessages.Letters letters = new FanMessages.Letters() {
        @Override
        public Optional<FanMessages.Letter> notice(String userId, StandingStore.Notice notice, List<Locale> languages,
                String pageUrl) {
            written.add(languages);
            return Optional.of(new FanMessages.Letter("news " + notice.subject(), "see " + pageUrl));
        }

        @Override
        public FanMessages.Letter reminder(String userId, Release release, List<Locale> languages, String reportUrl,
                String pageUrl) {
            written.add(languages);
            return new FanMessages.Letter("report on " + release.version(), "at " + reportUrl + ", off at " + pageUrl);
        }
    };
    private final Release release;

    FanMessagesTest() {
        when(forum.enabled()).thenReturn(true);
        release = stores.releases().create("2026.11.20", SHIPPED, CLOSES, FEATURES);
        fan("xiaoyu-id", "xiaoyu");
        fan("lei-id", "lei");
        stores.users().upsert("no-forum", "No forum", SHIPPED);
    }

    private void fan(String id, String username) {
        stores.users().upsertFromForum(new ForumIdentity(id, username, "Fan " + username, "", List.of(), false, false),
                SHIPPED);
    }

    private FanMessages messages(boolean standing, Duration lead) {
        return new FanMessages(forum,
                new FanMessages.Stores(stores.reminders(), notices, stores.users(), stores.releases(),
                        stores.reports(), stores.outbox(), stores.transactions()),
                letters, new FanMessages.Settings(standing, lead),
                () -> "https://popcorn.example", false, new ForumKeys("inst"), clock);
    }

    private void report(String userId, long releaseId) {
        stores.reports()
                .save(new ExperienceReport(userId, releaseId, List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")),
                        List.of(), List.of()), clock.instant());
    }

    private List<String> filed(String kind) {
        List<String> refs = new ArrayList<>();
        for (OutboxStore.Task task : stores.outbox().claim("test", clock.instant(), clock.instant().plusSeconds(60),
                100)) {
            if (task.kind().equals(kind)) {
                refs.add(task.ref());
            }
            stores.outbox().done(task.id(), "test", clock.instant());
        }
        return refs;
    }

    @Test
    void remindersAreDueFromTheLeadTimeBeforeReportsCloseUntilTheyClose() {
        assertThat(FanMessages.remindsAt(release, SHIPPED, LEAD)).as("just shipped").isFalse();
        assertThat(FanMessages.remindsAt(release, CLOSES.minus(LEAD).minusSeconds(1), LEAD)).isFalse();
        assertThat(FanMessages.remindsAt(release, CLOSES.minus(LEAD), LEAD)).isTrue();
        assertThat(FanMessages.remindsAt(release, CLOSES.minusSeconds(1), LEAD)).isTrue();
        assertThat(FanMessages.remindsAt(release, CLOSES, LEAD)).as("closed").isFalse();
        assertThat(FanMessages.remindsAt(release, CLOSES.minusSeconds(1), Duration.ZERO)).as("not offered").isFalse();
        assertThat(FanMessages.remindsAt(release, SHIPPED.minusSeconds(1), Duration.ofDays(6))).as("before it shipped")
                .isFalse();
    }

    @Test
    void aFanIsRemindedOnceAWeekOnlyWhenTheyAskedHaveAForumAccountAndHaveNotReported() {
        FanMessages messages = messages(false, LEAD);
        messages.remind("xiaoyu-id", true, "en");
        messages.remind("lei-id", true, "zh-CN");
        stores.reminders().choose("no-forum", true, "", SHIPPED);
        report("lei-id", release.id());

        clock.set(CLOSES.minus(LEAD).minusSeconds(60));
        assertThat(messages.planReminders()).as("too early").isZero();
        clock.set(CLOSES.minus(LEAD).plusSeconds(60));
        assertThat(messages.planReminders()).isEqualTo(1);
        assertThat(messages.planReminders()).as("planned again: nothing new").isZero();
        assertThat(filed(FanMessages.REMINDER)).containsExactly("xiaoyu-id/" + release.id());

        // A second release with the same deadline (a hotfix the same week): no second reminder that week; a fan who
        // reported on the first and not on this one hears of it.
        Release hotfix = stores.releases().create("2026.11.21", clock.instant().minusSeconds(30), CLOSES, FEATURES);
        assertThat(messages.planReminders()).isEqualTo(1);
        assertThat(filed(FanMessages.REMINDER)).containsExactly("lei-id/" + hotfix.id());

        // Next week: reminded again.
        Release next = stores.releases().create("2026.11.27", SHIPPED.plus(Duration.ofDays(7)),
                CLOSES.plus(Duration.ofDays(7)),
                FEATURES);
        clock.set(CLOSES.plus(Duration.ofDays(7)).minus(LEAD));
        assertThat(messages.planReminders()).isEqualTo(2);
        assertThat(filed(FanMessages.REMINDER)).containsExactlyInAnyOrder("xiaoyu-id/" + next.id(),
                "lei-id/" + next.id());
    }

    @Test
    void nothingIsPlannedWhenRemindersAreNotOfferedOrTheForumIsOff() {
        stores.reminders().choose("xiaoyu-id", true, "en", SHIPPED);
        clock.set(CLOSES.minusSeconds(3600));
        assertThat(messages(false, Duration.ZERO).planReminders()).isZero();
        when(forum.enabled()).thenReturn(false);
        assertThat(messages(false, LEAD).planReminders()).isZero();
        assertThat(filed(FanMessages.REMINDER)).isEmpty();
    }

    @Test
    void turningRemindersOnNeedsAForumAccountAndRemindersOnOffer() {
        assertThatViolation(() -> messages(false, LEAD).remind("no-forum", true, "en"))
                .is(RuleViolation.Kind.CONFLICT, "reminders.forumAccount");
        assertThatViolation(() -> messages(false, Duration.ZERO).remind("xiaoyu-id", true, "en"))
                .is(RuleViolation.Kind.CONFLICT, "reminders.off");
        assertThat(messages(false, LEAD).remind("no-forum", false, "en").remind()).as("off always works").isFalse();
        FanMessages.Reminders on = messages(false, LEAD).remind("xiaoyu-id", true, "zh-CN");
        assertThat(on).isEqualTo(new FanMessages.Reminders(true, true, true, LEAD));
        assertThat(messages(false, LEAD).reminders("no-forum").forumAccount()).isFalse();
    }

    @Test
    void aReminderDeliveredAfterTheFanReportedOrTurnedThemOffOrAfterTheCloseSendsNothing() {
        FanMessages messages = messages(false, LEAD);
        messages.remind("xiaoyu-id", true, "zh-CN");
        messages.remind("lei-id", true, "en");
        clock.set(CLOSES.minusSeconds(3600));
        messages.planReminders();
        report("lei-id", release.id());

        messages.deliverReminder("lei-id/" + release.id());
        verify(forum, never()).tell(anyString(), anyList(), anyString(), anyString());

        messages.deliverReminder("xiaoyu-id/" + release.id());
        verify(forum).tell(new ForumKeys("inst").reminder(release.id(), "xiaoyu-id"), List.of("xiaoyu"),
                "report on 2026.11.20",
                "at https://popcorn.example/releases/" + release.id() + ", off at https://popcorn.example/me");
        assertThat(written).containsExactly(List.of(Locale.SIMPLIFIED_CHINESE));

        messages.remind("xiaoyu-id", false, "zh-CN");
        messages.deliverReminder("xiaoyu-id/" + release.id());
        messages.remind("xiaoyu-id", true, "zh-CN");
        clock.set(CLOSES);
        messages.deliverReminder("xiaoyu-id/" + release.id());
        verify(forum).tell(anyString(), anyList(), anyString(), anyString());
    }

    @Test
    void aNoticeIsToldInTheFansLanguageOrBothAndNotAtAllWhenStandingMessagesAreOff() {
        StandingStore.Notice promoted = new StandingStore.Notice(7, "PROMOTED", "fan", SHIPPED, null);
        when(notices.notice("xiaoyu-id", 7)).thenReturn(Optional.of(promoted));
        when(notices.notice("lei-id", 8))
                .thenReturn(Optional.of(new StandingStore.Notice(8, "BADGE", "reports.gold", SHIPPED, null)));

        messages(false, LEAD).deliverNotice("xiaoyu-id/7");
        verify(forum, never()).tell(anyString(), anyList(), anyString(), anyString());

        FanMessages messages = messages(true, LEAD);
        messages.deliverNotice("xiaoyu-id/7");
        verify(forum).tell("popcorn-inst-notice-7", List.of("xiaoyu"), "news fan", "see https://popcorn.example/me");
        messages.remind("lei-id", false, "en");
        messages.deliverNotice("lei-id/8");
        assertThat(written).containsExactly(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH),
                List.of(Locale.ENGLISH));
        messages.deliverNotice("lei-id/9");
        verify(forum).tell(eq("popcorn-inst-notice-8"), anyList(), anyString(), anyString());
    }

    @Test
    void theMirrorFilesANoticeOnceForAFanWithAForumAccountWhenTheyAreToldOnTheForum() {
        var levels = mock(ForumLevelStore.class);
        var map = dev.popcorn.domain.forum.ForumMirrorMap.none(dev.popcorn.domain.participation.LevelLadder.defaults());
        new StandingMirror(forum, map, levels, stores.users(), stores.outbox(), false, clock).noticed("xiaoyu-id", 1);
        StandingMirror telling = new StandingMirror(forum, map, levels, stores.users(), stores.outbox(), true, clock);
        telling.noticed("no-forum", 2);
        telling.noticed("xiaoyu-id", 3);
        telling.noticed("xiaoyu-id", 3);
        assertThat(filed(FanMessages.NOTICE)).containsExactly("xiaoyu-id/3");
    }

    private static String eq(String value) {
        return org.mockito.ArgumentMatchers.eq(value);
    }
}
