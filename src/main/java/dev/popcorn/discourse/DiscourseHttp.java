package dev.popcorn.discourse;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.config.DiscourseConfig;
import dev.popcorn.http.Connector;
import dev.popcorn.http.ConnectorException;
import dev.popcorn.http.HttpConnector;
import dev.popcorn.http.Pacer;
import dev.popcorn.http.RetryAfter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One Discourse site over HTTP: the {@code Api-Key} and {@code Api-Username} headers, JSON and
 * multipart bodies, timeouts, and pacing under the admin key's shared limit. A 429 answer holds
 * every request back for the time the forum asked ({@code Retry-After}, or {@code extras.wait_seconds}
 * in the body); a request whose wait fits within the timeout waits and tries again, a few times.
 * The key never appears in a message.
 */
final class DiscourseHttp {

    /** What a request answered: the status, the Location of a redirect, and the JSON body (JSON null if none). */
    record Answer(int status, Optional<String> location, JsonElement body) {
    }

    private static final Gson GSON = new Gson();
    /** How often one request is tried again after the forum asked to wait (when the wait fits in the timeout). */
    private static final int RATE_LIMIT_RETRIES = 3;

    /** The most an answer of the forum may be. */
    static final int MAX_ANSWER = 16 * 1024 * 1024;

    private final URI site;
    private final String apiKey;
    private final String apiUsername;
    private final Duration timeout;
    private final Connector connector;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DiscourseHttp(DiscourseConfig config, Connector connector, Clock clock) {
        this.site = config.url();
        this.apiKey = config.apiKey();
        this.apiUsername = config.apiUsername();
        this.timeout = config.timeout();
        this.connector = connector;
        this.clock = clock;
    }

    /** The connector of one forum: paced under the admin key's shared limit, within the configured timeout. */
    static Connector connector(DiscourseConfig config, Clock clock, Pacer.Sleeper sleeper) {
        return new HttpConnector(new HttpConnector.Settings("the forum", config.timeout(), MAX_ANSWER, false),
                Optional.of(new Pacer(config.requestsPerMinute() / 60.0, clock, sleeper)), clock);
    }

    URI site() {
        return site;
    }

    JsonElement get(String path) {
        return expectOk("GET", path, send("GET", path, null, null));
    }

    JsonElement post(String path, JsonElement body) {
        return expectOk("POST", path, send("POST", path, json(body), "application/json"));
    }

    JsonElement put(String path, JsonElement body) {
        return expectOk("PUT", path, send("PUT", path, json(body), "application/json"));
    }

    /** A DELETE with a JSON body, as Discourse takes the users to remove from a group. */
    JsonElement delete(String path, JsonElement body) {
        return expectOk("DELETE", path, send("DELETE", path, json(body), "application/json"));
    }

    /** A GET whose redirects and 404 the caller reads itself. */
    Answer getAllowingRedirect(String path) {
        Answer answer = send("GET", path, null, null);
        if (answer.status() >= 300 && answer.status() < 400 || answer.status() == 404) {
            return answer;
        }
        expectOk("GET", path, answer);
        return answer;
    }

    /** Uploads an image for posts ({@code upload_type=composer}, synchronously, so the answer carries its short URL). */
    JsonElement upload(String path, String fileName, byte[] content, String contentType) {
        String boundary = "popcorn-" + HexFormat.of().formatHex(randomBytes());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "upload_type", "composer");
        field(body, boundary, "synchronous", "true");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return expectOk("POST", path,
                send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(JsonElement body) {
        return GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    private Answer send(String method, String path, byte[] body, String contentType) {
        String target = method + " " + path.replaceAll("\\?.*", "");
        Connector.Request request = Connector.Request
                .of(method, site.resolve(site.getPath().replaceAll("/$", "") + path),
                        contentType, body)
                .with("Api-Key", apiKey)
                .with("Api-Username", apiUsername)
                .with("Accept", "application/json");
        for (int attempt = 0;; attempt++) {
            Connector.Response response;
            try {
                response = connector.send(request);
            } catch (ConnectorException e) {
                throw new DiscourseException(e.failure() == ConnectorException.Failure.HELD ? 429 : 0, e.getMessage(),
                        List.of(), e.waitFor().orElse(null));
            }
            JsonElement json = parse(response.text());
            if (response.status() == 429) {
                // The connector holds for a Retry-After; the forum may say it in its body instead.
                Duration wait = RetryAfter.parse(response.header("Retry-After"), clock)
                        .or(() -> waitSeconds(json)).orElse(Duration.ofSeconds(60));
                connector.holdFor(wait);
                if (attempt < RATE_LIMIT_RETRIES && wait.compareTo(timeout) <= 0) {
                    continue;
                }
                throw new DiscourseException(429, target + ": the forum answered 429 (rate limited; retry after "
                        + wait.toSeconds() + " s)", errors(json), wait);
            }
            return new Answer(response.status(), response.header("Location"), json);
        }
    }

    private static Optional<Duration> waitSeconds(JsonElement json) {
        try {
            JsonElement seconds = json.getAsJsonObject().getAsJsonObject("extras").get("wait_seconds");
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.getAsLong())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private JsonElement expectOk(String method, String path, Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer.body();
        }
        String target = method + " " + path.replaceAll("\\?.*", "");
        List<String> errors = errors(answer.body());
        StringBuilder message = new StringBuilder(target + ": the forum answered " + status + " " + meaning(status));
        if (!errors.isEmpty()) {
            message.append(": ").append(String.join("; ", errors));
        }
        throw new DiscourseException(status, message.toString(), errors, null);
    }

    private static JsonElement parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(body);
        } catch (JsonParseException e) {
            // Not JSON (a proxy's error page, say): the status says enough.
            return JsonNull.INSTANCE;
        }
    }

    /** Discourse's error texts: {@code {"errors": ["…"], "error_type": "…"}}. */
    private static List<String> errors(JsonElement json) {
        List<String> errors = new ArrayList<>();
        if (json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            if (o.has("errors") && o.get("errors").isJsonArray()) {
                o.getAsJsonArray("errors")
                        .forEach(e -> errors.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
            } else if (o.has("error_type") && o.get("error_type").isJsonPrimitive()) {
                errors.add(o.get("error_type").getAsString());
            }
        }
        return errors;
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "(bad request)";
            case 403 -> "(the API key is wrong, or its user may not do this)";
            case 404 -> "(not found, or not visible to the API user)";
            case 413 -> "(the file is too large for the forum)";
            case 422 -> "(the forum refused the content)";
            case 429 -> "(rate limited)";
            default -> status >= 500 ? "(the forum failed)" : "";
        };
    }
}
