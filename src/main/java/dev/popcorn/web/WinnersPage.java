package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.Chrome;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;
import java.util.Map;

/** The winners: the awards of the last year, the teams' board of buckets. */
public final class WinnersPage implements EndpointGroup {

    /** Awards shown: a year of weeks. */
    static final int AWARDS = 52;

    /** The page: the awards newest first, the board, the teams by slug. */
    record Page(List<dev.popcorn.app.award.Winners.Award> awards,
            List<dev.popcorn.app.award.Winners.Buckets> leaderboard, Map<String, Team> teams) {
        static Page of(WeekOverview overview, dev.popcorn.app.award.Winners winners) {
            return new Page(winners.winners(AWARDS), winners.leaderboard(), overview.teamsBySlug());
        }
    }

    private final WeekOverview overview;
    private final dev.popcorn.app.award.Winners winners;
    private final Chrome chrome;

    public WinnersPage(WeekOverview overview, dev.popcorn.app.award.Winners winners, Chrome chrome) {
        this.overview = overview;
        this.winners = winners;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/winners", ctx -> chrome.render(ctx, "winners", Page.of(overview, winners)), ANYONE);
    }
}
