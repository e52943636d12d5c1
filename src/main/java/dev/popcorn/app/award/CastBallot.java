package dev.popcorn.app.award;

import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.Right;
import dev.popcorn.domain.Ballot;
import dev.popcorn.domain.Eligibility;
import dev.popcorn.domain.User;
import dev.popcorn.domain.ParticipationKind;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.RuleViolation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A user casts (or changes) their ballot in the Popcorn Award poll until it closes, if the
 * eligibility rules let them vote for that candidate, and gets a receipt to see again later.
 */
public final class CastBallot {

    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Transactions transactions;
    private final PollStore polls;
    private final BallotStore ballots;
    private final Ledger participation;
    private final UserStore users;
    private final TeamStore teams;
    private final Eligibility eligibility;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ForumAccountStore accounts;
    private final Rights rights;

    public CastBallot(Transactions transactions, PollStore polls, BallotStore ballots,
            Ledger participation, UserStore users, TeamStore teams, Eligibility eligibility, Clock clock) {
        this(transactions, polls, ballots, participation, users, teams, null, eligibility, clock);
    }

    /**
     * {@code accounts} (may be null) links the forum user names team members carry to Popcorn users,
     * so that the own-team rule knows a member who never signed in when they first vote.
     */
    public CastBallot(Transactions transactions, PollStore polls, BallotStore ballots, Ledger participation,
            UserStore users, TeamStore teams, ForumAccountStore accounts, Eligibility eligibility, Clock clock) {
        this(transactions, polls, ballots, participation, Rights.everyone(), users, teams, accounts, eligibility, clock);
    }

    /** {@code rights} says whether the voter's level lets them vote ({@code levels.vote-from}), on top of the eligibility rules. */
    public CastBallot(Transactions transactions, PollStore polls, BallotStore ballots, Ledger participation, Rights rights,
            UserStore users, TeamStore teams, ForumAccountStore accounts, Eligibility eligibility, Clock clock) {
        this.rights = rights;
        this.accounts = accounts;
        this.transactions = transactions;
        this.polls = polls;
        this.ballots = ballots;
        this.participation = participation;
        this.users = users;
        this.teams = teams;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    public Ballot cast(String userId, long pollId, long candidateId) {
        Instant now = clock.instant();
        Poll poll = polls.find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        poll.checkBallot(candidateId, now);
        eligibility.check(voter(userId, pollId), poll.candidate(candidateId).orElseThrow(), now);
        rights.require(userId, Right.VOTE);
        Ballot ballot = new Ballot(pollId, userId, candidateId, now, receipt());
        return transactions.inTransaction(() -> {
            ballots.put(ballot);
            participation.grant(userId, ParticipationKind.BALLOT_CAST, "poll:" + pollId, now);
            return ballot;
        });
    }

    /**
     * What the rules look at, read only where a rule is configured: the ballot is the hot path.
     * Points from this poll's own ballot do not count towards voting in it.
     */
    private Eligibility.Voter voter(String userId, long pollId) {
        Optional<User> user = eligibility.needsAccount() ? users.find(userId) : Optional.empty();
        long points = !eligibility.needsPoints() ? 0 : participation.points(userId)
                - participation.pointsFor(userId, ParticipationKind.BALLOT_CAST, "poll:" + pollId);
        return new Eligibility.Voter(userId, user.map(User::joinedAt).orElse(null), user.map(User::trustLevel).orElse(null),
                points, eligibility.needsTeams() ? teamsOf(userId) : java.util.List.of(),
                user.map(User::groups).orElse(null));
    }

    /**
     * The teams whose members name this user: by their Popcorn id, or by a forum user name linked
     * to it ({@link ForumAccountStore}): one query more per linked name, only when the rule is on.
     */
    private java.util.List<String> teamsOf(String userId) {
        java.util.SortedSet<String> slugs = new java.util.TreeSet<>(teams.teamsOf(userId));
        if (accounts != null) {
            for (String name : accounts.namesOf(userId)) {
                slugs.addAll(teams.teamsOf(name));
            }
        }
        return java.util.List.copyOf(slugs);
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
