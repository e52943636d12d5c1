package dev.popcorn.app.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.memory.MemoryStores;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The forum's threads: filed when new or changed, posted once and then edited, and the follow-up to a wish that was done. */
class ForumThreadsTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plusSeconds(60));
    private final Forum forum = mock(Forum.class);
    private final ThreadWriter writer = mock(ThreadWriter.class);
    private final AtomicReference<String> releaseText = new AtomicReference<>("release text 1");
    private final ForumThreads threads = new ForumThreads(forum, new ForumThreads.Stores(stores.forumThreads(),
            stores.outbox(), stores.releases(), stores.polls(), stores.teams(), stores.users(), stores.reports(),
            stores.tickets()), writer, () -> "https://popcorn.example", false, ZoneId.of("Asia/Shanghai"),
            new ForumKeys("prod"), clock);

    @BeforeEach
    void aForumThatPosts() {
        when(forum.enabled()).thenReturn(true);
        when(writer.releaseThread(any())).thenAnswer(call -> releaseText.get());
        when(writer.pollThread(any()))
                .thenAnswer(call -> "poll of " + ((ForumNews.Poll) call.getArgument(0)).version());
        when(writer.wishDone(any())).thenAnswer(call -> "done: " + ((ForumNews.WishDone) call.getArgument(0)).wish());
        when(forum.publish(any(), any())).thenReturn(new Forum.Posted(12, 34, "https://forum.example/t/12"));
    }

    private Optional<OutboxStore.Task> task(String kind, long id) {
        return stores.outbox().find(kind, String.valueOf(id));
    }

    /** Runs the filed tasks of this kind as the outbox would, and marks them done. */
    private void deliver(String kind, long id) {
        OutboxStore.Task task = task(kind, id).orElseThrow();
        stores.outbox().claim("x", clock.instant(), clock.instant().plusSeconds(30), 10);
        if (kind.equals(ForumThreads.RELEASE)) {
            threads.deliverRelease(task.ref());
        } else {
            threads.deliverPoll(task.ref());
        }
        stores.outbox().done(task.id(), "x", clock.instant());
    }

    @Test
    void withoutAForumNothingIsFiled() {
        when(forum.enabled()).thenReturn(false);
        AWeek.in(stores).build();
        threads.plan();
        assertThat(stores.outbox().counts().values()).allSatisfy(n -> assertThat(n).isZero());
    }

    @Test
    void theReleaseThreadIsFiledAtOnceAndThePollThreadOnceThePollOpens() {
        AWeek.Week week = AWeek.in(stores).build();
        threads.plan();
        assertThat(task(ForumThreads.RELEASE, week.release().id())).isPresent();
        assertThat(task(ForumThreads.POLL, week.poll().id())).as("a draft has no thread").isEmpty();
        clock.set(AWeek.POLL_OPENS);
        stores.polls().update(week.poll().open(AWeek.POLL_OPENS));
        threads.plan();
        assertThat(task(ForumThreads.POLL, week.poll().id())).isPresent();
    }

    @Test
    void aThreadIsPostedOnceAndEditedOnlyWhenItsTextChanged() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        threads.plan();
        deliver(ForumThreads.RELEASE, release);
        verify(forum).publish(any(), eq(Optional.empty()));
        assertThat(stores.forumThreads().find(threads.releaseKey(release))).isPresent();
        assertThat(threads.releaseKey(release)).isEqualTo("popcorn-prod-release-" + release);

        threads.plan();
        assertThat(task(ForumThreads.RELEASE, release).orElseThrow().state()).as("same text: nothing to do")
                .isEqualTo(OutboxStore.State.DONE);

        releaseText.set("release text 2");
        threads.plan();
        threads.plan();
        assertThat(task(ForumThreads.RELEASE, release).orElseThrow().state()).isEqualTo(OutboxStore.State.PENDING);
        deliver(ForumThreads.RELEASE, release);
        ArgumentCaptor<Forum.Thread> posted = ArgumentCaptor.forClass(Forum.Thread.class);
        verify(forum, times(2)).publish(posted.capture(), any());
        assertThat(posted.getValue().text()).isEqualTo("release text 2");
        verify(forum).publish(any(), eq(Optional.of(new Forum.Posted(12, 34, "https://forum.example/t/12"))));
    }

    @Test
    void aDeliveryWhoseTextWasPostedAlreadyPostsNothing() {
        AWeek.Week week = AWeek.in(stores).build();
        threads.plan();
        deliver(ForumThreads.RELEASE, week.release().id());
        threads.deliverRelease(String.valueOf(week.release().id()));
        verify(forum, times(1)).publish(any(), any());
    }

    @Test
    void theSupportersOfADoneWishWhoAreForumUsersAreToldInBatches() {
        AWeek.Week week = AWeek.in(stores).build();
        stores.reports().save(new ExperienceReport("author", week.release().id(), List.of(), List.of(
                stores.reports().fileWish("Dark mode please", "author", week.release().id(), AWeek.FRIDAY)), List.of()),
                AWeek.FRIDAY);
        long wish = stores.reports().topWishes(1).get(0).id();
        List<String> forumUsers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String user = "fan-" + i;
            stores.reports().save(new ExperienceReport(user, week.release().id(), List.of(), List.of(wish), List.of()),
                    AWeek.FRIDAY);
            stores.users().upsertFromForum(
                    new ForumIdentity(user, "forum_" + i, "Fan " + i, "", List.of(), false, false),
                    AWeek.FRIDAY);
            forumUsers.add("forum_" + i);
        }
        // The author signed in with a personal link: no forum name, nobody to write to.
        stores.users().upsert("author", "Author", AWeek.FRIDAY);

        threads.deliverWish(wish + "/MIUI-7");

        ArgumentCaptor<List<String>> batches = ArgumentCaptor.captor();
        verify(forum, times(2)).tell(anyString(), batches.capture(), anyString(), eq("done: Dark mode please"));
        assertThat(batches.getAllValues().get(0)).hasSize(20);
        assertThat(batches.getAllValues().stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(forumUsers);
        verify(forum).tell(eq("popcorn-prod-wish-" + wish + "-0"), anyList(), anyString(), anyString());
        verify(forum, never()).grantBadge(anyString(), anyString());
    }

    @Test
    void aThreadPostedBeforeInstallationIdsIsEditedWhereItIsNeverPostedAgain() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        Forum.Posted old = new Forum.Posted(7, 8, "https://forum.example/t/popcorn/7");
        stores.forumThreads()
                .save(new ForumThreadStore.Kept("popcorn-release-" + release, old, "an older text", AWeek.FRIDAY));

        threads.plan();
        deliver(ForumThreads.RELEASE, release);

        verify(forum).publish(any(), eq(Optional.of(old)));
        verify(forum, never()).publish(any(), eq(Optional.empty()));
        assertThat(stores.forumThreads().find("popcorn-prod-release-" + release)).isPresent();
    }

    @Test
    void keysCarryTheInstallationAndStayWithinDiscoursesFiftyCharacters() {
        assertThat(new ForumKeys("staging").award(3)).isEqualTo("popcorn-staging-award-3");
        assertThat(new ForumKeys("").release(3)).isEqualTo("popcorn-release-3");
        String longId = "a-very-long-installation-id-0123";
        String key = new ForumKeys(longId).wish(123456789, 12);
        assertThat(key).hasSizeLessThanOrEqualTo(ForumKeys.MAX_LENGTH).startsWith("popcorn-")
                .endsWith("-wish-123456789-12")
                .isNotEqualTo(new ForumKeys(longId.replace('0', '1')).wish(123456789, 12));
    }
}
