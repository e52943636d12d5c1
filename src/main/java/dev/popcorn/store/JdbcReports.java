package dev.popcorn.store;

import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.feedback.CommentSketch;
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
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcReports implements ReportStore {

    /** A wish row with its supporter count in column {@code n}. */
    private static final RowMapper<Wish> WISH = (rs, ctx) -> new Wish(rs.getLong("id"), rs.getString("text"),
            rs.getString("author_id"), rs.getLong("release_id"), Db.instant(rs, "created_at"), rs.getLong("n"),
            rs.getString("ticket_key"), Db.instant(rs, "fulfilled_at"));
    private static final String WISH_COLUMNS = "w.id, w.text, w.author_id, w.release_id, w.created_at, w.ticket_key, w.fulfilled_at";
    /** Wishes with their supporters counted one by one: for a few wishes picked by a condition. */
    private static final String WISHES_COUNTED = "SELECT " + WISH_COLUMNS + ","
            + " (SELECT COUNT(*) FROM wish_supporters s WHERE s.wish_id = w.id) AS n FROM wishes w";

    private final Db db;

    JdbcReports(Db db) {
        this.db = db;
    }

    @Override
    public void save(ExperienceReport report, Instant at) {
        if (!report.newWishes().isEmpty()) {
            throw new IllegalArgumentException("new wishes are filed before the report is saved");
        }
        db.inTransaction(() -> db.with(h -> {
            long release = report.releaseId();
            String user = report.userId();
            h.createUpdate(db.dialect().upsertReport()).bind("release", release).bind("user", user).bind("at", at)
                    .execute();
            h.createUpdate("DELETE FROM report_verdicts WHERE release_id = :r AND user_id = :u")
                    .bind("r", release).bind("u", user).execute();
            if (!report.verdicts().isEmpty()) {
                var batch = h.prepareBatch(
                        "INSERT INTO report_verdicts (release_id, user_id, ticket_key, verdict, comment, updated_at)"
                                + " VALUES (:r, :u, :k, :v, :c, :at)");
                for (FeatureVerdict v : report.verdicts()) {
                    batch.bind("r", release).bind("u", user).bind("k", v.featureKey()).bind("v", v.verdict().name())
                            .bind("c", v.comment()).bind("at", at).add();
                }
                batch.execute();
            }
            // Supports handed in with this report are replaced; those of earlier reports stay.
            h.createUpdate("DELETE FROM wish_supporters WHERE release_id = :r AND user_id = :u")
                    .bind("r", release).bind("u", user).execute();
            for (long wish : report.supportedWishes()) {
                h.createUpdate(db.dialect().insertSupportIfAbsent())
                        .bind("wish", wish).bind("user", user).bind("release", release).bind("at", at).execute();
            }
            return null;
        }));
    }

    @Override
    public void saveAll(List<Saving> savings) {
        if (savings.isEmpty()) {
            return;
        }
        if (savings.stream().anyMatch(s -> !s.report().newWishes().isEmpty())) {
            throw new IllegalArgumentException("new wishes are filed before the report is saved");
        }
        // One row per author (an upsert may not touch a row twice), in key order (two batches lock rows alike).
        Map<Author, Saving> last = new TreeMap<>(
                Comparator.comparingLong(Author::releaseId).thenComparing(Author::userId));
        savings.forEach(s -> last.put(new Author(s.report().releaseId(), s.report().userId()), s));
        List<Saving> rows = List.copyOf(last.values());
        db.inTransaction(() -> db.with(h -> {
            Rows.write(h, db.dialect(), rows, db.dialect()::upsertReports,
                    s -> new Object[] {s.report().releaseId(), s.report().userId(),
                            s.at(), s.fingerprint()});
            marks(h, rows);
            // By the whole key, pair by pair in one batch: an IN list on the second column would scan the release.
            for (String table : List.of("report_verdicts", "wish_supporters")) {
                // Supports handed in with these reports are replaced; those of earlier reports stay.
                var delete = h.prepareBatch("DELETE FROM " + table + " WHERE release_id = :r AND user_id = :u");
                last.keySet().forEach(a -> delete.bind("r", a.releaseId()).bind("u", a.userId()).add());
                delete.execute();
            }
            List<Object[]> verdicts = new ArrayList<>();
            for (Saving s : rows) {
                for (FeatureVerdict v : s.report().verdicts()) {
                    verdicts.add(new Object[] {s.report().releaseId(), s.report().userId(), v.featureKey(),
                            v.verdict().name(),
                            v.comment(), s.at()});
                }
            }
            Rows.write(h, db.dialect(), verdicts,
                    n -> "INSERT INTO report_verdicts (release_id, user_id, ticket_key, verdict, comment,"
                            + " updated_at) VALUES " + Rows.values(n, "(?, ?, ?, ?, ?, ?)"),
                    row -> row);
            for (Saving s : rows) {
                for (long wish : s.report().supportedWishes()) {
                    h.createUpdate(db.dialect().insertSupportIfAbsent()).bind("wish", wish)
                            .bind("user", s.report().userId())
                            .bind("release", s.report().releaseId()).bind("at", s.at()).execute();
                }
            }
            return null;
        }));
    }

    @Override
    public Map<String, List<Author>> withFingerprints(Collection<String> fingerprints) {
        Map<String, List<Author>> authors = new HashMap<>();
        java.util.Set<String> marks = new java.util.LinkedHashSet<>();
        fingerprints.forEach(f -> marks.addAll(CommentSketch.marks(f)));
        if (marks.isEmpty()) {
            return authors;
        }
        // Every stored report sharing a mark with any of them, in one query (by the index on mark), then counted here.
        Map<Author, java.util.Set<String>> found = new HashMap<>();
        for (List<String> chunk : Rows.padded(List.copyOf(marks))) {
            db.with(h -> h.createQuery("SELECT release_id, user_id, mark FROM report_marks WHERE mark IN (<marks>)")
                    .bindList("marks", chunk)
                    .map((rs,
                            ctx) -> found.computeIfAbsent(new Author(rs.getLong("release_id"), rs.getString("user_id")),
                                    a -> new java.util.HashSet<>()).add(rs.getString("mark")))
                    .list());
        }
        for (String fingerprint : new java.util.LinkedHashSet<>(fingerprints)) {
            java.util.Set<String> mine = CommentSketch.marks(fingerprint);
            found.forEach((author, theirs) -> {
                long shared = mine.stream().filter(theirs::contains).count();
                if (!mine.isEmpty() && shared >= CommentSketch.needed(mine.size())) {
                    authors.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(author);
                }
            });
        }
        return authors;
    }

    /** Keeps the marks of these reports' sketches in place of those they had. */
    private void marks(Handle h, List<Saving> rows) {
        var delete = h.prepareBatch("DELETE FROM report_marks WHERE release_id = :r AND user_id = :u");
        rows.forEach(s -> delete.bind("r", s.report().releaseId()).bind("u", s.report().userId()).add());
        delete.execute();
        List<Object[]> marks = new ArrayList<>();
        for (Saving s : rows) {
            for (String mark : CommentSketch.marks(s.fingerprint())) {
                marks.add(new Object[] {s.report().releaseId(), s.report().userId(), mark});
            }
        }
        Rows.write(h, db.dialect(), marks,
                n -> "INSERT INTO report_marks (release_id, user_id, mark) VALUES " + Rows.values(n, "(?, ?, ?)"),
                row -> row);
    }

    @Override
    public Optional<Long> wishOf(String authorId, long releaseId, String text) {
        return db.with(h -> h.createQuery("SELECT id FROM wishes WHERE author_id = :u AND release_id = :r AND text = :t"
                + " ORDER BY id LIMIT 1")
                .bind("u", authorId).bind("r", releaseId).bind("t", text).mapTo(Long.class).findFirst());
    }

    @Override
    public long fileWish(String text, String authorId, long releaseId, Instant at) {
        return db.with(h -> h
                .createUpdate("INSERT INTO wishes (text, author_id, release_id, created_at) VALUES (:t, :u, :r, :at)")
                .bind("t", text).bind("u", authorId).bind("r", releaseId).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void fingerprint(long releaseId, String userId, String fingerprint) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("UPDATE reports SET fingerprint = :f WHERE release_id = :r AND user_id = :u")
                    .bind("f", fingerprint).bind("r", releaseId).bind("u", userId).execute();
            ExperienceReport placeholder = new ExperienceReport(userId, releaseId, List.of(), List.of(), List.of());
            marks(h, List.of(new Saving(placeholder, Instant.EPOCH, fingerprint)));
            return null;
        }));
    }

    @Override
    public boolean copies(long releaseId, String userId, String fingerprint) {
        Author self = new Author(releaseId, userId);
        return withFingerprints(List.of(fingerprint)).getOrDefault(fingerprint, List.of()).stream()
                .anyMatch(author -> !author.equals(self));
    }

    @Override
    public Optional<ExperienceReport> find(long releaseId, String userId) {
        return db.with(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM reports WHERE release_id = :r AND user_id = :u")
                    .bind("r", releaseId).bind("u", userId).mapTo(Long.class).one() > 0;
            if (!exists) {
                return Optional.empty();
            }
            List<FeatureVerdict> verdicts = h.createQuery("SELECT ticket_key, verdict, comment FROM report_verdicts"
                    + " WHERE release_id = :r AND user_id = :u ORDER BY ticket_key")
                    .bind("r", releaseId).bind("u", userId)
                    .map((rs, ctx) -> new FeatureVerdict(rs.getString("ticket_key"),
                            Verdict.valueOf(rs.getString("verdict")), rs.getString("comment")))
                    .list();
            List<Long> wishes = h
                    .createQuery("SELECT wish_id FROM wish_supporters WHERE release_id = :r AND user_id = :u"
                            + " ORDER BY wish_id")
                    .bind("r", releaseId).bind("u", userId).mapTo(Long.class).list();
            return Optional.of(new ExperienceReport(userId, releaseId, verdicts, wishes, List.of()));
        });
    }

    @Override
    public List<Handed> latest(long releaseId, int limit) {
        return db.with(h -> {
            List<Handed> heads = h.createQuery("SELECT user_id, handed_in_at FROM reports WHERE release_id = :r"
                    + " ORDER BY handed_in_at DESC, user_id LIMIT :limit")
                    .bind("r", releaseId).bind("limit", limit)
                    .map((rs, ctx) -> new Handed(rs.getString("user_id"), Db.instant(rs, "handed_in_at"), List.of()))
                    .list();
            if (heads.isEmpty()) {
                return heads;
            }
            Map<String, List<FeatureVerdict>> verdicts = new HashMap<>();
            h.createQuery("SELECT user_id, ticket_key, verdict, comment FROM report_verdicts"
                    + " WHERE release_id = :r AND user_id IN (<users>) ORDER BY ticket_key")
                    .bind("r", releaseId).bindList("users", heads.stream().map(Handed::userId).toList())
                    .map((rs, ctx) -> Map.entry(rs.getString("user_id"), new FeatureVerdict(rs.getString("ticket_key"),
                            Verdict.valueOf(rs.getString("verdict")), rs.getString("comment"))))
                    .forEach(e -> verdicts.computeIfAbsent(e.getKey(), u -> new ArrayList<>()).add(e.getValue()));
            return heads.stream().map(r -> new Handed(r.userId(), r.handedInAt(),
                    verdicts.getOrDefault(r.userId(), List.of()))).toList();
        });
    }

    @Override
    public long count(long releaseId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM reports WHERE release_id = :r")
                .bind("r", releaseId).mapTo(Long.class).one());
    }

    @Override
    public Map<Long, Long> counts(Collection<Long> releaseIds) {
        Map<Long, Long> counts = new HashMap<>();
        releaseIds.forEach(id -> counts.put(id, 0L));
        if (releaseIds.isEmpty()) {
            return counts;
        }
        db.with(h -> h.createQuery("SELECT release_id, COUNT(*) AS n FROM reports WHERE release_id IN (<ids>)"
                + " GROUP BY release_id")
                .bindList("ids", List.copyOf(releaseIds))
                .map((rs, ctx) -> counts.put(rs.getLong("release_id"), rs.getLong("n")))
                .list());
        return counts;
    }

    @Override
    public long likes(long releaseId, List<String> ticketKeys) {
        if (ticketKeys.isEmpty()) {
            return 0;
        }
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM report_verdicts WHERE release_id = :r"
                + " AND verdict = 'LIKE' AND ticket_key IN (<keys>)")
                .bind("r", releaseId).bindList("keys", ticketKeys).mapTo(Long.class).one());
    }

    @Override
    public List<Wish> topWishes(int limit) {
        return db.with(h -> h.createQuery("SELECT " + WISH_COLUMNS + ", s.n"
                + " FROM wishes w JOIN (SELECT wish_id, COUNT(*) AS n FROM wish_supporters GROUP BY wish_id) s"
                + " ON s.wish_id = w.id WHERE w.fulfilled_at IS NULL ORDER BY s.n DESC, w.id LIMIT :limit")
                .bind("limit", limit)
                .map(WISH)
                .list());
    }

    @Override
    public List<Wish> wishes(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.with(h -> h.createQuery(WISHES_COUNTED + " WHERE w.id IN (<ids>) ORDER BY w.id")
                .bindList("ids", ids)
                .map(WISH)
                .list());
    }

    @Override
    public boolean wishExists(long wishId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM wishes WHERE id = :id").bind("id", wishId)
                .mapTo(Long.class).one() > 0);
    }

    @Override
    public List<Wish> openWishes(int limit) {
        return db.with(h -> h.createQuery("SELECT " + WISH_COLUMNS + ", COALESCE(s.n, 0) AS n"
                + " FROM wishes w LEFT JOIN (SELECT wish_id, COUNT(*) AS n FROM wish_supporters GROUP BY wish_id) s"
                + " ON s.wish_id = w.id WHERE w.fulfilled_at IS NULL ORDER BY n DESC, w.id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(WISH)
                .list());
    }

    @Override
    public long wishForTicket(String ticketKey, String summary, long releaseId, Instant at) {
        return db.with(h -> h.createQuery("SELECT id FROM wishes WHERE ticket_key = :key ORDER BY id LIMIT 1")
                .bind("key", ticketKey)
                .mapTo(Long.class).findFirst()
                .orElseGet(() -> h
                        .createUpdate("INSERT INTO wishes (text, author_id, release_id, created_at, ticket_key)"
                                + " VALUES (:t, :u, :r, :at, :key)")
                        .bind("t", summary).bind("u", Wish.NO_AUTHOR).bind("r", releaseId).bind("at", at)
                        .bind("key", ticketKey)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    @Override
    public void linkTicket(long wishId, String ticketKey) {
        db.with(h -> h.createUpdate("UPDATE wishes SET ticket_key = :key WHERE id = :id")
                .bind("key", ticketKey).bind("id", wishId).execute());
    }

    @Override
    public List<Wish> unfulfilledWishesOf(String ticketKey) {
        return db.with(h -> h
                .createQuery(WISHES_COUNTED + " WHERE w.ticket_key = :key AND w.fulfilled_at IS NULL ORDER BY w.id")
                .bind("key", ticketKey)
                .map(WISH)
                .list());
    }

    @Override
    public boolean fulfil(long wishId, Instant at) {
        return db.with(
                h -> h.createUpdate("UPDATE wishes SET fulfilled_at = :at WHERE id = :id AND fulfilled_at IS NULL")
                        .bind("at", at).bind("id", wishId).execute()) > 0;
    }

    @Override
    public List<String> supporters(long wishId) {
        return db.with(h -> h.createQuery("SELECT user_id FROM wish_supporters WHERE wish_id = :id ORDER BY user_id")
                .bind("id", wishId).mapTo(String.class).list());
    }

    @Override
    public long supportersOfTicket(String ticketKey) {
        return db.with(h -> h.createQuery("SELECT COUNT(DISTINCT s.user_id) FROM wish_supporters s"
                + " JOIN wishes w ON w.id = s.wish_id WHERE w.ticket_key = :key")
                .bind("key", ticketKey).mapTo(Long.class).one());
    }
}
