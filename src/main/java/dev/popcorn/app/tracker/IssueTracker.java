package dev.popcorn.app.tracker;

import dev.popcorn.app.Check;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.feedback.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * The issue tracker where engineers keep their tickets (Jira): where a release's features come
 * from and where users' feedback is written back. Every write is safe to repeat, because the
 * outbox repeats a write whose answer it never saw. Failures that may pass are thrown as
 * {@link DeliveryFailure}.
 */
public interface IssueTracker {

    /**
     * What users said about one feature ticket in one release, ready to be written onto it: the labels it earned
     * (for the property) and the label edit that gets it there from what it holds ({@code labels}, maybe nothing).
     */
    record TicketFeedback(String ticketKey, String release, String pageUrl, long likes, long notGoodEnough,
            long wishSupporters, List<String> comments, List<String> earnedLabels, FeedbackLabels.Edit labels,
            boolean summaryComment) {
    }

    /**
     * What Popcorn last wrote successfully onto one ticket, write by write ({@code link …}, {@code property …},
     * {@code labels}, {@code comment …}), as fingerprints of the requests: a write whose fingerprint did
     * not change is not sent again.
     */
    interface WriteLog {

        /** Remembers nothing: every write is sent. */
        WriteLog NONE = new WriteLog() {
            @Override
            public Optional<String> last(String write) {
                return Optional.empty();
            }

            @Override
            public void wrote(String write, String fingerprint) {
                // nothing kept
            }
        };

        /** The fingerprint of what {@code write} last sent successfully, if it ever did. */
        Optional<String> last(String write);

        /**
         * The id of the database this log is kept in; what is written carries it, and a ticket another database
         * wrote for the same installation is not written over. Empty: no such check (a one-off write).
         */
        default String database() {
            return "";
        }

        /** {@code write} just succeeded with this fingerprint. */
        void wrote(String write, String fingerprint);
    }

    /** A wish on its way to a ticket: its words, how many want it, and its page in Popcorn. */
    record WishTicket(long wishId, String text, long supporters, String pageUrl) {
    }

    boolean enabled();

    /** Which tracker this is, for people: {@code Jira Cloud https://example.atlassian.net}. */
    String describe();

    /** The tickets a query finds (JQL for Jira), at most {@code limit}, in the tracker's order. */
    List<Ticket> search(String query, int limit);

    /**
     * The tickets with these keys, in the order of the keys; a key that is no visible ticket is
     * left out (a change log mentions words that only look like keys).
     */
    List<Ticket> find(List<String> keys);

    /** The query that finds the features of a release with this version. */
    String releaseQuery(String version);

    /** Writes the feedback onto the ticket: link, counts, labels, and the summary comment if asked. */
    default void publishFeedback(TicketFeedback feedback) {
        publishFeedback(feedback, WriteLog.NONE);
    }

    /**
     * Writes the feedback onto the ticket, skipping each write whose fingerprint equals the one
     * {@code log} last recorded, and recording each write that succeeded.
     */
    void publishFeedback(TicketFeedback feedback, WriteLog log);

    /** Creates a ticket for the wish, unless an earlier attempt created one; answers its key. */
    String fileWish(WishTicket wish);

    /** Links the wish's page from the ticket. */
    void linkWish(WishTicket wish, String ticketKey);

    /** Checks the connection: credentials, visibility of the queries and project, write permission. */
    List<Check> check(Optional<String> releaseQuery);

    /**
     * The database named in this installation's feedback on the ticket (see {@link WriteLog#database}); empty when
     * the ticket has none, or feedback written before databases were named.
     */
    Optional<String> writtenBy(String ticketKey);

    /**
     * Reads a webhook the tracker sent: the ticket it is about, or empty for an event about
     * something else. A body that is not the tracker's webhook is refused as malformed.
     */
    Optional<Ticket> readWebhook(String body);

    /** No tracker configured: reading answers a clear refusal, and there is nothing to write to. */
    static IssueTracker none() {
        return new IssueTracker() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public String describe() {
                return "none";
            }

            @Override
            public List<Ticket> search(String query, int limit) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public List<Ticket> find(List<String> keys) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public String releaseQuery(String version) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public void publishFeedback(TicketFeedback feedback, WriteLog log) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public String fileWish(WishTicket wish) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public void linkWish(WishTicket wish, String ticketKey) {
                throw RuleViolation.invalid("tracker.off");
            }

            @Override
            public List<Check> check(Optional<String> releaseQuery) {
                return List.of(new Check("check.tracker.off", false, List.of()));
            }

            @Override
            public Optional<String> writtenBy(String ticketKey) {
                return Optional.empty();
            }

            @Override
            public Optional<Ticket> readWebhook(String body) {
                throw RuleViolation.invalid("tracker.off");
            }
        };
    }
}
