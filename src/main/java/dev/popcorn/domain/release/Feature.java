package dev.popcorn.domain.release;

import dev.popcorn.domain.Languages;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A feature shipped in a release: a ticket in the issue tracker and the team that built it, its summary in
 * English and, where someone gave one, in Chinese ({@code summaryZh}, empty otherwise).
 */
public record Feature(String key, String summary, String summaryZh, String teamSlug) {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8}");

    public Feature {
        requireKey(key);
        Text.require(summary, "feature.summary", 1, 255);
        summaryZh = Text.optional(summaryZh, "feature.summaryZh", 255);
        if (teamSlug == null || teamSlug.isBlank()) {
            throw RuleViolation.invalid("feature.team.missing", key);
        }
    }

    /** A feature with its summary in one language. */
    public Feature(String key, String summary, String teamSlug) {
        this(key, summary, "", teamSlug);
    }

    /** The summary a reader of this language reads: the Chinese one on Chinese pages where there is one. */
    public String summaryFor(Locale locale) {
        return Languages.chinese(locale) && !summaryZh.isEmpty() ? summaryZh : summary;
    }

    /** Checks that {@code key} looks like a tracker key such as {@code MIUI-1024}. */
    public static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw RuleViolation.invalid("feature.key.invalid", String.valueOf(key));
        }
        return key;
    }
}
