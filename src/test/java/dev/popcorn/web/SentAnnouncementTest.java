package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.web.common.ForumMarkdown;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentAnnouncementTest {

    private static final ForumMarkdown MARKDOWN = new ForumMarkdown(() -> "https://popcorn.example");
    private static final List<String> BOTH = List.of("zh-CN", "en");
    private static final String SENT = "# 🍿 爆米花奖 · 版本 2026.11.20\n\n**3 票**\n\n---\n\n# 🍿 Popcorn Award · release 2026.11.20\n\n**3 votes**\n";

    @Test
    void eachReaderReadsTheirOwnLanguageWithThePostAsSentBeside() {
        SentAnnouncement chinese = SentAnnouncement.of(SENT, BOTH, "zh-CN", MARKDOWN);
        SentAnnouncement english = SentAnnouncement.of(SENT, BOTH, "en", MARKDOWN);

        assertThat(chinese.own()).contains("爆米花奖", "3 票").doesNotContain("Popcorn Award");
        assertThat(chinese.ownLanguage()).isEqualTo("zh-CN");
        assertThat(english.own()).contains("Popcorn Award", "3 votes").doesNotContain("爆米花奖");
        assertThat(english.parts()).extracting(SentAnnouncement.Part::language).containsExactly("zh-CN", "en");
        assertThat(english.parts().get(0).html()).contains("爆米花奖");
        assertThat(english.whole()).contains("爆米花奖", "Popcorn Award", "<hr />");
    }

    @Test
    void aPostWhoseRulesNoLongerMatchTheLanguagesIsShownWhole() {
        String moved = SENT.replace("**3 票**", "**3 票**\n\n---\n\nP.S.");
        for (SentAnnouncement shown : List.of(SentAnnouncement.of(moved, BOTH, "en", MARKDOWN),
                SentAnnouncement.of(SENT.replace("---", ""), BOTH, "en", MARKDOWN),
                SentAnnouncement.of(SENT, List.of("en"), "en", MARKDOWN),
                SentAnnouncement.of(SENT, List.of("zh-CN", "fr"), "en", MARKDOWN))) {
            assertThat(shown.own()).isNull();
            assertThat(shown.parts()).isEmpty();
            assertThat(shown.whole()).contains("爆米花奖");
        }
    }
}
