package dev.popcorn.memory;

import dev.popcorn.app.ReleaseStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.release.TestSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases in memory: versions and builds unique, newest first, feedback counted from the reports' verdicts. */
final class MemoryReleases implements ReleaseStore {

    record Row(Release release, Optional<BuildRef> build, Optional<TestSummary> tests) {
    }

    private static final Comparator<Release> NEWEST_FIRST = Comparator.comparing(Release::shippedAt)
            .thenComparingLong(Release::id).reversed();

    private final MemoryDb db;
    private final MemoryReports reports;
    private final Map<Long, Row> rows;

    MemoryReleases(MemoryDb db, MemoryReports reports) {
        this.db = db;
        this.reports = reports;
        this.rows = db.table();
    }

    @Override
    public Release create(String version, Instant shippedAt, Instant reportsCloseAt, List<Feature> features,
            Optional<BuildRef> build, Optional<TestSummary> tests) {
        return db.inTransaction(() -> {
            boolean taken = rows.values().stream().anyMatch(r -> r.release().version().equals(version)
                    || build.isPresent() && r.build().map(b -> b.job().equals(build.get().job())
                            && b.number() == build.get().number()).orElse(false));
            if (taken) {
                throw RuleViolation.conflict("release.exists", version);
            }
            Release release = new Release(db.nextId(), version, shippedAt, reportsCloseAt, features);
            rows.put(release.id(), new Row(release, build, tests));
            return release;
        });
    }

    @Override
    public Optional<Release> findByBuild(String job, int number) {
        return db.with(() -> rows.values().stream()
                .filter(r -> r.build().map(b -> b.job().equals(job) && b.number() == number).orElse(false))
                .map(Row::release).findFirst());
    }

    @Override
    public Map<Long, Shipment> shipments(Collection<Long> releaseIds) {
        return db.with(() -> {
            Map<Long, Shipment> shipments = new HashMap<>();
            releaseIds.stream().map(rows::get).filter(r -> r != null && r.build().isPresent())
                    .forEach(r -> shipments.put(r.release().id(), new Shipment(r.build().get(), r.tests())));
            return shipments;
        });
    }

    @Override
    public void attachTests(long releaseId, TestSummary tests) {
        db.run(() -> rows.computeIfPresent(releaseId, (id, r) -> new Row(r.release(), r.build(), Optional.of(tests))));
    }

    @Override
    public Optional<Release> find(long id) {
        return db.with(() -> Optional.ofNullable(rows.get(id)).map(Row::release));
    }

    @Override
    public List<Release> findAll(Collection<Long> ids) {
        return db.with(() -> ids.stream().distinct().map(rows::get).filter(r -> r != null).map(Row::release)
                .sorted(NEWEST_FIRST).toList());
    }

    @Override
    public Optional<Release> findByVersion(String version) {
        return db.with(
                () -> rows.values().stream().map(Row::release).filter(r -> r.version().equals(version)).findFirst());
    }

    @Override
    public List<Release> recent(int limit) {
        return db.with(() -> rows.values().stream().map(Row::release).sorted(NEWEST_FIRST).limit(limit).toList());
    }

    @Override
    public Map<Long, List<FeatureFeedback>> feedback(List<Release> releases, int commentsPerFeature) {
        return db.with(() -> {
            Map<Long, List<FeatureFeedback>> feedback = new HashMap<>();
            for (Release release : releases) {
                List<FeatureFeedback> features = new ArrayList<>();
                for (Feature feature : release.features()) {
                    var said = reports.verdicts.entrySet().stream()
                            .filter(e -> e.getKey().release() == release.id()
                                    && e.getKey().ticket().equals(feature.key()))
                            .map(Map.Entry::getValue).toList();
                    long likes = said.stream().filter(v -> v.verdict() == Verdict.LIKE).count();
                    List<String> comments = said.stream().filter(v -> !v.comment().isEmpty())
                            .sorted(Comparator.comparing(MemoryReports.VerdictRow::updatedAt).reversed())
                            .limit(commentsPerFeature).map(MemoryReports.VerdictRow::comment).toList();
                    features.add(new FeatureFeedback(feature, likes, said.size() - likes, comments));
                }
                feedback.put(release.id(), features);
            }
            return feedback;
        });
    }
}
