package dev.popcorn.web;

import static dev.popcorn.web.common.Access.monitor;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.domain.RuleViolation;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: what Popcorn measures, in Prometheus' text format, for a scraper that sends
 * {@code metrics.token} as {@code Authorization: Bearer} (ADR 0029). Without a token configured the route answers
 * 404 like a path that does not exist: metrics are never public by default. The token is compared in constant time.
 */
final class MetricsRoutes implements EndpointGroup {

    /** Prometheus' text exposition format. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final byte[] tokenDigest;

    /** {@code token} empty: the route is off. */
    MetricsRoutes(String token, Supplier<String> scrape) {
        this.scrape = scrape;
        this.tokenDigest = token == null || token.isEmpty() ? null : digest(token);
    }

    @Override
    public void addEndpoints() {
        get("/metrics", ctx -> ctx.contentType(TEXT_FORMAT).result(scrape.get()), monitor(this::authenticate));
    }

    private void authenticate(Context ctx) {
        if (tokenDigest == null) {
            throw RuleViolation.notFound("request.notFound");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : "";
        // Digests of equal length: the comparison takes as long whatever was sent, its length included.
        if (!MessageDigest.isEqual(tokenDigest, digest(given))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            throw RuleViolation.unauthenticated("metrics.tokenRequired");
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
