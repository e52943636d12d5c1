package dev.popcorn.web;

import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.domain.RuleViolation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forum's ways in: sign-in through the forum ({@code /signin/forum}, which sends the browser
 * to the forum, and {@code /signin/forum/return}, where the forum's signed answer arrives) and
 * the forum's webhooks ({@code POST /api/v1/hooks/discourse}, signed with
 * {@code X-Discourse-Event-Signature}; refused unless a secret is configured).
 */
final class ForumRoutes {

    static final String SIGNATURE = "X-Discourse-Event-Signature";
    static final String EVENT = "X-Discourse-Event";

    private final ForumAccounts accounts;
    private final Sessions sessions;
    private final WebhookSignature signature;

    ForumRoutes(ForumAccounts accounts, Sessions sessions, String webhookSecret) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.signature = new WebhookSignature(SIGNATURE, webhookSecret);
    }

    void register(Javalin app) {
        app.get("/signin/forum", ctx -> ctx.redirect(accounts.start(ctx.queryParam("next"))));
        app.get("/signin/forum/return", this::returned);
        app.post("/api/v1/hooks/discourse", this::webhook);
    }

    private void returned(Context ctx) {
        ForumAccounts.SignedIn signedIn = accounts.finish(ctx.queryParam("sso"), ctx.queryParam("sig"));
        sessions.start(ctx, signedIn.pass());
        ctx.redirect(signedIn.nextPath());
    }

    private void webhook(Context ctx) {
        if (!signature.configured()) {
            throw RuleViolation.notFound("webhook.forum.off");
        }
        byte[] body = ctx.bodyAsBytes();
        signature.verify(body, ctx.header(SIGNATURE));
        String event = ctx.header(EVENT) == null ? "" : ctx.header(EVENT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", event);
        if ("ping".equals(event)) {
            answer.put("handled", false);
            Json.write(ctx, 200, answer);
            return;
        }
        boolean changed = accounts.changed(event, new String(body, StandardCharsets.UTF_8));
        answer.put("handled", changed);
        Json.write(ctx, changed ? 200 : 202, answer);
    }
}
