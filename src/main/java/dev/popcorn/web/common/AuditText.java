package dev.popcorn.web.common;

import dev.popcorn.domain.AuditEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An audit entry in a reader's language: what was done ({@code audit.action.*}), to what ("poll:12" as
 * {@code audit.subject.poll}), and its note ({@code audit.note.*} with its values, an instant shown as a time);
 * an entry without a note, or with one this version has no text for, shows its detail as written.
 */
final class AuditText {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    private AuditText() {
    }

    static String action(AuditEntry entry, Locale locale) {
        String key = "audit.action." + entry.action();
        return Messages.has(key) ? Messages.text(locale, key) : entry.action();
    }

    static String subject(AuditEntry entry, Locale locale) {
        int colon = entry.subject().indexOf(':');
        String key = "audit.subject." + (colon < 0 ? "" : entry.subject().substring(0, colon));
        return colon > 0 && Messages.has(key) ? Messages.text(locale, key, entry.subject().substring(colon + 1))
                : entry.subject();
    }

    static String detail(AuditEntry entry, Locale locale, Function<Instant, String> when) {
        if (entry.note().isEmpty() || !Messages.has("audit.note." + entry.note().get(0))) {
            return entry.detail();
        }
        List<Object> values = new ArrayList<>();
        for (String value : entry.note().subList(1, entry.note().size())) {
            values.add(INSTANT.matcher(value).matches() ? time(value, when) : value);
        }
        try {
            return Messages.text(locale, "audit.note." + entry.note().get(0), values.toArray());
        } catch (IllegalArgumentException unreadable) {
            // A note another version wrote with values this text cannot format: the detail, as written.
            return entry.detail();
        }
    }

    private static String time(String value, Function<Instant, String> when) {
        try {
            return when.apply(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
