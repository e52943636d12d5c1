package dev.popcorn.domain;

import java.time.Instant;

/** One decision kept in the audit log: who did what to which thing, when, and why. */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
    public AuditEntry {
        detail = Text.cut(detail, 2000);
    }
}
