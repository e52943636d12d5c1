package dev.popcorn.capability;

import dev.popcorn.app.award.Tally;
import dev.popcorn.app.award.Winners;
import dev.popcorn.app.week.LeadGlance;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.store.Store;
import dev.popcorn.web.WebKit;
import dev.popcorn.web.WeekRoutes;
import dev.popcorn.web.WinnersPage;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** The week at a glance: its release, reports, poll and results, and how many took part at each step. */
public final class WeekCapability implements Capability {

    private final Tally tally;
    private final WeekOverview overview;
    private final WeekParticipation participation;
    private final LeadGlance glance;
    private final Winners winners;

    public WeekCapability(Core core) {
        Store store = core.store();
        this.tally = new Tally(store.ballots(), store.reports(), core.config().award().tieRule());
        this.overview = new WeekOverview(store.releases(), store.reports(), store.polls(), tally, store.teams(),
                store.audit(), core.clock());
        this.glance = new LeadGlance(store.releases(), store.reports(), store.polls(), tally, core.clock());
        this.winners = new Winners(store.polls(), store.releases(), store.awards(), store.teams(), tally);
        this.participation = new WeekParticipation(store.funnel(), store.reports(), store.participation(),
                store.polls(),
                store.ballots(), core.clock());
    }

    /** How a poll's ballots count, by the configured tie rule. */
    public Tally tally() {
        return tally;
    }

    public WeekOverview overview() {
        return overview;
    }

    /** The week at a glance for the lead: feedback, its trend, the poll's count so far. */
    public LeadGlance glance() {
        return glance;
    }

    /** The awards won, week by week, and by team. */
    public Winners winners() {
        return winners;
    }

    public WeekParticipation participation() {
        return participation;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new WeekRoutes(overview, web.gate()), new WinnersPage(overview, winners, web.chrome()));
    }
}
