package dev.popcorn.domain.award;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.release.Feature;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CandidateTest {

    @Test
    void aProposedCandidateSpeaksChineseWhereItsFeaturesDo() {
        List<Candidate> proposed = Candidate.proposeFrom(List.of(
                new Feature("POP-1", "Night mode", "夜景模式", "camera"),
                new Feature("POP-2", "Burst groups", "连拍分组", "camera"),
                new Feature("POP-3", "Quiet charging", "battery"),
                new Feature("POP-4", "Charge estimate", "充电预估", "battery"),
                new Feature("POP-5", "Battery per app", "battery")), 1);

        Candidate camera = proposed.get(0);
        assertThat(camera.titleFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo("夜景模式");
        assertThat(camera.pitchFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo("连拍分组");
        assertThat(camera.pitchFor(Locale.ENGLISH)).isEqualTo("Burst groups");
        Candidate battery = proposed.get(1);
        assertThat(battery.titleFor(Locale.SIMPLIFIED_CHINESE)).as("no Chinese summary: the English one")
                .isEqualTo("Quiet charging");
        assertThat(battery.pitchZh()).as("half Chinese would mix languages: none").isEmpty();
        assertThat(battery.pitchFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Charge estimate · Battery per app");
    }
}
