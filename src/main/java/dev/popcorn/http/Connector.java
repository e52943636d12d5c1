package dev.popcorn.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one way Popcorn calls another system over HTTP (Jira, the forum, the chat webhook, member
 * photos): a request goes out, an answer comes back, or a {@link ConnectorException} says what
 * went wrong in words that name the system and never a secret. {@link HttpConnector} is the real
 * one (timeouts, pacing, Retry-After, no redirects, a cap on the answer's size); tests use an
 * offline double.
 */
public interface Connector {

    Response send(Request request);

    /**
     * Holds every later request back for {@code wait}: the other side asked for it in its own words
     * (a 429's {@code Retry-After} is honoured without being asked).
     */
    default void holdFor(Duration wait) {
    }

    /** What goes out. Header names are case-insensitive; the body may be empty. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        public Request {
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of(), null);
        }

        public static Request of(String method, URI uri, String contentType, byte[] body) {
            return new Request(method, uri, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
        }

        /** The same request with one more header. */
        public Request with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, uri, more, body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** What came back: the status, the headers (names in lower case), the body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Response {
            Map<String, List<String>> lower = new LinkedHashMap<>();
            headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            headers = Map.copyOf(lower);
            body = body == null ? new byte[0] : body;
        }

        public static Response of(int status, String body, Map<String, String> headers) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            headers.forEach((name, value) -> all.put(name, List.of(value)));
            return new Response(status, all, body.getBytes(StandardCharsets.UTF_8));
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
