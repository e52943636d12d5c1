package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A caller's request id is kept only when it can do no harm in a log line, a header or JSON; else a new one. */
class RequestIdsTest {

    @Test
    void aShortSafeIdIsKept() {
        assertThat(RequestIds.chosen("lb-7f3a.2_X")).isEqualTo("lb-7f3a.2_X");
        assertThat(RequestIds.chosen("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void anythingElseGetsAFreshRandomId() {
        for (String unsafe : new String[] {null, "", "x".repeat(65), "a b", "line\nbreak", "quote\"", "{json}", "中文",
                "id;drop", "%0a"}) {
            assertThat(RequestIds.chosen(unsafe)).as("instead of %s", unsafe).matches("[0-9a-f]{16}");
        }
        Set<String> fresh = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            fresh.add(RequestIds.fresh());
        }
        assertThat(fresh).as("no two alike").hasSize(1000);
    }
}
