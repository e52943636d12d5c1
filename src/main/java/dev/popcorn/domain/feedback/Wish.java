package dev.popcorn.domain.feedback;

import java.time.Instant;

/**
 * A feature users are waiting for, in the words of the user who first asked, with its
 * supporters. An engineer may link it to a ticket ({@code ticketKey}, empty until then); once
 * that ticket is done the wish is fulfilled.
 */
public record Wish(long id, String text, String authorId, long releaseId, Instant createdAt, long supporters,
        String ticketKey, Instant fulfilledAt) {

    /** The author of a wish that stands for a ticket: nobody, since backing a ticket is support, not authorship. */
    public static final String NO_AUTHOR = "";

    public Wish {
        ticketKey = ticketKey == null ? "" : ticketKey;
    }

    /** Whether a user filed it in their own words (a wish standing for a ticket has no author). */
    public boolean authored() {
        return !authorId.isEmpty();
    }

    public boolean linked() {
        return !ticketKey.isEmpty();
    }

    public boolean fulfilled() {
        return fulfilledAt != null;
    }
}
