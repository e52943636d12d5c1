package dev.popcorn.domain.award;

import static dev.popcorn.domain.DomainTestData.aPoll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollResultTest {

    private final List<Candidate> candidates = aPoll().withCandidates(4).build().candidates();

    @Test
    void theMostVotedCandidateWinsWithItsMargin() {
        PollResult result = PollResult.of(candidates, Map.of(1L, 10L, 2L, 25L, 3L, 5L));

        assertThat(result.winners()).extracting(s -> s.candidate().id()).containsExactly(2L);
        assertThat(result.ballots()).isEqualTo(40);
        assertThat(result.margin()).isEqualTo(15);
        assertThat(result.standings()).extracting(Place::rank).containsExactly(1, 2, 3, 4);
        assertThat(result.standings().get(0).share()).isEqualTo(25.0 / 40);
    }

    @Test
    void closingAPollWithATieKeepsBothWinners() {
        PollResult result = PollResult.of(candidates, Map.of(1L, 7L, 2L, 7L, 3L, 3L));

        assertThat(result.isTie()).isTrue();
        assertThat(result.winners()).extracting(s -> s.candidate().id()).containsExactly(1L, 2L);
        assertThat(result.standings()).extracting(Place::rank).containsExactly(1, 1, 3, 4);
        assertThat(result.margin()).isZero();
    }

    @Test
    void withdrawnCandidatesAreNotCountedAndNoVotesMeansNoWinner() {
        List<Candidate> withWithdrawn = List.of(candidates.get(0).withStatus(CandidateStatus.DISQUALIFIED, "copied"),
                candidates.get(1), candidates.get(2));
        PollResult result = PollResult.of(withWithdrawn, Map.of(1L, 50L, 2L, 4L));

        assertThat(result.standings()).extracting(s -> s.candidate().id()).containsExactly(2L, 3L);
        assertThat(result.ballots()).isEqualTo(4);
        assertThat(PollResult.of(candidates, Map.of()).winners()).isEmpty();
    }

    @Test
    void aDisqualifiedCandidateIsSetAsideWithItsReasonAndTheNumbersAddUp() {
        List<Candidate> field = List.of(candidates.get(0).withStatus(CandidateStatus.DISQUALIFIED, "Bought votes"),
                candidates.get(1), candidates.get(2).withStatus(CandidateStatus.DISQUALIFIED, "Not shipped"),
                candidates.get(3).withStatus(CandidateStatus.WITHDRAWN, ""));
        PollResult result = PollResult.of(field, Map.of(1L, 2L, 2L, 1L));

        assertThat(result.standings()).extracting(s -> s.candidate().id()).containsExactly(2L);
        assertThat(result.standings().get(0).share()).isEqualTo(1.0);
        // Every disqualified candidate, with or without votes; a withdrawn one only when it had votes.
        assertThat(result.setAside()).extracting(a -> a.candidate().id(), PollResult.SetAside::votes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2L),
                        org.assertj.core.groups.Tuple.tuple(3L, 0L));
        assertThat(result.setAside().get(0).candidate().reason()).isEqualTo("Bought votes");
        assertThat(result.ballots()).isEqualTo(1);
        assertThat(result.setAsideVotes()).isEqualTo(2);
        assertThat(result.cast()).isEqualTo(3);
    }

    @Test
    void everyStandingCarriesItsMarginOverTheNextOne() {
        PollResult result = PollResult.of(candidates, Map.of(1L, 10L, 2L, 25L, 3L, 5L));

        assertThat(result.standings()).extracting(Place::margin).containsExactly(15L, 5L, 5L, 0L);
    }

    @Test
    void aNamedTieBreakPicksOneWinnerAndTheOtherTiedCandidateRanksSecond() {
        Map<Long, Long> votes = Map.of(1L, 7L, 2L, 7L, 3L, 3L);

        PollResult result = PollResult.of(candidates, votes, TieRule.MOST_LIKES, Map.of(1L, 12L, 2L, 30L));

        assertThat(result.winners()).extracting(s -> s.candidate().id()).containsExactly(2L);
        assertThat(result.tieBroken()).isTrue();
        assertThat(result.isTie()).isFalse();
        assertThat(result.topTied()).isTrue();
        assertThat(result.standings()).extracting(s -> s.candidate().id()).containsExactly(2L, 1L, 3L, 4L);
        assertThat(result.standings()).extracting(Place::rank).containsExactly(1, 2, 3, 4);
        assertThat(result.margin()).isZero();
    }

    @Test
    void aTieBreakThatTiesAgainSharesTheAward() {
        PollResult result = PollResult.of(candidates, Map.of(1L, 7L, 2L, 7L), TieRule.FIRST_TO_REACH,
                Map.of(1L, -1000L, 2L, -1000L));

        assertThat(result.tieBroken()).isFalse();
        assertThat(result.winners()).extracting(s -> s.candidate().id()).containsExactly(1L, 2L);
    }

    @Test
    void theSameCountsAlwaysGiveTheSameOrder() {
        Map<Long, Long> votes = Map.of(3L, 4L, 1L, 4L, 2L, 4L, 4L, 4L);

        PollResult first = PollResult.of(candidates, votes);
        PollResult second = PollResult
                .of(List.of(candidates.get(3), candidates.get(1), candidates.get(0), candidates.get(2)), votes);

        assertThat(first.standings()).extracting(s -> s.candidate().id()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(second.standings()).isEqualTo(first.standings());
    }
}
