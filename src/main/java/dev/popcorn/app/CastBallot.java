package dev.popcorn.app;

import dev.popcorn.domain.Ballot;
import dev.popcorn.domain.ParticipationEvent;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.RuleViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A user casts (or changes) their ballot in the Popcorn Award poll until it closes, and gets a receipt. */
public final class CastBallot {

    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Transactions transactions;
    private final PollStore polls;
    private final BallotStore ballots;
    private final ParticipationStore participation;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CastBallot(Transactions transactions, PollStore polls, BallotStore ballots,
            ParticipationStore participation, Clock clock) {
        this.transactions = transactions;
        this.polls = polls;
        this.ballots = ballots;
        this.participation = participation;
        this.clock = clock;
    }

    public Ballot cast(String userId, long pollId, long candidateId) {
        Instant now = clock.instant();
        Poll poll = polls.find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        poll.checkBallot(candidateId, now);
        Ballot ballot = new Ballot(pollId, userId, candidateId, now, receipt());
        return transactions.inTransaction(() -> {
            ballots.put(ballot);
            participation.record(ParticipationEvent.of(userId, ParticipationKind.BALLOT_CAST, "poll:" + pollId, now));
            return ballot;
        });
    }

    public Optional<Ballot> find(long pollId, String userId) {
        return ballots.find(pollId, userId);
    }

    private String receipt() {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)];
        }
        return new String(chars, 0, 4) + "-" + new String(chars, 4, 4) + "-" + new String(chars, 8, 4);
    }
}
