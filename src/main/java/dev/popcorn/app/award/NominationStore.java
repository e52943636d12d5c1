package dev.popcorn.app.award;

import dev.popcorn.domain.award.Nomination;
import java.util.List;
import java.util.Optional;

/** Fans' nominations of award candidates; one per user, poll and team (the store refuses a second). */
public interface NominationStore {

    /**
     * Holds the poll's row until the transaction ends: nominations to one poll are then counted one
     * at a time, and the poll cannot open in between. False when there is no such poll.
     */
    boolean holdPoll(long pollId);

    /** Stores a new nomination and answers it with its id. */
    Nomination add(Nomination nomination);

    Optional<Nomination> find(long id);

    /** The poll's nominations, oldest first. */
    List<Nomination> ofPoll(long pollId);

    /** One user's nominations for the poll, oldest first. */
    List<Nomination> ofUser(long pollId, String userId);

    /**
     * Stores the decision {@code after} only if the nomination is still pending; false when someone
     * decided it in between, and then nothing is written.
     */
    boolean decide(Nomination after);
}
