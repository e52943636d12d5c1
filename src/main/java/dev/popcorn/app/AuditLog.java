package dev.popcorn.app;

import dev.popcorn.domain.AuditEntry;
import java.util.List;

/** Every decision a lead makes, kept for review. */
public interface AuditLog {

    void record(AuditEntry entry);

    List<AuditEntry> recent(int limit);
}
