package dev.popcorn.memory;

import dev.popcorn.app.feedback.NoticeStore;
import dev.popcorn.app.identity.SignInNonces;
import dev.popcorn.app.release.BuildLog;
import dev.popcorn.domain.feedback.WishNotice;
import dev.popcorn.domain.release.BuildNotice;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The logs in memory: build notices, what users were told about their wishes, sign-in nonces. */
final class MemoryLogs {

    private MemoryLogs() {
    }

    /** Every build notice and what became of it, newest first. */
    static final class Builds implements BuildLog {
        private final MemoryDb db;
        private final Map<Long, Entry> entries;

        Builds(MemoryDb db) {
            this.db = db;
            this.entries = db.table();
        }

        @Override
        public long record(Instant receivedAt, BuildNotice notice, Outcome outcome, Reason reason,
                Optional<Long> releaseId,
                String body) {
            return db.with(() -> {
                long id = db.nextId();
                entries.put(id, new Entry(id, receivedAt, notice.build().job(), notice.build().number(), notice.phase(),
                        notice.status(), outcome, reason, releaseId, body));
                return id;
            });
        }

        @Override
        public void settle(long id, Outcome outcome, Reason reason, Optional<Long> releaseId) {
            db.run(() -> entries.computeIfPresent(id,
                    (key, e) -> new Entry(id, e.receivedAt(), e.job(), e.number(), e.phase(),
                            e.status(), outcome, reason, releaseId, e.body())));
        }

        @Override
        public Optional<Entry> find(long id) {
            return db.with(() -> Optional.ofNullable(entries.get(id)));
        }

        @Override
        public List<Entry> recent(int limit) {
            return db.with(() -> entries.values().stream()
                    .sorted(Comparator.comparing(Entry::receivedAt).thenComparingLong(Entry::id).reversed())
                    .limit(limit).toList());
        }
    }

    /** One notice per user and wish, with the wish's words. */
    static final class Notices implements NoticeStore {
        record Key(String user, long wish) {
        }

        private final MemoryDb db;
        private final MemoryReports reports;
        private final Map<Key, WishNotice> notices;
        private final Map<Key, Instant> followers;

        Notices(MemoryDb db, MemoryReports reports) {
            this.db = db;
            this.reports = reports;
            this.notices = db.table();
            this.followers = db.table();
        }

        @Override
        public boolean follow(long wishId, String userId, Instant at) {
            return db.with(() -> followers.putIfAbsent(new Key(userId, wishId), at) == null);
        }

        @Override
        public boolean unfollow(long wishId, String userId) {
            return db.with(() -> followers.remove(new Key(userId, wishId)) != null);
        }

        @Override
        public boolean follows(long wishId, String userId) {
            return db.with(() -> followers.containsKey(new Key(userId, wishId)));
        }

        @Override
        public List<String> followers(long wishId) {
            return db.with(
                    () -> followers.keySet().stream().filter(k -> k.wish() == wishId).map(Key::user).sorted().toList());
        }

        @Override
        public boolean add(WishNotice notice) {
            return db.with(() -> notices.putIfAbsent(new Key(notice.userId(), notice.wishId()), notice) == null);
        }

        @Override
        public List<WishNotice> of(String userId, int limit) {
            return db.with(() -> notices.values().stream().filter(n -> n.userId().equals(userId))
                    .flatMap(n -> reports.wishText(n.wishId()).map(text -> new WishNotice(n.userId(), n.wishId(), text,
                            n.ticketKey(), n.shipsIn(), n.at())).stream())
                    .sorted(Comparator.comparing(WishNotice::at).reversed()).limit(limit).toList());
        }
    }

    /** Used nonces, remembered until they expire. */
    static final class Nonces implements SignInNonces {
        private final MemoryDb db;
        private final Map<String, Instant> used;

        Nonces(MemoryDb db) {
            this.db = db;
            this.used = db.table();
        }

        @Override
        public boolean use(String nonce, Instant expiresAt) {
            return db.with(() -> used.putIfAbsent(nonce, expiresAt) == null);
        }

        @Override
        public int purge(Instant now) {
            return db.with(() -> {
                int before = used.size();
                used.values().removeIf(expires -> expires.isBefore(now));
                return before - used.size();
            });
        }

        @Override
        public long count() {
            return db.with(() -> (long) used.size());
        }
    }
}
