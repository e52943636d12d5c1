package dev.popcorn.domain.award;

import static dev.popcorn.domain.DomainTestData.FRIDAY;
import static dev.popcorn.domain.DomainTestData.aPoll;
import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollTest {

    private final Instant closes = FRIDAY.plus(Duration.ofDays(6));

    @Test
    void anOpenPollAcceptsABallotForAnActiveCandidateBeforeTheClose() {
        Poll poll = aPoll().open().closingAt(closes).build();
        assertThatCode(() -> poll.checkBallot(1, closes.minusMillis(1))).doesNotThrowAnyException();
    }

    @Test
    void nothingIsAcceptedFromTheClosingInstantOn() {
        Poll poll = aPoll().open().closingAt(closes).build();

        assertThat(poll.stateAt(closes)).isEqualTo(PollState.CLOSED);
        assertThatThrownBy(() -> poll.checkBallot(1, closes))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("poll.closed");
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CLOSED);
                });
    }

    @Test
    void aDraftPollTakesNoBallots() {
        Poll poll = aPoll().build();
        assertThatThrownBy(() -> poll.checkBallot(1, FRIDAY))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("poll.notOpen"));
    }

    @Test
    void aBallotForAWithdrawnDisqualifiedOrUnknownCandidateIsRefused() {
        Poll open = aPoll().open().withCandidates(3).withdrawn(1).disqualified(2, "bought votes").build();

        assertThatViolation(() -> open.checkBallot(1, FRIDAY)).is(RuleViolation.Kind.INVALID,
                "ballot.candidate.inactive");
        assertThatViolation(() -> open.checkBallot(2, FRIDAY)).is(RuleViolation.Kind.INVALID,
                "ballot.candidate.inactive");
        assertThatViolation(() -> open.checkBallot(99, FRIDAY)).is(RuleViolation.Kind.INVALID,
                "ballot.candidate.unknown");
        open.checkBallot(3, FRIDAY);
        assertThat(open.activeCandidates()).extracting(Candidate::id).containsExactly(3L);
        assertThat(open.candidate(2).orElseThrow().reason()).isEqualTo("bought votes");
    }

    @Test
    void aPollClosedEarlyOrApprovedTakesNoBallotAndAnApprovedOneIsFrozen() {
        Instant early = FRIDAY.plus(Duration.ofDays(2));
        Poll closed = aPoll().closedEarlyAt(early).build();
        assertThat(closed.stateAt(early)).isEqualTo(PollState.CLOSED);
        assertThatViolation(() -> closed.checkBallot(1, early.plusSeconds(1))).is(RuleViolation.Kind.CLOSED,
                "poll.closed");

        Poll approved = aPoll().closedEarlyAt(early).approvedAt(early.plusSeconds(60), "🍿 Project 1 wins").build();
        assertThat(approved.stateAt(early.plusSeconds(60))).isEqualTo(PollState.APPROVED);
        assertThat(approved.announcement()).isEqualTo("🍿 Project 1 wins");
        assertThatViolation(() -> approved.withAnnouncement("changed", early.plusSeconds(90)))
                .is(RuleViolation.Kind.CONFLICT, "poll.review.notClosed");
        assertThatViolation(() -> approved.checkBallot(1, early.plusSeconds(90))).is(RuleViolation.Kind.CLOSED,
                "poll.closed");
    }

    @Test
    void openingNeedsTwoCandidatesAndLocksTheCandidates() {
        assertThatThrownBy(() -> aPoll().withCandidates(1).build().open(FRIDAY))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("poll.open.tooFewCandidates"));

        Poll opened = aPoll().withCandidates(2).closingAt(closes).build().open(FRIDAY);

        assertThat(opened.stateAt(FRIDAY)).isEqualTo(PollState.OPEN);
        assertThat(opened.opensAt()).isEqualTo(FRIDAY);
        assertThatThrownBy(opened::checkCandidatesEditable).isInstanceOf(RuleViolation.class);
    }

    @Test
    void closingEarlyMovesTheCloseToNowAndApprovalFollowsOnlyAfterTheClose() {
        Poll open = aPoll().open().closingAt(closes).build();
        Instant now = FRIDAY.plus(Duration.ofDays(2));
        assertThatThrownBy(() -> open.approve(now, "lead"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("poll.approve.notClosed"));

        Poll closed = open.close(now);
        assertThat(closed.stateAt(now)).isEqualTo(PollState.CLOSED);
        assertThatThrownBy(() -> closed.checkBallot(1, now)).isInstanceOf(RuleViolation.class);

        Poll approved = closed.approve(now, "lead");
        assertThat(approved.stateAt(now)).isEqualTo(PollState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("lead");
        assertThatThrownBy(() -> approved.approve(now, "lead")).isInstanceOf(RuleViolation.class);
    }
}
