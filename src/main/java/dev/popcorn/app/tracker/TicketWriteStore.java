package dev.popcorn.app.tracker;

import java.time.Instant;
import java.util.Optional;

/**
 * What Popcorn last wrote successfully onto each ticket, per write (a remote link, the feedback
 * property, the labels, the closing comment): a fingerprint of the request, so that a refresh with
 * nothing new sends nothing.
 */
public interface TicketWriteStore {

    Optional<String> fingerprint(String ticketKey, String write);

    /** The id of the database these writes are remembered in: what Popcorn writes to a ticket carries it. */
    String database();

    void save(String ticketKey, String write, String fingerprint, Instant at);

    /** Forgets every fingerprint, so that the next write-back sends everything again; answers how many. */
    int forgetAll();
}
