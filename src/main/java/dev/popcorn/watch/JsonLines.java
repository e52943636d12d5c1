package dev.popcorn.watch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * A log line for a log shipper ({@code log.format=json}): one JSON object a line, with the time (UTC, ISO-8601),
 * level, logger, thread, message, the request id when the line was written while a request was handled, and an
 * exception's stack trace as one string — a multi-line trace never splits an entry.
 */
public final class JsonLines extends LayoutBase<ILoggingEvent> {

    /** No HTML escaping: a shipper reads {@code <} as it is, not as {@code \u003c}. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    @Override
    public String doLayout(ILoggingEvent event) {
        JsonObject line = new JsonObject();
        line.addProperty("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.addProperty("level", event.getLevel().toString());
        line.addProperty("logger", event.getLoggerName());
        line.addProperty("thread", event.getThreadName());
        line.addProperty("message", event.getFormattedMessage());
        String requestId = event.getMDCPropertyMap().get(Logs.REQUEST_ID);
        if (requestId != null) {
            line.addProperty("requestId", requestId);
        }
        if (event.getThrowableProxy() != null) {
            line.addProperty("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return GSON.toJson(line) + CoreConstants.LINE_SEPARATOR;
    }
}
