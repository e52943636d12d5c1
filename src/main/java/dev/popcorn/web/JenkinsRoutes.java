package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.ci;
import static dev.popcorn.web.common.Params.id;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.release.BuildLog;
import dev.popcorn.app.release.BuildNotices;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.WebhookSignature;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Jenkins: {@code POST /api/v1/hooks/jenkins} takes the Notification plugin's JSON. The caller
 * proves it knows {@code jenkins.token}: as {@code ?token=} (the plugin can only set a URL, best
 * kept in a Jenkins secret), as {@code X-Popcorn-Token}, or as the key of
 * {@code X-Popcorn-Signature: sha256=<hex HMAC-SHA256(token, body)>}; checked in constant time
 * before the body is used. A lead sees the notices and what became of them at
 * {@code GET /api/v1/jenkins}, and tries a failed one again.
 */
public final class JenkinsRoutes implements EndpointGroup {

    static final String TOKEN_HEADER = "X-Popcorn-Token";
    static final String SIGNATURE_HEADER = "X-Popcorn-Signature";
    /** The most a logged notice keeps (the column's size). */
    static final int MAX_NOTICE = 1_000_000;

    /** The webhook's state, its rule, and the latest notices in the caller's language. */
    record OverviewJson(boolean enabled, String rule, List<NoticeJson> notices) {
    }

    record NoticeJson(long id, Instant receivedAt, String job, int number, String phase, String status, String outcome,
            String message, Long releaseId) {
    }

    /** What became of one notice, and the release it opened or found. */
    record HandledJson(long notice, String outcome, String message, ReleaseRef release, List<String> ignoredKeys) {
    }

    record ReleaseRef(long id, String version, List<String> features, Long poll) {
    }

    private final BuildNotices notices;
    private final byte[] token;
    private final WebhookSignature signature;

    public JenkinsRoutes(BuildNotices notices, String token) {
        this.notices = notices;
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        this.signature = new WebhookSignature(SIGNATURE_HEADER, token);
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/hooks/jenkins", this::receive, ci(this::authenticate));
        get("/api/v1/jenkins", this::overview, LEAD);
        post("/api/v1/jenkins/notices/{id}/retry", ctx -> answer(ctx, notices.retry(id(ctx))), LEAD);
    }

    private void receive(Context ctx) {
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (text.length() > MAX_NOTICE) {
            // The log keeps the body for a retry; the plugin's log lines are what make a notice this large.
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "jenkins.malformed",
                    "larger than " + MAX_NOTICE + " characters; send fewer log lines");
        }
        Json.strictBody(ctx);
        answer(ctx, notices.receive(text));
    }

    private void overview(Context ctx) {
        Locale locale = locale(ctx);
        Json.write(ctx, 200, new OverviewJson(token.length > 0 && !notices.rule().off(), notices.rule().toString(),
                notices.recent(50).stream()
                        .map(e -> new NoticeJson(e.id(), e.receivedAt(), e.job(), e.number(), e.phase(),
                                e.status(), e.outcome().name(), message(locale, e.reason()),
                                e.releaseId().orElse(null)))
                        .toList()));
    }

    private void answer(Context ctx, BuildNotices.Handled handled) {
        ReleaseRef release = handled.shipped().map(s -> new ReleaseRef(s.release().id(), s.release().version(),
                s.release().features().stream().map(f -> f.key()).toList(), s.pollId().orElse(null))).orElse(null);
        int status = switch (handled.outcome()) {
            case OPENED -> 201;
            case IGNORED -> 202;
            default -> 200;
        };
        Json.write(ctx, status, new HandledJson(handled.logId(), handled.outcome().name(),
                message(locale(ctx), handled.reason()), release,
                handled.shipped().map(s -> s.ignoredKeys()).orElse(List.of())));
    }

    /** The CI server's proof: off (403) without a configured token; then the signature, the header or the query. */
    private void authenticate(Context ctx) {
        if (token.length == 0) {
            throw RuleViolation.forbidden("jenkins.off");
        }
        if (ctx.header(SIGNATURE_HEADER) != null) {
            signature.verify(ctx.bodyAsBytes(), ctx.header(SIGNATURE_HEADER));
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

    private static Locale locale(Context ctx) {
        return Messages.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    private static String message(Locale locale, BuildLog.Reason reason) {
        return Messages.text(locale, reason.key(), reason.args().toArray());
    }
}
