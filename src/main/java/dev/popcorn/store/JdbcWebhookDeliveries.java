package dev.popcorn.store;

import dev.popcorn.app.WebhookDeliveries;
import java.time.Instant;

/** Webhook deliveries as rows; the primary key lets only the first of two equal deliveries in. */
final class JdbcWebhookDeliveries implements WebhookDeliveries {

    private final Db db;

    JdbcWebhookDeliveries(Db db) {
        this.db = db;
    }

    @Override
    public boolean first(String sender, String digest, Instant at) {
        return db.with(h -> h.createUpdate("INSERT INTO webhook_deliveries (sender, digest, received_at)"
                + " SELECT :sender, :digest, :at WHERE NOT EXISTS"
                + " (SELECT 1 FROM webhook_deliveries WHERE sender = :sender AND digest = :digest)")
                .bind("sender", sender).bind("digest", digest).bind("at", at).execute()) == 1;
    }

    @Override
    public int purge(Instant before) {
        return db.with(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE received_at < :before")
                .bind("before", before).execute());
    }
}
