package dev.popcorn.domain.team;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which team a ticket belongs to, decided by ordered rules on its component, label or project
 * (the first rule that matches wins), with an optional team for tickets no rule matches.
 * Written as {@code component:Camera=camera, label:gallery=gallery, project:SEC=security}.
 */
public record TeamRules(List<Rule> rules, String fallbackTeam) {

    /** What a rule looks at. */
    public enum Field {
        COMPONENT, LABEL, PROJECT
    }

    /** One rule: tickets whose {@code field} has {@code value} (case-insensitive) belong to {@code team}. */
    public record Rule(Field field, String value, String team) {
        boolean matches(Ticket ticket) {
            List<String> values = switch (field) {
                case COMPONENT -> ticket.components();
                case LABEL -> ticket.labels();
                case PROJECT -> List.of(ticket.project());
            };
            return values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
        }

        @Override
        public String toString() {
            return field.name().toLowerCase(Locale.ROOT) + ":" + value + "=" + team;
        }
    }

    public TeamRules {
        rules = List.copyOf(rules);
        fallbackTeam = fallbackTeam == null ? "" : fallbackTeam.strip();
    }

    /** Reads rules such as {@code component:Camera=camera, label:ui=design}; an empty text means no rules. */
    public static TeamRules parse(String text, String fallbackTeam) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            int equals = part.lastIndexOf('=');
            if (colon < 1 || equals < colon + 2 || equals == part.length() - 1) {
                throw RuleViolation.invalid("teamRules.malformed", part.strip());
            }
            Field field;
            try {
                field = Field.valueOf(part.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("teamRules.field", part.substring(0, colon).strip());
            }
            rules.add(new Rule(field, part.substring(colon + 1, equals).strip(), part.substring(equals + 1).strip()));
        }
        return new TeamRules(rules, fallbackTeam);
    }

    /** The team of {@code ticket}, or empty when no rule matches and there is no fallback team. */
    public Optional<String> teamOf(Ticket ticket) {
        return rules.stream().filter(rule -> rule.matches(ticket)).map(Rule::team).findFirst()
                .or(() -> fallbackTeam.isEmpty() ? Optional.empty() : Optional.of(fallbackTeam));
    }

    /** Every team the rules can name, so a configuration can be checked against the known teams. */
    public List<String> teams() {
        List<String> teams = new ArrayList<>(rules.stream().map(Rule::team).distinct().toList());
        if (!fallbackTeam.isEmpty() && !teams.contains(fallbackTeam)) {
            teams.add(fallbackTeam);
        }
        return teams;
    }
}
