package dev.popcorn.web;

import dev.popcorn.domain.RuleViolation;
import java.util.List;
import java.util.Map;

/**
 * A lead's form that was refused, kept so the desk can show it again: which form (its element id), what was typed,
 * the field the refusal concerns (empty when it concerns the form as a whole) and why, in the lead's language.
 * {@link #NONE} when no form was refused; the desk's template asks it about every form it draws.
 */
record KeptForm(String form, Map<String, String> values, String field, String message) {

    static final KeptForm NONE = new KeptForm("", Map.of(), "", "");

    /** The fields a refusal points at, in order of preference; the first one the form has is the one. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("feature.team.unknown", List.of("features")),
            Map.entry("feature.team.missing", List.of("features")),
            Map.entry("feature.key.invalid", List.of("features", "key", "tickets")),
            Map.entry("lead.feature.line", List.of("features")),
            Map.entry("release.features.empty", List.of("features", "jql")),
            Map.entry("release.features.duplicate", List.of("features")),
            Map.entry("release.exists", List.of("version")),
            Map.entry("level.user.unknown", List.of("user")),
            Map.entry("people.ambiguous", List.of("user")),
            Map.entry("participation.user.invalid", List.of("user")),
            Map.entry("level.notLocked", List.of("user")),
            Map.entry("level.unknown", List.of("level")),
            Map.entry("candidate.team.unknown", List.of("team")),
            Map.entry("candidate.reason.missing", List.of("reason")),
            Map.entry("nomination.reason.missing", List.of("reason")));

    KeptForm {
        values = Map.copyOf(values);
    }

    /** The form {@code form} refused for {@code refusal}, said as {@code message}, with what was typed in it. */
    static KeptForm of(String form, Map<String, String> typed, RuleViolation refusal, String message) {
        return new KeptForm(form, typed, field(refusal, typed), message);
    }

    /** What was typed in field {@code name} of form {@code form}: empty unless that form is the one kept. */
    public String value(String form, String name) {
        return this.form.equals(form) ? values.getOrDefault(name, "") : "";
    }

    /** Whether field {@code name} of form {@code form} is the one the refusal is about. */
    public boolean refusedAt(String form, String name) {
        return this.form.equals(form) && field.equals(name);
    }

    /** Whether form {@code form} was refused for a reason no single field of it carries. */
    public boolean refusedAsAWhole(String form) {
        return this.form.equals(form) && field.isEmpty();
    }

    /** Whether form {@code form} is the one kept, whichever field the refusal concerns. */
    public boolean kept(String form) {
        return this.form.equals(form);
    }

    private static String field(RuleViolation refusal, Map<String, String> typed) {
        if (refusal.code().startsWith("request.field.") && !refusal.args().isEmpty()
                && typed.containsKey(String.valueOf(refusal.args().get(0)))) {
            return String.valueOf(refusal.args().get(0));
        }
        return FIELDS.getOrDefault(refusal.code(), List.of()).stream().filter(typed::containsKey).findFirst()
                .orElse("");
    }
}
