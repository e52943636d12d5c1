package dev.popcorn.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicketKeysTest {

    @Test
    void theKeysACommitLogMentionsInTheOrderFirstMentioned() {
        List<String> log = List.of(
                "MIUI-2102 faster settings search\n\nReviewed-by: Li Na",
                "Fix crash in camera (MIUI-2101, MIUI-2102)",
                "Merge branch 'feature/MIUI-2104-portrait' into release/2026.11.20",
                "Handle UTF-8 names; see https://jira.example.com/browse/SEC-7");
        assertThat(TicketKeys.mentionedIn(log)).containsExactly("MIUI-2102", "MIUI-2101", "MIUI-2104", "UTF-8",
                "SEC-7");
    }

    @Test
    void lowerCaseWordsNumbersAndZeroAreNoKeys() {
        assertThat(TicketKeys.mentionedIn(List.of("miui-2101 x-1 ABC-0 A1B-12x 2026-11 -X-1"))).isEmpty();
    }
}
