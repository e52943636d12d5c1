package dev.popcorn.capability;

import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One capability's part of a running server (ADR 0033): it builds its use cases in its constructor from the
 * {@link Core} and the capabilities it needs, and hands on its routes, the outbox tasks it delivers and the work it
 * runs without a request. Adding a capability is a new class here and one line in {@code Wiring}; nothing else in the
 * server's wiring changes.
 */
public interface Capability {

    /** The route classes it serves, built on the web's shared parts; matched in the order of the capabilities. */
    default List<EndpointGroup> routes(WebKit web) {
        return List.of();
    }

    /** The outbox task kinds it files, each with the handler that delivers it. */
    default Map<String, Outbox.Handler> deliveries() {
        return Map.of();
    }

    /**
     * The kinds among its {@link #deliveries()} whose other side cannot tell a repeat: a delivery cut off mid-way is
     * marked failed for a person instead of sent again.
     */
    default Set<String> unrepeatable() {
        return Set.of();
    }

    /** The work it runs every so often, without a request. */
    default List<Job> jobs() {
        return List.of();
    }

    /** Once the server listens (and the demo is seeded): work that should not wait for its first scheduled run. */
    default void started() {
    }

    /** When the server stops, after its jobs have stopped: what it holds is given back. */
    default void stop() {
    }
}
