package dev.popcorn.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The weekly cap, in the one place every grant asks it. */
class PointsRulesTest {

    private final PointsRules capped = new PointsRules(10, 5, 20, 15, 12);

    @Test
    void aPlainActEarnsItsPointsUnderTheCapAndWhatRemainsAtIt() {
        assertThat(capped.award(ParticipationKind.REPORT_HANDED_IN, 0))
                .isEqualTo(new PointsRules.Award(10, ParticipationKind.REPORT_HANDED_IN.reason()));
        assertThat(capped.award(ParticipationKind.BALLOT_CAST, 7)).as("exactly at the cap: not cut")
                .isEqualTo(new PointsRules.Award(5, ParticipationKind.BALLOT_CAST.reason()));
        assertThat(capped.award(ParticipationKind.REPORT_HANDED_IN, 10)).as("cut to what remains, and says so")
                .isEqualTo(new PointsRules.Award(2, ParticipationKind.REPORT_HANDED_IN.reason()
                        + ", capped at the weekly limit of 12 points"));
        assertThat(capped.award(ParticipationKind.REPORT_HANDED_IN, 30).points()).as("past the cap").isZero();
    }

    @Test
    void exemptKindsAndNoCapAreNeverCut() {
        assertThat(capped.award(ParticipationKind.REPORT_HELPFUL, 100))
                .isEqualTo(new PointsRules.Award(15, ParticipationKind.REPORT_HELPFUL.reason()));
        PointsRules uncapped = new PointsRules(10, 5, 20, 15, 0);
        assertThat(uncapped.award(ParticipationKind.REPORT_HANDED_IN, 1_000))
                .isEqualTo(new PointsRules.Award(10, ParticipationKind.REPORT_HANDED_IN.reason()));
    }
}
