package dev.popcorn.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who may vote in the Popcorn Award (configured as {@code award.*}): a minimum of participation
 * points earned outside the poll itself, a minimum account age, a minimum forum trust level where
 * the forum told us one, and whether a member may vote for their own team.
 */
public record Eligibility(long minPoints, Duration minAccountAge, int minTrustLevel, boolean ownTeamAllowed) {

    /** What the rules look at about one voter. {@code joinedAt} and {@code trustLevel} may be unknown (null). */
    public record Voter(String userId, Instant joinedAt, Integer trustLevel, long points, List<String> teams) {
        public Voter {
            teams = List.copyOf(teams);
        }
    }

    public Eligibility {
        if (minPoints < 0 || minAccountAge.isNegative() || minTrustLevel < 0 || minTrustLevel > 4) {
            throw new IllegalArgumentException("eligibility limits out of range");
        }
    }

    public static Eligibility anyone() {
        return new Eligibility(0, Duration.ZERO, 0, true);
    }

    /** Whether the rules look at participation points (so the ballot path reads them only then). */
    public boolean needsPoints() {
        return minPoints > 0;
    }

    /** Whether the rules look at the account (its age or its forum trust level). */
    public boolean needsAccount() {
        return !minAccountAge.isZero() || minTrustLevel > 0;
    }

    /** Whether the rules look at the voter's teams. */
    public boolean needsTeams() {
        return !ownTeamAllowed;
    }

    /** Throws a {@link RuleViolation} naming the first rule {@code voter} breaks by voting for {@code candidate}. */
    public void check(Voter voter, Candidate candidate, Instant now) {
        if (voter.points() < minPoints) {
            throw RuleViolation.forbidden("ballot.eligibility.points", minPoints, voter.points());
        }
        if (!minAccountAge.isZero()) {
            Instant oldEnough = now.minus(minAccountAge);
            if (voter.joinedAt() == null || voter.joinedAt().isAfter(oldEnough)) {
                throw RuleViolation.forbidden("ballot.eligibility.age", minAccountAge.toDays());
            }
        }
        if (voter.trustLevel() != null && voter.trustLevel() < minTrustLevel) {
            throw RuleViolation.forbidden("ballot.eligibility.trust", minTrustLevel, voter.trustLevel());
        }
        if (!ownTeamAllowed && voter.teams().contains(candidate.teamSlug())) {
            throw RuleViolation.forbidden("ballot.eligibility.ownTeam", candidate.title());
        }
    }
}
