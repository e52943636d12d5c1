package dev.popcorn.store;

import dev.popcorn.app.ReleaseStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

final class JdbcReleases implements ReleaseStore {

    private final Db db;

    JdbcReleases(Db db) {
        this.db = db;
    }

    @Override
    public Release create(String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features,
            Optional<BuildRef> build, Optional<TestSummary> tests) {
        return db.inTransaction(() -> db.with(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM releases WHERE version = :v").bind("v", version).mapTo(Long.class)
                    .one() > 0) {
                throw RuleViolation.conflict("release.exists", version);
            }
            long id;
            try {
                id = h.createUpdate(
                        "INSERT INTO releases (version, shipped_at, reports_close_at, build_job, build_number,"
                                + " build_url, tests_total, tests_passed, tests_failed, tests_skipped)"
                                + " VALUES (:v, :s, :c, :job, :number, :url, :total, :passed, :failed, :skipped)")
                        .bind("v", version).bind("s", shippedAt).bind("c", reportsCloseAt)
                        .bind("job", build.map(BuildRef::job).orElse(null))
                        .bind("number", build.map(BuildRef::number).orElse(null))
                        .bind("url", build.map(BuildRef::url).orElse(null))
                        .bind("total", tests.map(TestSummary::total).orElse(null))
                        .bind("passed", tests.map(TestSummary::passed).orElse(null))
                        .bind("failed", tests.map(TestSummary::failed).orElse(null))
                        .bind("skipped", tests.map(TestSummary::skipped).orElse(null))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            } catch (UnableToExecuteStatementException e) {
                // Two instances opening the same version or build at once: the unique indexes let one win.
                if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw RuleViolation.conflict("release.exists", version);
                }
                throw e;
            }
            var batch = h.prepareBatch(
                    "INSERT INTO features (release_id, ticket_key, position, summary, summary_zh, team_slug)"
                            + " VALUES (:r, :k, :p, :s, :z, :t)");
            for (int i = 0; i < features.size(); i++) {
                Feature f = features.get(i);
                batch.bind("r", id).bind("k", f.key()).bind("p", i).bind("s", f.summary()).bind("z", f.summaryZh())
                        .bind("t", f.teamSlug()).add();
            }
            batch.execute();
            return new Release(id, version, shippedAt, reportsCloseAt, features);
        }));
    }

    @Override
    public Optional<Release> find(long id) {
        return db.with(h -> load(h, "WHERE id = :id", q -> q.bind("id", id), 1)).stream().findFirst();
    }

    @Override
    public List<Release> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.with(h -> load(h, "WHERE id IN (<ids>)", q -> q.bindList("ids", List.copyOf(ids)), ids.size()));
    }

    @Override
    public Optional<Release> findByVersion(String version) {
        return db.with(h -> load(h, "WHERE version = :v", q -> q.bind("v", version), 1)).stream().findFirst();
    }

    @Override
    public Optional<Release> findByBuild(String job, int number) {
        return db.with(h -> load(h, "WHERE build_job = :job AND build_number = :number",
                q -> q.bind("job", job).bind("number", number), 1)).stream().findFirst();
    }

    @Override
    public Map<Long, Shipment> shipments(Collection<Long> releaseIds) {
        Map<Long, Shipment> shipments = new HashMap<>();
        if (releaseIds.isEmpty()) {
            return shipments;
        }
        db.with(h -> h.createQuery("SELECT id, build_job, build_number, build_url, tests_total, tests_passed,"
                + " tests_failed, tests_skipped FROM releases WHERE id IN (<ids>)"
                + " AND build_job IS NOT NULL")
                .bindList("ids", List.copyOf(releaseIds))
                .map((rs, ctx) -> {
                    Optional<TestSummary> tests = rs.getObject("tests_total") == null ? Optional.empty()
                            : Optional.of(new TestSummary(rs.getInt("tests_total"), rs.getInt("tests_passed"),
                                    rs.getInt("tests_failed"), rs.getInt("tests_skipped")));
                    return shipments.put(rs.getLong("id"), new Shipment(new BuildRef(rs.getString("build_job"),
                            rs.getInt("build_number"), rs.getString("build_url")), tests));
                })
                .list());
        return shipments;
    }

    @Override
    public void attachTests(long releaseId, TestSummary tests) {
        db.with(h -> h.createUpdate("UPDATE releases SET tests_total = :total, tests_passed = :passed,"
                + " tests_failed = :failed, tests_skipped = :skipped WHERE id = :id")
                .bind("id", releaseId).bind("total", tests.total()).bind("passed", tests.passed())
                .bind("failed", tests.failed()).bind("skipped", tests.skipped()).execute());
    }

    @Override
    public List<Release> recent(int limit) {
        return db.with(h -> load(h, "", q -> q, limit));
    }

    /** The releases {@code where} selects, newest first, with their features: two queries however many. */
    private static List<Release> load(Handle h, String where, UnaryOperator<Query> bind, int limit) {
        record Row(long id, String version, Instant shipped, Instant close) {
        }
        List<Row> rows = bind
                .apply(h.createQuery("SELECT id, version, shipped_at, reports_close_at FROM releases " + where
                        + " ORDER BY shipped_at DESC, id DESC LIMIT :limit"))
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("version"),
                        Db.instant(rs, "shipped_at"), Db.instant(rs, "reports_close_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Feature>> features = new HashMap<>();
        h.createQuery(
                "SELECT release_id, ticket_key, summary, summary_zh, team_slug FROM features WHERE release_id IN (<ids>)"
                        + " ORDER BY release_id, position")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> features.computeIfAbsent(rs.getLong("release_id"), k -> new ArrayList<>())
                        .add(new Feature(rs.getString("ticket_key"), rs.getString("summary"),
                                rs.getString("summary_zh"),
                                rs.getString("team_slug"))))
                .list();
        return rows.stream().map(row -> new Release(row.id(), row.version(), row.shipped(), row.close(),
                features.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public Map<Long, List<FeatureFeedback>> feedback(List<Release> releases, int commentsPerFeature) {
        Map<Long, List<FeatureFeedback>> feedback = new HashMap<>();
        if (releases.isEmpty()) {
            return feedback;
        }
        List<Long> ids = releases.stream().map(Release::id).toList();
        record Key(long release, String ticket) {
        }
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, List<String>> comments = new HashMap<>();
        db.with(h -> {
            h.createQuery("SELECT release_id, ticket_key, verdict, COUNT(*) AS n FROM report_verdicts"
                    + " WHERE release_id IN (<ids>) GROUP BY release_id, ticket_key, verdict")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> {
                        long[] pair = counts.computeIfAbsent(
                                new Key(rs.getLong("release_id"), rs.getString("ticket_key")),
                                k -> new long[2]);
                        pair[Verdict.valueOf(rs.getString("verdict")).ordinal()] = rs.getLong("n");
                        return null;
                    }).list();
            // The latest comments per feature, by a window function rather than a query per feature.
            return h.createQuery("SELECT release_id, ticket_key, comment FROM (SELECT release_id, ticket_key, comment,"
                    + " ROW_NUMBER() OVER (PARTITION BY release_id, ticket_key ORDER BY updated_at DESC) AS place"
                    + " FROM report_verdicts WHERE release_id IN (<ids>) AND comment <> '') latest"
                    + " WHERE place <= :n ORDER BY release_id, ticket_key, place")
                    .bindList("ids", ids).bind("n", commentsPerFeature)
                    .map((rs, ctx) -> comments
                            .computeIfAbsent(new Key(rs.getLong("release_id"), rs.getString("ticket_key")),
                                    k -> new ArrayList<>())
                            .add(rs.getString("comment")))
                    .list();
        });
        for (Release release : releases) {
            List<FeatureFeedback> result = new ArrayList<>();
            for (Feature feature : release.features()) {
                Key key = new Key(release.id(), feature.key());
                long[] pair = counts.getOrDefault(key, new long[2]);
                result.add(new FeatureFeedback(feature, pair[Verdict.LIKE.ordinal()],
                        pair[Verdict.NOT_GOOD_ENOUGH.ordinal()],
                        comments.getOrDefault(key, List.of())));
            }
            feedback.put(release.id(), result);
        }
        return feedback;
    }
}
