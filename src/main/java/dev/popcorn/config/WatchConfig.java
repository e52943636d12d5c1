package dev.popcorn.config;

import java.util.List;
import java.util.Locale;

/**
 * Watching Popcorn run (ADR 0029): the token a Prometheus scraper sends for {@code GET /metrics} (empty: the
 * route answers 404, so metrics are never public by default) and how log lines are written — {@code text} for a
 * person reading the console, {@code json} (one object a line) for a log shipper.
 */
public record WatchConfig(String metricsToken, LogFormat logFormat) {

    /** How each log line is written. */
    public enum LogFormat {
        TEXT, JSON
    }

    /** The metrics.* and log.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.secret("metrics.token", "",
                    "bearer token a Prometheus scraper sends for GET /metrics, 16+ characters (secret; empty: /metrics"
                            + " answers 404, never public)"),
            Key.of("log.format", "text",
                    "how log lines are written: text (for people) or json (one object a line, for log shippers)"));

    /** Reads the metrics.* and log.* keys. */
    public static WatchConfig from(Values v) {
        String token = v.text("metrics.token");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException(
                    "metrics.token must have at least 16 characters (or be empty to keep /metrics off)");
        }
        String format = v.text("log.format").toLowerCase(Locale.ROOT);
        LogFormat logFormat = switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ConfigException("log.format must be text or json, not '" + v.text("log.format") + "'");
        };
        return new WatchConfig(token, logFormat);
    }

    /** Never shows the token, only whether there is one. */
    @Override
    public String toString() {
        return "WatchConfig[metrics=" + (metricsToken.isEmpty() ? "off" : "behind a token") + ", log=" + logFormat
                + "]";
    }
}
