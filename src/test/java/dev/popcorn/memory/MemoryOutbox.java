package dev.popcorn.memory;

import dev.popcorn.app.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in memory: one task per kind and ref, leased to one owner at a time, as the JDBC store keeps it. */
final class MemoryOutbox implements OutboxStore {

    /** A task's row: the task and its lease. */
    record Row(Task task, String leasedBy, Instant leasedUntil) {
    }

    private final MemoryDb db;
    private final Map<Long, Row> rows;

    MemoryOutbox(MemoryDb db) {
        this.db = db;
        this.rows = db.table();
    }

    @Override
    public boolean enqueue(String kind, String ref, Instant due) {
        return db.with(() -> {
            if (find(kind, ref).isPresent()) {
                return false;
            }
            long id = db.nextId();
            // As planning files it: pending, never tried.
            rows.put(id, new Row(new Task(id, kind, ref, OutboxStore.State.PENDING, 0, due, "", null, 0, 0, null, ""),
                    null, null));
            return true;
        });
    }

    @Override
    public void enqueueOrRearm(String kind, String ref, Instant due, Instant doneBefore) {
        db.run(() -> {
            if (!enqueue(kind, ref, due)) {
                Task t = find(kind, ref).orElseThrow();
                if (t.state() == State.DONE && !t.doneAt().isAfter(doneBefore)) {
                    put(new Task(t.id(), kind, ref, State.PENDING, 0, due, "", t.doneAt(), 0, 0, null, ""),
                            rows.get(t.id()));
                }
            }
        });
    }

    @Override
    public List<Task> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return db.with(() -> {
            List<Row> due = rows.values().stream()
                    .filter(r -> r.task().state() == State.PENDING && !r.task().dueAt().isAfter(now)
                            && (r.leasedUntil() == null || r.leasedUntil().isBefore(now)))
                    .sorted(Comparator.comparing((Row r) -> r.task().dueAt()).thenComparingLong(r -> r.task().id()))
                    .limit(limit).toList();
            List<Task> claimed = new ArrayList<>();
            for (Row row : due) {
                Task t = row.task();
                // The task as it was before this claim, as the JDBC store answers it.
                claimed.add(t);
                rows.put(t.id(), new Row(new Task(t.id(), t.kind(), t.ref(), t.state(), t.attempts(), t.dueAt(),
                        t.lastError(), t.doneAt(), t.claims() + 1, t.waits(),
                        t.firstTryAt() == null ? now : t.firstTryAt(),
                        t.advice()), owner, leaseUntil));
            }
            return claimed;
        });
    }

    @Override
    public void done(long id, String owner, Instant at) {
        finish(id, owner,
                t -> new Task(id, t.kind(), t.ref(), State.DONE, t.attempts() + 1, t.dueAt(), "", at, t.claims(),
                        t.waits(), t.firstTryAt(), ""));
    }

    @Override
    public void postpone(long id, String owner, Instant dueAt, String error) {
        finish(id, owner,
                t -> new Task(id, t.kind(), t.ref(), t.state(), t.attempts(), dueAt, shorten(error), t.doneAt(),
                        t.claims(), t.waits() + 1, t.firstTryAt(), t.advice()));
    }

    @Override
    public void retry(long id, String owner, Instant dueAt, String error) {
        finish(id, owner,
                t -> new Task(id, t.kind(), t.ref(), t.state(), t.attempts() + 1, dueAt, shorten(error), t.doneAt(),
                        t.claims(), t.waits(), t.firstTryAt(), t.advice()));
    }

    @Override
    public void fail(long id, String owner, String error, String advice) {
        finish(id, owner,
                t -> new Task(id, t.kind(), t.ref(), State.FAILED, t.attempts() + 1, t.dueAt(), shorten(error),
                        t.doneAt(), t.claims(), t.waits(), t.firstTryAt(),
                        advice.length() > 100 ? advice.substring(0, 100) : advice));
    }

    /** Settles the task, but only for the owner of its lease: one whose lease ran out and was taken changes nothing. */
    private void finish(long id, String owner, java.util.function.UnaryOperator<Task> change) {
        db.run(() -> {
            Row row = rows.get(id);
            if (row != null && owner.equals(row.leasedBy())) {
                rows.put(id, new Row(change.apply(row.task()), null, null));
            }
        });
    }

    private static String shorten(String error) {
        return error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
    }

    private void put(Task task, Row row) {
        rows.put(task.id(), new Row(task, row.leasedBy(), row.leasedUntil()));
    }

    @Override
    public int rearmFailed(String kind, String refPrefix, Instant due) {
        return db.with(() -> {
            int n = 0;
            for (Row row : List.copyOf(rows.values())) {
                Task t = row.task();
                if (t.state() == State.FAILED && t.kind().equals(kind) && t.ref().startsWith(refPrefix)) {
                    put(new Task(t.id(), t.kind(), t.ref(), State.PENDING, 0, due, t.lastError(), t.doneAt(), 0, 0,
                            null, ""),
                            row);
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public int retryFailed(Instant now) {
        return db.with(() -> {
            int n = 0;
            for (Row row : List.copyOf(rows.values())) {
                Task t = row.task();
                if (t.state() == State.FAILED) {
                    put(new Task(t.id(), t.kind(), t.ref(), State.PENDING, 0, now, t.lastError(), t.doneAt(), 0, 0,
                            null, ""),
                            row);
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public Map<State, Long> counts() {
        return db.with(() -> {
            Map<State, Long> counts = new EnumMap<>(State.class);
            for (State state : State.values()) {
                counts.put(state, rows.values().stream().filter(r -> r.task().state() == state).count());
            }
            return counts;
        });
    }

    @Override
    public List<Task> troubles(int limit) {
        return db.with(() -> rows.values().stream().map(Row::task)
                .filter(t -> t.state() == State.FAILED
                        || t.state() == State.PENDING && (t.attempts() > 0 || t.waits() > 0))
                .sorted(Comparator.comparingLong(Task::id).reversed()).limit(limit).toList());
    }

    @Override
    public Optional<Task> find(String kind, String ref) {
        return db.with(() -> rows.values().stream().map(Row::task)
                .filter(t -> t.kind().equals(kind) && t.ref().equals(ref)).findFirst());
    }
}
