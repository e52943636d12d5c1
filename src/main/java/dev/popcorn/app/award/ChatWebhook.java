package dev.popcorn.app.award;

import dev.popcorn.app.Announcement;

/**
 * A chat room's incoming webhook (Slack and the chat tools that speak its format): the approved
 * announcement goes out there too when one is configured. A webhook cannot tell a repeat, so the
 * outbox never sends it again after a delivery that was cut off.
 */
public interface ChatWebhook {

    boolean enabled();

    /** Posts the announcement; throws {@link DeliveryFailure} when it did not arrive (or may not have). */
    void post(Announcement announcement);

    static ChatWebhook none() {
        return new ChatWebhook() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public void post(Announcement announcement) {
                throw new IllegalStateException("no chat webhook is configured");
            }
        };
    }
}
