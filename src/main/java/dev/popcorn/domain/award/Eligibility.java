package dev.popcorn.domain.award;

import dev.popcorn.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who may vote in the Popcorn Award (configured as {@code award.*}): a minimum of participation
 * points earned outside the poll itself, a minimum account age, a minimum forum trust level where
 * the forum told us one, membership of one of the given forum groups (when any are given; a user
 * the forum never vouched for is not in any), and whether a member may vote for their own team.
 */
public record Eligibility(long minPoints, Duration minAccountAge, int minTrustLevel, boolean ownTeamAllowed,
        List<String> voterGroups) {

    /**
     * What the rules look at about one voter. {@code joinedAt} and {@code trustLevel} may be unknown
     * (null); {@code groups} is null when the forum never told them.
     */
    public record Voter(String userId, Instant joinedAt, Integer trustLevel, long points, List<String> teams,
            List<String> groups) {
        public Voter {
            teams = List.copyOf(teams);
            groups = groups == null ? null : List.copyOf(groups);
        }

        public Voter(String userId, Instant joinedAt, Integer trustLevel, long points, List<String> teams) {
            this(userId, joinedAt, trustLevel, points, teams, null);
        }
    }

    public Eligibility {
        if (minPoints < 0 || minAccountAge.isNegative() || minTrustLevel < 0 || minTrustLevel > 4) {
            throw new IllegalArgumentException("eligibility limits out of range");
        }
        voterGroups = List.copyOf(voterGroups);
    }

    public Eligibility(long minPoints, Duration minAccountAge, int minTrustLevel, boolean ownTeamAllowed) {
        this(minPoints, minAccountAge, minTrustLevel, ownTeamAllowed, List.of());
    }

    public static Eligibility anyone() {
        return new Eligibility(0, Duration.ZERO, 0, true);
    }

    /** Whether the rules look at participation points (so the ballot path reads them only then). */
    public boolean needsPoints() {
        return minPoints > 0;
    }

    /** Whether the rules look at the account (its age, its forum trust level or groups). */
    public boolean needsAccount() {
        return !minAccountAge.isZero() || minTrustLevel > 0 || !voterGroups.isEmpty();
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
        if (!voterGroups.isEmpty()
                && (voter.groups() == null || voter.groups().stream().noneMatch(voterGroups::contains))) {
            throw RuleViolation.forbidden("ballot.eligibility.groups", String.join(", ", voterGroups));
        }
        if (!ownTeamAllowed && voter.teams().contains(candidate.teamSlug())) {
            throw RuleViolation.forbidden("ballot.eligibility.ownTeam", candidate.title());
        }
    }
}
