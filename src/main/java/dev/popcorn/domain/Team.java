package dev.popcorn.domain;

import java.util.List;
import java.util.regex.Pattern;

/** A team that ships features and can win the Popcorn Award; its slug is its stable identity. */
public record Team(String slug, String name, List<Member> members) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Team {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw RuleViolation.invalid("team.slug.invalid", String.valueOf(slug));
        }
        Text.require(name, "team.name", 1, 80);
        members = List.copyOf(members);
    }
}
