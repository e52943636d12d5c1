package dev.popcorn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.LevelLadder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** forum.level-groups and forum.badge-ids: what is mirrored, and every malformed entry refused by name. */
class ForumMirrorConfigTest {

    private static ForumMirrorMap read(String levelGroups, String badgeIds) {
        return ForumMirrorConfig.from(new Values(Map.of("forum.level-groups", levelGroups, "forum.badge-ids", badgeIds,
                "forum.early-access-group", "")),
                LevelLadder.defaults());
    }

    @Test
    void byDefaultNothingIsMirrored() {
        ForumMirrorMap map = read("", "");
        assertThat(map.groups()).isEmpty();
        assertThat(map.groupOf("fan")).isEmpty();
        assertThat(map.badgeIdOf(new Badge.Earned(Badge.FIRST_REPORT, Badge.Tier.BRONZE))).isEmpty();
        assertThat(map.handLevelFromGroups(List.of("popcorn-honorary"))).isEmpty();
    }

    @Test
    void eachLevelHasItsGroupAndEachBadgeTierItsForumBadge() {
        ForumMirrorMap map = read(" honorary=popcorn-honorary, fan=popcorn-fans,enthusiast=popcorn-enthusiasts ",
                "first-report.bronze=101, reports.gold=102");
        assertThat(map.groupOf("fan")).contains("popcorn-fans");
        assertThat(map.groupOf("newcomer")).isEmpty();
        assertThat(map.groups()).as("from the lowest level up").containsExactly("popcorn-fans", "popcorn-enthusiasts",
                "popcorn-honorary");
        assertThat(map.badgeIdOf(Badge.Earned.parse("reports.gold"))).contains(102L);
        assertThat(map.badgeIdOf(Badge.Earned.parse("reports.silver"))).isEmpty();
    }

    @Test
    void theHonoraryGroupGivesTheLevelByHandAndNoOtherGroupDoes() {
        ForumMirrorMap map = read("fan=popcorn-fans,honorary=popcorn-honorary", "");
        assertThat(map.handLevelFromGroups(List.of("trust_level_2", "popcorn-honorary"))).contains("honorary");
        assertThat(map.handLevelFromGroups(List.of("popcorn-fans"))).as("fan is earned, not granted by hand").isEmpty();
        assertThat(map.handLevelFromGroups(List.of())).isEmpty();
        assertThat(map.grantedByGroup("honorary")).isTrue();
        assertThat(map.grantedByGroup("fan")).isFalse();
        assertThat(read("fan=popcorn-fans", "").grantedByGroup("honorary")).as("honorary without a group").isFalse();
        assertThat(read("fan=popcorn-fans", "").handLevelFromGroups(List.of("popcorn-honorary")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheKeyAndTheEntry() {
        assertRefused("wizard=popcorn-wizards", "", "forum.level-groups", "'wizard=popcorn-wizards' names no level",
                "newcomer, fan, enthusiast, pioneer, honorary");
        assertRefused("fan", "", "forum.level-groups", "'fan' is not level=group");
        assertRefused("fan=", "", "forum.level-groups", "'fan='");
        assertRefused("fan=a=b", "", "forum.level-groups", "'fan=a=b'");
        assertRefused("fan=popcorn fans", "", "forum.level-groups", "'fan=popcorn fans'");
        assertRefused("fan=x,fan=y", "", "forum.level-groups", "fan is given twice");
        assertRefused("fan=x,pioneer=x", "", "forum.level-groups", "group x is given to two levels");
        assertRefused("", "reports.platinum=102", "forum.badge-ids", "'reports.platinum=102' names no badge");
        assertRefused("", "sharing.gold=102", "forum.badge-ids", "'sharing.gold=102' names no badge");
        assertRefused("", "first-report.gold=102", "forum.badge-ids", "first-report has no gold tier");
        assertRefused("", "reports.gold=gold", "forum.badge-ids", "'reports.gold=gold'", "positive whole number");
        assertRefused("", "reports.gold=0", "forum.badge-ids", "'reports.gold=0'");
        assertRefused("", "reports.gold=1,reports.gold=2", "forum.badge-ids", "reports.gold is given twice");
    }

    private static void assertRefused(String levelGroups, String badgeIds, String... words) {
        assertThatThrownBy(() -> read(levelGroups, badgeIds)).isInstanceOf(ConfigException.class)
                .hasMessageContainingAll(words);
    }
}
