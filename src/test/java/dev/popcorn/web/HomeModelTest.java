package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.memory.MemoryStores;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Messages;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The home page as anyone sees it, as a fan sees it, and with last week's poll still open. */
class HomeModelTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plus(Duration.ofHours(1)));
    private final WeekOverview overview = new WeekOverview(stores.releases(), stores.reports(), stores.polls(),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), stores.teams(),
            stores.audit(), clock);
    private final StandingStore standingStore = mock(StandingStore.class);
    private final dev.popcorn.app.participation.StandingParts parts = dev.popcorn.app.participation.StandingParts.of(
            standingStore, stores.participation(),
            PointsRules.defaults(), stores.transactions(), stores.audit(), LevelLadder.defaults(),
            Streak.Rules.defaults(), ZoneId.of("Asia/Shanghai"), List::of, Standing.Mirror.none(), clock);
    private final Standing standing = parts.standing();
    private final HandInReport reports = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
            stores.tickets(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
    private final PollModel polls = new PollModel(new PollModel.UseCases(overview, new CastBallot(stores.polls(),
            stores.ballots(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.users(),
            stores.teams(), null, new Eligibility(0, Duration.ZERO, 0, true),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock), mock(AnnounceAward.class),
            mock(Nominations.class),
            parts.levels(), stores.ledger(clock)), new ForumMarkdown(() -> "https://popcorn.example"));
    private final HomeModel model = new HomeModel(new HomeModel.UseCases(overview, reports, mock(WishTickets.class),
            standing,
            new dev.popcorn.app.award.Winners(stores.polls(), stores.releases(), stores.awards(), stores.teams(),
                    new Tally(stores.ballots(), stores.reports(), TieRule.SHARED)),
            stores.ledger(clock)), polls,
            new WayBack(overview, reports, WeekCalendar.defaults(ZoneId.of("Asia/Shanghai"))));

    HomeModelTest() {
        when(standingStore.activity(any(), any())).thenReturn(Activity.none());
    }

    private static Pass fan(String userId) {
        return new Pass(Kind.SESSION, userId, userId, Role.USER, AWeek.FRIDAY,
                AWeek.POLL_CLOSES.plus(Duration.ofDays(30)));
    }

    @Test
    void anyoneSeesTheWeekAndNoneOfAFansParts() {
        AWeek.Week week = AWeek.in(stores).build();

        HomeModel.Page page = model.page(Optional.empty(), Messages.ENGLISH, true);
        assertThat(page.release().id()).isEqualTo(week.release().id());
        assertThat(page.reportsOpen()).isTrue();
        assertThat(page.reportCount()).isZero();
        assertThat(page.poll().poll().id()).isEqualTo(week.poll().id());
        assertThat(page.teams()).containsOnlyKeys("camera", "battery");
        assertThat(page.myReport()).as("nobody to have reported").isNull();
        assertThat(page.points()).isNull();
        assertThat(page.standing()).isNull();
        assertThat(page.wayBack()).isNull();
        assertThat(page.stillOpen()).as("no release before this one").isNull();
        assertThat(page.signedOutEverywhere()).isTrue();
    }

    @Test
    void aFanSeesWhetherTheyReportedAndWhatIsNextForThem() {
        AWeek.Week week = AWeek.in(stores).build();

        HomeModel.Page page = model.page(Optional.of(fan("fan-0")), Messages.ENGLISH, true);
        assertThat(page.myReport()).isFalse();
        assertThat(page.points()).isZero();
        assertThat(page.standing()).isNotNull();
        assertThat(page.wayBack().version()).as("the release to report on").isEqualTo(week.release().version());
        assertThat(page.signedOutEverywhere()).as("said only to someone signed out").isFalse();
    }

    @Test
    void theReleaseBeforeStaysWhileItsPollIsOpen() {
        AWeek.Week week = AWeek.in(stores).open().build();
        clock.set(AWeek.FRIDAY.plus(Duration.ofDays(5)));
        stores.releases().create("2026.11.25", clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(4)),
                List.of(new Feature("POP-9", "Feature of next week", "camera")));

        HomeModel.Page page = model.page(Optional.of(fan("fan-0")), Messages.ENGLISH, false);
        assertThat(page.release().version()).isEqualTo("2026.11.25");
        assertThat(page.stillOpen().release().id()).isEqualTo(week.release().id());
        assertThat(page.stillOpen().reportsOpen()).as("its reports closed on Tuesday").isFalse();
        assertThat(page.stillOpen().poll().id()).isEqualTo(week.poll().id());
        assertThat(page.stillOpen().myReport()).isFalse();
    }
}
