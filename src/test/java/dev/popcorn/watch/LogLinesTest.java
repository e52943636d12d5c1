package dev.popcorn.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two ways a log line is written: for a person, and one JSON object a line for a log shipper. */
class LogLinesTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("dev.popcorn.Example");

    private LoggingEvent event(String message, Throwable failure, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, failure, null);
        event.setThreadName("qtp-7");
        event.setTimeStamp(1_796_677_400_123L);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    @Test
    void aJsonLineIsOneObjectWithTheRequestIdAndTheWholeStackTraceInOneString() {
        String line = new JsonLines().doLayout(event("refused <a> \"quoted\"\nsecond line",
                new IllegalStateException("broken"), Map.of(Logs.REQUEST_ID, "abc-1")));
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\\u003c");
        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        assertThat(json.get("time").getAsString()).isEqualTo("2026-12-07T21:03:20.123Z");
        assertThat(json.get("level").getAsString()).isEqualTo("WARN");
        assertThat(json.get("logger").getAsString()).isEqualTo("dev.popcorn.Example");
        assertThat(json.get("thread").getAsString()).isEqualTo("qtp-7");
        assertThat(json.get("message").getAsString()).isEqualTo("refused <a> \"quoted\"\nsecond line");
        assertThat(json.get("requestId").getAsString()).isEqualTo("abc-1");
        assertThat(json.get("exception").getAsString()).startsWith("java.lang.IllegalStateException: broken")
                .contains("at dev.popcorn.watch.LogLinesTest");
    }

    @Test
    void aLineWrittenOutsideARequestHasNoRequestIdAndNoException() {
        JsonObject json = JsonParser.parseString(new JsonLines().doLayout(event("started", null, Map.of())))
                .getAsJsonObject();
        assertThat(json.keySet()).containsExactlyInAnyOrder("time", "level", "logger", "thread", "message");
        assertThat(new TextLines().doLayout(event("started", null, Map.of()))).doesNotContain("requestId")
                .endsWith(" [qtp-7] WARN dev.popcorn.Example - started" + System.lineSeparator());
    }

    @Test
    void aTextLineIsTheLineAsBeforeWithTheRequestIdAtItsEndAndTheTraceBelow() {
        String text = new TextLines().doLayout(event("refused", new IllegalStateException("broken"),
                Map.of(Logs.REQUEST_ID, "abc-1")));
        String[] lines = text.split(System.lineSeparator());
        assertThat(lines[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.123[+-]\\d{4} \\[qtp-7] WARN "
                + "dev\\.popcorn\\.Example - refused requestId=abc-1");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: broken");
        assertThat(lines[2]).contains("at dev.popcorn.watch.LogLinesTest");
    }

    @Test
    void theRequestIdIsTheOneTheWebLayerPutsInTheMdc() {
        assertThat(Logs.REQUEST_ID).isEqualTo(dev.popcorn.web.common.RequestIds.KEY);
    }
}
