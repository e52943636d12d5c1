package dev.popcorn.domain.team;

import dev.popcorn.domain.Languages;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A team that ships features and can win the Popcorn Award; its slug is its stable identity. Its name is in English,
 * and in Chinese where someone gave one ({@code nameZh}, empty otherwise).
 */
public record Team(String slug, String name, String nameZh, List<Member> members) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Team {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw RuleViolation.invalid("team.slug.invalid", String.valueOf(slug));
        }
        Text.require(name, "team.name", 1, 80);
        nameZh = Text.optional(nameZh, "team.nameZh", 80);
        members = List.copyOf(members);
    }

    /** A team named in one language only: every reader reads {@code name}. */
    public Team(String slug, String name, List<Member> members) {
        this(slug, name, "", members);
    }

    /** The name a reader of this language reads: the Chinese one on Chinese pages where there is one. */
    public String nameFor(Locale locale) {
        return Languages.chinese(locale) && !nameZh.isEmpty() ? nameZh : name;
    }
}
