package dev.popcorn.app;

import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.domain.feedback.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker that holds a few tickets in memory and answers keys and the release query from them;
 * it can be taken down, so that a build that needs it fails the way a Jira outage fails it. A wish
 * is filed as {@link #FILED_AS} and links are remembered; feedback is not what these tests are about.
 */
public final class TicketsInTracker implements IssueTracker {

    /** The key every wish filed here gets. */
    public static final String FILED_AS = "MIUI-5000";

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final List<String> searched = new ArrayList<>();
    private final List<WishTicket> filed = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();
    private boolean down;

    /** The tracker holds {@code ticket} from now on (in place of one of the same key). */
    public TicketsInTracker with(Ticket ticket) {
        tickets.put(ticket.key(), ticket);
        return this;
    }

    /** From now on every read fails as an unreachable tracker does. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** The queries asked, in order. */
    public List<String> searched() {
        return List.copyOf(searched);
    }

    /** The wishes filed as tickets, in order. */
    public List<WishTicket> filed() {
        return List.copyOf(filed);
    }

    /** The links from a ticket to a wish's page, as {@code wishId→ticket}. */
    public List<String> linked() {
        return List.copyOf(linked);
    }

    public static Ticket ticket(String key, String summary, String component) {
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
        filed.add(wish);
        return FILED_AS;
    }

    @Override
    public void linkWish(WishTicket wish, String ticketKey) {
        linked.add(wish.wishId() + "→" + ticketKey);
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
