package dev.popcorn.memory;

import dev.popcorn.app.PollStore;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Award polls with their candidates in memory, ordered as the JDBC store orders them (latest close first). */
final class MemoryPolls implements PollStore {

    private static final Comparator<Poll> LATEST_FIRST = Comparator.comparing(Poll::closesAt)
            .thenComparingLong(Poll::id).reversed();

    private final MemoryDb db;
    private final Map<Long, Poll> polls;

    MemoryPolls(MemoryDb db) {
        this.db = db;
        this.polls = db.table();
    }

    @Override
    public Poll create(long releaseId, String title, Instant opensAt, Instant closesAt) {
        return db.with(() -> {
            Poll poll = new Poll(db.nextId(), releaseId, title, PollState.DRAFT, opensAt, closesAt, List.of(), null,
                    null,
                    null, "");
            polls.put(poll.id(), poll);
            return poll;
        });
    }

    @Override
    public Optional<Poll> find(long id) {
        return db.with(() -> Optional.ofNullable(polls.get(id)));
    }

    @Override
    public Optional<Poll> lock(long id) {
        // one memory transaction at a time already: nothing to lock
        return find(id);
    }

    @Override
    public Optional<Poll> findByRelease(long releaseId) {
        return first(p -> p.releaseId() == releaseId, 1).stream().findFirst();
    }

    @Override
    public List<Poll> findAll(Collection<Long> ids) {
        return first(p -> ids.contains(p.id()), ids.size());
    }

    @Override
    public Map<Long, Long> pollIdsOf(Collection<Long> releaseIds) {
        return db.with(() -> {
            Map<Long, Long> ids = new HashMap<>();
            polls.values().stream().filter(p -> releaseIds.contains(p.releaseId()))
                    .forEach(p -> ids.put(p.releaseId(), p.id()));
            return ids;
        });
    }

    @Override
    public List<Poll> recent(int limit) {
        return first(p -> true, limit);
    }

    @Override
    public List<Poll> approved(int limit) {
        return first(p -> p.state() == PollState.APPROVED, limit);
    }

    @Override
    public List<Poll> dueToOpen(Instant now) {
        return first(p -> p.state() == PollState.DRAFT && p.opensAt() != null && !p.opensAt().isAfter(now)
                && p.closesAt().isAfter(now), 20);
    }

    @Override
    public List<Poll> dueToClose(Instant now) {
        return first(p -> p.state() == PollState.OPEN && !p.closesAt().isAfter(now) && p.closedAt() == null, 20);
    }

    private List<Poll> first(Predicate<Poll> where, int limit) {
        return db.with(() -> polls.values().stream().filter(where).sorted(LATEST_FIRST).limit(limit).toList());
    }

    @Override
    public boolean markOpened(long id, Instant at) {
        return db.with(() -> {
            Poll p = polls.get(id);
            if (p == null || p.state() != PollState.DRAFT) {
                return false;
            }
            polls.put(id, new Poll(id, p.releaseId(), p.title(), PollState.OPEN, at, p.closesAt(), p.candidates(),
                    p.approvedAt(), p.approvedBy(), p.closedAt(), p.announcement()));
            return true;
        });
    }

    @Override
    public boolean markClosed(long id, Instant at) {
        return db.with(() -> {
            Poll p = polls.get(id);
            if (p == null || p.state() != PollState.OPEN || p.closedAt() != null || p.closesAt().isAfter(at)) {
                return false;
            }
            polls.put(id, new Poll(id, p.releaseId(), p.title(), p.state(), p.opensAt(), p.closesAt(), p.candidates(),
                    p.approvedAt(), p.approvedBy(), at, p.announcement()));
            return true;
        });
    }

    @Override
    public void update(Poll poll) {
        db.run(() -> polls.computeIfPresent(poll.id(), (id, stored) -> new Poll(id, stored.releaseId(), stored.title(),
                poll.state(), poll.opensAt(), poll.closesAt(), stored.candidates(), poll.approvedAt(),
                poll.approvedBy(),
                poll.closedAt(), poll.announcement())));
    }

    @Override
    public boolean replace(Poll before, Poll after) {
        return db.with(() -> {
            Poll stored = polls.get(after.id());
            if (stored == null || stored.state() != before.state()
                    || !java.util.Objects.equals(stored.closedAt(), before.closedAt())
                    || !java.util.Objects.equals(stored.approvedAt(), before.approvedAt())
                    || !stored.announcement().equals(before.announcement())) {
                return false;
            }
            update(after);
            return true;
        });
    }

    @Override
    public Candidate addCandidate(Candidate draft) {
        return db.with(() -> {
            Candidate candidate = new Candidate(db.nextId(), draft.pollId(), draft.teamSlug(), draft.title(),
                    draft.titleZh(),
                    draft.tickets(), draft.pitch(), draft.pitchZh(), CandidateStatus.ACTIVE, "");
            withCandidates(draft.pollId(), list -> list.add(candidate));
            return candidate;
        });
    }

    @Override
    public boolean replaceCandidate(Candidate before, Candidate after) {
        return db.with(() -> {
            Poll p = polls.get(after.pollId());
            boolean same = p != null
                    && p.candidates().stream().anyMatch(c -> c.id() == after.id() && c.status() == before.status());
            if (same) {
                withCandidates(after.pollId(), list -> list.replaceAll(c -> c.id() == after.id() ? after : c));
            }
            return same;
        });
    }

    private void withCandidates(long pollId, java.util.function.Consumer<List<Candidate>> change) {
        Poll p = polls.get(pollId);
        if (p == null) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>(p.candidates());
        change.accept(candidates);
        polls.put(pollId, new Poll(pollId, p.releaseId(), p.title(), p.state(), p.opensAt(), p.closesAt(), candidates,
                p.approvedAt(), p.approvedBy(), p.closedAt(), p.announcement()));
    }
}
