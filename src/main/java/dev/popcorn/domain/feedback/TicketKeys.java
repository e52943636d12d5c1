package dev.popcorn.domain.feedback;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracker keys a change log mentions, such as {@code MIUI-1024} in
 * "MIUI-1024 faster camera start". Words that merely look like keys ("UTF-8") are found as well;
 * the tracker tells which of them are tickets.
 */
public final class TicketKeys {

    private static final Pattern MENTION = Pattern
            .compile("(?<![A-Za-z0-9_-])([A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8})(?![A-Za-z0-9_])");

    private TicketKeys() {
    }

    /** The distinct keys mentioned in {@code texts}, in the order they are first mentioned. */
    public static List<String> mentionedIn(Collection<String> texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = MENTION.matcher(text);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return List.copyOf(keys);
    }
}
