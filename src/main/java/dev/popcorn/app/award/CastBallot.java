package dev.popcorn.app.award;

import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.Fresh;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Rights;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.Right;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user casts (or changes) their ballot in the Popcorn Award poll until it closes, if the
 * eligibility rules let them vote for that candidate, and gets a receipt to see again later.
 */
public final class CastBallot {

    /** How long a poll's rules are taken as read; every ballot is checked again under the poll's lock. */
    static final Duration POLL_FRESH = Duration.ofSeconds(1);
    /** How long the teams' members are taken as read: a member added to a team is known to the own-team rule within it. */
    static final Duration TEAMS_FRESH = Duration.ofSeconds(10);

    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final PollStore polls;
    private final BallotStore ballots;
    private final Ledger participation;
    private final UserStore users;
    private final TeamStore teams;
    private final Eligibility eligibility;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Rights rights;
    private final Fresh<Long, Poll> rules;
    private final Memberships memberships;
    private final Batch batch = new Batch();
    private final GroupCommit.Lane<Ballot, Cast> lane;

    /**
     * {@code rights} says whether the voter's level lets them vote ({@code levels.vote-from}), on top of the
     * eligibility rules; {@code accounts} (may be null) links the forum user names team members carry to Popcorn
     * users, so that the own-team rule knows a member who never signed in when they first vote; ballots are written
     * through {@code writes}, many in one transaction (ADR 0020), or each alone ({@link GroupCommit#alone}).
     */
    public CastBallot(PollStore polls, BallotStore ballots, Ledger participation, Rights rights,
            UserStore users, TeamStore teams, ForumAccountStore accounts, Eligibility eligibility, GroupCommit writes,
            Clock clock) {
        this.rights = rights;
        this.rules = new Fresh<>(polls::find, POLL_FRESH);
        this.memberships = new Memberships(teams, accounts, TEAMS_FRESH);
        this.polls = polls;
        this.ballots = ballots;
        this.participation = participation;
        this.users = users;
        this.teams = teams;
        this.eligibility = eligibility;
        this.clock = clock;
        this.lane = writes.lane("ballots", batch);
    }

    /**
     * Casts the ballot: checked here against the poll as it was read a moment ago (the closing instant
     * against now, always), then checked again in the transaction that writes it, against the poll as
     * it is then, under its row lock. Answers once the ballot is committed.
     */
    public Ballot cast(String userId, long pollId, long candidateId) {
        Ballot ballot = checked(userId, pollId, candidateId);
        return lane.write(ballot).ballot();
    }

    /**
     * {@link #cast} for a caller that does not wait: the checks that need no transaction are made now (a refusal is
     * thrown at once), the ballot is answered once committed — or refused by the checks made again there.
     */
    public java.util.concurrent.CompletableFuture<Ballot> castLater(String userId, long pollId, long candidateId) {
        Ballot ballot = checked(userId, pollId, candidateId);
        return lane.later(ballot).thenApply(Cast::ballot);
    }

    /** The ballot the user casts now, checked against the poll as read a moment ago, the rules and their level. */
    private Ballot checked(String userId, long pollId, long candidateId) {
        Instant now = clock.instant();
        Poll poll = rules.get(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        try {
            poll.checkBallot(candidateId, now);
        } catch (RuleViolation refused) {
            // Refused by the poll as read a moment ago: asked again as it is now before the refusal stands (it may
            // have opened since).
            rules.forget(pollId);
            poll = rules.get(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
            poll.checkBallot(candidateId, now);
        }
        eligibility.check(voter(userId, pollId), poll.candidate(candidateId).orElseThrow(), now);
        rights.require(userId, Right.VOTE);
        return new Ballot(pollId, userId, candidateId, now, receipt());
    }

    /** A ballot written, and whether it earned the voter their grant for the poll just now. */
    private record Cast(Ballot ballot, boolean granted) {
    }

    /** A batch of ballots, in the batch's transaction: each checked against its poll as it is now, the accepted ones written together. */
    private final class Batch implements GroupCommit.Batch<Ballot, Cast> {
        @Override
        public List<GroupCommit.Outcome<Cast>> write(List<Ballot> items) {
            Map<Long, Optional<Poll>> locked = new HashMap<>();
            List<GroupCommit.Outcome<Cast>> outcomes = new ArrayList<>(items.size());
            List<Ballot> accepted = new ArrayList<>(items.size());
            for (Ballot ballot : items) {
                try {
                    Poll poll = locked.computeIfAbsent(ballot.pollId(), polls::lock)
                            .orElseThrow(() -> RuleViolation.notFound("poll.unknown", ballot.pollId()));
                    poll.checkBallot(ballot.candidateId(), ballot.castAt());
                    accepted.add(ballot);
                    outcomes.add(null);
                } catch (RuleViolation refused) {
                    rules.forget(ballot.pollId());
                    outcomes.add(GroupCommit.Outcome.refused(refused));
                }
            }
            if (!accepted.isEmpty()) {
                ballots.putAll(accepted);
                List<Boolean> created = participation.grantAll(accepted.stream()
                        .map(b -> new Ledger.Act(ParticipationKind.BALLOT_CAST, b.userId(), "poll:" + b.pollId(),
                                b.castAt()))
                        .toList());
                for (int i = 0, a = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i) == null) {
                        outcomes.set(i, GroupCommit.Outcome.written(new Cast(accepted.get(a), created.get(a++))));
                    }
                }
            }
            return outcomes;
        }

        @Override
        public void committed(List<GroupCommit.Outcome<Cast>> outcomes) {
            participation.reviewSoon(outcomes.stream().map(GroupCommit.Outcome::value)
                    .filter(cast -> cast != null && cast.granted()).map(cast -> cast.ballot().userId()).distinct()
                    .toList());
        }
    }

    /**
     * What the rules look at, read only where a rule is configured: the ballot is the hot path.
     * Points from this poll's own ballot do not count towards voting in it.
     */
    private Eligibility.Voter voter(String userId, long pollId) {
        Optional<User> user = eligibility.needsAccount() ? users.find(userId) : Optional.empty();
        long points = !eligibility.needsPoints() ? 0 : participation.points(userId)
                - participation.pointsFor(userId, ParticipationKind.BALLOT_CAST, "poll:" + pollId);
        return new Eligibility.Voter(userId, user.map(User::joinedAt).orElse(null),
                user.map(User::trustLevel).orElse(null),
                points, eligibility.needsTeams() ? memberships.teamsOf(userId) : java.util.List.of(),
                user.map(User::groups).orElse(null));
    }

    public Optional<Ballot> find(long pollId, String userId) {
        return ballots.find(pollId, userId);
    }

    /** Twelve characters of a 32-letter alphabet: 60 random bits, drawn in one call (the generator is shared by every request). */
    private String receipt() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        long bits = java.nio.ByteBuffer.wrap(bytes).getLong();
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = RECEIPT_ALPHABET[(int) (bits >>> (5 * i)) & 31];
        }
        return new String(chars, 0, 4) + "-" + new String(chars, 4, 4) + "-" + new String(chars, 8, 4);
    }
}
