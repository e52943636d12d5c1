package dev.popcorn.memory;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.feedback.Wish;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports, their verdicts, wishes and supporters in memory, as the JDBC store keeps them. */
final class MemoryReports implements ReportStore {

    record ReportKey(long release, String user) {
    }

    record VerdictKey(long release, String user, String ticket) {
    }

    record VerdictRow(Verdict verdict, String comment, Instant updatedAt) {
    }

    /** A wish as its row; {@code ticketKey} is null until it is linked, as in the database. */
    record WishRow(long id, String text, String author, long release, Instant createdAt, String ticketKey,
            Instant fulfilledAt) {
        WishRow with(String ticket, Instant fulfilled) {
            return new WishRow(id, text, author, release, createdAt, ticket, fulfilled);
        }
    }

    record SupportKey(long wish, String user) {
    }

    private final MemoryDb db;
    private final Map<ReportKey, Instant> reports;
    final Map<VerdictKey, VerdictRow> verdicts;
    private final Map<Long, WishRow> wishes;
    private final Map<SupportKey, Long> supports;
    private final Map<ReportKey, String> fingerprints;

    MemoryReports(MemoryDb db) {
        this.fingerprints = db.table();
        this.db = db;
        this.reports = db.table();
        this.verdicts = db.table();
        this.wishes = db.table();
        this.supports = db.table();
    }

    @Override
    public void save(ExperienceReport report, Instant at) {
        if (!report.newWishes().isEmpty()) {
            throw new IllegalArgumentException("new wishes are filed before the report is saved");
        }
        db.inTransaction(() -> {
            long release = report.releaseId();
            String user = report.userId();
            reports.putIfAbsent(new ReportKey(release, user), at);
            verdicts.keySet().removeIf(k -> k.release() == release && k.user().equals(user));
            for (FeatureVerdict v : report.verdicts()) {
                verdicts.put(new VerdictKey(release, user, v.featureKey()),
                        new VerdictRow(v.verdict(), v.comment(), at));
            }
            List<Long> supported = report.supportedWishes();
            // Supports handed in with this report are replaced; those of earlier reports stay.
            supports.entrySet().removeIf(e -> e.getKey().user().equals(user) && e.getValue() == release);
            for (long wish : supported) {
                supports.putIfAbsent(new SupportKey(wish, user), release);
            }
            return null;
        });
    }

    private long insertWish(String text, String user, long release, Instant at, String ticket) {
        long id = db.nextId();
        wishes.put(id, new WishRow(id, text, user, release, at, ticket, null));
        return id;
    }

    @Override
    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return db.with(() -> {
            if (!reports.containsKey(new ReportKey(releaseId, userId))) {
                return Optional.empty();
            }
            List<FeatureVerdict> found = verdicts.entrySet().stream()
                    .filter(e -> e.getKey().release() == releaseId && e.getKey().user().equals(userId))
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(VerdictKey::ticket)))
                    .map(e -> new FeatureVerdict(e.getKey().ticket(), e.getValue().verdict(), e.getValue().comment()))
                    .toList();
            List<Long> supported = supports.entrySet().stream()
                    .filter(e -> e.getKey().user().equals(userId) && e.getValue() == releaseId)
                    .map(e -> e.getKey().wish()).sorted().toList();
            return Optional.of(new ExperienceReport(userId, releaseId, found, supported, List.of()));
        });
    }

    @Override
    public List<Handed> latest(long releaseId, int limit) {
        return db.with(() -> reports.entrySet().stream().filter(e -> e.getKey().release() == releaseId)
                .sorted(Comparator.<Map.Entry<ReportKey, Instant>, Instant>comparing(Map.Entry::getValue).reversed()
                        .thenComparing(e -> e.getKey().user()))
                .limit(limit)
                .map(e -> new Handed(e.getKey().user(), e.getValue(),
                        find(releaseId, e.getKey().user()).orElseThrow().verdicts()))
                .toList());
    }

    @Override
    public long count(long releaseId) {
        return db.with(() -> reports.keySet().stream().filter(k -> k.release() == releaseId).count());
    }

    @Override
    public Map<Long, Long> counts(Collection<Long> releaseIds) {
        return db.with(() -> {
            Map<Long, Long> counts = new HashMap<>();
            releaseIds.forEach(id -> counts.put(id, count(id)));
            return counts;
        });
    }

    @Override
    public long likes(long releaseId, List<String> ticketKeys) {
        return db.with(() -> verdicts.entrySet().stream().filter(e -> e.getKey().release() == releaseId
                && e.getValue().verdict() == Verdict.LIKE && ticketKeys.contains(e.getKey().ticket())).count());
    }

    /** The words of a wish, for the notices that join it. */
    Optional<String> wishText(long wishId) {
        return Optional.ofNullable(wishes.get(wishId)).map(WishRow::text);
    }

    private Wish wish(WishRow row) {
        long n = supports.keySet().stream().filter(k -> k.wish() == row.id()).count();
        return new Wish(row.id(), row.text(), row.author(), row.release(), row.createdAt(), n, row.ticketKey(),
                row.fulfilledAt());
    }

    @Override
    public List<Wish> topWishes(int limit) {
        return db.with(() -> wishes.values().stream().filter(w -> w.fulfilledAt() == null).map(this::wish)
                .filter(w -> w.supporters() > 0)
                .sorted(Comparator.comparingLong(Wish::supporters).reversed().thenComparingLong(Wish::id))
                .limit(limit).toList());
    }

    @Override
    public Optional<Long> wishOf(String authorId, long releaseId, String text) {
        return db.with(() -> wishes.values().stream()
                .filter(w -> w.author().equals(authorId) && w.release() == releaseId && w.text().equals(text))
                .map(WishRow::id).min(Long::compare));
    }

    @Override
    public long fileWish(String text, String authorId, long releaseId, Instant at) {
        return db.inTransaction(() -> insertWish(text, authorId, releaseId, at, null));
    }

    @Override
    public void fingerprint(long releaseId, String userId, String fingerprint) {
        db.inTransaction(() -> {
            fingerprints.put(new ReportKey(releaseId, userId), fingerprint);
            return null;
        });
    }

    @Override
    public void saveAll(List<Saving> all) {
        db.inTransaction(() -> {
            for (Saving saving : all) {
                save(saving.report(), saving.at());
                if (saving.fingerprint() != null) {
                    fingerprint(saving.report().releaseId(), saving.report().userId(), saving.fingerprint());
                }
            }
            return null;
        });
    }

    @Override
    public Map<String, List<Author>> withFingerprints(Collection<String> wanted) {
        return db.with(() -> {
            Map<String, List<Author>> authors = new HashMap<>();
            for (String sketch : new java.util.LinkedHashSet<>(wanted)) {
                fingerprints.forEach((key, f) -> {
                    if (dev.popcorn.domain.feedback.CommentSketch.near(sketch, f) && mine(sketch, f)) {
                        authors.computeIfAbsent(sketch, x -> new ArrayList<>())
                                .add(new Author(key.release(), key.user()));
                    }
                });
            }
            return authors;
        });
    }

    @Override
    public boolean copies(long releaseId, String userId, String fingerprint) {
        return db.with(() -> fingerprints.entrySet().stream()
                .anyMatch(e -> dev.popcorn.domain.feedback.CommentSketch.near(fingerprint,
                        e.getValue()) && mine(fingerprint, e.getValue())
                        && !e.getKey().equals(new ReportKey(releaseId, userId))));
    }

    /** As the database counts: the marks shared against the asking sketch's own number (CommentSketch.near takes the smaller). */
    private static boolean mine(String asking, String stored) {
        java.util.Set<String> marks = dev.popcorn.domain.feedback.CommentSketch.marks(asking);
        return marks.stream().filter(dev.popcorn.domain.feedback.CommentSketch.marks(stored)::contains)
                .count() >= dev.popcorn.domain.feedback.CommentSketch.needed(marks.size());
    }

    @Override
    public boolean wishExists(long wishId) {
        return db.with(() -> wishes.containsKey(wishId));
    }

    @Override
    public List<Wish> wishes(List<Long> ids) {
        return db.with(() -> wishes.values().stream().filter(w -> ids.contains(w.id())).map(this::wish)
                .sorted(Comparator.comparingLong(Wish::id)).toList());
    }

    @Override
    public List<Wish> openWishes(int limit) {
        return db.with(() -> wishes.values().stream().filter(w -> w.fulfilledAt() == null).map(this::wish)
                .sorted(Comparator.comparingLong(Wish::supporters).reversed()
                        .thenComparing(Comparator.comparingLong(Wish::id).reversed()))
                .limit(limit).toList());
    }

    @Override
    public long wishForTicket(String ticketKey, String summary, long releaseId, Instant at) {
        return db.inTransaction(() -> wishes.values().stream().filter(w -> ticketKey.equals(w.ticketKey()))
                .map(WishRow::id).min(Long::compare)
                .orElseGet(() -> insertWish(summary, Wish.NO_AUTHOR, releaseId, at, ticketKey)));
    }

    @Override
    public void linkTicket(long wishId, String ticketKey) {
        db.run(() -> wishes.computeIfPresent(wishId, (id, w) -> w.with(ticketKey, w.fulfilledAt())));
    }

    @Override
    public List<Wish> unfulfilledWishesOf(String ticketKey) {
        return db.with(
                () -> wishes.values().stream().filter(w -> ticketKey.equals(w.ticketKey()) && w.fulfilledAt() == null)
                        .map(this::wish).sorted(Comparator.comparingLong(Wish::id)).toList());
    }

    @Override
    public boolean fulfil(long wishId, Instant at) {
        return db.with(() -> {
            WishRow row = wishes.get(wishId);
            if (row == null || row.fulfilledAt() != null) {
                return false;
            }
            wishes.put(wishId, row.with(row.ticketKey(), at));
            return true;
        });
    }

    @Override
    public List<String> supporters(long wishId) {
        return db.with(() -> supports.keySet().stream().filter(k -> k.wish() == wishId).map(SupportKey::user).sorted()
                .toList());
    }

    @Override
    public long supportersOfTicket(String ticketKey) {
        return db.with(() -> supports.keySet().stream()
                .filter(k -> wishes.containsKey(k.wish()) && ticketKey.equals(wishes.get(k.wish()).ticketKey()))
                .map(SupportKey::user).distinct().count());
    }
}
