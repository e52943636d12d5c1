package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.popcorn.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fuzzer driven by the API document the server serves: every documented operation is sent
 * malformed path values, query values, credentials, bodies (broken JSON, each field of the
 * schema given the wrong type, a null, one character or item too many, left out), character
 * sets and content types. Every answer must be below 500, have a status the document lists for
 * the operation, be RFC 9457 problem JSON when it refuses, say nothing of libraries or classes,
 * and a refused request must change nothing a user or lead can see.
 */
class ApiFuzzIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|java\\.|javax\\.|com\\.google|gson|jackson|JsonReader|org\\.(eclipse|h2|jdbi|postgresql)|SQL|at line \\d+ column",
            Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final String JIRA_SECRET = "jira-secret-0123456789";
    private static final String FORUM_SECRET = "forum-secret-0123456789";
    private static final String JENKINS_TOKEN = "jenkins-token-0123456789abcdef";

    @TempDir
    Path data;

    TestServer server;
    JsonObject spec;
    String fan;
    /** With the webhooks' secrets set, bodies sent to a webhook are signed, so that what is behind the signature is tried too. */
    boolean signed;

    /** One request the fuzzer sends. */
    record Attempt(String method, String template, String path, Map<String, String> headers, String body) {
        String name() {
            return method + " " + path + " " + headers.keySet() + " " + (body == null ? "" : abbreviate(body));
        }
    }

    private void start(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("award.ballots-per-minute", "100000");
        all.put("award.ballots-per-minute-per-address", "100000");
        server = TestServer.start(data, TestServer.FRIDAY.plus(Duration.ofDays(1)), true, all);
        spec = JsonParser.parseString(server.send("GET", "/api/openapi.json", null, null).body()).getAsJsonObject();
        fan = server.pass("fuzz-fan", "Fuzz");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDemoAsItStartsWithNoWebhookSecret() {
        start(Map.of());
        fuzz();
    }

    @Test
    void theDemoWithEveryWebhookSecretSetAndSignedBodies() {
        // Jira and the forum where nothing listens: the hooks are on, and every call out fails fast.
        start(Map.ofEntries(Map.entry("jira.url", "http://127.0.0.1:9"), Map.entry("jira.user", "bot@example.com"),
                Map.entry("jira.token", "token-123"), Map.entry("jira.project", "MIUI"),
                Map.entry("jira.default-team", "camera"),
                Map.entry("jira.requests-per-second", "100"), Map.entry("jira.timeout-seconds", "1"),
                Map.entry("jira.webhook-secret", JIRA_SECRET), Map.entry("discourse.url", "http://127.0.0.1:9"),
                Map.entry("discourse.connect-secret", "connect-secret-0123456789"),
                Map.entry("discourse.webhook-secret", FORUM_SECRET),
                Map.entry("jenkins.token", JENKINS_TOKEN), Map.entry("jenkins.job", "miui-weekly-release")));
        signed = true;
        fuzz();
    }

    private void fuzz() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        String state = state();
        for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonElement> operation : path.getValue().getAsJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                JsonObject op = operation.getValue().getAsJsonObject();
                for (Attempt attempt : attempts(method, path.getKey(), op)) {
                    HttpResponse<String> answer = send(attempt);
                    sent++;
                    statuses.merge(method + " " + path.getKey() + " " + answer.statusCode(), 1, Integer::sum);
                    check(attempt, op, answer).ifPresent(failures::add);
                    if (answer.statusCode() >= 400 && !method.equals("GET")) {
                        String after = state();
                        if (!after.equals(state)) {
                            failures.add(attempt.name() + ": refused with " + answer.statusCode()
                                    + " but changed what is shown");
                        }
                        state = after;
                    } else if (!method.equals("GET") || op.get("summary").getAsString().contains("audited")) {
                        // A read the document says is audited (a user's export) writes the audit log when it is answered.
                        state = state();
                    }
                }
            }
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        statuses.forEach((key, count) -> byStatus.merge(key.substring(key.lastIndexOf(' ') + 1), count, Integer::sum));
        System.out.printf("API fuzz%s: %d requests to %d operations, answered %s%n",
                signed ? " (webhook secrets set, bodies signed)" : "",
                sent,
                spec.getAsJsonObject("paths").entrySet().stream().mapToInt(p -> p.getValue().getAsJsonObject().size())
                        .sum(),
                byStatus);
        assertThat(sent).isGreaterThan(2000);
        assertThat(failures).as("%d of %d answers broke the rules:%n%s", failures.size(), sent,
                String.join("\n", failures.stream().limit(40).toList())).isEmpty();
    }

    /** What a refused request must not change: the week, the teams, the audit log, a fan's points and notices. */
    private String state() {
        return server.send("GET", "/api/v1/week", null, null).body()
                + server.send("GET", "/api/v1/teams", null, null).body()
                + server.send("GET", "/api/v1/audit", LEAD, null).body()
                + server.send("GET", "/api/v1/me", fan, null).body()
                + server.send("GET", "/api/v1/winners", null, null).body();
    }

    private java.util.Optional<String> check(Attempt attempt, JsonObject op, HttpResponse<String> answer) {
        int status = answer.statusCode();
        // A 5xx is Popcorn falling over; the one exception is Jira failing behind it (502, documented where it can happen).
        boolean gateway = status == 502 && answer.body().contains("urn:popcorn:problem:tracker.failed");
        if (status >= 500 && !gateway) {
            return java.util.Optional.of(attempt.name() + ": " + status + " " + abbreviate(answer.body()));
        }
        if (!op.getAsJsonObject("responses").has(String.valueOf(status))) {
            return java.util.Optional.of(attempt.name() + ": status " + status + " is not documented for "
                    + attempt.method() + " " + attempt.template() + " (" + abbreviate(answer.body()) + ")");
        }
        if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return java.util.Optional.of(attempt.name() + ": " + status + " answered as " + type);
            }
            JsonObject problem;
            try {
                problem = JsonParser.parseString(answer.body()).getAsJsonObject();
            } catch (RuntimeException e) {
                return java.util.Optional.of(attempt.name() + ": " + status + " with a body that is no JSON object");
            }
            if (!problem.has("type") || !problem.has("title") || !problem.has("detail")
                    || problem.get("status").getAsInt() != status) {
                return java.util.Optional
                        .of(attempt.name() + ": " + status + " with an incomplete problem " + answer.body());
            }
            if (INTERNALS.matcher(problem.get("detail").getAsString()).find()) {
                return java.util.Optional.of(attempt.name() + ": the detail tells internals: " + problem.get("detail"));
            }
        }
        return java.util.Optional.empty();
    }

    private List<Attempt> attempts(String method, String template, JsonObject op) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> valid = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        for (JsonElement p : op.has("parameters") ? op.getAsJsonArray("parameters") : new JsonArray()) {
            JsonObject parameter = p.getAsJsonObject();
            if (parameter.get("in").getAsString().equals("path")) {
                valid.put(parameter.get("name").getAsString(),
                        parameter.get("name").getAsString().equals("slug") ? "camera" : "1");
            } else if (parameter.get("in").getAsString().equals("query")) {
                queries.add(parameter.get("name").getAsString());
            }
        }
        String path = fill(template, valid);
        boolean hasBody = op.has("requestBody");
        String sample = hasBody ? sample(schema(op)).toString() : null;
        // Who calls: nobody, a fan, a lead, and credentials that are no credentials.
        for (String auth : new String[] {null, "Bearer " + fan, "Bearer " + LEAD, "Bearer not-a-pass",
                "Basic Zm9vOmJhcg==",
                "Bearer " + "a".repeat(4000), "Bearer v1.e30.AAAA"}) {
            attempts.add(new Attempt(method, template, path, auth == null ? Map.of() : Map.of("Authorization", auth),
                    hasBody ? sample : null));
        }
        // Path values that are not what the route takes.
        for (String name : valid.keySet()) {
            for (String bad : new String[] {"0", "-1", "abc", "9223372036854775808", "1.5", "%00", "%2e%2e",
                    "%F0%9F%8D%BF",
                    "x".repeat(300), "%27%20OR%201%3D1"}) {
                Map<String, String> values = new LinkedHashMap<>(valid);
                values.put(name, bad);
                for (String auth : new String[] {fan, LEAD}) {
                    attempts.add(new Attempt(method, template, fill(template, values),
                            Map.of("Authorization", "Bearer " + auth),
                            hasBody ? sample : null));
                }
            }
        }
        for (String query : queries) {
            for (String bad : new String[] {"", "%00", "abc", "-1", "x".repeat(3000), "%E4%B8%AD%E6%96%87",
                    "a&" + query + "=b"}) {
                attempts.add(new Attempt(method, template, path + "?" + query + "=" + bad,
                        Map.of("Authorization", "Bearer " + LEAD),
                        hasBody ? sample : null));
            }
        }
        if (hasBody) {
            for (String auth : new String[] {fan, LEAD}) {
                Map<String, String> json = Map.of("Authorization", "Bearer " + auth, "Content-Type",
                        "application/json");
                for (String body : bodies(schema(op))) {
                    attempts.add(new Attempt(method, template, path, json, body));
                }
                for (String contentType : new String[] {"application/json; charset=x-bogus",
                        "application/json; charset=utf-16",
                        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
                    attempts.add(new Attempt(method, template, path,
                            Map.of("Authorization", "Bearer " + auth, "Content-Type", contentType), sample));
                }
            }
        }
        return attempts;
    }

    /** Broken JSON, then the schema's own sample broken one field at a time. */
    private List<String> bodies(JsonObject schema) {
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "{", "}", "\"text\"", "12", "true",
                "{'a': 1}",
                "{\"a\": 1,}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1 /* note */}", "{\"a\": NaN}", "{\"a\": 1e999999}",
                "{\"a\": \"\\ud800\"}", "{\"a\": \"\u0000\"}", "{\"a\": 1, \"a\": 2}",
                "[".repeat(20_000) + "]".repeat(20_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "\uFEFF{}"));
        JsonElement sample = sample(schema);
        if (!sample.isJsonObject()) {
            return bodies;
        }
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
            JsonObject field = resolve(property.getValue().getAsJsonObject());
            for (JsonElement wrong : wrongValues(field)) {
                JsonObject mutated = sample.getAsJsonObject().deepCopy();
                mutated.add(property.getKey(), wrong);
                bodies.add(mutated.toString());
            }
            JsonObject without = sample.getAsJsonObject().deepCopy();
            without.remove(property.getKey());
            bodies.add(without.toString());
            if (field.has("items") && resolve(field.getAsJsonObject("items")).has("properties")) {
                JsonObject item = resolve(field.getAsJsonObject("items"));
                for (Map.Entry<String, JsonElement> inner : item.getAsJsonObject("properties").entrySet()) {
                    for (JsonElement wrong : wrongValues(resolve(inner.getValue().getAsJsonObject()))) {
                        JsonObject element = sample(item).getAsJsonObject();
                        element.add(inner.getKey(), wrong);
                        JsonArray list = new JsonArray();
                        list.add(element);
                        JsonObject mutated = sample.getAsJsonObject().deepCopy();
                        mutated.add(property.getKey(), list);
                        bodies.add(mutated.toString());
                    }
                }
            }
        }
        return bodies;
    }

    private List<JsonElement> wrongValues(JsonObject field) {
        List<JsonElement> wrong = new ArrayList<>(List.of(JsonNull.INSTANCE, new JsonObject()));
        String type = field.has("type") ? field.get("type").getAsString() : "object";
        switch (type) {
            case "string" -> {
                wrong.add(new JsonPrimitive(12));
                wrong.add(new JsonPrimitive(true));
                wrong.add(new JsonPrimitive(
                        "x".repeat(field.has("maxLength") ? field.get("maxLength").getAsInt() + 1 : 70_000)));
                wrong.add(new JsonPrimitive("\u0000\u202e<script>alert(1)</script>"));
            }
            case "integer", "number" -> {
                wrong.add(new JsonPrimitive("7"));
                wrong.add(new JsonPrimitive(1.5));
                wrong.add(new JsonPrimitive(new java.math.BigInteger("99999999999999999999999")));
                wrong.add(new JsonPrimitive(-1));
            }
            case "boolean" -> {
                wrong.add(new JsonPrimitive("yes"));
                wrong.add(new JsonPrimitive(1));
            }
            case "array" -> {
                wrong.add(new JsonPrimitive("a"));
                JsonArray nulls = new JsonArray();
                nulls.add(JsonNull.INSTANCE);
                wrong.add(nulls);
                JsonArray many = new JsonArray();
                JsonElement item = field.has("items") ? sample(resolve(field.getAsJsonObject("items")))
                        : new JsonPrimitive("x");
                int count = field.has("maxItems") ? field.get("maxItems").getAsInt() + 1 : 7_000;
                for (int i = 0; i < count; i++) {
                    many.add(item);
                }
                wrong.add(many);
            }
            default -> wrong.add(new JsonPrimitive("x"));
        }
        return wrong;
    }

    /** A value of the schema's shape: examples where given, else the smallest of each type. */
    private JsonElement sample(JsonObject schema) {
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.getAsJsonArray("enum").get(0);
        }
        String type = schema.has("type") ? schema.get("type").getAsString() : "object";
        return switch (type) {
            case "string" -> new JsonPrimitive("x");
            case "integer", "number" ->
                new JsonPrimitive(schema.has("minimum") ? schema.get("minimum").getAsLong() : 1);
            case "boolean" -> new JsonPrimitive(false);
            case "array" -> new JsonArray();
            default -> {
                JsonObject object = new JsonObject();
                if (schema.has("properties")) {
                    for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
                        JsonObject field = property.getValue().getAsJsonObject();
                        if (!field.has("readOnly")) {
                            object.add(property.getKey(), sample(field));
                        }
                    }
                }
                yield object;
            }
        };
    }

    private JsonObject schema(JsonObject op) {
        return resolve(op.getAsJsonObject("requestBody").getAsJsonObject("content").getAsJsonObject("application/json")
                .getAsJsonObject("schema"));
    }

    private JsonObject resolve(JsonObject schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String name = schema.get("$ref").getAsString().substring("#/components/schemas/".length());
        return spec.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject(name);
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private HttpResponse<String> send(Attempt attempt) {
        String path = attempt.path();
        if (signed && attempt.template().equals("/api/v1/hooks/jenkins")) {
            path += (path.contains("?") ? "&" : "?") + "token=" + JENKINS_TOKEN;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8));
        attempt.headers().forEach(request::header);
        if (signed && attempt.body() != null && attempt.template().equals("/api/v1/hooks/jira")) {
            request.header("X-Hub-Signature", "sha256=" + hmac(JIRA_SECRET, attempt.body()));
        }
        if (signed && attempt.body() != null && attempt.template().equals("/api/v1/hooks/discourse")) {
            request.header("X-Discourse-Event", "user_updated");
            request.header("X-Discourse-Event-Signature", "sha256=" + hmac(FORUM_SECRET, attempt.body()));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(attempt.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
