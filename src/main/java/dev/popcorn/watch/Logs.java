package dev.popcorn.watch;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.popcorn.config.WatchConfig.LogFormat;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code logback.xml} starts every process with {@link TextLines} on standard error,
 * and a server started with {@code log.format=json} switches that appender to {@link JsonLines} before it logs
 * anything of its own. The request id is the MDC entry {@link #REQUEST_ID}, set for as long as a request is handled.
 */
public final class Logs {

    /** The MDC key of the request id, the name it has in JSON lines and problem answers. */
    public static final String REQUEST_ID = "requestId";
    private static final String CONSOLE = "CONSOLE";

    private Logs() {
    }

    /** The layout of {@code format}. */
    public static Layout<ILoggingEvent> layout(LogFormat format) {
        return format == LogFormat.JSON ? new JsonLines() : new TextLines();
    }

    /**
     * Writes the console's lines in {@code format} from now on. Does nothing where logging is not Logback's (a
     * library's test set-up), and nothing when the console already writes that format.
     */
    public static synchronized void use(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)
                || console.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping
                        && layout(format).getClass().isInstance(wrapping.getLayout())) {
            return;
        }
        console.setEncoder(encoder(context, format));
    }

    /** An encoder writing {@code format}'s lines in UTF-8, started. */
    public static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        Layout<ILoggingEvent> layout = layout(format);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
