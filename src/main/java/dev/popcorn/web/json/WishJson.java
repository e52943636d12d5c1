package dev.popcorn.web.json;

import dev.popcorn.domain.feedback.Wish;
import java.time.Instant;

/** A wish: its words, how many support it, the ticket it became, and whether a ticket is being filed for it. */
public record WishJson(long id, String text, long supporters, String ticket, Instant fulfilledAt, boolean filing) {

    /** A wish in a public list: who filed it is not shown. */
    public record Line(long id, String text, long releaseId, Instant createdAt, long supporters, String ticketKey,
            Instant fulfilledAt) {
        public static Line of(Wish wish) {
            return new Line(wish.id(), wish.text(), wish.releaseId(), wish.createdAt(), wish.supporters(),
                    wish.ticketKey(),
                    wish.fulfilledAt());
        }
    }

    public static WishJson of(Wish wish, boolean filing) {
        return new WishJson(wish.id(), wish.text(), wish.supporters(), wish.linked() ? wish.ticketKey() : null,
                wish.fulfilledAt(), filing);
    }
}
