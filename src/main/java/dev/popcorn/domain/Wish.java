package dev.popcorn.domain;

import java.time.Instant;

/**
 * A feature users are waiting for, in the words of the user who first asked, with its
 * supporters. An engineer may link it to a ticket ({@code ticketKey}, empty until then); once
 * that ticket is done the wish is fulfilled.
 */
public record Wish(long id, String text, String authorId, long releaseId, Instant createdAt, long supporters,
        String ticketKey, Instant fulfilledAt) {

    public Wish {
        ticketKey = ticketKey == null ? "" : ticketKey;
    }

    public boolean linked() {
        return !ticketKey.isEmpty();
    }

    public boolean fulfilled() {
        return fulfilledAt != null;
    }
}
