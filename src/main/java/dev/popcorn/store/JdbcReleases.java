package dev.popcorn.store;

import dev.popcorn.app.ReleaseStore;
import dev.popcorn.domain.BuildRef;
import dev.popcorn.domain.Feature;
import dev.popcorn.domain.FeatureFeedback;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.TestSummary;
import dev.popcorn.domain.Verdict;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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
            if (h.createQuery("SELECT COUNT(*) FROM releases WHERE version = :v").bind("v", version).mapTo(Long.class).one() > 0) {
                throw RuleViolation.conflict("release.exists", version);
            }
            long id;
            try {
                id = h.createUpdate("INSERT INTO releases (version, shipped_at, reports_close_at, build_job, build_number,"
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
            var batch = h.prepareBatch("INSERT INTO features (release_id, ticket_key, position, summary, team_slug)"
                    + " VALUES (:r, :k, :p, :s, :t)");
            for (int i = 0; i < features.size(); i++) {
                Feature f = features.get(i);
                batch.bind("r", id).bind("k", f.key()).bind("p", i).bind("s", f.summary()).bind("t", f.teamSlug()).add();
            }
            batch.execute();
            return new Release(id, version, shippedAt, reportsCloseAt, features);
        }));
    }

    @Override
    public Optional<Release> find(long id) {
        return db.with(h -> load(h, "WHERE id = :id", Map.of("id", id), 1)).stream().findFirst();
    }

    @Override
    public Optional<Release> findByVersion(String version) {
        return db.with(h -> load(h, "WHERE version = :v", Map.of("v", version), 1)).stream().findFirst();
    }

    @Override
    public Optional<Release> findByBuild(String job, int number) {
        return db.with(h -> load(h, "WHERE build_job = :job AND build_number = :number",
                Map.of("job", job, "number", number), 1)).stream().findFirst();
    }

    @Override
    public Optional<Shipment> shipment(long releaseId) {
        return db.with(h -> h.createQuery("SELECT build_job, build_number, build_url, tests_total, tests_passed,"
                        + " tests_failed, tests_skipped FROM releases WHERE id = :id AND build_job IS NOT NULL")
                .bind("id", releaseId)
                .map((rs, ctx) -> {
                    Optional<TestSummary> tests = rs.getObject("tests_total") == null ? Optional.empty()
                            : Optional.of(new TestSummary(rs.getInt("tests_total"), rs.getInt("tests_passed"),
                                    rs.getInt("tests_failed"), rs.getInt("tests_skipped")));
                    return new Shipment(new BuildRef(rs.getString("build_job"), rs.getInt("build_number"),
                            rs.getString("build_url")), tests);
                })
                .findOne());
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
        return db.with(h -> load(h, "", Map.of(), limit));
    }

    private static List<Release> load(Handle h, String where, Map<String, Object> binds, int limit) {
        record Row(long id, String version, Instant shipped, Instant close) {
        }
        List<Row> rows = h.createQuery("SELECT id, version, shipped_at, reports_close_at FROM releases " + where
                        + " ORDER BY shipped_at DESC, id DESC LIMIT :limit")
                .bindMap(binds).bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("version"),
                        Db.instant(rs, "shipped_at"), Db.instant(rs, "reports_close_at")))
                .list();
        List<Release> releases = new ArrayList<>();
        for (Row row : rows) {
            List<Feature> features = h.createQuery("SELECT ticket_key, summary, team_slug FROM features"
                            + " WHERE release_id = :id ORDER BY position")
                    .bind("id", row.id())
                    .map((rs, ctx) -> new Feature(rs.getString("ticket_key"), rs.getString("summary"), rs.getString("team_slug")))
                    .list();
            releases.add(new Release(row.id(), row.version(), row.shipped(), row.close(), features));
        }
        return releases;
    }

    @Override
    public List<FeatureFeedback> feedback(long releaseId, int commentsPerFeature) {
        return db.with(h -> {
            Release release = load(h, "WHERE id = :id", Map.of("id", releaseId), 1).stream().findFirst()
                    .orElseThrow(() -> RuleViolation.notFound("release.unknown", releaseId));
            Map<String, long[]> counts = new HashMap<>();
            h.createQuery("SELECT ticket_key, verdict, COUNT(*) AS n FROM report_verdicts WHERE release_id = :id"
                            + " GROUP BY ticket_key, verdict")
                    .bind("id", releaseId)
                    .map((rs, ctx) -> {
                        long[] pair = counts.computeIfAbsent(rs.getString("ticket_key"), k -> new long[2]);
                        pair[Verdict.valueOf(rs.getString("verdict")).ordinal()] = rs.getLong("n");
                        return null;
                    }).list();
            List<FeatureFeedback> result = new ArrayList<>();
            for (Feature feature : release.features()) {
                List<String> comments = h.createQuery("SELECT comment FROM report_verdicts"
                                + " WHERE release_id = :id AND ticket_key = :k AND comment <> ''"
                                + " ORDER BY updated_at DESC LIMIT :n")
                        .bind("id", releaseId).bind("k", feature.key()).bind("n", commentsPerFeature)
                        .mapTo(String.class).list();
                long[] pair = counts.getOrDefault(feature.key(), new long[2]);
                result.add(new FeatureFeedback(feature, pair[Verdict.LIKE.ordinal()],
                        pair[Verdict.NOT_GOOD_ENOUGH.ordinal()], comments));
            }
            return result;
        });
    }
}
