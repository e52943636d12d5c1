package dev.popcorn.app;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.RuleViolation.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit's mechanism on a store that keeps what a committed transaction wrote and drops the rest. */
class GroupCommitTest {

    /** A store of rows with transactions: rows written in a transaction that throws are dropped. */
    static final class Rows implements Transactions {
        final List<String> committed = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> transactionSizes = Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<List<String>> open = new ThreadLocal<>();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            List<String> rows = new ArrayList<>();
            open.set(rows);
            try {
                T result = work.get();
                committed.addAll(rows);
                transactionSizes.add(rows.size());
                return result;
            } finally {
                open.remove();
            }
        }

        void write(String row) {
            open.get().add(row);
        }
    }

    private final Rows rows = new Rows();
    private GroupCommit writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    /** Writes every item, refusing those starting with "bad" (nothing of them written), failing the transaction on "poison". */
    private final GroupCommit.Batch<String, String> batch = items -> {
        List<GroupCommit.Outcome<String>> outcomes = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith("poison")) {
                throw new IllegalStateException("a unique key taken meanwhile");
            }
            if (item.startsWith("undo")) {
                rows.write(item + " half");
                throw new GroupCommit.Undo(RuleViolation.invalid("item.late", item));
            }
            if (item.startsWith("bad")) {
                outcomes.add(GroupCommit.Outcome.refused(RuleViolation.invalid("item.bad", item)));
            } else {
                rows.write(item);
                outcomes.add(GroupCommit.Outcome.written(item + " saved"));
            }
        }
        return outcomes;
    };

    @Test
    void aBatchWithOneRefusedItemAnswersTheOthersAndWritesNothingOfIt() throws Exception {
        writer = new GroupCommit(rows, new GroupCommit.Settings(100, Duration.ofMillis(50), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", batch);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String item : List.of("a", "b", "bad-c", "d")) {
            answers.add(lane.submit(item));
        }
        assertThat(answers.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("a saved");
        assertThat(answers.get(3).get(5, TimeUnit.SECONDS)).isEqualTo("d saved");
        assertThatThrownBy(() -> answers.get(2).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RuleViolation.class).hasMessageContaining("item.bad");
        assertThat(rows.committed).containsExactly("a", "b", "d");
        // All four came within the wait: one transaction wrote the three.
        assertThat(rows.transactionSizes).containsExactly(3);
    }

    @Test
    void aCallerThatDoesNotWaitGetsTheValueOrTheRefusalItselfWhenTheBatchCommitted() throws Exception {
        writer = new GroupCommit(rows, new GroupCommit.Settings(100, Duration.ofMillis(50), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", batch);
        CompletableFuture<String> good = lane.later("a");
        CompletableFuture<String> bad = lane.later("bad-b");
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("a saved");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RuleViolation.class).hasMessageContaining("item.bad");
        assertThat(rows.committed).containsExactly("a");

        writer.close();
        assertThatThrownBy(() -> lane.later("c").get(5, TimeUnit.SECONDS)).as("a closed writer refuses: try again")
                .cause().isInstanceOf(RuleViolation.class).hasMessageContaining("write.busy");
    }

    @Test
    void aBatchWhoseTransactionFailsIsWrittenAgainItemByItemSoOnlyTheBadItemFails() throws Exception {
        writer = new GroupCommit(rows, new GroupCommit.Settings(100, Duration.ofMillis(50), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", batch);
        CompletableFuture<String> a = lane.submit("a");
        CompletableFuture<String> poison = lane.submit("poison");
        CompletableFuture<String> b = lane.submit("b");
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("a saved");
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("b saved");
        assertThatThrownBy(() -> poison.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class);
        assertThat(rows.committed).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anItemRefusedAfterItBeganToWriteLeavesNothingAndGetsItsRefusal() throws Exception {
        writer = new GroupCommit(rows, new GroupCommit.Settings(100, Duration.ofMillis(50), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", batch);
        CompletableFuture<String> a = lane.submit("a");
        CompletableFuture<String> undone = lane.submit("undo-b");
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("a saved");
        assertThatThrownBy(() -> undone.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RuleViolation.class)
                .hasMessageContaining("item.late");
        assertThatViolation(() -> GroupCommit.alone(rows, batch, "undo-c")).is(Kind.INVALID, "item.late");
        assertThat(rows.committed).containsExactly("a");
    }

    @Test
    void aFullQueueAnswersBusyAtOnceAndLosesNothingItAcknowledged() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        GroupCommit.Batch<String, String> slow = items -> {
            writing.countDown();
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.write(items);
        };
        writer = new GroupCommit(rows, new GroupCommit.Settings(1, Duration.ZERO, 3));
        GroupCommit.Lane<String, String> lane = writer.lane("items", slow);
        CompletableFuture<String> first = lane.submit("first");
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> queued = List.of(lane.submit("q1"), lane.submit("q2"), lane.submit("q3"));
        CompletableFuture<String> refused = lane.submit("one too many");
        assertThat(refused).isCompletedExceptionally();
        assertThatViolation(() -> lane.write("another")).is(Kind.BUSY, "write.busy");
        goOn.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first saved");
        for (CompletableFuture<String> answer : queued) {
            answer.get(5, TimeUnit.SECONDS);
        }
        assertThat(rows.committed).containsExactly("first", "q1", "q2", "q3");
    }

    @Test
    void aBatchClosesWhenFullWithoutWaitingForMore() throws Exception {
        CountDownLatch goOn = new CountDownLatch(1);
        GroupCommit.Batch<String, String> held = items -> {
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.write(items);
        };
        writer = new GroupCommit(rows, new GroupCommit.Settings(2, Duration.ofSeconds(4), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", held);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (String item : List.of("a", "b", "c", "d", "e")) {
            answers.add(lane.submit(item));
        }
        goOn.countDown();
        // The last one, alone, waits its 4 s for company; the full batches before it did not wait.
        answers.get(3).get(2, TimeUnit.SECONDS);
        assertThat(answers.get(4)).isNotDone();
        assertThat(rows.transactionSizes).startsWith(2, 2);
        assertThat(rows.committed).startsWith("a", "b", "c", "d");
    }

    @Test
    void writesQueuedWhenTheWriterClosesAreStillWrittenAndNewOnesAreRefused() throws Exception {
        writer = new GroupCommit(rows, new GroupCommit.Settings(100, Duration.ofMillis(200), 100));
        GroupCommit.Lane<String, String> lane = writer.lane("items", batch);
        CompletableFuture<String> queued = lane.submit("queued");
        writer.close();
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued saved");
        assertThatViolation(() -> lane.write("late")).is(Kind.BUSY, "write.busy");
        assertThat(rows.committed).containsExactly("queued");
    }

    @Test
    void withoutAWriterAnItemIsWrittenAloneByTheSameBatchCode() {
        assertThat(GroupCommit.alone(rows, batch, "x")).isEqualTo("x saved");
        assertThatViolation(() -> GroupCommit.alone(rows, batch, "bad-y")).is(Kind.INVALID, "item.bad");
        assertThat(rows.committed).containsExactly("x");
    }
}
