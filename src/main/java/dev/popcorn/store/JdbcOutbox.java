package dev.popcorn.store;

import dev.popcorn.app.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The outbox table. A task is claimed by a conditional update on its lease, so that of two
 * instances claiming the same row exactly one succeeds; every later change names the owner,
 * so an instance whose lease ran out cannot overwrite the outcome of the one that took over.
 */
final class JdbcOutbox implements OutboxStore {

    private static final RowMapper<Task> TASK = (rs, ctx) -> new Task(rs.getLong("id"), rs.getString("kind"),
            rs.getString("ref"), State.valueOf(rs.getString("state")), rs.getInt("attempts"), Db.instant(rs, "due_at"),
            rs.getString("last_error"), Db.instant(rs, "done_at"), rs.getInt("claims"), rs.getInt("waits"),
            Db.instant(rs, "first_try_at"), rs.getString("advice"));
    private static final String COLUMNS = "id, kind, ref, state, attempts, due_at, last_error, done_at, claims, waits,"
            + " first_try_at, advice";
    /** A new round of attempts: nothing tried, nothing waited, no advice. */
    private static final String NEW_ROUND = "attempts = 0, claims = 0, waits = 0, first_try_at = NULL, advice = ''";

    private final Db db;

    JdbcOutbox(Db db) {
        this.db = db;
    }

    @Override
    public boolean enqueue(String kind, String ref, Instant due) {
        return db.with(h -> h.createUpdate(db.dialect().insertTaskIfAbsent())
                .bind("kind", kind).bind("ref", ref).bind("due", due).execute()) > 0;
    }

    @Override
    public void enqueueOrRearm(String kind, String ref, Instant due, Instant doneBefore) {
        if (!enqueue(kind, ref, due)) {
            db.with(h -> h.createUpdate("UPDATE outbox SET state = 'PENDING', " + NEW_ROUND + ", due_at = :due,"
                    + " last_error = ''"
                    + " WHERE kind = :kind AND ref = :ref AND state = 'DONE' AND done_at <= :before")
                    .bind("kind", kind).bind("ref", ref).bind("due", due).bind("before", doneBefore).execute());
        }
    }

    @Override
    public List<Task> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        List<Task> due = db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING'"
                + " AND due_at <= :now AND (leased_until IS NULL OR leased_until < :now) ORDER BY due_at, id LIMIT :limit")
                .bind("now", now).bind("limit", limit).map(TASK).list());
        List<Task> claimed = new ArrayList<>();
        for (Task task : due) {
            int won = db.with(h -> h
                    .createUpdate("UPDATE outbox SET leased_by = :owner, leased_until = :until, claims = claims + 1,"
                            + " first_try_at = COALESCE(first_try_at, :now)"
                            + " WHERE id = :id AND state = 'PENDING' AND (leased_until IS NULL OR leased_until < :now)")
                    .bind("owner", owner).bind("until", leaseUntil).bind("id", task.id()).bind("now", now).execute());
            if (won == 1) {
                claimed.add(task);
            }
        }
        return claimed;
    }

    @Override
    public void done(long id, String owner, Instant at) {
        finish(id, owner, "state = 'DONE', done_at = :at, attempts = attempts + 1, last_error = '', advice = ''", at,
                "");
    }

    @Override
    public void postpone(long id, String owner, Instant dueAt, String error) {
        finish(id, owner, "waits = waits + 1, due_at = :at, last_error = :error", dueAt, error);
    }

    @Override
    public void retry(long id, String owner, Instant dueAt, String error) {
        finish(id, owner, "attempts = attempts + 1, due_at = :at, last_error = :error", dueAt, error);
    }

    @Override
    public void fail(long id, String owner, String error, String advice) {
        finish(id, owner, "state = 'FAILED', attempts = attempts + 1, last_error = :error, advice = :advice", null,
                error,
                advice.length() > 100 ? advice.substring(0, 100) : advice);
    }

    private void finish(long id, String owner, String set, Instant at, String error) {
        finish(id, owner, set, at, error, "");
    }

    private void finish(long id, String owner, String set, Instant at, String error, String advice) {
        String text = error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
        db.with(h -> {
            var update = h.createUpdate("UPDATE outbox SET " + set + ", leased_by = NULL, leased_until = NULL"
                    + " WHERE id = :id AND leased_by = :owner").bind("id", id).bind("owner", owner);
            if (set.contains(":at")) {
                update.bind("at", at);
            }
            if (set.contains(":error")) {
                update.bind("error", text);
            }
            if (set.contains(":advice")) {
                update.bind("advice", advice);
            }
            return update.execute();
        });
    }

    @Override
    public int rearmFailed(String kind, String refPrefix, Instant due) {
        // A prefix compared as text, not LIKE: a user id may hold '%' or '_'.
        return db.with(h -> h.createUpdate("UPDATE outbox SET state = 'PENDING', " + NEW_ROUND + ", due_at = :due"
                + " WHERE state = 'FAILED' AND kind = :kind AND LEFT(ref, :length) = :prefix")
                .bind("kind", kind).bind("prefix", refPrefix).bind("length", refPrefix.length()).bind("due", due)
                .execute());
    }

    @Override
    public int retryFailed(Instant now) {
        return db.with(h -> h.createUpdate("UPDATE outbox SET state = 'PENDING', " + NEW_ROUND
                + ", due_at = :now WHERE state = 'FAILED'").bind("now", now).execute());
    }

    @Override
    public Map<State, Long> counts() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        db.with(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
                .map((rs, ctx) -> Map.entry(State.valueOf(rs.getString("state")), rs.getLong("n")))
                .list()).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public List<Task> troubles(int limit) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE state = 'FAILED'"
                + " OR (state = 'PENDING' AND (attempts > 0 OR waits > 0)) ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map(TASK).list());
    }

    @Override
    public Optional<Task> find(String kind, String ref) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE kind = :kind AND ref = :ref")
                .bind("kind", kind).bind("ref", ref).map(TASK).findFirst());
    }
}
