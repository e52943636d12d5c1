package dev.popcorn.app;

import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Award polls and their candidates. */
public interface PollStore {

    /** A draft poll that the schedule opens at {@code opensAt} and that closes at {@code closesAt}. */
    Poll create(long releaseId, String title, Instant opensAt, Instant closesAt);

    Optional<Poll> find(long id);

    /**
     * {@link #find} under the poll's row lock, held until the transaction ends: a close, an early close
     * or any change of the poll (on any instance) waits for the ballots written in it, or comes first.
     */
    Optional<Poll> lock(long id);

    Optional<Poll> findByRelease(long releaseId);

    /** The polls with these ids (those that exist). A fixed number of queries. */
    List<Poll> findAll(Collection<Long> ids);

    /** The poll id of each of these releases that has a poll, by release id. One query. */
    Map<Long, Long> pollIdsOf(Collection<Long> releaseIds);

    /** Polls newest first. */
    List<Poll> recent(int limit);

    /** Approved polls, newest first: the history of winners. */
    List<Poll> approved(int limit);

    /** Drafts whose opening time has come. */
    List<Poll> dueToOpen(Instant now);

    /** Open polls whose closing time has passed and whose close is not recorded yet. */
    List<Poll> dueToClose(Instant now);

    /** Opens the draft at {@code at}; false when it was no longer a draft (another instance opened it). */
    boolean markOpened(long id, Instant at);

    /** Records the close at {@code at}; false when it was recorded already (by another instance). */
    boolean markClosed(long id, Instant at);

    /** Stores the poll's state, times, approval and announcement (not its candidates). */
    void update(Poll poll);

    /**
     * Stores {@code after} only if the poll is still as {@code before} was read (its state, close,
     * approval and text); false when someone changed it in between, and then nothing is written.
     */
    boolean replace(Poll before, Poll after);

    /** Stores a new candidate as {@code draft} has it (its id ignored), standing; answers it with its id. */
    Candidate addCandidate(Candidate draft);

    default Candidate addCandidate(long pollId, String teamSlug, String title, List<String> tickets, String pitch) {
        return addCandidate(new Candidate(0, pollId, teamSlug, title, tickets, pitch, CandidateStatus.ACTIVE, ""));
    }

    /** Stores {@code after} only if the candidate's status is still {@code before}'s; false when it changed in between. */
    boolean replaceCandidate(Candidate before, Candidate after);
}
