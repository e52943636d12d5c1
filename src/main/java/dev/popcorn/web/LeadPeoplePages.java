package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.json.StandingJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lead's view of people (issue 28, items 10 and 15): {@code /lead/people?q=} finds them by part of their name or id,
 * {@code /lead/people/{id}} shows one — their level and how far the next one is, their points, grants and reports — with
 * the acts a lead may take there (lock or unlock the level, revoke a grant, mark a report helpful), so that a lead picks
 * a person by name and never types an id.
 */
final class LeadPeoplePages implements EndpointGroup {

    private final People people;
    private final Standing standing;
    private final Levels levels;
    private final Ledger ledger;
    private final Chrome chrome;

    LeadPeoplePages(People people, Standing standing, Levels levels, Ledger ledger, Chrome chrome) {
        this.people = people;
        this.standing = standing;
        this.levels = levels;
        this.ledger = ledger;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/lead/people", this::find, LEAD);
        get("/lead/people/{user}", ctx -> show(ctx, ctx.pathParam("user"), KeptForm.NONE), LEAD);
    }

    private void find(Context ctx) {
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (text.length() > 120) {
            throw RuleViolation.invalid("request.field.maxLength", "q", 120);
        }
        Map<String, Object> model = chrome.model(ctx);
        model.put("q", text);
        List<Map<String, Object>> found = new ArrayList<>();
        Locale locale = chrome.locale(ctx);
        for (User user : people.find(text)) {
            found.add(Map.of("id", user.id(), "name", user.name(), "level", levels.level(user.id()).name(locale)));
        }
        model.put("found", found);
        model.put("foundMax", People.FOUND);
        chrome.render(ctx, "lead-people", model);
    }

    /** The person's page; {@code kept} is a form of it that was refused, shown again as it was sent. */
    void show(Context ctx, String userId, KeptForm kept) {
        User user = people.person(userId).orElseThrow(() -> RuleViolation.notFound("level.user.unknown", userId));
        Locale locale = chrome.locale(ctx);
        Map<String, Object> model = chrome.model(ctx);
        model.put("person", user);
        Standing.View view = standing.view(user.id());
        model.put("standing", StandingJson.of(view, locale));
        model.put("own", false);
        model.put("leadView", true);
        model.put("fanName", user.name());
        model.put("windowReleases", standing.ladder().windowReleases());
        model.put("freezeEvery", standing.streakRules().freezeEvery());
        Ledger.Summary summary = ledger.summary(user.id(), null);
        model.put("points", summary);
        model.put("grants", summary.grants().stream().map(g -> LeadParticipationModel.grant(g, locale)).toList());
        model.put("reports", standing.reports(user.id(), 20));
        model.put("levelChoices", LeadParticipationModel.levelChoices(standing.ladder(), locale));
        model.put("kept", kept);
        model.put("done", ctx.queryParam("done"));
        model.put("awarded", ParticipationKind.AWARDED.name());
        chrome.render(ctx, "lead-person", model);
    }
}
