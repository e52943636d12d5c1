package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateOrARuleUsesHasAText() throws IOException {
        Set<String> used = new HashSet<>();
        Pattern templateKey = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");
        Pattern ruleCode = Pattern.compile(
                "(?:invalid|notFound|closed|conflict|unauthenticated|Kind\\.[A-Z_]+)\\(?,?\\s*\"([a-zA-Z.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Matcher m = templateKey.matcher(text);
                while (file.toString().endsWith(".peb") && m.find()) {
                    // Keys completed at run time ('poll.state.' + state) are checked by the page tests.
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
                Matcher r = ruleCode.matcher(text);
                while (r.find()) {
                    used.add("error." + r.group(1));
                }
            }
        }
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(known).containsAll(used);
    }

    @Test
    void anIdIsWrittenAsItIsInTheAddressNotAsACount() {
        assertThat(Messages.text(Locale.ENGLISH, "error.release.unknown", 9999L))
                .isEqualTo("There is no release 9999.");
        assertThat(Messages.text(Messages.CHINESE, "error.release.unknown", 9999L)).isEqualTo("没有编号为 9999 的版本。");
        assertThat(Messages.text(Locale.ENGLISH, "error.candidate.unknown", 12345L)).contains("12345");
        assertThat(Messages.text(Locale.ENGLISH, "error.nomination.unknown", 12345L)).contains("12345");
    }

    @Test
    void theLanguageFollowsTheExplicitChoiceThenTheBrowser() {
        assertThat(Messages.choose("zh-CN", "en-US")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.choose(null, "zh-TW,zh;q=0.9,en;q=0.5")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.choose(null, "fr-FR,en;q=0.8,zh;q=0.5")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.choose(null, "not a header ;;")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.choose(null, null)).isEqualTo(Messages.ENGLISH);
    }

    @Test
    void englishStaysEnglishOnAChineseMachine() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.text(Locale.ENGLISH, "poll.vote")).isEqualTo("Vote");
            assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "poll.vote")).isEqualTo("投票");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void englishCountsAreSingularForOneAndApostrophesAreWrittenOnce() {
        assertThat(Messages.text(Messages.ENGLISH, "wish.supporters", 1)).isEqualTo("1 user wants this");
        assertThat(Messages.text(Messages.ENGLISH, "wish.supporters", 3)).isEqualTo("3 users want this");
        assertThat(Messages.text(Messages.ENGLISH, "home.points", 1)).isEqualTo("Your participation: 1 point");
        assertThat(Messages.text(Messages.ENGLISH, "jenkins.opened", "2026.11.20", "1"))
                .as("a count kept as text").isEqualTo("Opened the release 2026.11.20 with 1 feature.");
        assertThat(Messages.text(Messages.ENGLISH, "lead.announcement.hint")).contains("the template's draft")
                .doesNotContain("''");
        assertThat(Messages.text(Messages.ENGLISH, "error.request.headersTooLarge"))
                .isEqualTo("The request's headers are too large.");
    }

    @Test
    void everyKindOfGrantIsExplainedToTheFanAndToTheLead() {
        for (dev.popcorn.domain.participation.ParticipationKind kind : dev.popcorn.domain.participation.ParticipationKind
                .values()) {
            assertThat(Messages.has("points.why." + kind.name())).as("the fan's words for " + kind).isTrue();
            assertThat(Messages.has("lead.grants.why." + kind.name())).as("the lead's words for " + kind).isTrue();
        }
        assertThat(Messages.text(Messages.ENGLISH, "lead.grants.why.BADGE")).doesNotContain("You");
    }
}
