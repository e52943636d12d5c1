package dev.popcorn.config;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.WeekCalendar;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration as read (defaults, file, environment, command line), with a typed reader per
 * kind of value. Each reader refuses a bad value with a {@link ConfigException} that names the
 * key and never shows a secret's value.
 */
public final class Values {

    private final Map<String, String> values;

    Values(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The value as given (defaults applied). */
    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no such configuration key: " + key);
        }
        return value;
    }

    public boolean isEmpty(String key) {
        return text(key).isEmpty();
    }

    public int integer(String key, int min, int max) {
        try {
            int value = Integer.parseInt(text(key).strip());
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + text(key) + "'");
        }
    }

    public boolean bool(String key) {
        String value = text(key).strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException(key + " must be true or false, not '" + text(key) + "'");
        }
        return value.equals("true");
    }

    /** One of an enum's constants, written in lower case with dashes ({@code data-center}). */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        String value = text(key).strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ConfigException(key + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().replace('_', '-').toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
    }

    /** A comma-separated list, blanks left out. */
    public List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Refuses what is not an IP address or a CIDR range written as numbers ({@link dev.popcorn.domain.AddressRange}). */
    static void addressOrRange(String key, String value) {
        try {
            dev.popcorn.domain.AddressRange.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    key + " takes IP addresses and CIDR ranges (10.0.0.0/8, ::1), not '" + value + "'");
        }
    }

    /** An http(s) URL with a host; a trailing slash is dropped. */
    public URI httpUrl(String key) {
        return httpUrl(key, text(key));
    }

    static URI httpUrl(String key, String url) {
        // A webhook URL is itself the secret: the message names the key, never the value.
        String shown = key.contains("webhook") ? "(the value is not shown)" : "'" + url + "'";
        try {
            URI uri = new URI(stripSlash(url));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key + " must be an http(s) URL with a host, not " + shown);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " is not a URL: " + shown);
        }
    }

    /** A moment of the week, such as {@code TUESDAY 23:59}. */
    public WeekCalendar.Moment moment(String key) {
        try {
            return WeekCalendar.Moment.parse(text(key));
        } catch (RuleViolation e) {
            throw new ConfigException(
                    key + " must be a day and a time such as 'TUESDAY 23:59', not '" + text(key) + "'");
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
