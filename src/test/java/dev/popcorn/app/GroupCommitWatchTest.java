package dev.popcorn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the group commit tells whoever watches it (ADR 0029): each committed batch's size and time, each refusal of a full queue. */
class GroupCommitWatchTest {

    private final GroupCommitTest.Rows rows = new GroupCommitTest.Rows();
    private final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> times = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger full = new AtomicInteger();
    private final GroupCommitWatch watch = new GroupCommitWatch() {
        @Override
        public void committed(int writes, long nanos) {
            batches.add(writes);
            times.add(nanos);
        }

        @Override
        public void refusedFull() {
            full.incrementAndGet();
        }
    };
    private GroupCommit writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void eachCommittedBatchIsToldWithItsSizeAndEachWriteAFullQueueRefused() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        GroupCommit.Batch<String, String> slow = items -> {
            writing.countDown();
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            items.forEach(rows::write);
            return items.stream().map(item -> GroupCommit.Outcome.written(item + " saved")).toList();
        };
        writer = new GroupCommit(rows, new GroupCommit.Settings(10, Duration.ZERO, 3), watch);
        GroupCommit.Lane<String, String> lane = writer.lane("items", slow);
        CompletableFuture<String> first = lane.submit("first");
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> queued = List.of(lane.submit("q1"), lane.submit("q2"), lane.submit("q3"));
        assertThat(lane.submit("one too many")).isCompletedExceptionally();
        assertThat(lane.submit("and another")).isCompletedExceptionally();
        goOn.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<String> answer : queued) {
            answer.get(5, TimeUnit.SECONDS);
        }
        assertThat(full).as("the writes a full queue refused").hasValue(2);
        assertThat(batches).as("the first alone, then the three that waited in one transaction").containsExactly(1, 3);
        assertThat(times).allSatisfy(nanos -> assertThat(nanos).isPositive());

        writer.close();
        assertThat(lane.submit("after the close")).isCompletedExceptionally();
        assertThat(full).as("a writer closing is no full queue").hasValue(2);
    }
}
