package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.participation.People;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import dev.popcorn.web.common.Chrome;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lead's view of people (issue 28, items 10 and 15): {@code /lead/people?q=} finds them by part of their name or id,
 * {@code /lead/people/{id}} shows one — their level and how far the next one is, their points, grants and reports — with
 * the acts a lead may take there (lock or unlock the level, revoke a grant, mark a report helpful), so that a lead picks
 * a person by name and never types an id.
 */
public final class LeadPeoplePages implements EndpointGroup {

    /** The search: what was typed, who was found (at most {@code foundMax}). */
    record Found(String q, List<Row> found, int foundMax) {
    }

    /** A person found: id, name, level in the lead's language. */
    record Row(String id, String name, String level) {
    }

    private final People people;
    private final dev.popcorn.app.participation.Levels standing;
    private final PersonModel person;
    private final Chrome chrome;

    public LeadPeoplePages(People people, dev.popcorn.app.participation.Levels standing, PersonModel person,
            Chrome chrome) {
        this.people = people;
        this.standing = standing;
        this.person = person;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/lead/people", this::find, LEAD);
        get("/lead/people/{user}", ctx -> chrome.render(ctx, "lead-person", person.page(ctx.pathParam("user"),
                chrome.locale(ctx), KeptForm.NONE, ctx.queryParam("done"))), LEAD);
    }

    private void find(Context ctx) {
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (text.length() > 120) {
            throw RuleViolation.invalid("request.field.maxLength", "q", 120);
        }
        Locale locale = chrome.locale(ctx);
        List<Row> found = new ArrayList<>();
        for (User user : people.find(text)) {
            found.add(new Row(user.id(), user.name(), standing.level(user.id()).name(locale)));
        }
        chrome.render(ctx, "lead-people", new Found(text, found, People.FOUND));
    }
}
