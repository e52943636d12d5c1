package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Team;
import dev.popcorn.web.common.Chrome;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** A team's page: its members and the awards it won. */
public final class TeamPage implements EndpointGroup {

    /** The page: the team and its wins. */
    record Page(Team team, List<WeekOverview.TeamWin> wins) {
        /** The team of {@code slug}; an unknown slug is not found. */
        static Page of(WeekOverview overview, String slug) {
            Team team = overview.team(slug).orElseThrow(() -> RuleViolation.notFound("team.unknown", slug));
            return new Page(team, overview.winsOf(team.slug()));
        }
    }

    private final WeekOverview overview;
    private final Chrome chrome;

    public TeamPage(WeekOverview overview, Chrome chrome) {
        this.overview = overview;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/teams/{slug}", ctx -> chrome.render(ctx, "team", Page.of(overview, ctx.pathParam("slug"))), ANYONE);
    }
}
