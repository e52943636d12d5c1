package dev.popcorn.web.json;

import dev.popcorn.domain.Wish;
import java.time.Instant;

/** A wish: its words, how many support it, the ticket it became, and whether a ticket is being filed for it. */
public record WishJson(long id, String text, long supporters, String ticket, Instant fulfilledAt, boolean filing) {

    public static WishJson of(Wish wish, boolean filing) {
        return new WishJson(wish.id(), wish.text(), wish.supporters(), wish.linked() ? wish.ticketKey() : null,
                wish.fulfilledAt(), filing);
    }
}
