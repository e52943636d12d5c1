package dev.popcorn.app.feedback;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backing a ticket is support, not authorship: the attack of issue 26 (points farmed by claiming tickets), at unit level. */
class WishTicketsTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plus(Duration.ofHours(2)));
    private final Ledger ledger = stores.ledger(clock);
    private final HandInReport handIn = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
            stores.tickets(), ledger, dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
    private final WishTickets wishTickets = new WishTickets(stores.transactions(), stores.reports(), stores.tickets(),
            stores.notices(), ledger, stores.outbox(), IssueTracker.none(), Forum.none(), stores.audit(),
            () -> "https://popcorn.example", clock);

    private static Ticket ticket(int i, boolean done) {
        return new Ticket("MIUI-" + (3000 + i), "Wish number " + i, done ? "Done" : "Open", done, "MIUI", List.of(),
                List.of(),
                List.of("2026.11.27"));
    }

    private List<String> openTickets(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stores.tickets().save(ticket(i, false), clock.instant());
            keys.add(ticket(i, false).key());
        }
        return keys;
    }

    @Test
    void aFanWhoBacksEveryOpenTicketEarnsNoAuthorsPointsAndNoMoreThanTheWeeklyCapWhenTheyShip() {
        AWeek.Week week = AWeek.in(stores).build();
        List<String> keys = openTickets(ExperienceReport.MAX_BACKED_TICKETS);
        ExperienceReport report = new ExperienceReport("farmer", week.release().id(),
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), List.of(),
                List.of());
        handIn.handIn(report, keys);
        assertThat(stores.reports().openWishes(100)).hasSize(keys.size())
                .allSatisfy(wish -> assertThat(wish.authored()).as("nobody authored a ticket's wish").isFalse());

        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < keys.size(); i++) {
            wishTickets.ticketChanged(ticket(i, true));
        }

        var grants = stores.participation().grants("farmer", Long.MAX_VALUE, 100);
        assertThat(grants).noneMatch(g -> g.kind() == ParticipationKind.WISH_AUTHOR_SHIPPED)
                .noneMatch(g -> g.kind() == ParticipationKind.WISH_LINKED);
        assertThat(stores.participation().points("farmer")).as("the report and shipped supports, all under the cap")
                .isEqualTo(ledger.weeklyCap());
    }

    @Test
    void aTicketTheTrackerMentionsButFansWereNeverShownCannotBeBackedNorMatched() {
        AWeek.Week week = AWeek.in(stores).build();
        Ticket internal = new Ticket("SEC-12", "Token leak in the camera upload service", "Open", false, "SEC",
                List.of(),
                List.of(), List.of());
        wishTickets.ticketChanged(internal);
        ExperienceReport report = new ExperienceReport("prober", week.release().id(),
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), List.of(),
                List.of());

        assertThatViolation(() -> handIn.handIn(report, List.of("SEC-12"))).is(Kind.INVALID, "wish.ticket.unknown")
                .withArgs("SEC-12");
        assertThatViolation(() -> handIn.handIn(report, List.of("SEC-13")))
                .as("the same answer as a key that does not exist")
                .is(Kind.INVALID, "wish.ticket.unknown").withArgs("SEC-13");
        assertThat(wishTickets.similar("token leak in the camera upload", 5)).as("its summary is never offered")
                .isEmpty();
        assertThat(stores.reports().openWishes(10)).isEmpty();

        List<String> shown = openTickets(1);
        wishTickets.ticketChanged(new Ticket(shown.get(0), "Wish number 0, reworded", "In Progress", false, "MIUI",
                List.of(), List.of(), List.of()));
        assertThat(stores.tickets().find(shown.get(0)).orElseThrow().summary())
                .as("a ticket fans see is kept up to date")
                .isEqualTo("Wish number 0, reworded");
    }

    @Test
    void theFormAndTheApiTakeTheSameLimitsAndAFailedBackingLeavesNothingBehind() {
        AWeek.Week week = AWeek.in(stores).build();
        List<String> keys = openTickets(ExperienceReport.MAX_BACKED_TICKETS + 40);
        ExperienceReport report = new ExperienceReport("farmer", week.release().id(),
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), List.of(),
                List.of());

        assertThatViolation(() -> handIn.handIn(report, keys)).is(Kind.INVALID, "report.tickets.tooMany");
        List<Long> tooMany = new ArrayList<>();
        for (long id = 1; id <= ExperienceReport.MAX_SUPPORTED_WISHES + 1; id++) {
            tooMany.add(id);
        }
        assertThatViolation(
                () -> handIn.handIn(new ExperienceReport("farmer", week.release().id(), report.verdicts(), tooMany,
                        List.of()), List.of()))
                .is(Kind.INVALID, "report.supported.tooMany");
        assertThat(stores.reports().openWishes(100)).isEmpty();
        assertThat(stores.reports().find(week.release().id(), "farmer")).isEmpty();

        // A ticket that is done and one nobody knows are refused alike: the answer tells nothing about the done one.
        stores.tickets().save(ticket(99, true), clock.instant());
        assertThatViolation(() -> handIn.handIn(report, List.of(ticket(99, true).key()))).is(Kind.INVALID,
                "wish.ticket.unknown");
        assertThatViolation(() -> handIn.handIn(report, List.of("MIUI-404404"))).is(Kind.INVALID,
                "wish.ticket.unknown");
    }
}
