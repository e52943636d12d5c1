package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.Check;
import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.award.Tally;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.app.outbox.OutboxTroubles;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.domain.participation.PointsRules;
import dev.popcorn.domain.participation.Streak;
import dev.popcorn.domain.release.BuildRule;
import dev.popcorn.memory.MemoryStores;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Messages;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead's desk: its polls with their releases, what a form did and where, a connection check in words. */
class DeskModelTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.POLL_OPENS.plus(Duration.ofHours(1)));
    private final WeekOverview overview = new WeekOverview(stores.releases(), stores.reports(), stores.polls(),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), stores.teams(),
            stores.audit(), clock);
    private final dev.popcorn.app.participation.StandingParts parts = dev.popcorn.app.participation.StandingParts.of(
            mock(StandingStore.class), stores.participation(),
            PointsRules.defaults(), stores.transactions(), stores.audit(), LevelLadder.defaults(),
            Streak.Rules.defaults(), ZoneId.of("Asia/Shanghai"), List::of, Standing.Mirror.none(), clock);
    private final Standing standing = parts.standing();
    private final PollModel polls = new PollModel(new PollModel.UseCases(overview, new CastBallot(stores.polls(),
            stores.ballots(), stores.ledger(clock), dev.popcorn.app.participation.Rights.everyone(), stores.users(),
            stores.teams(), null, new Eligibility(0, Duration.ZERO, 0, true),
            dev.popcorn.app.GroupCommit.alone(stores.transactions()), clock), mock(AnnounceAward.class),
            mock(Nominations.class),
            parts.levels(), stores.ledger(clock)), new ForumMarkdown(() -> "https://popcorn.example"));
    private final Leaderboards leaderboards = mock(Leaderboards.class);
    private final BuildNotices buildNotices = mock(BuildNotices.class);
    private final DeskModel model = new DeskModel(new DeskModel.UseCases(overview, mock(TrackerSync.class),
            mock(WishTickets.class), mock(OutboxTroubles.class), buildNotices, mock(MemberAccounts.class), leaderboards,
            new People(stores.users()), mock(OpenRelease.class), mock(dev.popcorn.app.week.LeadGlance.class)), polls,
            new LeadParticipationModel(overview, new WeekParticipation(stores.funnel(), stores.reports(),
                    stores.participation(), stores.polls(), stores.ballots(), clock), parts.levels()),
            true);
    private final Pass lead = new Pass(Kind.SESSION, "lead", "Lead", Role.LEAD, AWeek.FRIDAY,
            AWeek.POLL_CLOSES.plus(Duration.ofDays(30)));

    DeskModelTest() {
        when(leaderboards.users(any(), anyInt(), any())).thenReturn(new Leaderboards.UserBoard(Leaderboards.Period.WEEK,
                null, null, List.of(), null));
        when(buildNotices.rule()).thenReturn(mock(BuildRule.class));
    }

    @Test
    void theDeskListsEachPollWithItsReleaseAndSaysWhatAFormDidWhereItWasDone() {
        AWeek.Week week = AWeek.in(stores).ballots(0).build();

        DeskModel.Page page = model.page(lead, Messages.ENGLISH, null, KeptForm.NONE, "opened",
                "poll-" + week.poll().id());
        assertThat(page.polls()).singleElement().satisfies(card -> {
            assertThat(card.poll().id()).isEqualTo(week.poll().id());
            assertThat(card.release().id()).isEqualTo(week.release().id());
        });
        assertThat(page.done()).isEqualTo("opened");
        assertThat(page.doneAt()).isEqualTo("poll-" + week.poll().id());
        assertThat(page.checks()).as("no check was run").isNull();
        assertThat(page.deskParts()).isEqualTo(LeadDesk.PARTS);
        assertThat(page.jenkins().jenkinsEnabled()).isTrue();
        assertThat(page.participation().participationRelease().id()).isEqualTo(week.release().id());
    }

    @Test
    void aPlaceTheDeskDoesNotHaveIsNoPlaceAndACheckIsSaidInTheLeadsLanguage() {
        AWeek.Week week = AWeek.in(stores).build();
        Check check = new Check("tracker.check.reachable", true, List.of());

        DeskModel.Page page = model.page(lead, Messages.CHINESE, List.of(check), KeptForm.NONE, null,
                "https://elsewhere.example");
        assertThat(page.doneAt()).isEmpty();
        assertThat(page.checks()).singleElement().satisfies(line -> {
            assertThat(line.ok()).isTrue();
            assertThat(line.text()).isEqualTo(Messages.text(Messages.CHINESE, "tracker.check.reachable"));
        });
        assertThat(page.teams()).containsOnlyKeys("camera", "battery");
        assertThat(week).isNotNull();
    }
}
