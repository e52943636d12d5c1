package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static dev.popcorn.web.common.Access.webhook;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.Replays;
import dev.popcorn.app.identity.ForumAccounts;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Sessions;
import dev.popcorn.web.common.WebhookSignature;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The forum's ways in: sign-in through the forum ({@code /signin/forum}, which sends the browser
 * to the forum, and {@code /signin/forum/return}, where the forum's signed answer arrives) and
 * the forum's webhooks ({@code POST /api/v1/hooks/discourse}, signed with
 * {@code X-Discourse-Event-Signature}; refused unless a secret is configured).
 */
public final class ForumRoutes implements EndpointGroup {

    static final String SIGNATURE = "X-Discourse-Event-Signature";
    static final String EVENT = "X-Discourse-Event";

    /** The event the webhook named and whether it changed anything Popcorn knows. */
    record HookJson(String event, boolean handled) {
    }

    private final ForumAccounts accounts;
    private final Sessions sessions;
    private final Replays replays;
    private final WebhookSignature signature;

    public ForumRoutes(ForumAccounts accounts, Sessions sessions, Replays replays, String webhookSecret) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.replays = replays;
        this.signature = new WebhookSignature(SIGNATURE, webhookSecret);
    }

    @Override
    public void addEndpoints() {
        get("/signin/forum", this::start, ANYONE);
        get("/signin/forum/return", this::returned, ANYONE);
        post("/api/v1/hooks/discourse", this::receive, webhook(this::verify));
    }

    /** Sends the browser to the forum; nothing is written, the browser keeps the sign-in's key in a cookie. */
    private void start(Context ctx) {
        ForumAccounts.Started started = accounts.start(ctx.queryParam("next"));
        sessions.startForumSignIn(ctx, started.browserKey(), accounts.nonceValidity());
        ctx.redirect(started.forumUrl());
    }

    /** The forum's answer, accepted only in the browser that started the sign-in. */
    private void returned(Context ctx) {
        ForumAccounts.SignedIn signedIn = accounts.finish(ctx.queryParam("sso"), ctx.queryParam("sig"),
                sessions.forumSignInKey(ctx));
        sessions.endForumSignIn(ctx);
        sessions.start(ctx, signedIn.pass());
        ctx.redirect(signedIn.nextPath());
    }

    /** Off (404) without a secret; with one, the signature over the body must match. */
    private void verify(Context ctx) {
        if (!signature.configured()) {
            throw RuleViolation.notFound("webhook.forum.off");
        }
        signature.verify(ctx.bodyAsBytes(), ctx.header(SIGNATURE));
    }

    private void receive(Context ctx) {
        String event = ctx.header(EVENT) == null ? "" : ctx.header(EVENT);
        if ("ping".equals(event)) {
            Json.write(ctx, 200, new HookJson(event, false));
            return;
        }
        String body = Json.strictBody(ctx);
        // Only the body is signed: a body taken before is a replay, whatever its unsigned event header says now.
        boolean replayed = !replays.firstTime("forum", ctx.bodyAsBytes());
        boolean changed = accounts.changed(event, body, replayed);
        Json.write(ctx, changed ? 200 : 202, new HookJson(event, changed));
    }
}
