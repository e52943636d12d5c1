package dev.popcorn.store;

import dev.popcorn.app.TicketStore;
import dev.popcorn.domain.feedback.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Popcorn's copy of tickets: what matching, notices and label edits need (components are not kept). */
final class JdbcTickets implements TicketStore {

    private static final RowMapper<Ticket> TICKET = (rs, ctx) -> new Ticket(rs.getString("ticket_key"),
            rs.getString("summary"), rs.getString("status"), rs.getBoolean("done"), rs.getString("project"), List.of(),
            lines(rs.getString("labels")), lines(rs.getString("fix_versions")));

    private final Db db;

    JdbcTickets(Db db) {
        this.db = db;
    }

    @Override
    public void save(Ticket ticket, Instant seenAt) {
        String summary = ticket.summary().length() > 1000 ? ticket.summary().substring(0, 999) + "…" : ticket.summary();
        db.with(h -> h.createUpdate(db.dialect().upsertTicket())
                .bind("key", ticket.key()).bind("summary", summary)
                .bind("status", ticket.status().length() > 100 ? ticket.status().substring(0, 100) : ticket.status())
                .bind("done", ticket.done()).bind("project", ticket.project())
                .bind("versions", String.join("\n", ticket.fixVersions())).bind("labels", joined(ticket.labels()))
                .bind("at", seenAt)
                .execute());
    }

    @Override
    public Optional<Ticket> find(String key) {
        return db.with(h -> h.createQuery("SELECT * FROM tickets WHERE ticket_key = :key").bind("key", key).map(TICKET)
                .findFirst());
    }

    @Override
    public Optional<List<String>> labels(String key) {
        return db.with(h -> h.createQuery("SELECT labels FROM tickets WHERE ticket_key = :key").bind("key", key)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString("labels")).map(JdbcTickets::lines)).findFirst()
                .flatMap(known -> known));
    }

    @Override
    public void labelsWritten(String key, List<String> labels) {
        db.with(h -> h.createUpdate("UPDATE tickets SET labels = :labels WHERE ticket_key = :key")
                .bind("labels", joined(labels)).bind("key", key).execute());
    }

    @Override
    public void forgetLabels(String key) {
        db.with(h -> h.createUpdate("UPDATE tickets SET labels = NULL WHERE ticket_key = :key").bind("key", key)
                .execute());
    }

    @Override
    public List<Ticket> open(int limit) {
        return db.with(h -> h
                .createQuery("SELECT * FROM tickets WHERE done = FALSE ORDER BY seen_at DESC, ticket_key LIMIT :limit")
                .bind("limit", limit).map(TICKET).list());
    }

    /** One label per line, at most what the column holds: a ticket with more labels than that is kept as not known. */
    private static String joined(List<String> labels) {
        String joined = String.join("\n", labels);
        return joined.length() > 2000 ? null : joined;
    }

    private static List<String> lines(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
    }
}
