package dev.popcorn.web;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Problems;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How every form of the lead's desk answers (issue 28, items 11 and 12). Done: back to the part of the desk it was
 * taken in (This week · Award · Participation · Releases · Audit, or the poll it concerned), with what was done said
 * there. Refused for what was typed: the desk again, answering the refusal's status, the form filled as it was sent and
 * why beside the field it concerns. Refusals that are not about the form (who may act, how fast) go to the error page
 * like any other.
 */
public final class LeadDesk {

    /** The parts of the desk, in the order of its index: their element ids. */
    static final List<String> PARTS = List.of("desk-week", "desk-award", "desk-participation", "desk-releases",
            "desk-audit");

    /** Where a notice may be shown: a part of the desk or one poll's card. */
    private static final Pattern PLACE = Pattern
            .compile("desk-(week|award|participation|releases|audit)|poll-\\d{1,18}");

    /** Refusals about the form's content or the state of what it acts on, which the lead answers by changing the form. */
    private static final Set<RuleViolation.Kind> ABOUT_THE_FORM = Set.of(RuleViolation.Kind.MALFORMED,
            RuleViolation.Kind.INVALID, RuleViolation.Kind.NOT_FOUND, RuleViolation.Kind.CONFLICT,
            RuleViolation.Kind.CLOSED);

    private final DeskModel desk;
    private final PersonModel people;
    private final Chrome chrome;

    public LeadDesk(DeskModel desk, PersonModel people, Chrome chrome) {
        this.desk = desk;
        this.people = people;
        this.chrome = chrome;
    }

    /**
     * Runs the lead's action for form {@code form}; done, goes back to the place {@code at} (the value of
     * {@code action}, when not null, names what was done; else {@code what}); refused for the form's sake, shows the
     * desk with the form kept. A form sent from a person's page (its field {@code person} names them) goes back there.
     */
    void act(Context ctx, String form, String at, String what, Function<String, String> action) {
        String person = ctx.formParam("person");
        String done;
        try {
            done = action.apply(Gate.admitted(ctx).userId());
        } catch (RuleViolation refused) {
            if (!ABOUT_THE_FORM.contains(refused.kind())) {
                throw refused;
            }
            ctx.status(Problems.of(refused).status());
            KeptForm kept = KeptForm.of(form, typed(ctx), refused,
                    chrome.text(ctx, "error." + refused.code(), refused.args().toArray()));
            if (person != null && !person.isBlank()) {
                chrome.render(ctx, "lead-person",
                        people.page(person, chrome.locale(ctx), kept, ctx.queryParam("done")));
            } else {
                chrome.render(ctx, "lead", desk.page(Gate.admitted(ctx), chrome.locale(ctx), null, kept,
                        ctx.queryParam("done"), ctx.queryParam("at")));
            }
            return;
        }
        String notice = done == null ? what : done;
        if (person != null && !person.isBlank()) {
            ctx.redirect("/lead/people/" + URLEncoder.encode(person, StandardCharsets.UTF_8).replace("+", "%20")
                    + "?done=" + notice + "#acts");
        } else {
            ctx.redirect("/lead?done=" + notice + "&at=" + at + "#" + at);
        }
    }

    /** Runs an action whose answer the desk does not show: the notice says what the route names. */
    static String done(Runnable action) {
        action.run();
        return null;
    }

    /** The place a notice goes to, from the address: one of the desk's parts or a poll's card, else none. */
    static String place(String at) {
        return at != null && PLACE.matcher(at).matches() ? at : "";
    }

    /** What the form sent, but its CSRF token: one value per field. */
    private static Map<String, String> typed(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !values.isEmpty()) {
                typed.put(name, values.get(0));
            }
        });
        return typed;
    }
}
