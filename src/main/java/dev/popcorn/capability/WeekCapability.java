package dev.popcorn.capability;

import dev.popcorn.app.award.Tally;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekParticipation;
import dev.popcorn.store.Store;
import dev.popcorn.web.WeekRoutes;
import dev.popcorn.web.WinnersPage;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** The week at a glance: its release, reports, poll and results, and how many took part at each step. */
public final class WeekCapability implements Capability {

    private final Tally tally;
    private final WeekOverview overview;
    private final WeekParticipation participation;

    public WeekCapability(Core core) {
        Store store = core.store();
        this.tally = new Tally(store.ballots(), store.reports(), core.config().award().tieRule());
        this.overview = new WeekOverview(store.releases(), store.reports(), store.polls(), tally, store.awards(),
                store.teams(), store.participation(), store.audit(), core.clock());
        this.participation = new WeekParticipation(store.funnel(), store.reports(), store.participation(), store.polls(),
                store.ballots(), core.clock());
    }

    /** How a poll's ballots count, by the configured tie rule. */
    public Tally tally() {
        return tally;
    }

    public WeekOverview overview() {
        return overview;
    }

    public WeekParticipation participation() {
        return participation;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new WeekRoutes(overview, web.gate()), new WinnersPage(overview, web.chrome()));
    }
}
