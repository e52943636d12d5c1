package dev.popcorn.app.award;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.AWeek;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The winner card is drawn for every look while a lead reviews it, and once when approved. */
class AnnounceAwardCardTest {

    private final MemoryStores stores = new MemoryStores();
    private final AtomicInteger renders = new AtomicInteger();
    private final AnnouncementWriter writer = new CardOnlyWriter(
            facts -> ("card " + renders.incrementAndGet() + " of poll " + facts.pollId())
                    .getBytes(StandardCharsets.UTF_8));
    private final AnnounceAward announce = new AnnounceAward(new AnnounceAward.Stores(stores.polls(), stores.outbox(),
            stores.releases(), stores.teams(), stores.users(), stores.forumThreads()),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), writer,
            new AnnounceAward.Channels(Forum.none(), ChatWebhook.none()), ZoneId.of("Asia/Shanghai"),
            () -> "https://popcorn.example", Clock.systemUTC());

    @Test
    void anApprovedPollsCardIsRenderedOnceAndTheSameBytesServeEveryLook() {
        Poll closed = AWeek.in(stores).ballots(0, 0, 1).build().poll().close(AWeek.POLL_CLOSES.minusSeconds(60));

        byte[] preview = announce.card(closed);
        byte[] again = announce.card(closed);
        assertThat(renders).as("a lead's previews are drawn each time").hasValue(2);
        assertThat(again).isNotSameAs(preview);

        Poll approved = closed.approve(AWeek.POLL_CLOSES.plus(Duration.ofHours(1)), "lead");
        stores.polls().update(approved);
        byte[] card = announce.card(approved);
        for (int i = 0; i < 5; i++) {
            assertThat(announce.card(approved)).isSameAs(card);
        }
        assertThat(announce.announcement(String.valueOf(approved.id())).card())
                .as("the forum's card is the public one").isSameAs(card);
        assertThat(renders).as("drawn once since the approval").hasValue(3);
    }

    @Test
    void theKeptCardsAreBounded() {
        Poll approved = AWeek.in(stores).ballots(0, 0, 1).build().poll().close(AWeek.POLL_CLOSES.minusSeconds(60))
                .approve(AWeek.POLL_CLOSES.plus(Duration.ofHours(1)), "lead");
        byte[] first = announce.card(approved);
        // The same poll approved at other instants stands for as many polls (the key is the poll and its approval).
        for (int i = 1; i <= AnnounceAward.CARDS_KEPT; i++) {
            Poll other = closedAgain(approved).approve(AWeek.POLL_CLOSES.plus(Duration.ofHours(1 + i)), "lead");
            announce.card(other);
        }
        assertThat(renders).hasValue(1 + AnnounceAward.CARDS_KEPT);
        assertThat(announce.card(approved)).as("the least recently shown was let go").isNotSameAs(first);
        assertThat(renders).hasValue(2 + AnnounceAward.CARDS_KEPT);
    }

    private static Poll closedAgain(Poll poll) {
        return new Poll(poll.id(), poll.releaseId(), poll.title(), dev.popcorn.domain.award.PollState.OPEN,
                poll.opensAt(),
                poll.closesAt(), poll.candidates(), null, null, poll.closedAt(), poll.announcement());
    }
}
