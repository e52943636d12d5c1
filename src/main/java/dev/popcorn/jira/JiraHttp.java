package dev.popcorn.jira;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.http.Pacer;
import dev.popcorn.http.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Jira site over HTTP: the API base for its deployment ({@code /rest/api/3} on Cloud,
 * {@code /rest/api/2} on Data Center), authentication, pacing, timeouts, JSON in and out, and
 * Jira's error answers turned into {@link JiraRestClientException}. The token never appears in
 * a message.
 */
final class JiraHttp {

    private static final Gson GSON = new Gson();

    private final URI site;
    private final String apiBase;
    private final String authorization;
    private final Duration timeout;
    private final Pacer pacer;
    private final Clock clock;
    private final HttpClient http;

    JiraHttp(JiraConfig config, Pacer pacer, Clock clock) {
        this.site = config.url();
        this.apiBase = config.deployment() == JiraConfig.Deployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
        this.authorization = config.auth() == JiraConfig.Auth.BASIC
                ? "Basic " + Base64.getEncoder().encodeToString((config.user() + ":" + config.token()).getBytes(StandardCharsets.UTF_8))
                : "Bearer " + config.token();
        this.timeout = config.timeout();
        this.pacer = pacer;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI site() {
        return site;
    }

    JsonElement get(String path, Map<String, String> query) {
        return send("GET", path + queryString(query), null);
    }

    JsonElement post(String path, JsonElement body) {
        return send("POST", path, body);
    }

    JsonElement put(String path, JsonElement body) {
        return send("PUT", path, body);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(encode(k)).append('=').append(encode(v)));
        return q.toString();
    }

    /** Sends one request under {@code apiBase}; answers the JSON body, or JSON null for an empty one. */
    private JsonElement send(String method, String path, JsonElement body) {
        String target = method + " " + apiBase + path.replaceAll("\\?.*", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(site.resolve(site.getPath() + apiBase + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(GSON.toJson(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            Optional<Duration> hold = pacer.await(timeout);
            if (hold.isPresent()) {
                throw new JiraRestClientException(429, target + ": Jira asked Popcorn to wait another "
                        + hold.get().toSeconds() + " s", List.of(), Map.of(), hold.get());
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new JiraRestClientException(0, target + ": Jira did not answer within " + timeout.toSeconds() + " s",
                    List.of(), Map.of(), null);
        } catch (IOException e) {
            throw new JiraRestClientException(0, target + ": cannot reach Jira at " + site + " (" + e + ")",
                    List.of(), Map.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraRestClientException(0, target + ": interrupted", List.of(), Map.of(), null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return response.body().isBlank() ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(response.body());
            } catch (JsonParseException e) {
                throw new JiraRestClientException(status, target + ": Jira's answer is not JSON", List.of(), Map.of(), null);
            }
        }
        throw failure(target, response);
    }

    private JiraRestClientException failure(String target, HttpResponse<String> response) {
        int status = response.statusCode();
        List<String> messages = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JsonElement json = JsonParser.parseString(response.body());
            if (json.isJsonObject()) {
                JsonObject o = json.getAsJsonObject();
                if (o.has("errorMessages") && o.get("errorMessages").isJsonArray()) {
                    o.getAsJsonArray("errorMessages").forEach(m -> messages.add(m.getAsString()));
                }
                if (o.has("errors") && o.get("errors").isJsonObject()) {
                    o.getAsJsonObject("errors").entrySet().forEach(e -> errors.put(e.getKey(),
                            e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // Not Jira's error JSON (a proxy's HTML page, say): the status says enough.
        }
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock).orElse(null);
        if (retryAfter != null) {
            pacer.holdUntil(clock.instant().plus(retryAfter));
        }
        StringBuilder message = new StringBuilder(target + ": Jira answered " + status + " " + meaning(status));
        if (!messages.isEmpty()) {
            message.append(": ").append(String.join("; ", messages));
        }
        errors.forEach((field, error) -> message.append("; ").append(field).append(": ").append(error));
        if (retryAfter != null) {
            message.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
        }
        return new JiraRestClientException(status, message.toString(), messages, errors, retryAfter);
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "(bad request)";
            case 401 -> "(the token or user is wrong, or the token expired)";
            case 403 -> "(the account may not do this)";
            case 404 -> "(not found, or not visible to the account)";
            case 410 -> "(this API was removed)";
            case 429 -> "(rate limited)";
            case 503 -> "(unavailable)";
            default -> status >= 500 ? "(Jira failed)" : "";
        };
    }
}
