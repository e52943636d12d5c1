package dev.popcorn.domain.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.domain.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildRuleTest {

    static BuildNotice notice(String job, String phase, String status, String branch, Map<String, String> parameters) {
        return new BuildNotice(new BuildRef(job, 112, "https://ci.example.org/job/" + job + "/112/"), phase, status,
                branch,
                parameters, "MIUI-2101 night mode\nMIUI-2102 search", Optional.empty());
    }

    static BuildRule rule(String jobs, String branch, String version, String features) {
        return BuildRule.parse(jobs, branch, "FINALIZED", "SUCCESS, UNSTABLE", version, features);
    }

    @Test
    void theReleaseJobsSuccessfulEndOpensTheVersionOfItsParameter() {
        BuildRule rule = rule("mobile/*-release", "", "parameter:RELEASE_VERSION", "release-jql");
        BuildRule.Decision decision = rule.judge(notice("mobile/miui-release", "FINALIZED", "UNSTABLE", "",
                Map.of("RELEASE_VERSION", " 2026.11.20 ")));
        assertThat(decision).isEqualTo(new BuildRule.Open("2026.11.20", new FeatureSource.ReleaseQuery()));
    }

    @Test
    void everyOtherBuildIsIgnoredSayingWhy() {
        BuildRule rule = rule("miui-weekly-release", "origin/release/*", "parameter:V", "release-jql");
        Map<String, String> v = Map.of("V", "1");
        assertThat(rule.judge(notice("miui-nightly", "FINALIZED", "SUCCESS", "origin/release/1", v)))
                .isEqualTo(new BuildRule.Ignore("build.ignored.job", List.of("miui-nightly")));
        assertThat(rule.judge(notice("miui-weekly-release", "FINALIZED", "SUCCESS", "origin/main", v)))
                .isEqualTo(new BuildRule.Ignore("build.ignored.branch", List.of("origin/main", "origin/release/*")));
        assertThat(rule.judge(notice("miui-weekly-release", "STARTED", "", "origin/release/1", v)))
                .isEqualTo(new BuildRule.Ignore("build.ignored.phase", List.of("STARTED", "FINALIZED")));
        assertThat(rule.judge(notice("miui-weekly-release", "FINALIZED", "FAILURE", "origin/release/1", v)))
                .isInstanceOf(BuildRule.Ignore.class)
                .extracting(d -> ((BuildRule.Ignore) d).code()).isEqualTo("build.ignored.status");
    }

    @Test
    void theVersionMayComeFromTheBranch() {
        BuildNotice build = notice("r", "FINALIZED", "SUCCESS", "origin/release/2026.11.27", Map.of());
        assertThat(((BuildRule.Open) rule("r", "", "branch", "release-jql").judge(build)).version())
                .isEqualTo("2026.11.27");
        assertThat(((BuildRule.Open) rule("r", "", "branch:release/(\\d{4}\\.\\d\\d\\.\\d\\d)$", "release-jql")
                .judge(build))
                .version()).isEqualTo("2026.11.27");
        assertThatThrownBy(() -> rule("r", "", "branch:hotfix/(.+)", "release-jql").judge(build))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("build.version.missing");
        assertThatThrownBy(() -> rule("r", "", "parameter:RELEASE_VERSION", "release-jql").judge(build))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("build.version.missing");
    }

    @Test
    void theFeaturesComeFromAQueryTemplateTheNotesOrAParameter() {
        Map<String, String> parameters = Map.of("V", "2026.11.20", "FIX", "MIUI \"2026\" \\ 11", "KEYS",
                "MIUI-1, MIUI-2");
        BuildNotice build = notice("r", "FINALIZED", "SUCCESS", "", parameters);
        assertThat(((BuildRule.Open) rule("r", "", "parameter:V",
                "jql:fixVersion = \"{param:FIX}\" AND labels = \"v{version}\"")
                .judge(build)).source())
                .isEqualTo(new FeatureSource.Query(
                        "fixVersion = \"MIUI \\\"2026\\\" \\\\ 11\" AND labels = \"v2026.11.20\""));
        assertThat(((BuildRule.Open) rule("r", "", "parameter:V", "notes").judge(build)).source())
                .isEqualTo(new FeatureSource.Mentions(List.of("MIUI-2101 night mode\nMIUI-2102 search")));
        assertThat(((BuildRule.Open) rule("r", "", "parameter:V", "parameter:KEYS").judge(build)).source())
                .isEqualTo(new FeatureSource.Mentions(List.of("MIUI-1, MIUI-2")));
        assertThatThrownBy(() -> rule("r", "", "parameter:V", "jql:fixVersion = \"{param:NOPE}\"").judge(build))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("build.parameter.missing");
    }

    @Test
    void aMalformedRuleIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> BuildRule.parse("r", "", "DONE", "SUCCESS", "branch", "release-jql"))
                .hasMessageContaining("buildRule.phase");
        assertThatThrownBy(() -> BuildRule.parse("r", "", "FINALIZED", "GREEN", "branch", "release-jql"))
                .hasMessageContaining("buildRule.status");
        assertThatThrownBy(() -> BuildRule.parse("r", "", "FINALIZED", "SUCCESS", "tag", "release-jql"))
                .hasMessageContaining("buildRule.version");
        assertThatThrownBy(() -> BuildRule.parse("r", "", "FINALIZED", "SUCCESS", "branch:release/.+", "release-jql"))
                .hasMessageContaining("buildRule.version.group");
        assertThatThrownBy(() -> BuildRule.parse("r", "", "FINALIZED", "SUCCESS", "branch", "commits"))
                .hasMessageContaining("buildRule.features");
        assertThat(BuildRule.parse("", "", "FINALIZED", "SUCCESS", "branch", "release-jql").off()).isTrue();
    }
}
