package dev.popcorn.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.app.release.BuildLog;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.domain.BuildNotice;
import dev.popcorn.domain.BuildRef;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.TestSummary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Jenkins: {@code POST /api/v1/hooks/jenkins} takes the Notification plugin's JSON. The caller
 * proves it knows {@code jenkins.token}: as {@code ?token=} (the plugin can only set a URL, best
 * kept in a Jenkins secret), as {@code X-Popcorn-Token}, or as the key of
 * {@code X-Popcorn-Signature: sha256=<hex HMAC-SHA256(token, body)>}; checked in constant time
 * before the body is read. A lead sees the notices and what became of them at
 * {@code GET /api/v1/jenkins}, and tries a failed one again.
 */
final class JenkinsRoutes {

    static final String TOKEN_HEADER = "X-Popcorn-Token";
    static final String SIGNATURE_HEADER = "X-Popcorn-Signature";
    /** The most a logged notice keeps (the column's size). */
    static final int MAX_NOTICE = 1_000_000;

    private final BuildNotices notices;
    private final Bearer bearer;
    private final byte[] token;
    private final WebhookSignature signature;

    JenkinsRoutes(BuildNotices notices, Bearer bearer, String token) {
        this.notices = notices;
        this.bearer = bearer;
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        this.signature = new WebhookSignature(SIGNATURE_HEADER, token);
    }

    void register(Javalin app) {
        app.post("/api/v1/hooks/jenkins", this::receive);
        app.get("/api/v1/jenkins", this::overview);
        app.post("/api/v1/jenkins/notices/{id}/retry", this::retry);
    }

    private void receive(Context ctx) {
        if (token.length == 0) {
            throw RuleViolation.forbidden("jenkins.off");
        }
        byte[] body = ctx.bodyAsBytes();
        authenticate(ctx, body);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.length() > MAX_NOTICE) {
            // The log keeps the body for a retry; the plugin's log lines are what make a notice this large.
            throw malformed("larger than " + MAX_NOTICE + " characters; send fewer log lines");
        }
        answer(ctx, notices.receive(text));
    }

    private void retry(Context ctx) {
        bearer.lead(ctx);
        long id = Pages.id(ctx);
        answer(ctx, notices.retry(id));
    }

    private void overview(Context ctx) {
        bearer.lead(ctx);
        Locale locale = locale(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", token.length > 0 && !notices.rule().off());
        body.put("rule", notices.rule().toString());
        body.put("notices", notices.recent(50).stream().map(entry -> {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("id", entry.id());
            notice.put("receivedAt", entry.receivedAt());
            notice.put("job", entry.job());
            notice.put("number", entry.number());
            notice.put("phase", entry.phase());
            notice.put("status", entry.status());
            notice.put("outcome", entry.outcome().name());
            notice.put("message", message(locale, entry.reason()));
            notice.put("releaseId", entry.releaseId().orElse(null));
            return notice;
        }).toList());
        Json.write(ctx, 200, body);
    }

    private void answer(Context ctx, BuildNotices.Handled handled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", handled.logId());
        body.put("outcome", handled.outcome().name());
        body.put("message", message(locale(ctx), handled.reason()));
        body.put("release", handled.shipped().map(shipped -> {
            Map<String, Object> release = new LinkedHashMap<>();
            release.put("id", shipped.release().id());
            release.put("version", shipped.release().version());
            release.put("features", shipped.release().features().stream().map(f -> f.key()).toList());
            release.put("poll", shipped.pollId().orElse(null));
            return release;
        }).orElse(null));
        body.put("ignoredKeys", handled.shipped().map(s -> s.ignoredKeys()).orElse(List.of()));
        int status = switch (handled.outcome()) {
            case OPENED -> 201;
            case IGNORED -> 202;
            default -> 200;
        };
        Json.write(ctx, status, body);
    }

    private void authenticate(Context ctx, byte[] body) {
        if (ctx.header(SIGNATURE_HEADER) != null) {
            signature.verify(body, ctx.header(SIGNATURE_HEADER));
            return;
        }
        String given = Optional.ofNullable(ctx.header(TOKEN_HEADER)).orElse(ctx.queryParam("token"));
        if (given == null || given.isBlank()) {
            throw RuleViolation.unauthenticated("jenkins.token.missing");
        }
        if (!MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
            throw RuleViolation.unauthenticated("jenkins.token.wrong");
        }
    }

    private static RuleViolation malformed(String what) {
        return new RuleViolation(RuleViolation.Kind.MALFORMED, "jenkins.malformed", what);
    }

    private static Locale locale(Context ctx) {
        return Messages.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    private static String message(Locale locale, BuildLog.Reason reason) {
        return Messages.text(locale, reason.key(), reason.args().toArray());
    }
}
