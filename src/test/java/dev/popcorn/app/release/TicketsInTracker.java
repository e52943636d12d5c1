package dev.popcorn.app.release;

import dev.popcorn.app.Check;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.domain.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker that holds a few tickets in memory and answers keys and the release query from them;
 * it can be taken down, so that a build that needs it fails the way a Jira outage fails it.
 * Writing is not what these tests are about: writes are counted and otherwise ignored.
 */
final class TicketsInTracker implements IssueTracker {

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final List<String> searched = new ArrayList<>();
    private boolean down;

    TicketsInTracker with(Ticket ticket) {
        tickets.put(ticket.key(), ticket);
        return this;
    }

    /** From now on every read fails as an unreachable tracker does. */
    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    /** The queries asked, in order. */
    List<String> searched() {
        return List.copyOf(searched);
    }

    static Ticket ticket(String key, String summary, String component) {
        return new Ticket(key, summary, "Done", true, "POP", List.of(component), List.of(), List.of());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return "tickets in memory";
    }

    @Override
    public List<Ticket> search(String query, int limit) {
        reachable();
        searched.add(query);
        return tickets.values().stream().limit(limit).toList();
    }

    @Override
    public List<Ticket> find(List<String> keys) {
        reachable();
        return keys.stream().map(tickets::get).filter(t -> t != null).toList();
    }

    @Override
    public String releaseQuery(String version) {
        return "fixVersion = \"" + version + "\"";
    }

    @Override
    public void publishFeedback(TicketFeedback feedback, WriteLog log) {
        // not the subject here
    }

    @Override
    public String fileWish(WishTicket wish) {
        throw new UnsupportedOperationException("no wishes in these tests");
    }

    @Override
    public void linkWish(WishTicket wish, String ticketKey) {
        throw new UnsupportedOperationException("no wishes in these tests");
    }

    @Override
    public List<Check> check(Optional<String> releaseQuery) {
        return List.of();
    }

    @Override
    public Optional<String> writtenBy(String ticketKey) {
        return Optional.empty();
    }

    @Override
    public Optional<Ticket> readWebhook(String body) {
        return Optional.empty();
    }

    private void reachable() {
        if (down) {
            throw new DeliveryFailure("tracker unreachable", true, Duration.ofMinutes(1), null);
        }
    }
}
