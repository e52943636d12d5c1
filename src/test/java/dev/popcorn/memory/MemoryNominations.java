package dev.popcorn.memory;

import dev.popcorn.app.award.NominationStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Nomination;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Nominations in memory, with the database's unique key (poll, user, team) and its pending-only decisions. */
final class MemoryNominations implements NominationStore {

    private final MemoryDb db;
    private final MemoryPolls polls;
    private final Map<Long, Nomination> nominations;

    MemoryNominations(MemoryDb db, MemoryPolls polls) {
        this.db = db;
        this.polls = polls;
        this.nominations = db.table();
    }

    @Override
    public boolean holdPoll(long pollId) {
        // Every memory transaction holds the one lock already; only whether the poll exists is left to say.
        return polls.find(pollId).isPresent();
    }

    @Override
    public Nomination add(Nomination n) {
        return db.with(() -> {
            boolean taken = nominations.values().stream().anyMatch(o -> o.pollId() == n.pollId()
                    && o.userId().equals(n.userId()) && o.teamSlug().equals(n.teamSlug()));
            if (taken) {
                // What the database says for a unique key taken (Db maps SQL state 23505 to it).
                throw RuleViolation.conflict("store.concurrent");
            }
            Nomination saved = n.withId(db.nextId());
            nominations.put(saved.id(), saved);
            return saved;
        });
    }

    @Override
    public Optional<Nomination> find(long id) {
        return db.with(() -> Optional.ofNullable(nominations.get(id)));
    }

    @Override
    public List<Nomination> ofPoll(long pollId) {
        return where(n -> n.pollId() == pollId);
    }

    @Override
    public List<Nomination> ofUser(long pollId, String userId) {
        return where(n -> n.pollId() == pollId && n.userId().equals(userId));
    }

    @Override
    public boolean decide(Nomination after) {
        return db.with(() -> {
            Nomination now = nominations.get(after.id());
            if (now == null || !now.pending()) {
                return false;
            }
            nominations.put(after.id(), after);
            return true;
        });
    }

    private List<Nomination> where(Predicate<Nomination> filter) {
        return db.with(() -> nominations.values().stream().filter(filter).toList());
    }
}
