package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.Chrome;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** A team's page: its members and the awards it won. */
public final class TeamPage implements EndpointGroup {

    /** The page: the team and its wins. */
    record Page(Team team, List<dev.popcorn.app.award.Winners.TeamWin> wins) {
        /** The team of {@code slug}; an unknown slug is not found. */
        static Page of(WeekOverview overview, dev.popcorn.app.award.Winners winners, String slug) {
            Team team = overview.team(slug).orElseThrow(() -> RuleViolation.notFound("team.unknown", slug));
            return new Page(team, winners.winsOf(team.slug()));
        }
    }

    private final WeekOverview overview;
    private final dev.popcorn.app.award.Winners winners;
    private final Chrome chrome;

    public TeamPage(WeekOverview overview, dev.popcorn.app.award.Winners winners, Chrome chrome) {
        this.overview = overview;
        this.winners = winners;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/teams/{slug}", ctx -> chrome.render(ctx, "team", Page.of(overview, winners, ctx.pathParam("slug"))),
                ANYONE);
    }
}
