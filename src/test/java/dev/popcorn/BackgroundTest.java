package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** A scheduled task that throws anything, even an Error, is logged and runs again: it never cancels itself. */
class BackgroundTest {

    @Test
    void aTaskThatThrowsAnErrorOrAnExceptionDoesNotStopTheSchedule() {
        assertThatCode(() -> Background.quietly("a task", () -> {
            throw new StackOverflowError("deep");
        })).doesNotThrowAnyException();
        assertThatCode(() -> Background.quietly("a task", () -> {
            throw new IllegalStateException("Jira is down");
        })).doesNotThrowAnyException();
    }
}
