package dev.popcorn.domain;

import java.time.Instant;
import java.util.List;

/**
 * One decision kept in the audit log: who did what to which thing, when, and why. {@code detail} says it in
 * English, for the API and the logs; {@code note}, where there is one, says it again as a message for any
 * reader: its key under {@code audit.note.} then its values (an instant written in ISO form shows as a time).
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail, List<String> note) {

    /** The character that keeps a note's parts apart in the store; taken out of every value. */
    public static final char SEPARATOR = '\u001f';

    /** What the store keeps of a note, its separators included. */
    public static final int NOTE_MAX = 4000;

    public AuditEntry {
        detail = Text.cut(detail, 2000);
        // Each part cut so that all of them fit the store: 1,000 characters each, less when there are many.
        int each = note == null || note.isEmpty() ? 0 : Math.min(1000, (NOTE_MAX - note.size()) / note.size());
        note = note == null ? List.of()
                : note.stream().map(part -> Text.cut(String.valueOf(part).replace(SEPARATOR, ' '), each)).toList();
    }

    /** An entry whose detail only English readers read as it is. */
    public AuditEntry(Instant at, String actor, String action, String subject, String detail) {
        this(at, actor, action, subject, detail, List.of());
    }

    /** The entry with a note: the key of its message and the values it shows, in order. */
    public AuditEntry noted(String key, Object... values) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(key);
        for (Object value : values) {
            parts.add(String.valueOf(value));
        }
        return new AuditEntry(at, actor, action, subject, detail, parts);
    }
}
