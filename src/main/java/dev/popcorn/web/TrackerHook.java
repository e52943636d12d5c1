package dev.popcorn.web;

import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Ticket;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/hooks/jira}: the tracker tells Popcorn a ticket changed. With a secret
 * configured, the body must carry {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>},
 * compared in constant time; anything else is refused before the body is read.
 */
final class TrackerHook {

    static final String SIGNATURE = "X-Hub-Signature";

    private final WishTickets wishTickets;
    private final TrackerSync trackerSync;
    private final WebhookSignature signature;

    TrackerHook(WishTickets wishTickets, TrackerSync trackerSync, String secret) {
        this.wishTickets = wishTickets;
        this.trackerSync = trackerSync;
        this.signature = new WebhookSignature(SIGNATURE, secret);
    }

    void register(Javalin app) {
        app.post("/api/v1/hooks/jira", this::receive);
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (signature.configured()) {
            signature.verify(body, ctx.header(SIGNATURE));
        }
        if (!trackerSync.enabled()) {
            throw RuleViolation.invalid("tracker.off");
        }
        Optional<Ticket> ticket = trackerSync.readWebhook(new String(body, StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        if (ticket.isEmpty()) {
            answer.put("handled", false);
            Json.write(ctx, 202, answer);
            return;
        }
        int told = wishTickets.ticketChanged(ticket.get());
        answer.put("handled", true);
        answer.put("ticket", ticket.get().key());
        answer.put("done", ticket.get().done());
        answer.put("supportersTold", told);
        Json.write(ctx, 200, answer);
    }
}
