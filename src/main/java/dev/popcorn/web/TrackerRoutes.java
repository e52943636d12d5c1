package dev.popcorn.web;

import static dev.popcorn.web.common.Access.LEAD;
import static dev.popcorn.web.common.Access.webhook;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.Replays;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.outbox.OutboxTroubles;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.WebhookSignature;
import dev.popcorn.web.json.TrackerJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * The issue tracker (Jira): the connection and its write-backs for leads, and
 * {@code POST /api/v1/hooks/jira}, where the tracker tells Popcorn a ticket changed. The body must
 * carry {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}, checked in constant time
 * before the body is used; without {@code jira.webhook-secret} the hook refuses everything.
 */
public final class TrackerRoutes implements EndpointGroup {

    static final String SIGNATURE = "X-Hub-Signature";

    /** What the webhook did: nothing, or which ticket Popcorn will read from the tracker. */
    record HookJson(boolean handled, String ticket) {
    }

    private final TrackerSync trackerSync;
    private final WishTickets wishTickets;
    private final OutboxTroubles outbox;
    private final Replays replays;
    private final WebhookSignature signature;

    public TrackerRoutes(TrackerSync trackerSync, WishTickets wishTickets, OutboxTroubles outbox, Replays replays,
            String webhookSecret) {
        this.trackerSync = trackerSync;
        this.wishTickets = wishTickets;
        this.outbox = outbox;
        this.replays = replays;
        this.signature = new WebhookSignature(SIGNATURE, webhookSecret);
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/tracker", ctx -> {
            Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
            Json.write(ctx, 200, new TrackerJson(trackerSync.describe(), trackerSync.enabled(), outbox.counts(),
                    outbox.troubles(20).stream().map(t -> TrackerJson.Task.of(t, code -> Messages.text(locale, code)))
                            .toList()));
        }, LEAD);
        get("/api/v1/tracker/check", ctx -> {
            Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
            Json.write(ctx, 200, TrackerJson.Checks.of(trackerSync.check(),
                    c -> Messages.text(locale, c.code(), c.args().toArray())));
        }, LEAD);
        post("/api/v1/tracker/retry", ctx -> Json.write(ctx, 200, new TrackerJson.Retried(outbox.retryFailed())), LEAD);
        post("/api/v1/tracker/refresh",
                ctx -> Json.write(ctx, 200, new TrackerJson.Refreshed(trackerSync.refreshAll())), LEAD);
        post("/api/v1/hooks/jira", this::ticketChanged, webhook(this::verify));
    }

    /** Fails closed: off (403) until {@code jira.webhook-secret} is set; then the signature must match. */
    private void verify(Context ctx) {
        if (!signature.configured()) {
            throw RuleViolation.forbidden("webhook.jira.off");
        }
        signature.verify(ctx.bodyAsBytes(), ctx.header(SIGNATURE));
    }

    private void ticketChanged(Context ctx) {
        if (!trackerSync.enabled()) {
            throw RuleViolation.invalid("tracker.off");
        }
        Optional<Ticket> ticket = trackerSync.readWebhook(Json.strictBody(ctx));
        if (ticket.isEmpty() || !replays.firstTime("jira", ctx.bodyAsBytes())) {
            Json.write(ctx, 202, new HookJson(false, null));
            return;
        }
        // Only which ticket: what it says (done or not) is read from Jira before anyone is credited.
        wishTickets.ticketReported(ticket.get().key());
        Json.write(ctx, 202, new HookJson(true, ticket.get().key()));
    }
}
