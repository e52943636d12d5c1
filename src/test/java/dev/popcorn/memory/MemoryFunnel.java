package dev.popcorn.memory;

import dev.popcorn.app.ReportStore;
import dev.popcorn.app.participation.ParticipationStore;
import dev.popcorn.app.week.FunnelStore;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Instant;
import java.util.Map;

/** The funnel in memory: first visits by release and user; reporters read from the reports and the ledger in memory. */
final class MemoryFunnel implements FunnelStore {

    record Key(long release, String user) {
    }

    private final MemoryDb db;
    private final Map<Key, Instant> visits;
    private final ReportStore reports;
    private final ParticipationStore ledger;

    MemoryFunnel(MemoryDb db, ReportStore reports, ParticipationStore ledger) {
        this.db = db;
        this.visits = db.table();
        this.reports = reports;
        this.ledger = ledger;
    }

    @Override
    public boolean visit(long releaseId, String userId, Instant at) {
        return db.with(() -> visits.putIfAbsent(new Key(releaseId, userId), at) == null);
    }

    @Override
    public long visitors(long releaseId) {
        return db.with(() -> visits.keySet().stream().filter(k -> k.release() == releaseId).count());
    }

    @Override
    public long reporters(long releaseId) {
        return db.with(() -> reports.latest(releaseId, Integer.MAX_VALUE).stream()
                .filter(r -> ledger.find(r.userId(), ParticipationKind.REPORT_HANDED_IN, "release:" + releaseId)
                        .filter(g -> !g.revoked()).isPresent())
                .count());
    }
}
