package dev.popcorn.jira;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.http.Connector;
import dev.popcorn.http.ConnectorException;
import dev.popcorn.http.HttpConnector;
import dev.popcorn.http.Pacer;
import dev.popcorn.http.RetryAfter;
import java.net.URI;
import java.net.URLEncoder;
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

    /** The most an answer of Jira may be: a page of search results with every field asked for. */
    static final int MAX_ANSWER = 32 * 1024 * 1024;

    private final URI site;
    private final String apiBase;
    private final String authorization;
    private final Connector connector;
    private final Clock clock;

    JiraHttp(JiraConfig config, Connector connector, Clock clock) {
        this.site = config.url();
        this.apiBase = config.deployment() == JiraConfig.Deployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
        this.authorization = config.auth() == JiraConfig.Auth.BASIC
                ? "Basic " + Base64.getEncoder()
                        .encodeToString((config.user() + ":" + config.token()).getBytes(StandardCharsets.UTF_8))
                : "Bearer " + config.token();
        this.connector = connector;
        this.clock = clock;
    }

    /** The connector of one Jira site: paced at the configured rate, within the configured timeout. */
    static Connector connector(JiraConfig config, Clock clock, Pacer.Sleeper sleeper) {
        return new HttpConnector(new HttpConnector.Settings("Jira", config.timeout(), MAX_ANSWER, false),
                Optional.of(new Pacer(config.requestsPerSecond(), clock, sleeper)), clock);
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
        Connector.Request request = Connector.Request.of(method, site.resolve(site.getPath() + apiBase + path),
                body == null ? null : "application/json",
                body == null ? null : GSON.toJson(body).getBytes(StandardCharsets.UTF_8))
                .with("Authorization", authorization)
                .with("Accept", "application/json");
        Connector.Response response;
        try {
            response = connector.send(request);
        } catch (ConnectorException e) {
            Duration hold = e.waitFor().orElse(null);
            throw new JiraRestClientException(hold == null ? 0 : 429, e.getMessage(), List.of(), Map.of(), hold);
        }
        int status = response.status();
        if (response.ok()) {
            try {
                return response.text().isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(response.text());
            } catch (JsonParseException e) {
                throw new JiraRestClientException(status, target + ": Jira's answer is not JSON", List.of(), Map.of(),
                        null);
            }
        }
        throw failure(target, response);
    }

    private JiraRestClientException failure(String target, Connector.Response response) {
        int status = response.status();
        List<String> messages = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JsonElement json = JsonParser.parseString(response.text());
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
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
        if (retryAfter != null) {
            // Jira may ask to wait with a 503 too; every later request waits with this one.
            connector.holdFor(retryAfter);
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
