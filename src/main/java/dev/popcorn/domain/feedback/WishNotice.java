package dev.popcorn.domain.feedback;

import java.time.Instant;

/** Tells a supporter that a wish they backed was done: in which ticket, and in which release it ships. */
public record WishNotice(String userId, long wishId, String wishText, String ticketKey, String shipsIn, Instant at) {
}
