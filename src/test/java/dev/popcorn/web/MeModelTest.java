package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.memory.MemoryStores;
import dev.popcorn.web.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fan's own page: what they asked for (a pass, older grants, early access) and what the ladder says. */
class MeModelTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plus(Duration.ofHours(1)));
    private final StandingStore standingStore = mock(StandingStore.class);
    private final dev.popcorn.app.participation.StandingParts parts = dev.popcorn.app.participation.StandingParts.of(
            standingStore, stores.participation(), PointsRules.defaults(),
            stores.transactions(), stores.audit(), LevelLadder.defaults(), Streak.Rules.defaults(),
            ZoneId.of("Asia/Shanghai"), List::of, Standing.Mirror.none(), clock);
    private final Standing standing = parts.standing();
    private final WeekOverview overview = new WeekOverview(stores.releases(), stores.reports(), stores.polls(),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), stores.teams(),
            stores.audit(), clock);
    private final HandInReport reports = new HandInReport(stores.transactions(), stores.releases(), stores.reports(),
            stores.tickets(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.audit(),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock);
    private final MeModel model = new MeModel(new MeModel.UseCases(standing, parts.levels(), stores.ledger(clock),
            mock(FanMessages.class)), new NoticeTexts(parts.notices(), LevelLadder.defaults()),
            new WayBack(overview, reports, WeekCalendar.defaults(ZoneId.of("Asia/Shanghai"))), 90);
    private final Pass fan = new Pass(Kind.SESSION, "fan-0", "Fan", Role.USER, AWeek.FRIDAY,
            AWeek.FRIDAY.plus(Duration.ofDays(30)));

    MeModelTest() {
        when(standingStore.activity(any(), any())).thenReturn(Activity.none());
    }

    @Test
    void aPassJustMadeIsShownOnceWithItsExpiryAndTheLadderIsSaidInTheFansLanguage() {
        AWeek.in(stores).build();
        Instant expires = AWeek.FRIDAY.plus(Duration.ofDays(90));

        MeModel.Page page = model.page(fan, Messages.CHINESE, new MeModel.Asked(null, true, "pass-123", expires));
        assertThat(page.me()).isEqualTo(fan);
        assertThat(page.own()).isTrue();
        assertThat(page.apiDays()).isEqualTo(90);
        assertThat(page.apiPass()).isEqualTo("pass-123");
        assertThat(page.apiPassExpires()).isEqualTo(expires);
        assertThat(page.earlyAccessAsked()).isTrue();
        assertThat(page.mayJoinEarly()).as("a newcomer is not a pioneer").isFalse();
        assertThat(page.earlyAccessFrom()).isEqualTo(LevelLadder.defaults().lowestWith(
                dev.popcorn.domain.participation.Right.EARLY_ACCESS).name(Messages.CHINESE));
        assertThat(page.olderThan()).as("no older grants to page to").isNull();
        assertThat(page.wayBack().version()).isEqualTo("2026.11.20");

        MeModel.Page again = model.page(fan, Messages.ENGLISH, new MeModel.Asked(null, false, null, null));
        assertThat(again.apiPass()).isNull();
        assertThat(again.apiPassExpires()).isNull();
    }

    @Test
    void onlyAGrantIdAsksForOlderGrants() {
        assertThat(MeModel.before(null)).isNull();
        assertThat(MeModel.before("older")).isNull();
        assertThat(MeModel.before("0")).isEqualTo(1L);
        assertThat(MeModel.before("42")).isEqualTo(42L);
    }
}
