package dev.popcorn.app.week;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.award.AwardStore;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.award.Winners;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reads that carry a rule: who sees a poll's count when, what a report form offers, the lead's glance. */
class WeekOverviewTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.POLL_OPENS.plus(Duration.ofHours(1)));
    private final Tally tally = new Tally(stores.ballots(), stores.reports(), TieRule.SHARED);
    private final WeekOverview overview = new WeekOverview(stores.releases(), stores.reports(), stores.polls(), tally,
            stores.teams(), stores.audit(), clock);
    private final LeadGlance glances = new LeadGlance(stores.releases(), stores.reports(), stores.polls(), tally,
            clock);
    private final Winners winners = new Winners(stores.polls(), stores.releases(), stores.awards(), stores.teams(),
            tally);

    @Test
    void aPollsCountIsHiddenWhileItRunsShownToLeadsFromTheCloseAndToEveryoneOnceApproved() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long pollId = week.poll().id();

        assertThat(overview.poll(pollId, false).result()).isEmpty();
        assertThat(overview.poll(pollId, true).result()).as("not even a lead, on the poll's page").isEmpty();
        assertThat(overview.poll(pollId, true).state()).isEqualTo(PollState.OPEN);
        assertThat(glances.liveCount()).as("the lead's glance counts while it runs")
                .hasValueSatisfying(count -> assertThat(count.ballots()).isEqualTo(3));

        clock.set(AWeek.POLL_CLOSES);
        assertThat(overview.poll(pollId, false).state()).isEqualTo(PollState.CLOSED);
        assertThat(overview.poll(pollId, false).result()).as("users wait for the review").isEmpty();
        assertThat(overview.poll(pollId, true).result()).hasValueSatisfying(result -> {
            assertThat(result.ballots()).isEqualTo(3);
            assertThat(result.standings().get(0).candidate().teamSlug()).isEqualTo("camera");
            assertThat(result.standings().get(0).votes()).isEqualTo(2);
        });
        assertThat(glances.liveCount()).isEmpty();
        assertThat(winners.winners(10)).isEmpty();

        Poll approved = stores.polls().find(pollId).orElseThrow().approve(clock.instant(), "lead");
        stores.polls().update(approved);
        assertThat(overview.poll(pollId, false).state()).isEqualTo(PollState.APPROVED);
        assertThat(overview.poll(pollId, false).result()).hasValueSatisfying(r -> assertThat(r.ballots()).isEqualTo(3));
        assertThat(winners.winners(10)).singleElement().satisfies(w -> assertThat(w.poll().id()).isEqualTo(pollId));
    }

    @Test
    void anUnknownPollOrReleaseIsNotFoundNamingItsId() {
        assertThatViolation(() -> overview.poll(404, true)).is(Kind.NOT_FOUND, "poll.unknown").withArgs(404L);
        assertThatViolation(() -> overview.release(404)).is(Kind.NOT_FOUND, "release.unknown").withArgs(404L);
    }

    @Test
    void theReportFormOffersTheTopWishesAndEveryWishTheReportBacksAlready() {
        AWeek.Week week = AWeek.in(stores).build();
        clock.set(AWeek.FRIDAY.plus(Duration.ofHours(1)));
        stores.reports().save(report("ana", week.release(), List.of(
                stores.reports().fileWish("Lock focus while recording", "ana", week.release().id(), clock.instant()),
                stores.reports().fileWish("A quieter shutter sound", "ana", week.release().id(), clock.instant())),
                List.of()), clock.instant());
        List<Wish> wishes = stores.reports().openWishes(10);
        Wish popular = wishes.stream().filter(w -> w.text().startsWith("Lock")).findFirst().orElseThrow();
        Wish quiet = wishes.stream().filter(w -> w.text().startsWith("A quieter")).findFirst().orElseThrow();
        stores.reports().save(report("ben", week.release(), List.of(popular.id()), List.of()), clock.instant());

        assertThat(overview.wishesToOffer(1, List.of())).extracting(Wish::id).containsExactly(popular.id());
        assertThat(overview.wishesToOffer(1, List.of(quiet.id(), popular.id()))).as("a +1 is never silently dropped")
                .extracting(Wish::id).containsExactly(popular.id(), quiet.id());
    }

    @Test
    void theGlanceKeepsTheLatestCommentsOfEachVerdictAndATrendOldestFirst() {
        AWeek.Week week = AWeek.in(stores).build();
        Release before = stores.releases().create("2026.11.13", AWeek.FRIDAY.minus(Duration.ofDays(7)),
                AWeek.FRIDAY.minus(Duration.ofDays(3)), List.of(new Feature("POP-9", "Old feature", "camera")));
        stores.reports().save(new ExperienceReport("old", before.id(), List.of(new FeatureVerdict("POP-9",
                Verdict.NOT_GOOD_ENOUGH, "")), List.of(), List.of()), before.shippedAt().plusSeconds(60));
        for (int i = 0; i < 3; i++) {
            stores.reports().save(new ExperienceReport("fan-" + i, week.release().id(), List.of(
                    new FeatureVerdict("POP-1", Verdict.LIKE, "like " + i),
                    new FeatureVerdict("POP-2", Verdict.NOT_GOOD_ENOUGH, i == 0 ? "too slow" : "")), List.of(),
                    List.of()),
                    AWeek.FRIDAY.plusSeconds(60L * (i + 1)));
        }

        LeadGlance.Glance glance = glances.glance(1, 2).orElseThrow();

        assertThat(glance.release()).isEqualTo(week.release());
        assertThat(glance.reports()).isEqualTo(3);
        assertThat(glance.comments().get("POP-1").get(Verdict.LIKE)).as("two at most").hasSize(2);
        assertThat(glance.comments().get("POP-2").get(Verdict.NOT_GOOD_ENOUGH)).containsExactly("too slow");
        assertThat(glance.trend()).extracting(p -> p.release().version()).containsExactly("2026.11.13", "2026.11.20");
        assertThat(glance.trend().get(0).likeShare()).isZero();
        assertThat(glance.trend().get(1).likes()).isEqualTo(3);
        assertThat(glance.trend().get(1).likeShare()).isEqualTo(50);
        assertThat(glance.count()).as("the poll is a draft").isEmpty();
    }

    @Test
    void teamsWithAwardsLeadTheBoardAndTeamsWithoutOneFollowWithNone() {
        AWeek.Week week = AWeek.in(stores).build();
        stores.awards().record(List.of(new AwardStore.Award(week.poll().id(), week.candidate(1).id(), "battery", 2,
                AWeek.POLL_CLOSES)));

        assertThat(winners.leaderboard()).extracting(b -> b.team().slug(), Winners.Buckets::buckets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("battery", 1L),
                        org.assertj.core.groups.Tuple.tuple("camera", 0L));
        assertThat(winners.winsOf("battery")).singleElement().satisfies(win -> {
            assertThat(win.release()).isEqualTo(week.release());
            assertThat(win.candidate().teamSlug()).isEqualTo("battery");
            assertThat(win.votes()).isEqualTo(2);
        });
        assertThat(winners.winsOf("camera")).isEmpty();
    }

    private static ExperienceReport report(String user, Release release, List<Long> supported, List<String> newWishes) {
        return new ExperienceReport(user, release.id(), List.of(new FeatureVerdict(release.features().get(0).key(),
                Verdict.LIKE, "")), supported, newWishes);
    }
}
