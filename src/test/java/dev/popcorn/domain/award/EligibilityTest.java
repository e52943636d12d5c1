package dev.popcorn.domain.award;

import static dev.popcorn.domain.DomainTestData.aPoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Candidate camera = aPoll().withCandidates(2).build().candidates().get(0);
    private final Eligibility strict = new Eligibility(10, Duration.ofDays(7), 1, false);

    private static Eligibility.Voter voter(Instant joined, Integer trust, long points, String... teams) {
        return new Eligibility.Voter("fan", joined, trust, points, List.of(teams));
    }

    private static String refusal(Runnable check) {
        try {
            check.run();
            return "allowed";
        } catch (RuleViolation e) {
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
            return e.code();
        }
    }

    @Test
    void aVoterWhoMeetsEveryRuleMayVote() {
        assertThatCode(() -> strict.check(voter(NOW.minus(Duration.ofDays(30)), 2, 10), camera, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void eachRuleRefusesWithItsOwnReason() {
        Instant old = NOW.minus(Duration.ofDays(30));
        assertThat(refusal(() -> strict.check(voter(old, 2, 9), camera, NOW))).isEqualTo("ballot.eligibility.points");
        assertThat(refusal(() -> strict.check(voter(NOW.minus(Duration.ofDays(6)), 2, 10), camera, NOW)))
                .isEqualTo("ballot.eligibility.age");
        assertThat(refusal(() -> strict.check(voter(null, 2, 10), camera, NOW))).isEqualTo("ballot.eligibility.age");
        assertThat(refusal(() -> strict.check(voter(old, 0, 10), camera, NOW))).isEqualTo("ballot.eligibility.trust");
        assertThat(refusal(() -> strict.check(voter(old, 2, 10, camera.teamSlug()), camera, NOW)))
                .isEqualTo("ballot.eligibility.ownTeam");
    }

    @Test
    void anUnknownTrustLevelDoesNotCountAgainstTheVoter() {
        assertThat(refusal(() -> strict.check(voter(NOW.minus(Duration.ofDays(30)), null, 10), camera, NOW)))
                .isEqualTo("allowed");
    }

    @Test
    void aMemberMayVoteForAnotherTeamAndForTheirOwnWhenTheRulesAllowIt() {
        Instant old = NOW.minus(Duration.ofDays(30));
        assertThat(refusal(() -> strict.check(voter(old, 2, 10, "some-other-team"), camera, NOW))).isEqualTo("allowed");
        Eligibility open = new Eligibility(0, Duration.ZERO, 0, true);
        assertThat(refusal(() -> open.check(voter(null, null, 0, camera.teamSlug()), camera, NOW)))
                .isEqualTo("allowed");
    }

    @Test
    void limitsOutOfRangeAreAProgrammingError() {
        assertThatThrownBy(() -> new Eligibility(-1, Duration.ZERO, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Eligibility(0, Duration.ZERO, 5, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRulesSayWhatTheyNeedToLookAt() {
        assertThat(strict.needsPoints()).isTrue();
        assertThat(strict.needsAccount()).isTrue();
        assertThat(strict.needsTeams()).isTrue();
        Eligibility open = Eligibility.anyone();
        assertThat(open.needsPoints()).isFalse();
        assertThat(open.needsAccount()).isFalse();
        assertThat(open.needsTeams()).isFalse();
    }
}
