package dev.popcorn.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreakTest {

    private final Streak.Rules rules = new Streak.Rules(4, 2, 4);

    /** Turns of releases 1, 2, … from a pattern: R reported, - missed, o open (reports not closed yet). */
    private static List<Streak.Turn> turns(String pattern) {
        List<Streak.Turn> turns = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            turns.add(new Streak.Turn(i + 1, c == 'R', c == 'o'));
        }
        return turns;
    }

    @Test
    void countsReleasesInARowWithARealReport() {
        Streak streak = Streak.of(turns("RRR"), rules);
        assertThat(streak.current()).isEqualTo(3);
        assertThat(streak.longest()).isEqualTo(3);
        assertThat(streak.freezes()).isZero();
    }

    @Test
    void aMissedReleaseWithoutAFreezeEndsTheStreak() {
        Streak streak = Streak.of(turns("RRR-RR"), rules);
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.longest()).isEqualTo(3);
    }

    @Test
    void fourReleasesInARowEarnAFreezeThatCoversAMissedReleaseByItself() {
        Streak streak = Streak.of(turns("RRRR-RR"), rules);
        assertThat(streak.current()).isEqualTo(6);
        assertThat(streak.frozen()).containsExactly(5L);
        assertThat(streak.freezes()).isZero();
        // a second miss with no freeze left ends it
        assertThat(Streak.of(turns("RRRR--R"), rules).current()).isEqualTo(1);
    }

    @Test
    void freezesAreHeldUpToTheLimit() {
        Streak streak = Streak.of(turns("RRRRRRRRRRRR"), rules);
        assertThat(streak.freezes()).isEqualTo(2);
        assertThat(Streak.of(turns("RRRRRRRR--R"), rules).current()).isEqualTo(9);
    }

    @Test
    void aReleaseStillOpenForReportsBreaksNothingYet() {
        assertThat(Streak.of(turns("RRo"), rules).current()).isEqualTo(2);
        assertThat(Streak.of(turns("RRo"), rules).frozen()).isEmpty();
    }

    @Test
    void milestonesComeAtEveryMultipleOfTheBonusInterval() {
        assertThat(Streak.of(turns("RRRRRRRR"), rules).milestone()).containsExactly(4L, 8L);
        // after a break the count starts again: the next milestone is four reports later
        assertThat(Streak.of(turns("RR--RRRR"), new Streak.Rules(4, 0, 4)).milestone()).containsExactly(8L);
    }

    @Test
    void weeksWithoutAReleaseAndClockChangesDoNotCount() {
        // Releases shipped on Fridays around the change from summer to winter time in Berlin, with a
        // holiday week without any release between them: the streak counts releases, so none of it matters.
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        List<java.time.Instant> shipped = List.of(
                java.time.ZonedDateTime.of(2026, 10, 16, 18, 0, 0, 0, berlin).toInstant(),
                java.time.ZonedDateTime.of(2026, 10, 23, 18, 0, 0, 0, berlin).toInstant(),
                java.time.ZonedDateTime.of(2026, 10, 30, 18, 0, 0, 0, berlin).toInstant(),
                java.time.ZonedDateTime.of(2026, 11, 13, 18, 0, 0, 0, berlin).toInstant());
        assertThat(java.time.Duration.between(shipped.get(1), shipped.get(2)).toHours()).isEqualTo(169);
        List<Streak.Turn> turns = new ArrayList<>();
        for (int i = 0; i < shipped.size(); i++) {
            turns.add(new Streak.Turn(i + 1, true, false));
        }
        assertThat(Streak.of(turns, rules).current()).isEqualTo(4);
    }
}
