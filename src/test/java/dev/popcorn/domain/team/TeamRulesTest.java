package dev.popcorn.domain.team;

import static dev.popcorn.domain.DomainTestData.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamRulesTest {

    private final TeamRules rules = TeamRules
            .parse("component:Camera=camera, label:gallery=gallery; project:SEC=security", "");

    @Test
    void theFirstMatchingRuleDecidesTheTeam() {
        assertThat(rules.teamOf(aTicket("MIUI-1", List.of("camera"), List.of("gallery")))).contains("camera");
        assertThat(rules.teamOf(aTicket("MIUI-2", List.of("Launcher"), List.of("Gallery")))).contains("gallery");
        assertThat(rules.teamOf(aTicket("SEC-3", List.of(), List.of()))).contains("security");
    }

    @Test
    void aTicketNoRuleMatchesHasNoTeamUnlessThereIsAFallback() {
        assertThat(rules.teamOf(aTicket("MIUI-4", List.of("Launcher"), List.of()))).isEmpty();
        TeamRules withFallback = TeamRules.parse("component:Camera=camera", "system");
        assertThat(withFallback.teamOf(aTicket("MIUI-4", List.of("Launcher"), List.of()))).contains("system");
        assertThat(withFallback.teams()).containsExactly("camera", "system");
    }

    @Test
    void malformedRulesAreRefusedWithThePartThatIsWrong() {
        assertThatThrownBy(() -> TeamRules.parse("component:Camera", ""))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.args()).containsExactly("component:Camera"));
        assertThatThrownBy(() -> TeamRules.parse("owner:bob=camera", ""))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("teamRules.field"));
        assertThatThrownBy(() -> TeamRules.parse("label:=camera", "")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> TeamRules.parse("label:ui=", "")).isInstanceOf(RuleViolation.class);
        assertThat(TeamRules.parse("  ", "").rules()).isEmpty();
    }
}
