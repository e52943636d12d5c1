package dev.popcorn.app.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.popcorn.app.AWeek;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.ForumAccountStore.Account;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recognition on the forum: after the announcement is there, one outbox task per winning member's
 * badge (its reason the announcement's topic) and one for the group; a refusal or an unlinked
 * member holds back only its own step, and shows as such.
 */
class AnnounceAwardRecognitionTest {

    private static final String TOPIC = "https://forum.example/t/popcorn/201";

    private final MemoryStores stores = new MemoryStores();
    private final Forum forum = mock(Forum.class);
    private final AnnouncementWriter writer = new CardOnlyWriter(
            facts -> "card".getBytes(StandardCharsets.UTF_8));
    private final AnnounceAward announce = new AnnounceAward(new AnnounceAward.Stores(stores.polls(), stores.outbox(),
            stores.releases(), stores.teams(), stores.users(), stores.forumThreads(), stores.forumAccounts()),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), writer,
            new AnnounceAward.Channels(forum, ChatWebhook.none()), ZoneId.of("Asia/Shanghai"),
            () -> "https://popcorn.example", new ForumKeys("prod"), Clock.systemUTC());
    private String ref;

    @BeforeEach
    void anApprovedPollWhoseWinnersAreNamedByForumUserName() {
        when(forum.enabled()).thenReturn(true);
        when(forum.grantsBadge()).thenReturn(true);
        when(forum.joinsGroup()).thenReturn(true);
        when(forum.recognises()).thenReturn(true);
        when(forum.announceWinners(anyString(), any())).thenReturn(new Forum.Posted(201, 200, TOPIC));
        Poll closed = AWeek.in(stores).ballots(0, 0, 1).build().poll().close(AWeek.POLL_CLOSES.minusSeconds(60));
        Poll approved = closed.approve(AWeek.POLL_CLOSES.plus(Duration.ofHours(1)), "lead");
        stores.polls().update(approved);
        ref = String.valueOf(approved.id());
        String winner = announce.facts(approved).winners().get(0).teamSlug();
        stores.teams().save(new Team(winner, "Camera", List.of(new Member("王磊", "", "wanglei"),
                new Member("Li Na", "", "lina"), new Member("Ghost", "", "no-such-user"),
                new Member("Photographer", ""))));
        stores.forumAccounts().save(Account.linked("wanglei", 12L, "wanglei", "12", AWeek.FRIDAY));
        stores.forumAccounts().save(Account.linked("lina", 13L, "LiNa", "13", AWeek.FRIDAY));
    }

    @Test
    void recognitionWaitsForTheAnnouncementThenEachStepIsATaskOfItsOwn() {
        assertThat(announce.channels()).containsExactly(AnnounceAward.FORUM);
        assertThatThrownBy(() -> announce.recognition().deliverRecognition(ref)).isInstanceOfSatisfying(
                DeliveryFailure.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(stores.outbox().find(RecogniseWinners.BADGE, ref + "/wanglei")).isEmpty();

        announce.deliverForum(ref);

        verify(forum).announceWinners(eq("popcorn-prod-award-" + ref), any());
        assertThat(stores.forumThreads().find("popcorn-prod-award-" + ref)).isPresent();
        for (String name : List.of("wanglei", "lina", "no-such-user")) {
            assertThat(stores.outbox().find(RecogniseWinners.BADGE, ref + "/" + name)).isPresent();
        }
        assertThat(stores.outbox().find(RecogniseWinners.GROUP, ref)).isPresent();
    }

    @Test
    void theBadgeLinksToTheAnnouncementARefusalDoesNotStopTheGroupAndAnUnlinkedMemberShowsAsSuch() {
        announce.deliverForum(ref);
        doThrow(new DeliveryFailure("POST /user_badges.json: 400", false, null, null)).when(forum)
                .grantBadge(eq("wanglei"), anyString());

        assertThatThrownBy(() -> announce.recognition().deliverBadge(ref + "/wanglei"))
                .isInstanceOf(DeliveryFailure.class);
        announce.recognition().deliverBadge(ref + "/lina");
        verify(forum).grantBadge("LiNa", TOPIC);
        assertThatThrownBy(() -> announce.recognition().deliverBadge(ref + "/no-such-user"))
                .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("no-such-user");
                });
        // The group goes on: the linked winners join; the unlinked one keeps the task open.
        assertThatThrownBy(() -> announce.recognition().deliverGroup(ref)).isInstanceOfSatisfying(DeliveryFailure.class,
                e -> assertThat(e.getMessage()).contains("no-such-user"));
        verify(forum).joinWinners(List.of("wanglei", "LiNa"));
        verify(forum, never()).grantBadge(eq("no-such-user"), anyString());

        stores.outbox().claim("x", AWeek.FRIDAY.plus(Duration.ofDays(30)), AWeek.FRIDAY.plus(Duration.ofDays(31)), 10);
        List<AnnounceAward.Publishing> shown = announce.publishing(Long.parseLong(ref));
        assertThat(shown).extracting(AnnounceAward.Publishing::channel, AnnounceAward.Publishing::who,
                AnnounceAward.Publishing::state).contains(
                        org.assertj.core.groups.Tuple.tuple("badge", "王磊", OutboxStore.State.PENDING.name()),
                        org.assertj.core.groups.Tuple.tuple("badge", "Ghost", "UNRESOLVED"),
                        org.assertj.core.groups.Tuple.tuple("group", "", OutboxStore.State.PENDING.name()));
        assertThat(shown).filteredOn(p -> p.who().equals("Ghost")).first()
                .satisfies(p -> assertThat(p.error()).contains("not looked up"));
        assertThat(shown).noneMatch(p -> p.who().equals("Photographer") && p.state().equals("DONE"));
    }

    @Test
    void anAnnouncementPostedBeforeInstallationIdsIsNotPostedAgain() {
        stores.forumThreads().save(new ForumThreadStore.Kept("popcorn-award-" + ref, new Forum.Posted(99, 98,
                "https://forum.example/t/popcorn/99"), "", AWeek.FRIDAY));
        announce.deliverForum(ref);
        verify(forum, never()).announceWinners(anyString(), any());
        announce.recognition().deliverBadge(ref + "/wanglei");
        verify(forum).grantBadge("wanglei", "https://forum.example/t/popcorn/99");
        verify(forum, never()).joinWinners(anyList());
    }
}
