package dev.popcorn.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's own ceiling: durable single-row commits per second, several threads each
 * committing one INSERT at a time (autocommit) into a table with a primary key, on the same kind of
 * database and with the same URL options the server uses. A server that commits every ballot on its
 * own cannot beat it; one that groups commits can, which is what the ratio shows.
 */
final class CommitCeiling {

    private CommitCeiling() {
    }

    record Figures(double perSecond, long commits, double seconds, int threads) {
    }

    static Figures measure(String url, String user, String password, String table, int threads, Duration warmup,
            Duration measure) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, user_id VARCHAR(120) NOT NULL,"
                    + " at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        AtomicLong ids = new AtomicLong();
        AtomicLong counted = new AtomicLong();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        long countFrom = begin + warmup.toNanos();
        long end = countFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c
                                .prepareStatement("INSERT INTO " + table + " (id, user_id, at) VALUES (?, ?, ?)")) {
                    c.setAutoCommit(true);
                    long now = System.nanoTime();
                    while (now < end) {
                        long id = ids.incrementAndGet();
                        insert.setLong(1, id);
                        insert.setString(2, "surge-" + id);
                        insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                        insert.executeUpdate();
                        now = System.nanoTime();
                        if (now >= countFrom && now <= end) {
                            counted.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, e);
                }
            }, "commit-ceiling-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = measure.toNanos() / 1e9;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
        return new Figures(counted.get() / seconds, counted.get(), seconds, threads);
    }
}
