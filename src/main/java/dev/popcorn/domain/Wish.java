package dev.popcorn.domain;

import java.time.Instant;

/** A feature users are waiting for, in the words of the user who first asked, with its supporters. */
public record Wish(long id, String text, String authorId, long releaseId, Instant createdAt, long supporters) {
}
