package dev.popcorn.store;

import dev.popcorn.app.PollStore;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

final class JdbcPolls implements PollStore {

    private static final String COLUMNS = "id, release_id, title, state, opens_at, closes_at, approved_at, approved_by, closed_at,"
            + " announcement";

    private final Db db;

    JdbcPolls(Db db) {
        this.db = db;
    }

    @Override
    public Poll create(long releaseId, String title, Instant opensAt, Instant closesAt) {
        long id = db.with(h -> h.createUpdate("INSERT INTO polls (release_id, title, state, opens_at, closes_at)"
                + " VALUES (:r, :t, :s, :o, :c)")
                .bind("r", releaseId).bind("t", title).bind("s", PollState.DRAFT.name()).bind("o", opensAt)
                .bind("c", closesAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Poll> find(long id) {
        return db.with(h -> load(h, "WHERE id = :id", q -> q.bind("id", id), 1)).stream().findFirst();
    }

    @Override
    public Optional<Poll> lock(long id) {
        return db.inTransaction(() -> {
            boolean exists = db.with(h -> h.createQuery("SELECT id FROM polls WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(Long.class).findOne()).isPresent();
            return exists ? find(id) : Optional.empty();
        });
    }

    @Override
    public Optional<Poll> findByRelease(long releaseId) {
        return db.with(h -> load(h, "WHERE release_id = :r", q -> q.bind("r", releaseId), 1)).stream().findFirst();
    }

    @Override
    public List<Poll> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.with(h -> load(h, "WHERE id IN (<ids>)", q -> q.bindList("ids", List.copyOf(ids)), ids.size()));
    }

    @Override
    public Map<Long, Long> pollIdsOf(Collection<Long> releaseIds) {
        Map<Long, Long> polls = new HashMap<>();
        if (releaseIds.isEmpty()) {
            return polls;
        }
        db.with(h -> h.createQuery("SELECT release_id, id FROM polls WHERE release_id IN (<ids>)")
                .bindList("ids", List.copyOf(releaseIds))
                .map((rs, ctx) -> polls.put(rs.getLong("release_id"), rs.getLong("id")))
                .list());
        return polls;
    }

    @Override
    public List<Poll> recent(int limit) {
        return db.with(h -> load(h, "", q -> q, limit));
    }

    @Override
    public List<Poll> approved(int limit) {
        return db.with(h -> load(h, "WHERE state = 'APPROVED'", q -> q, limit));
    }

    @Override
    public List<Poll> dueToOpen(Instant now) {
        return db.with(h -> load(h, "WHERE state = 'DRAFT' AND opens_at <= :now AND closes_at > :now",
                q -> q.bind("now", now), 20));
    }

    @Override
    public List<Poll> dueToClose(Instant now) {
        return db.with(h -> load(h, "WHERE state = 'OPEN' AND closes_at <= :now AND closed_at IS NULL",
                q -> q.bind("now", now), 20));
    }

    @Override
    public boolean markOpened(long id, Instant at) {
        return db.with(h -> h
                .createUpdate("UPDATE polls SET state = 'OPEN', opens_at = :at WHERE id = :id AND state = 'DRAFT'")
                .bind("id", id).bind("at", at).execute()) == 1;
    }

    @Override
    public boolean markClosed(long id, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE polls SET closed_at = :at WHERE id = :id AND state = 'OPEN'"
                + " AND closed_at IS NULL AND closes_at <= :at")
                .bind("id", id).bind("at", at).execute()) == 1;
    }

    /** The polls {@code where} selects, with their candidates: two queries however many. */
    private static List<Poll> load(Handle h, String where, UnaryOperator<Query> bind, int limit) {
        record Row(long id, long release, String title, PollState state, Instant opens, Instant closes,
                Instant approvedAt, String approvedBy, Instant closedAt, String announcement) {
        }
        List<Row> rows = bind.apply(h.createQuery("SELECT " + COLUMNS + " FROM polls " + where
                + " ORDER BY closes_at DESC, id DESC LIMIT :limit"))
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("release_id"), rs.getString("title"),
                        PollState.valueOf(rs.getString("state")), Db.instant(rs, "opens_at"),
                        Db.instant(rs, "closes_at"),
                        Db.instant(rs, "approved_at"), rs.getString("approved_by"), Db.instant(rs, "closed_at"),
                        rs.getString("announcement")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Candidate>> candidates = new HashMap<>();
        h.createQuery(
                "SELECT id, poll_id, team_slug, title, title_zh, tickets, pitch, pitch_zh, status, reason, reason_zh"
                        + " FROM candidates WHERE poll_id IN (<ids>) ORDER BY id")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> candidates.computeIfAbsent(rs.getLong("poll_id"), k -> new ArrayList<>())
                        .add(new Candidate(rs.getLong("id"), rs.getLong("poll_id"), rs.getString("team_slug"),
                                rs.getString("title"), rs.getString("title_zh"), tickets(rs.getString("tickets")),
                                rs.getString("pitch"),
                                rs.getString("pitch_zh"), CandidateStatus.valueOf(rs.getString("status")),
                                rs.getString("reason"),
                                rs.getString("reason_zh"))))
                .list();
        List<Poll> polls = new ArrayList<>();
        for (Row row : rows) {
            polls.add(new Poll(row.id(), row.release(), row.title(), row.state(), row.opens(), row.closes(),
                    candidates.getOrDefault(row.id(), List.of()), row.approvedAt(), row.approvedBy(), row.closedAt(),
                    row.announcement()));
        }
        return polls;
    }

    private static List<String> tickets(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    public void update(Poll poll) {
        db.with(h -> h.createUpdate("UPDATE polls SET state = :s, opens_at = :o, closes_at = :c, approved_at = :a,"
                + " approved_by = :b, closed_at = :closed, announcement = :text WHERE id = :id")
                .bind("s", poll.state().name()).bind("o", poll.opensAt()).bind("c", poll.closesAt())
                .bind("a", poll.approvedAt()).bind("b", poll.approvedBy()).bind("closed", poll.closedAt())
                .bind("text", poll.announcement()).bind("id", poll.id())
                .execute());
    }

    @Override
    public boolean replace(Poll before, Poll after) {
        return db.with(h -> h
                .createUpdate("UPDATE polls SET state = :s, opens_at = :o, closes_at = :c, approved_at = :a,"
                        + " approved_by = :b, closed_at = :closed, announcement = :text WHERE id = :id AND state = :was"
                        + " AND closed_at IS NOT DISTINCT FROM :wasClosed AND approved_at IS NOT DISTINCT FROM :wasApproved"
                        + " AND announcement = :wasText")
                .bind("s", after.state().name()).bind("o", after.opensAt()).bind("c", after.closesAt())
                .bind("a", after.approvedAt()).bind("b", after.approvedBy()).bind("closed", after.closedAt())
                .bind("text", after.announcement()).bind("id", after.id())
                .bind("was", before.state().name()).bind("wasClosed", before.closedAt())
                .bind("wasApproved", before.approvedAt()).bind("wasText", before.announcement())
                .execute()) == 1;
    }

    @Override
    public Candidate addCandidate(Candidate draft) {
        long id = db.with(h -> h
                .createUpdate("INSERT INTO candidates (poll_id, team_slug, title, title_zh, tickets, pitch, pitch_zh,"
                        + " status, reason) VALUES (:p, :t, :title, :titleZh, :tickets, :pitch, :pitchZh, :s, '')")
                .bind("p", draft.pollId()).bind("t", draft.teamSlug()).bind("title", draft.title())
                .bind("titleZh", draft.titleZh())
                .bind("tickets", String.join(",", draft.tickets())).bind("pitch", draft.pitch())
                .bind("pitchZh", draft.pitchZh())
                .bind("s", CandidateStatus.ACTIVE.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Candidate(id, draft.pollId(), draft.teamSlug(), draft.title(), draft.titleZh(), draft.tickets(),
                draft.pitch(),
                draft.pitchZh(), CandidateStatus.ACTIVE, "");
    }

    @Override
    public boolean replaceCandidate(Candidate before, Candidate after) {
        return db.with(h -> h.createUpdate(
                "UPDATE candidates SET title = :title, title_zh = :titleZh, tickets = :tickets, pitch = :pitch, pitch_zh = :pitchZh,"
                        + " status = :s, reason = :reason, reason_zh = :reasonZh WHERE id = :id AND status = :was")
                .bind("title", after.title()).bind("titleZh", after.titleZh())
                .bind("tickets", String.join(",", after.tickets()))
                .bind("pitch", after.pitch()).bind("pitchZh", after.pitchZh()).bind("s", after.status().name())
                .bind("reason", after.reason()).bind("reasonZh", after.reasonZh())
                .bind("id", after.id()).bind("was", before.status().name())
                .execute()) == 1;
    }
}
