package dev.popcorn.app.feedback;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.TicketsInTracker;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.feedback.WishNotice;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wish on its way to a ticket: linked by an engineer (its author credited once), fulfilled when the ticket is done
 * (supporters told and credited, followers told), and a tracker that repeats itself changing nothing more.
 */
class WishTicketsRulesTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plus(Duration.ofHours(2)));
    private final Ledger ledger = stores.ledger(clock);
    private final HandInReport handIn = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
            stores.tickets(), ledger, dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
    private final TicketsInTracker tracker = new TicketsInTracker();
    private final WishTickets wishTickets = wishTickets(tracker);

    private AWeek.Week week;
    private long wishId;

    private WishTickets wishTickets(IssueTracker withTracker) {
        return new WishTickets(stores.transactions(), stores.reports(), stores.tickets(), stores.notices(), ledger,
                stores.outbox(), withTracker, Forum.none(), stores.audit(), () -> "https://popcorn.example", clock);
    }

    /** Ana wishes for something in her report; Ben +1s it in his. */
    @BeforeEach
    void aWishWithItsAuthorAndASupporter() {
        week = AWeek.in(stores).build();
        handIn.handIn(report("ana", List.of(), List.of("Let me lock focus while recording")));
        wishId = stores.reports().openWishes(10).get(0).id();
        handIn.handIn(report("ben", List.of(wishId), List.of()));
    }

    private ExperienceReport report(String user, List<Long> supported, List<String> newWishes) {
        return new ExperienceReport(user, week.release().id(),
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), supported,
                newWishes);
    }

    private static Ticket ticket(String key, boolean done) {
        return new Ticket(key, "Focus lock while recording", done ? "Done" : "In Progress", done, "MIUI", List.of(),
                List.of(), List.of("2026.11.27"));
    }

    private boolean granted(String user, ParticipationKind kind) {
        return stores.participation().find(user, kind, "wish:" + wishId).isPresent();
    }

    @Test
    void anEngineerLinksAWishToATicketItsAuthorIsCreditedOnceAndTheTicketIsAskedToLinkBack() {
        Wish linked = wishTickets.link(wishId, " miui-3001 ", "engineer");

        assertThat(linked.ticketKey()).as("read as the tracker writes keys").isEqualTo("MIUI-3001");
        assertThat(stores.reports().unfulfilledWishesOf("MIUI-3001")).extracting(Wish::id).containsExactly(wishId);
        assertThat(granted("ana", ParticipationKind.WISH_LINKED)).isTrue();
        assertThat(granted("ben", ParticipationKind.WISH_LINKED)).as("a +1 is no authorship").isFalse();
        assertThat(stores.outbox().find(WishTickets.LINK, wishId + "/MIUI-3001")).isPresent();
        assertThat(stores.audit().recent(10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("wish.link");
            assertThat(entry.actor()).isEqualTo("engineer");
            assertThat(entry.detail()).isEqualTo("MIUI-3001");
        });

        long points = stores.participation().points("ana");
        wishTickets.link(wishId, "MIUI-3002", "engineer");
        assertThat(stores.participation().points("ana")).as("relinking earns nothing more").isEqualTo(points);
    }

    @Test
    void aKeyThatIsNoTicketKeyOrAnUnknownWishIsRefusedAndNothingIsLinked() {
        assertThatViolation(() -> wishTickets.link(wishId, "focus lock", "engineer"))
                .is(Kind.INVALID, "feature.key.invalid")
                .withArgs("focus lock");
        assertThatViolation(() -> wishTickets.link(wishId, null, "engineer")).is(Kind.INVALID, "feature.key.invalid");
        assertThatViolation(() -> wishTickets.link(wishId + 1000, "MIUI-3001", "engineer"))
                .is(Kind.NOT_FOUND, "wish.unknown")
                .withArgs(wishId + 1000);
        assertThat(wishTickets.wish(wishId).linked()).isFalse();
        assertThat(granted("ana", ParticipationKind.WISH_LINKED)).isFalse();
    }

    @Test
    void withoutATrackerALinkIsKeptButNothingIsQueuedForTheTracker() {
        WishTickets offline = wishTickets(IssueTracker.none());

        assertThat(offline.link(wishId, "MIUI-3001", "engineer").linked()).isTrue();
        assertThat(stores.outbox().find(WishTickets.LINK, wishId + "/MIUI-3001")).isEmpty();
        assertThatViolation(() -> offline.fileTicket(wishId, "engineer")).is(Kind.INVALID, "tracker.off");
    }

    @Test
    void theTicketDoneFulfilsTheWishTellsSupportersAndFollowersAndCreditsTheAuthorMoreThanSupporters() {
        assertThat(wishTickets.follow(wishId, "cai")).isTrue();
        wishTickets.link(wishId, "MIUI-3001", "engineer");
        clock.advance(Duration.ofDays(3));

        assertThat(wishTickets.ticketChanged(ticket("MIUI-3001", false))).as("in progress is not done").isZero();
        assertThat(wishTickets.wish(wishId).fulfilled()).isFalse();

        int told = wishTickets.ticketChanged(ticket("MIUI-3001", true));

        assertThat(told).isEqualTo(3);
        assertThat(wishTickets.wish(wishId).fulfilledAt()).isEqualTo(clock.instant());
        for (String user : List.of("ana", "ben", "cai")) {
            assertThat(wishTickets.notices(user))
                    .extracting(WishNotice::wishId, WishNotice::ticketKey, WishNotice::shipsIn)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(wishId, "MIUI-3001", "2026.11.27"));
        }
        assertThat(granted("ana", ParticipationKind.WISH_AUTHOR_SHIPPED)).isTrue();
        assertThat(granted("ana", ParticipationKind.WISH_FULFILLED)).isFalse();
        assertThat(granted("ben", ParticipationKind.WISH_FULFILLED)).isTrue();
        assertThat(granted("ben", ParticipationKind.WISH_AUTHOR_SHIPPED)).isFalse();
        assertThat(stores.participation().grants("cai", Long.MAX_VALUE, 10)).as("following earns nothing").isEmpty();

        assertThatViolation(() -> wishTickets.follow(wishId, "dan")).is(Kind.CONFLICT, "wish.fulfilled")
                .withArgs(wishId);
        assertThatViolation(() -> wishTickets.link(wishId, "MIUI-3009", "engineer")).is(Kind.CONFLICT,
                "wish.fulfilled");
    }

    @Test
    void theTrackerSayingTheSameTicketIsDoneAgainTellsNobodyAgainAndGrantsNothingMore() {
        wishTickets.link(wishId, "MIUI-3001", "engineer");
        wishTickets.ticketChanged(ticket("MIUI-3001", true));
        long ana = stores.participation().points("ana");
        long ben = stores.participation().points("ben");

        clock.advance(Duration.ofMinutes(5));
        assertThat(wishTickets.ticketChanged(ticket("MIUI-3001", true))).isZero();

        assertThat(wishTickets.notices("ben")).hasSize(1);
        assertThat(stores.participation().points("ana")).isEqualTo(ana);
        assertThat(stores.participation().points("ben")).isEqualTo(ben);
        assertThat(wishTickets.wish(wishId).fulfilledAt()).as("fulfilled when first seen done")
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
    }

    @Test
    void aWebhookIsOnlyASignalReadsCollapseAndTheTicketIsBelievedAsTheTrackerHasIt() {
        wishTickets.link(wishId, "MIUI-3001", "engineer");

        assertThatViolation(() -> wishTickets.ticketReported("not a key")).is(Kind.MALFORMED, "webhook.malformed");
        wishTickets.ticketReported("MIUI-3001");
        wishTickets.ticketReported("MIUI-3001");
        assertThat(stores.outbox().find(WishTickets.READ, "MIUI-3001")).isPresent();
        assertThat(wishTickets.wish(wishId).fulfilled()).as("a signal credits nobody").isFalse();

        tracker.with(ticket("MIUI-3001", false));
        wishTickets.deliverRead("MIUI-3001");
        assertThat(wishTickets.wish(wishId).fulfilled()).as("the tracker says it is not done").isFalse();

        tracker.with(ticket("MIUI-3001", true));
        wishTickets.deliverRead("MIUI-3001");
        assertThat(wishTickets.wish(wishId).fulfilled()).isTrue();
        assertThat(wishTickets.notices("ben")).hasSize(1);

        wishTickets.deliverRead("MIUI-4040");
        assertThat(stores.tickets().find("MIUI-4040")).as("a ticket no longer there changes nothing").isEmpty();
    }

    @Test
    void aTicketFiledFromAWishIsLinkedOnceCreatedAndItsAuthorCredited() {
        wishTickets.fileTicket(wishId, "engineer");
        assertThat(wishTickets.filing(wishId)).isTrue();

        wishTickets.deliverFile(String.valueOf(wishId));

        assertThat(wishTickets.wish(wishId).ticketKey()).isEqualTo("MIUI-5000");
        assertThat(tracker.filed()).extracting(IssueTracker.WishTicket::pageUrl)
                .containsExactly("https://popcorn.example/wishes/" + wishId);
        assertThat(tracker.linked()).containsExactly(wishId + "→MIUI-5000");
        assertThat(granted("ana", ParticipationKind.WISH_LINKED)).isTrue();
        assertThatViolation(() -> wishTickets.fileTicket(wishId, "engineer")).is(Kind.CONFLICT, "wish.linked")
                .withArgs(wishId, "MIUI-5000");
    }
}
