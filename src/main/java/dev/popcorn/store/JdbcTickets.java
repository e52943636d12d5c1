package dev.popcorn.store;

import dev.popcorn.app.TicketStore;
import dev.popcorn.domain.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Popcorn's copy of tickets: what matching and notices need (components and labels are not kept). */
final class JdbcTickets implements TicketStore {

    private static final RowMapper<Ticket> TICKET = (rs, ctx) -> new Ticket(rs.getString("ticket_key"),
            rs.getString("summary"), rs.getString("status"), rs.getBoolean("done"), rs.getString("project"), List.of(),
            List.of(), rs.getString("fix_versions").isEmpty() ? List.of() : List.of(rs.getString("fix_versions").split("\\n")));

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
                .bind("versions", String.join("\n", ticket.fixVersions())).bind("at", seenAt)
                .execute());
    }

    @Override
    public Optional<Ticket> find(String key) {
        return db.with(h -> h.createQuery("SELECT * FROM tickets WHERE ticket_key = :key").bind("key", key).map(TICKET).findFirst());
    }

    @Override
    public List<Ticket> open(int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM tickets WHERE done = FALSE ORDER BY seen_at DESC, ticket_key LIMIT :limit")
                .bind("limit", limit).map(TICKET).list());
    }
}
