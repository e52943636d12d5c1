package dev.popcorn.memory;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.award.AwardStore;
import dev.popcorn.app.award.LeaseStore;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.participation.Grant;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The small stores in memory: participation, the audit log, awards, leases, tickets and forum threads. */
final class MemorySmallStores {

    private MemorySmallStores() {
    }

    /** The points ledger: one grant per user, kind and thing, ids in order; revoked grants summed as nothing. */
    static final class Participation implements ParticipationStore {
        record Key(String user, String kind, String ref) {
        }

        private final MemoryDb db;
        private final Map<Key, Grant> grants;

        Participation(MemoryDb db) {
            this.db = db;
            this.grants = db.table();
        }

        @Override
        public boolean record(ParticipationEvent e) {
            return db.with(() -> {
                Key key = new Key(e.userId(), e.kind().name(), e.ref());
                if (grants.containsKey(key)) {
                    return false;
                }
                grants.put(key, new Grant(db.nextId(), e.userId(), e.kind(), e.ref(), e.points(), e.at(), e.reason(),
                        null, null, null));
                return true;
            });
        }

        @Override
        public long points(String userId) {
            return db.with(() -> counted(userId).mapToLong(Grant::points).sum());
        }

        @Override
        public long points(String userId, Set<ParticipationKind> kinds, Instant from, Instant until) {
            return db.with(() -> counted(userId).filter(g -> kinds.contains(g.kind()))
                    .filter(g -> !g.at().isBefore(from) && g.at().isBefore(until)).mapToLong(Grant::points).sum());
        }

        private java.util.stream.Stream<Grant> counted(String userId) {
            return grants.values().stream().filter(g -> g.userId().equals(userId) && !g.revoked());
        }

        @Override
        public Optional<Grant> find(long id) {
            return db.with(() -> grants.values().stream().filter(g -> g.id() == id).findFirst());
        }

        @Override
        public Optional<Grant> find(String userId, ParticipationKind kind, String ref) {
            return db.with(() -> Optional.ofNullable(grants.get(new Key(userId, kind.name(), ref))));
        }

        @Override
        public List<Grant> grants(String userId, long beforeId, int limit) {
            return db.with(() -> grants.values().stream().filter(g -> g.userId().equals(userId) && g.id() < beforeId)
                    .sorted(Comparator.comparingLong(Grant::id).reversed()).limit(limit).toList());
        }

        @Override
        public Set<List<String>> held(ParticipationKind kind, Collection<List<String>> userRefs) {
            return db.with(
                    () -> userRefs.stream().filter(k -> grants.containsKey(new Key(k.get(0), kind.name(), k.get(1))))
                            .collect(java.util.stream.Collectors.toSet()));
        }

        @Override
        public void lockUsers(List<String> userIds) {
            // one memory transaction at a time already: nothing to lock
        }

        @Override
        public Map<String, Long> points(Collection<String> userIds, Set<ParticipationKind> kinds, Instant from,
                Instant until) {
            Map<String, Long> points = new java.util.HashMap<>();
            userIds.forEach(user -> points.put(user, points(user, kinds, from, until)));
            return points;
        }

        @Override
        public void recordAll(List<ParticipationEvent> events) {
            db.run(() -> events.forEach(this::record));
        }

        @Override
        public void lockUser(String userId) {
            // one memory transaction at a time already: nothing to lock
        }

        @Override
        public boolean revoke(long id, String by, String reason, Instant at) {
            return db.with(() -> {
                for (Map.Entry<Key, Grant> entry : grants.entrySet()) {
                    Grant g = entry.getValue();
                    if (g.id() == id && !g.revoked()) {
                        entry.setValue(new Grant(g.id(), g.userId(), g.kind(), g.ref(), g.points(), g.at(), g.reason(),
                                at, by, reason));
                        return true;
                    }
                }
                return false;
            });
        }

        @Override
        public List<Grant> recent(int limit) {
            return db.with(() -> grants.values().stream().sorted(Comparator.comparingLong(Grant::id).reversed())
                    .limit(limit).toList());
        }

        @Override
        public List<Grant> marks(ParticipationKind kind, java.util.Collection<String> userIds, String ref) {
            return db.with(() -> grants.values().stream().filter(g -> g.kind() == kind && userIds.contains(g.userId())
                    && !g.revoked() && (g.ref().equals(ref) || g.ref().startsWith(ref + "/")))
                    .sorted(Comparator.comparingLong(Grant::id)).toList());
        }
    }

    /** Entries newest first. */
    static final class Audit implements AuditLog {
        private final MemoryDb db;
        private final Map<Long, AuditEntry> entries;

        Audit(MemoryDb db) {
            this.db = db;
            this.entries = db.table();
        }

        @Override
        public void record(AuditEntry entry) {
            db.run(() -> entries.put(db.nextId(), entry));
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            return db.with(() -> {
                List<AuditEntry> all = new ArrayList<>(entries.values());
                java.util.Collections.reverse(all);
                return all.stream().limit(limit).toList();
            });
        }
    }

    /** Winners frozen at approval; one row per poll and candidate. */
    static final class Awards implements AwardStore {
        record Key(long poll, long candidate) {
        }

        record Bucket(String team, long n, Instant latest) {
        }

        private final MemoryDb db;
        private final Map<Key, Award> awards;

        Awards(MemoryDb db) {
            this.db = db;
            this.awards = db.table();
        }

        @Override
        public void record(List<Award> winners) {
            db.run(() -> winners.forEach(a -> {
                if (awards.putIfAbsent(new Key(a.pollId(), a.candidateId()), a) != null) {
                    throw new IllegalStateException("award of poll " + a.pollId() + " recorded twice");
                }
            }));
        }

        @Override
        public List<Award> ofPoll(long pollId) {
            return db.with(() -> awards.values().stream().filter(a -> a.pollId() == pollId)
                    .sorted(Comparator.comparingLong(Award::votes).reversed().thenComparingLong(Award::candidateId))
                    .toList());
        }

        @Override
        public List<Award> ofTeam(String teamSlug) {
            return db.with(() -> awards.values().stream().filter(a -> a.teamSlug().equals(teamSlug))
                    .sorted(Comparator.comparing(Award::approvedAt).thenComparingLong(Award::pollId).reversed())
                    .toList());
        }

        @Override
        public Map<String, Long> buckets() {
            return db.with(() -> {
                Map<String, Bucket> rows = new LinkedHashMap<>();
                awards.values().forEach(a -> rows.merge(a.teamSlug(), new Bucket(a.teamSlug(), 1, a.approvedAt()),
                        (x, y) -> new Bucket(x.team(), x.n() + y.n(),
                                x.latest().isAfter(y.latest()) ? x.latest() : y.latest())));
                Map<String, Long> buckets = new LinkedHashMap<>();
                Comparator<Bucket> mostFirst = Comparator.comparingLong(Bucket::n).reversed();
                Comparator<Bucket> latestFirst = Comparator.comparing(Bucket::latest).reversed();
                rows.values().stream().sorted(mostFirst.thenComparing(latestFirst).thenComparing(Bucket::team))
                        .forEach(r -> buckets.put(r.team(), r.n()));
                return buckets;
            });
        }
    }

    /** A lease is the holder's until it runs out; the holder renews it, anyone takes one that ran out. */
    static final class Leases implements LeaseStore {
        record Lease(String holder, Instant until) {
        }

        private final MemoryDb db;
        private final Map<String, Lease> leases;

        Leases(MemoryDb db) {
            this.db = db;
            this.leases = db.table();
        }

        @Override
        public boolean acquire(String name, String holder, Instant now, Instant until) {
            return db.with(() -> {
                Lease lease = leases.get(name);
                if (lease == null || lease.holder().equals(holder) || lease.until().isBefore(now)) {
                    leases.put(name, new Lease(holder, until));
                    return true;
                }
                return false;
            });
        }

        @Override
        public void release(String name, String holder) {
            db.run(() -> leases.computeIfPresent(name, (key, lease) -> lease.holder().equals(holder) ? null : lease));
        }
    }

    /** Webhook deliveries by sender and digest. */
    static final class Deliveries implements dev.popcorn.app.WebhookDeliveries {
        private final MemoryDb db;
        private final Map<String, Instant> taken;

        Deliveries(MemoryDb db) {
            this.db = db;
            this.taken = db.table();
        }

        @Override
        public boolean first(String sender, String digest, Instant at) {
            return db.with(() -> taken.putIfAbsent(sender + "/" + digest, at) == null);
        }

        @Override
        public int purge(Instant before) {
            return db.with(() -> {
                int before_ = taken.size();
                taken.values().removeIf(at -> at.isBefore(before));
                return before_ - taken.size();
            });
        }
    }

    /** Popcorn's copy of tickets; the open ones latest seen first. */
    static final class Tickets implements TicketStore {
        record Row(Ticket ticket, Instant seenAt) {
        }

        private final MemoryDb db;
        private final Map<String, Row> tickets;
        private final java.util.Set<String> unknownLabels;

        Tickets(MemoryDb db) {
            this.db = db;
            this.tickets = db.table();
            this.unknownLabels = java.util.concurrent.ConcurrentHashMap.newKeySet();
        }

        @Override
        public void save(Ticket ticket, Instant seenAt) {
            db.run(() -> unknownLabels.remove(ticket.key()));
            db.run(() -> tickets.put(ticket.key(), new Row(new Ticket(ticket.key(), ticket.summary(), ticket.status(),
                    ticket.done(), ticket.project(), List.of(), ticket.labels(), ticket.fixVersions()), seenAt)));
        }

        @Override
        public Optional<List<String>> labels(String key) {
            return db.with(() -> unknownLabels.contains(key) ? Optional.empty() : find(key).map(Ticket::labels));
        }

        @Override
        public void forgetLabels(String key) {
            db.run(() -> unknownLabels.add(key));
        }

        @Override
        public void labelsWritten(String key, List<String> labels) {
            db.run(() -> unknownLabels.remove(key));
            db.run(() -> tickets.computeIfPresent(key, (k, row) -> new Row(new Ticket(k, row.ticket().summary(),
                    row.ticket().status(), row.ticket().done(), row.ticket().project(), List.of(), labels,
                    row.ticket().fixVersions()), row.seenAt())));
        }

        @Override
        public Optional<Ticket> find(String key) {
            return db.with(() -> Optional.ofNullable(tickets.get(key)).map(Row::ticket));
        }

        @Override
        public List<Ticket> open(int limit) {
            return db.with(() -> tickets.values().stream().filter(r -> !r.ticket().done())
                    .sorted(Comparator.comparing(Row::seenAt).reversed().thenComparing(r -> r.ticket().key()))
                    .limit(limit).map(Row::ticket).toList());
        }
    }

    /** Where each thread is on the forum and the fingerprint of its last text. */
    static final class ForumThreads implements ForumThreadStore {
        private final MemoryDb db;
        private final Map<String, Kept> threads;

        ForumThreads(MemoryDb db) {
            this.db = db;
            this.threads = db.table();
        }

        @Override
        public Optional<Kept> find(String key) {
            return db.with(() -> Optional.ofNullable(threads.get(key)));
        }

        @Override
        public String database() {
            return db.databaseId();
        }

        @Override
        public void save(Kept thread) {
            db.run(() -> threads.put(thread.key(), thread));
        }
    }

    /** The forum accounts behind members' names, keyed by the lower-cased name. */
    static final class ForumAccounts implements dev.popcorn.app.ForumAccountStore {
        private final MemoryDb db;
        private final Map<String, Account> accounts;

        ForumAccounts(MemoryDb db) {
            this.db = db;
            this.accounts = db.table();
        }

        private static String key(String name) {
            return name.strip().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Optional<Account> find(String name) {
            return db.with(() -> Optional.ofNullable(accounts.get(key(name))));
        }

        @Override
        public List<Account> all() {
            return db
                    .with(() -> accounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                            .toList());
        }

        @Override
        public void save(Account account) {
            db.run(() -> accounts.put(key(account.name()), account));
        }

        @Override
        public void forget(String name) {
            db.run(() -> accounts.remove(key(name)));
        }

        @Override
        public List<Account> byForumId(long forumId) {
            return db.with(() -> all().stream().filter(a -> a.forumId() != null && a.forumId() == forumId).toList());
        }

        @Override
        public List<String> namesOf(String userId) {
            return db.with(() -> all().stream().filter(a -> a.linked() && userId.equals(a.userId())).map(Account::name)
                    .toList());
        }
    }
}
