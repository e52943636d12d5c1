package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Params.orEmpty;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.popcorn.app.team.ManageTeams;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.json.AwardJson;
import dev.popcorn.web.json.TeamJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;

/** Teams with their members and wins, the winners week by week, and the popcorn leaderboard. */
public final class TeamRoutes implements EndpointGroup {

    record MemberInput(String name, String photoUrl, String userId) {
    }

    record TeamInput(String name, String nameZh, List<MemberInput> members) {
    }

    private final WeekOverview overview;
    private final dev.popcorn.app.award.Winners winners;
    private final ManageTeams manageTeams;

    public TeamRoutes(WeekOverview overview, dev.popcorn.app.award.Winners winners, ManageTeams manageTeams) {
        this.overview = overview;
        this.winners = winners;
        this.manageTeams = manageTeams;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/teams", ctx -> Json.write(ctx, 200, overview.teams()), ANYONE);
        get("/api/v1/teams/{slug}", this::team, ANYONE);
        put("/api/v1/teams/{slug}", this::save, LEAD);
        get("/api/v1/winners",
                ctx -> Json.write(ctx, 200, winners.winners(52).stream().map(AwardJson.Winners::of).toList()),
                ANYONE);
        get("/api/v1/leaderboard",
                ctx -> Json.write(ctx, 200, winners.leaderboard().stream().map(AwardJson.Bucket::of).toList()),
                ANYONE);
    }

    private void team(Context ctx) {
        Team team = overview.team(ctx.pathParam("slug"))
                .orElseThrow(() -> RuleViolation.notFound("team.unknown", ctx.pathParam("slug")));
        Json.write(ctx, 200, TeamJson.of(team, winners.winsOf(team.slug())));
    }

    private void save(Context ctx) {
        TeamInput input = Json.read(ctx, TeamInput.class);
        List<Member> members = orEmpty(input.members()).stream()
                .map(m -> new Member(m.name(), m.photoUrl(), m.userId()))
                .toList();
        Json.write(ctx, 200, manageTeams.save(new Team(ctx.pathParam("slug"), input.name(), input.nameZh(), members),
                Gate.admitted(ctx).userId()));
    }
}
