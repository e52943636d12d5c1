package dev.popcorn.app;

import dev.popcorn.domain.RuleViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit (ADR 0020): requests hand their write to one writer thread, which commits the
 * writes of many requests in one transaction and answers each request only once that transaction
 * is committed, so an acknowledged write is as durable as one committed alone. A batch closes when
 * it holds {@code batchSize} writes or {@code linger} after its first one. The queue is bounded: a
 * write that finds it full is refused at once with {@code write.busy} (503 and {@code Retry-After}).
 *
 * <p>Each kind of write is a {@link Lane} with its own {@link Batch}, which checks its items in the
 * batch's transaction and writes the accepted ones together (multi-row statements); an item it
 * refuses gets that refusal and nothing of it is written. Should the batch's transaction fail as a
 * whole (a unique key taken by another instance, a deadlock), every item is written again alone, in
 * its own transaction, so one bad item fails only its own request.
 */
public final class GroupCommit implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());
    /** How long a request waits for its batch before it is told to try again (the write may still land). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The most writes per transaction, how long a batch waits for more after its first, the queue's length. */
    public record Settings(int batchSize, Duration linger, int queue) {
        public Settings {
            if (batchSize < 1 || queue < 1 || linger.isNegative()) {
                throw new IllegalArgumentException("batch size and queue must be positive, the wait not negative");
            }
        }
    }

    /** What one kind of write does with a batch of its items, inside the batch's transaction. */
    public interface Batch<T, R> {
        /** Checks and writes the items; answers one outcome per item, in order. */
        List<Outcome<R>> write(List<T> items);

        /** After the transaction committed, before the requests are answered (never throws). */
        default void committed(List<Outcome<R>> outcomes) {
        }
    }

    /**
     * A refusal that came after its item had begun to write: the batch's transaction must not commit. It
     * fails the batch, whose items are then written again one by one; alone, the item gets its refusal.
     */
    public static final class Undo extends RuntimeException {
        private final RuleViolation refusal;

        public Undo(RuleViolation refusal) {
            super(refusal.getMessage(), refusal);
            this.refusal = refusal;
        }

        public RuleViolation refusal() {
            return refusal;
        }
    }

    /** An item's outcome: its answer, or the refusal that kept it from being written. */
    public record Outcome<R>(R value, RuntimeException refusal) {
        public static <R> Outcome<R> written(R value) {
            return new Outcome<>(value, null);
        }

        public static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    /** One kind of write the writer takes. */
    public final class Lane<T, R> {
        private final String name;
        private final Batch<T, R> batch;

        private Lane(String name, Batch<T, R> batch) {
            this.name = name;
            this.batch = batch;
        }

        /** Hands the item to the writer: the future completes once its transaction committed (or refused it). */
        public CompletableFuture<R> submit(T item) {
            if (writer == null) {
                try {
                    return CompletableFuture.completedFuture(alone(transactions, batch, item));
                } catch (RuntimeException refused) {
                    return CompletableFuture.failedFuture(refused);
                }
            }
            Pending<T, R> pending = new Pending<>(this, item, new CompletableFuture<>());
            if (closed || !queue.offer(pending)) {
                if (!closed) {
                    watch.refusedFull();
                }
                pending.answer.completeExceptionally(RuleViolation.busy("write.busy", 1));
            }
            return pending.answer;
        }

        /** {@link #submit} and waits for the answer: the item's value, or its refusal thrown. */
        public R write(T item) {
            CompletableFuture<R> answer = submit(item);
            try {
                return answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw RuleViolation.busy("write.busy", 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RuleViolation.busy("write.busy", 1);
            }
        }

        /**
         * {@link #submit} for a caller that does not wait (a request answered when the future completes, its thread
         * free meanwhile): the item's value, or its refusal; a write not answered within the patience a waiting caller
         * has is told to try again ({@code write.busy}), as {@link #write} would be.
         */
        public CompletableFuture<R> later(T item) {
            return submit(item).orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).handle((value, error) -> {
                if (error == null) {
                    return value;
                }
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof TimeoutException) {
                    throw RuleViolation.busy("write.busy", 1);
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Pending<T, R>(Lane<T, R> lane, T item, CompletableFuture<R> answer) {
    }

    private final Transactions transactions;
    private final Settings settings;
    private final BlockingQueue<Pending<?, ?>> queue;
    private final Thread writer;
    /**
     * Where a committed batch's requests are answered: off the writer, so that what runs when an answer completes
     * (a request answered as it is written, its response sent) never holds up the next batch.
     */
    private final java.util.concurrent.ExecutorService answering;
    private volatile boolean closed;
    private final GroupCommitWatch watch;

    /**
     * No writer: every item is written alone, in its own transaction, on the caller's thread, by the very same batch
     * code. What tools and tests use, where no surge comes.
     */
    public static GroupCommit alone(Transactions transactions) {
        return new GroupCommit(transactions);
    }

    private GroupCommit(Transactions transactions) {
        this.transactions = transactions;
        this.settings = new Settings(1, Duration.ZERO, 1);
        this.watch = GroupCommitWatch.NONE;
        this.queue = new ArrayBlockingQueue<>(1);
        this.answering = null;
        this.writer = null;
    }

    public GroupCommit(Transactions transactions, Settings settings) {
        this(transactions, settings, GroupCommitWatch.NONE);
    }

    public GroupCommit(Transactions transactions, Settings settings, GroupCommitWatch watch) {
        this.transactions = transactions;
        this.settings = settings;
        this.watch = watch;
        this.queue = new ArrayBlockingQueue<>(settings.queue());
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.answering = java.util.concurrent.Executors.newFixedThreadPool(ANSWERING_THREADS, task -> {
            Thread thread = new Thread(task, "popcorn-answers-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.writer = new Thread(this::run, "popcorn-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Threads answering committed batches: as many as there are cores, at least two. */
    private static final int ANSWERING_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * One item written as its own batch, in its own transaction, on the caller's thread: what a use case
     * does without a writer (tests, tools), by the very same batch code.
     */
    public static <T, R> R alone(Transactions transactions, Batch<T, R> batch, T item) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = transactions.inTransaction(() -> batch.write(List.of(item)));
        } catch (Undo undo) {
            throw undo.refusal();
        }
        batch.committed(outcomes);
        Outcome<R> outcome = outcomes.get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.value();
    }

    public <T, R> Lane<T, R> lane(String name, Batch<T, R> batch) {
        return new Lane<>(name, batch);
    }

    /** How many writes wait for a batch now. */
    public int waiting() {
        return queue.size();
    }

    /** Writes in the queue are still written and answered; new ones are refused. */
    @Override
    public void close() {
        closed = true;
        if (writer == null) {
            return;
        }
        try {
            writer.join(PATIENCE.toMillis());
            answering.shutdown();
            answering.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<?, ?>> batch = new ArrayList<>(settings.batchSize());
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?, ?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                collect(batch);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Never leave a request waiting: whatever is still unanswered is told to try again.
                LOG.log(System.Logger.Level.ERROR, "the writer failed a batch", e);
                batch.forEach(p -> p.answer.completeExceptionally(RuleViolation.busy("write.busy", 1)));
            } finally {
                batch.clear();
            }
        }
    }

    /** Fills the batch with what waits in the queue, and with what comes within the wait. */
    private void collect(List<Pending<?, ?>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + settings.linger().toNanos();
        queue.drainTo(batch, settings.batchSize() - batch.size());
        while (batch.size() < settings.batchSize()) {
            long left = deadline - System.nanoTime();
            Pending<?, ?> next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, settings.batchSize() - batch.size());
        }
    }

    private void commit(List<Pending<?, ?>> batch) {
        Map<Lane<?, ?>, List<Pending<?, ?>>> lanes = new LinkedHashMap<>();
        batch.forEach(p -> lanes.computeIfAbsent(p.lane(), l -> new ArrayList<>()).add(p));
        List<Runnable> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            transactions.inTransaction(() -> {
                answers.clear();
                lanes.values().forEach(items -> answers.add(write(items)));
                return null;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer.completeExceptionally(e instanceof Undo undo ? undo.refusal() : e);
                return;
            }
            LOG.log(System.Logger.Level.DEBUG, "a batch of {0} failed ({1}); writing each alone", batch.size(),
                    e.getMessage());
            for (Pending<?, ?> alone : batch) {
                commit(new ArrayList<>(List.of(alone)));
            }
            return;
        }
        watch.committed(batch.size(), System.nanoTime() - started);
        // Answered in the committed batch's order, off the writer (one task a batch, so answers stay cheap to hand over).
        answering.execute(() -> answers.forEach(Runnable::run));
    }

    /** Writes one lane's items in the open transaction; answers what to do once it committed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Runnable write(List<Pending<?, ?>> items) {
        Lane lane = items.get(0).lane();
        List<Outcome<?>> outcomes = lane.batch.write(items.stream().map(Pending::item).toList());
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException(
                    lane + " answered " + outcomes.size() + " outcomes for " + items.size() + " items");
        }
        return () -> {
            try {
                lane.batch.committed(outcomes);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "after-commit work of " + lane + " failed", e);
            }
            for (int i = 0; i < items.size(); i++) {
                CompletableFuture answer = items.get(i).answer();
                Outcome<?> outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    answer.completeExceptionally(outcome.refusal());
                } else {
                    answer.complete(outcome.value());
                }
            }
        };
    }
}
