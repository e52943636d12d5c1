package dev.popcorn.app;

import dev.popcorn.domain.Candidate;
import dev.popcorn.domain.Poll;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Award polls and their candidates. */
public interface PollStore {

    Poll create(long releaseId, String title, Instant closesAt);

    Optional<Poll> find(long id);

    Optional<Poll> findByRelease(long releaseId);

    /** Polls newest first. */
    List<Poll> recent(int limit);

    /** Approved polls, newest first: the history of winners. */
    List<Poll> approved(int limit);

    /** Stores the poll's state, times and approval (not its candidates). */
    void update(Poll poll);

    Candidate addCandidate(long pollId, String teamSlug, String title, List<String> tickets, String pitch);

    void updateCandidate(Candidate candidate);
}
