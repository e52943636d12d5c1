package dev.popcorn.app;

import dev.popcorn.domain.feedback.Ticket;
import java.util.List;
import java.util.Optional;

/** Popcorn's copy of the tracker's tickets it cares about, kept fresh by searches and webhooks. */
public interface TicketStore {

    /** Keeps the ticket as the tracker showed it at {@code seenAt}. */
    void save(Ticket ticket, java.time.Instant seenAt);

    Optional<Ticket> find(String key);

    /**
     * The labels the ticket held when last seen, as Popcorn's own label edits left them since; empty when the
     * ticket was never seen or was kept by a version that did not keep labels.
     */
    Optional<List<String>> labels(String key);

    /** Popcorn's label edit on the ticket succeeded: it holds {@code labels} now. */
    void labelsWritten(String key, List<String> labels);

    /** What the ticket holds is not known any more (a lead asked for a full write): the next edit sets every label. */
    void forgetLabels(String key);

    /** Tickets not done yet, most recently seen first: what a new wish is matched against. */
    List<Ticket> open(int limit);
}
