package dev.popcorn.app.feedback;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandInReportTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plus(Duration.ofHours(2)));
    private final HandInReport handIn = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
            stores.tickets(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);

    @Test
    void aReportBackingATicketIsWrittenWithTheTicketsWishAndARefusedOneLeavesNoWishBehind() {
        AWeek.Week week = AWeek.in(stores).build();
        stores.tickets().save(
                new Ticket("MIUI-7", "Faster search", "Open", false, "MIUI", List.of(), List.of(), List.of()),
                clock.instant());
        ExperienceReport report = new ExperienceReport("fan-1", week.release().id(),
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), List.of(),
                List.of());

        clock.set(week.release().reportsCloseAt().plusSeconds(1));
        assertThatViolation(() -> handIn.handIn(report, List.of("MIUI-7"))).is(Kind.CLOSED, "report.closed");
        assertThat(stores.reports().openWishes(10)).as("nothing written by a refused report").isEmpty();
        assertThatViolation(() -> handIn.handIn(report, List.of("MIUI-404"))).is(Kind.CLOSED, "report.closed");

        clock.set(AWeek.FRIDAY.plus(Duration.ofHours(2)));
        assertThatViolation(() -> handIn.handIn(report, List.of("MIUI-404"))).is(Kind.INVALID, "wish.ticket.unknown");
        assertThat(stores.reports().find(week.release().id(), "fan-1")).as("no report either").isEmpty();

        handIn.handIn(report, List.of("MIUI-7", "MIUI-7"));
        assertThat(stores.reports().openWishes(10)).singleElement()
                .satisfies(wish -> assertThat(wish.ticketKey()).isEqualTo("MIUI-7"));
        assertThat(stores.reports().find(week.release().id(), "fan-1").orElseThrow().supportedWishes()).hasSize(1);
    }

    @Test
    void onlyARealReportEarnsPointsAndEditingItEarnsNothingMore() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        String feature = week.release().features().get(0).key();

        handIn.handIn(
                new ExperienceReport("fan-1", release, List.of(), List.of(), List.of("A darker night mode, please")));
        assertThat(stores.participation().points("fan-1")).as("a report with no verdict and no comment").isZero();
        assertThat(stores.participation().grants("fan-1", Long.MAX_VALUE, 20)).isEmpty();

        handIn.handIn(new ExperienceReport("fan-1", release, List.of(new FeatureVerdict(feature, Verdict.LIKE, "")),
                List.of(), List.of()));
        assertThat(stores.participation().points("fan-1")).isEqualTo(10);
        handIn.handIn(new ExperienceReport("fan-1", release,
                List.of(new FeatureVerdict(feature, Verdict.NOT_GOOD_ENOUGH, "still slow")), List.of(), List.of()));
        assertThat(stores.participation().points("fan-1")).as("editing adds nothing").isEqualTo(10);
    }

    @Test
    void aConsideredReportEarnsMoreThanABareVerdictOncePerReleaseAndNotForACopy() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        String feature = week.release().features().get(0).key();
        String words = "The night mode keeps the status bar white, which hurts in a dark room";

        handIn.handIn(new ExperienceReport("bare", release, List.of(new FeatureVerdict(feature, Verdict.LIKE, "")),
                List.of(), List.of()));
        handIn.handIn(new ExperienceReport("considered", release,
                List.of(new FeatureVerdict(feature, Verdict.NOT_GOOD_ENOUGH, words)), List.of(), List.of()));
        assertThat(stores.participation().points("bare")).as("one verdict and nothing else").isEqualTo(10);
        assertThat(stores.participation().points("considered")).as("the same with comments of one's own").isEqualTo(15);

        handIn.handIn(new ExperienceReport("short", release,
                List.of(new FeatureVerdict(feature, Verdict.LIKE, "good, more please")), List.of(), List.of()));
        assertThat(stores.participation().points("short")).as("a common remark is not a considered report")
                .isEqualTo(10);

        handIn.handIn(new ExperienceReport("bare", release, List.of(new FeatureVerdict(feature, Verdict.LIKE,
                "Search finds my notes now, but only after I type the second word of a title")), List.of(), List.of()));
        assertThat(stores.participation().points("bare")).as("comments written in a later edit earn the rest")
                .isEqualTo(15);
        handIn.handIn(new ExperienceReport("bare", release, List.of(new FeatureVerdict(feature, Verdict.LIKE,
                "Search finds my notes now, but only after I type the second word; the first is ignored")), List.of(),
                List.of()));
        assertThat(stores.participation().points("bare")).as("once per release").isEqualTo(15);

        handIn.handIn(new ExperienceReport("copier", release,
                List.of(new FeatureVerdict(feature, Verdict.NOT_GOOD_ENOUGH, words + " too")), List.of(), List.of()));
        assertThat(stores.participation().points("copier")).as("a touched-up copy earns neither").isZero();

        HandInReport capped = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
                stores.tickets(),
                stores.ledger(new dev.popcorn.domain.participation.PointsRules(10, 5, 20, 15, 12), clock),
                dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
                dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
        capped.handIn(new ExperienceReport("near-cap", release, List.of(new FeatureVerdict(feature, Verdict.LIKE,
                "The camera now opens in under a second from the lock screen, even with the battery saver on")),
                List.of(),
                List.of()));
        assertThat(stores.participation().grants("near-cap", Long.MAX_VALUE, 10))
                .as("the report first, then its comments")
                .extracting(g -> g.kind() + " " + g.points())
                .containsExactlyInAnyOrder("REPORT_HANDED_IN 10", "REPORT_WRITTEN 2");
    }

    @Test
    void aLeadMarksAReportHelpfulOnceAndItsAuthorEarnsPastTheWeeklyCap() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        HandInReport capped = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
                stores.tickets(),
                stores.ledger(new dev.popcorn.domain.participation.PointsRules(10, 5, 20, 15, 10), clock),
                dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
                dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
        capped.handIn(new ExperienceReport("fan-1", release,
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "sharp")), List.of(),
                List.of()));
        assertThat(stores.participation().points("fan-1")).as("the report, at the cap of 10").isEqualTo(10);

        assertThat(capped.markHelpful(release, "fan-1", "lead")).isTrue();
        assertThat(capped.markHelpful(release, "fan-1", "lead")).as("marked again: nothing more").isFalse();
        assertThat(stores.participation().points("fan-1")).as("helpful is exempt from the cap").isEqualTo(25);
        assertThat(stores.audit().recent(10)).filteredOn(e -> e.action().equals("report.helpful")).hasSize(1);
        assertThatViolation(() -> capped.markHelpful(release, "fan-2", "lead")).is(Kind.NOT_FOUND, "report.unknown")
                .withArgs(release, "fan-2");
    }

    @Test
    void aNewWishLikeAnOpenOneIsFiledOnlyOnceTheFanHasSeenWhatItResembles() {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        handIn.handIn(
                new ExperienceReport("ana", release, List.of(), List.of(),
                        List.of("Dark mode for the settings screens")),
                List.of());
        long dark = stores.reports().openWishes(10).get(0).id();
        ExperienceReport ben = new ExperienceReport("ben", release,
                List.of(new FeatureVerdict(week.release().features().get(0).key(), Verdict.LIKE, "")), List.of(),
                List.of("A dark mode for the settings"));

        SimilarWishes.Unseen unseen = catchThrowableOfType(SimilarWishes.Unseen.class,
                () -> handIn.handIn(ben, List.of()));
        assertThat(unseen.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(unseen.code()).isEqualTo("report.wishes.similar");
        assertThat(unseen.similar()).extracting(WishTickets.Match::wishId).containsExactly(dark);
        assertThat(unseen.details()).as("what an API answers with it").containsOnlyKeys("similar");
        assertThat(stores.reports().find(release, "ben")).as("nothing written").isEmpty();
        assertThat(stores.reports().openWishes(10)).hasSize(1);
        assertThatThrownBy(() -> handIn.save(new HandInReport.Request(ben, List.of(), List.of("Other words seen"))))
                .as("seen for other words: shown again").isInstanceOf(SimilarWishes.Unseen.class);

        HandInReport.Saved saved = handIn
                .save(new HandInReport.Request(ben, List.of(), List.of(" A dark mode for the settings ")));
        assertThat(saved.report().supportedWishes()).hasSize(1).doesNotContain(dark);
        assertThat(stores.participation().points("ben")).isEqualTo(10);
        handIn.handIn(ben, List.of());
        assertThat(stores.reports().openWishes(10)).as("handed in again as it was: its wish is filed, nothing to ask")
                .hasSize(2);
    }

    @Test
    void theSameNewWishHandedInTwiceIsOneWishWhicheverWayItComes() throws Exception {
        AWeek.Week week = AWeek.in(stores).build();
        long release = week.release().id();
        ExperienceReport report = new ExperienceReport("ana", release, List.of(), List.of(), List.of("Call recording"));

        ExperienceReport first = handIn.save(HandInReport.Request.of(report, List.of())).report();
        ExperienceReport again = handIn.handIn(HandInReport.Request.of(report, List.of())).get().report();
        assertThat(again.supportedWishes()).isEqualTo(first.supportedWishes()).hasSize(1);
        assertThat(stores.reports().openWishes(10)).singleElement()
                .satisfies(w -> assertThat(w.supporters()).as("supported once").isEqualTo(1));
        assertThat(stores.reports().find(release, "ana").orElseThrow().supportedWishes())
                .isEqualTo(first.supportedWishes());
    }
}
