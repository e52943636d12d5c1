package dev.popcorn.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import dev.popcorn.config.WatchConfig.LogFormat;
import dev.popcorn.store.PostgresSchema;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Watching a running server (ADR 0029): {@code GET /metrics} behind {@code metrics.token} with what a week does —
 * requests by route template, the group commit, the outbox and the calls out per target, the award, the pool, Jetty,
 * the JVM — on H2 and PostgreSQL; never public by default, never a secret in it; one request id per request, echoed,
 * in every problem answer and in the log lines written while it was handled, as text or JSON.
 */
class MetricsIT {

    private static final String TOKEN = "metrics-token-0123456789";
    private static final String LEAD = TestServer.ADMIN_TOKEN;
    /** A chat webhook nobody listens at: the announcement waits in the outbox, its calls fail unreachable. */
    private static final String SLACK = "http://127.0.0.1:9/services/T000/B000/hook-secret-part";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    private TestServer server;
    private PostgresSchema schema;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    private void start(String database, Map<String, String> more) throws Exception {
        Map<String, String> config = new HashMap<>(more);
        if (database.equals("postgresql")) {
            schema = PostgresSchema.create("popcorn_metrics_");
            var settings = schema.settings(4);
            config.put("db.url", settings.url());
            config.put("db.user", settings.user());
            config.put("db.password", settings.password());
        } else {
            config.put("db.url", "jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        server = TestServer.start(data, TestServer.FRIDAY, false, config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWeekIsMeasuredByRouteTemplateWithTheWritesTheOutboxTheCallsOutThePoolAndTheJvm(String database)
            throws Exception {
        start(database, Map.of("metrics.token", TOKEN, "slack.webhook-url", SLACK));
        ok("PUT", "/api/v1/teams/camera", LEAD, "{\"name\": \"Camera\"}");
        ok("PUT", "/api/v1/teams/battery", LEAD, "{\"name\": \"Battery\"}");
        JsonObject opened = JsonParser.parseString(ok("POST", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet charging", "team": "battery"}]}""")).getAsJsonObject();
        long poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        long candidate = opened.getAsJsonObject("poll").getAsJsonArray("candidates").get(0).getAsJsonObject().get("id")
                .getAsLong();
        ok("POST", "/api/v1/polls/" + poll + "/open", LEAD, null);
        ok("PUT", "/api/v1/polls/" + poll + "/ballot", server.pass("fan-1", "Fan One"),
                "{\"candidate\": " + candidate + "}");
        ok("PUT", "/api/v1/polls/" + poll + "/ballot", server.pass("fan-2", "Fan Two"),
                "{\"candidate\": " + candidate + "}");
        assertThat(send("GET", "/api/v1/releases/987654", null, null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/no/such/page/123456", null, null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/polls/" + poll + "/close", null, null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/assets/popcorn.css", null, null, Map.of()).statusCode()).isEqualTo(200);

        String during = scrape();
        assertThat(value(during, "popcorn_award_polls_open", "")).as("the poll taking ballots").isEqualTo(1.0);
        assertThat(value(during, "popcorn_award_ballots", "")).as("its ballots so far").isEqualTo(2.0);
        assertThat(value(during, "popcorn_http_requests_seconds_count",
                "method=\"PUT\",route=\"/api/v1/polls/{id}/ballot\",status=\"200\"")).isEqualTo(2.0);
        assertThat(value(during, "popcorn_http_requests_seconds_count",
                "method=\"GET\",route=\"/api/v1/releases/{id}\",status=\"404\"")).isEqualTo(1.0);
        assertThat(value(during, "popcorn_http_requests_seconds_count",
                "method=\"POST\",route=\"/api/v1/polls/{id}/close\",status=\"401\""))
                .as("refused by the gate, still its route")
                .isEqualTo(1.0);
        assertThat(value(during, "popcorn_http_requests_seconds_count",
                "method=\"GET\",route=\"unmatched\",status=\"404\""))
                .isEqualTo(1.0);
        assertThat(
                value(during, "popcorn_http_requests_seconds_count", "method=\"GET\",route=\"static\",status=\"200\""))
                .as("the static files as one").isEqualTo(1.0);
        assertThat(during).as("with their latency").contains(
                "popcorn_http_requests_seconds_bucket{method=\"PUT\",route=\"/api/v1/polls/{id}/ballot\",status=\"200\",le=\"0.1\"}");
        List<String> routes = labels(during, "route");
        assertThat(routes).as("templates only: no id, no path a client made up").isNotEmpty()
                .noneMatch(route -> route.matches(".*/\\d+.*")).doesNotContain("/no/such/page/123456");
        assertThat(value(during, "popcorn_writes_batch_writes_count", ""))
                .as("the ballots went through the group commit")
                .isGreaterThanOrEqualTo(1.0);
        assertThat(value(during, "popcorn_writes_batch_writes_sum", "")).isEqualTo(2.0);
        assertThat(value(during, "popcorn_writes_commit_seconds_count", "")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(during, "popcorn_writes_queue_writes", "")).isEqualTo(0.0);
        assertThat(value(during, "popcorn_writes_refused_total", "")).isEqualTo(0.0);
        assertThat(during).contains("hikaricp_connections_active{pool=\"popcorn\"}",
                "hikaricp_connections_max{pool=\"popcorn\"}",
                "jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_uptime_seconds", "jetty_threads_busy",
                "jetty_connections_current_connections");

        // Closed and approved: the announcement goes to the chat webhook through the outbox, and nobody answers there.
        ok("POST", "/api/v1/polls/" + poll + "/close", LEAD, null);
        ok("POST", "/api/v1/polls/" + poll + "/approve", LEAD, null);
        Eventually.holds("the chat webhook tried and the announcement waiting for it", Duration.ofSeconds(30), () -> {
            String now = scrape();
            return value(now, "popcorn_outside_calls_seconds_count",
                    "outcome=\"unreachable\",status=\"none\",target=\"slack\"") >= 1
                    && value(now, "popcorn_outbox_pending", "target=\"slack\"") == 1.0;
        });
        server.clock.advance(Duration.ofSeconds(90));
        Eventually.holds("the waiting announcement's age by the server's clock", Duration.ofSeconds(10),
                () -> value(scrape(), "popcorn_outbox_oldest_age_seconds", "target=\"slack\"") >= 90);
        String after = scrape();
        assertThat(value(after, "popcorn_award_polls_open", "")).isEqualTo(0.0);
        assertThat(value(after, "popcorn_outbox_pending", "target=\"jira\"")).isEqualTo(0.0);
        assertThat(value(after, "popcorn_outbox_pending", "target=\"forum\"")).isEqualTo(0.0);
        assertThat(after).contains(
                "popcorn_outside_calls_seconds_bucket{outcome=\"unreachable\",status=\"none\",target=\"slack\",le=\"0.025\"}")
                .as("no secret in what a scraper reads").doesNotContain(TOKEN, LEAD, TestServer.SECRET,
                        "hook-secret-part",
                        server.pass("fan-1", "Fan One"));
        assertThat(value(after, "popcorn_outside_throttled_total", "target=\"jira\"")).as("429s counted from 0")
                .isEqualTo(0.0);
        List<String> queried = dashboardMetrics();
        assertThat(queried).as("the sample dashboard's metrics").hasSizeGreaterThan(20);
        assertThat(queried).as("every metric the sample dashboard queries is exported")
                .allSatisfy(metric -> assertThat(after).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    /** The metric names docs/grafana-dashboard.json's queries read (each written with its label selector). */
    private static List<String> dashboardMetrics() throws java.io.IOException {
        JsonObject dashboard = JsonParser
                .parseString(java.nio.file.Files.readString(Path.of("docs", "grafana-dashboard.json")))
                .getAsJsonObject();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (var panel : dashboard.getAsJsonArray("panels")) {
            if (!panel.getAsJsonObject().has("targets")) {
                continue;
            }
            for (var target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                Matcher metric = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{")
                        .matcher(target.getAsJsonObject().get("expr").getAsString());
                while (metric.find()) {
                    names.add(metric.group(1));
                }
            }
        }
        return List.copyOf(names);
    }

    @Test
    void withoutATokenTheMetricsAreNotThereAndWithOneOnlyItOpensThem() throws Exception {
        start("h2", Map.of());
        HttpResponse<String> off = send("GET", "/metrics", TOKEN, null, Map.of());
        assertThat(off.statusCode()).as("never public by default").isEqualTo(404);
        assertThat(off.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(off.body()).contains("urn:popcorn:problem:request.notFound").doesNotContain("jvm_");
        server.close();
        server = null;

        start("h2", Map.of("metrics.token", TOKEN));
        for (String wrong : new String[] {null, "metrics-token-012345678", LEAD, server.pass("fan-1", "Fan")}) {
            HttpResponse<String> refused = send("GET", "/metrics", wrong, null, Map.of());
            assertThat(refused.statusCode()).as("the token %s", wrong).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
            assertThat(refused.body()).contains("urn:popcorn:problem:metrics.tokenRequired", "\"requestId\"")
                    .doesNotContain("jvm_");
        }
        HttpResponse<String> scraped = send("GET", "/metrics", TOKEN, null, Map.of());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scraped.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void everyRequestHasOneIdEchoedInItsProblemAnswerAndInItsLogLinesAsTextOrJson() throws Exception {
        start("h2", Map.of());
        HttpResponse<String> given = send("GET", "/api/v1/releases/987654", null, null,
                Map.of("X-Request-Id", "lb-7f3a.2_x"));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a.2_x");
        JsonObject problem = JsonParser.parseString(given.body()).getAsJsonObject();
        assertThat(problem.get("requestId").getAsString()).isEqualTo("lb-7f3a.2_x");

        for (String unsafe : new String[] {"two words", "x".repeat(65), "quote\"d", "<script>"}) {
            HttpResponse<String> replaced = send("GET", "/api/v1/releases/987654", null, null,
                    Map.of("X-Request-Id", unsafe));
            String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).as("instead of %s", unsafe).matches("[0-9a-f]{16}");
            assertThat(JsonParser.parseString(replaced.body()).getAsJsonObject().get("requestId").getAsString())
                    .isEqualTo(id);
        }
        HttpResponse<String> page = send("GET", "/no/such/page", null, null, Map.of());
        String pageId = page.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(page.body()).as("a person's error page names it too").contains(pageId);
        assertThat(send("GET", "/api/health", null, null, Map.of()).headers().firstValue("X-Request-Id"))
                .as("every answer has one, not only problems")
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));

        for (LogFormat format : LogFormat.values()) {
            String logged = capturingProblemsLog(format,
                    () -> assertThat(send("GET", "/api/v1/releases/987654", null, null,
                            Map.of("X-Request-Id", "trace-" + format)).statusCode()).isEqualTo(404));
            String line = logged.lines().filter(l -> l.contains("answered 404 release.unknown")).findFirst()
                    .orElseThrow();
            if (format == LogFormat.JSON) {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                assertThat(json.get("requestId").getAsString()).isEqualTo("trace-JSON");
                assertThat(json.get("level").getAsString()).isEqualTo("DEBUG");
                assertThat(json.get("logger").getAsString()).isEqualTo("dev.popcorn.web.common.Problems");
                assertThat(json.get("message").getAsString()).isEqualTo("answered 404 release.unknown");
                assertThat(json.has("time")).isTrue();
            } else {
                assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} \\[.+] DEBUG "
                        + "dev\\.popcorn\\.web\\.common\\.Problems - answered 404 release\\.unknown requestId=trace-TEXT");
            }
        }
    }

    /**
     * What {@code Problems} logs while {@code work} runs, written by the layout of {@code format} (the one the console
     * uses), its level lowered to DEBUG meanwhile.
     */
    private static String capturingProblemsLog(LogFormat format, Runnable work) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger logger = context.getLogger("dev.popcorn.web.common.Problems");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(Logs.encoder(context, format));
        appender.setOutputStream(out);
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
            appender.stop();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String scrape() {
        HttpResponse<String> answer = send("GET", "/metrics", TOKEN, null, Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The sample of {@code name} whose labels start with {@code labels} (all of them when empty); -1 when absent. */
    static double value(String scraped, String name, String labels) {
        Pattern sample = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "(?:\\{[^}]*})?"
                : "\\{" + Pattern.quote(labels) + "[^}]*}") + " (\\S+)$");
        Matcher matcher = sample.matcher(scraped);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    /** Every value of the label {@code name} in what was scraped. */
    private static List<String> labels(String scraped, String name) {
        return Pattern.compile(name + "=\"([^\"]*)\"").matcher(scraped).results().map(m -> m.group(1)).distinct()
                .toList();
    }

    private String ok(String method, String path, String bearer, String json) {
        HttpResponse<String> answer = send(method, path, bearer, json, Map.of());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
        return answer.body();
    }

    private HttpResponse<String> send(String method, String path, String bearer, String json,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
