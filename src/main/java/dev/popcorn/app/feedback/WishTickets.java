package dev.popcorn.app.feedback;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumThreads;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.tracker.IssueTracker.WishTicket;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.feedback.WishNotice;
import dev.popcorn.domain.participation.ParticipationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Wishes on their way to tickets: a new wish is matched against existing wishes and open
 * tickets before it is filed; an engineer links a wish to a ticket or has one created from it;
 * when that ticket is done its supporters are told, and earn points, once; those who follow it are told too.
 */
public final class WishTickets {

    /** Outbox kind: create the ticket of a wish; ref {@code <wish id>}. */
    public static final String FILE = "tracker.wish.file";
    /** Outbox kind: link a wish's page from its ticket; ref {@code <wish id>/<key>}. */
    public static final String LINK = "tracker.wish.link";
    /** Outbox kind: read a ticket the tracker said changed, and act on what the tracker answers; ref {@code <key>}. */
    public static final String READ = "tracker.ticket.read";

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8}");

    /** Something a new wish resembles: an existing wish (with its id) or an open ticket (with its key). */
    public record Match(String kind, long wishId, String ticketKey, String text, long supporters, double score) {
    }

    private final Transactions transactions;
    private final ReportStore reports;
    private final TicketStore tickets;
    private final NoticeStore notices;
    private final Forum forum;
    private final Ledger participation;
    private final OutboxStore outbox;
    private final IssueTracker tracker;
    private final AuditLog audit;
    private final java.util.function.Supplier<String> baseUrl;
    private final Clock clock;
    private final SimilarWishes similar;

    public WishTickets(Transactions transactions, ReportStore reports, TicketStore tickets, NoticeStore notices,
            Ledger participation, OutboxStore outbox, IssueTracker tracker, Forum forum, AuditLog audit,
            java.util.function.Supplier<String> baseUrl, Clock clock) {
        this.transactions = transactions;
        this.reports = reports;
        this.tickets = tickets;
        this.notices = notices;
        this.participation = participation;
        this.outbox = outbox;
        this.tracker = tracker;
        this.forum = forum;
        this.audit = audit;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.similar = new SimilarWishes(reports, tickets);
    }

    /** The wishes and open tickets most like {@code text}, best first, at most {@code limit}. */
    public List<Match> similar(String text, int limit) {
        return similar.to(text, limit);
    }

    /** What any of these new wishes resembles: the best few of each, each wish or ticket once (as a report asks). */
    public List<Match> similarToAny(List<String> texts) {
        return similar.toAny(texts);
    }

    public Wish wish(long id) {
        return reports.wishes(List.of(id)).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("wish.unknown", id));
    }

    /** Where a user stands with a wish: backing it (a +1 in one of their reports), and following it to be told when it ships. */
    public record Interest(boolean backs, boolean follows) {
    }

    public Interest interest(long wishId, String userId) {
        return new Interest(reports.supporters(wishId).contains(userId), notices.follows(wishId, userId));
    }

    /**
     * The user follows the wish from its page: told when it ships, as its supporters are, without backing it
     * (no points, not counted). A wish that shipped already is not followed. True if they did not follow it before.
     */
    public boolean follow(long wishId, String userId) {
        if (wish(wishId).fulfilled()) {
            throw RuleViolation.conflict("wish.fulfilled", wishId);
        }
        return notices.follow(wishId, userId, clock.instant());
    }

    /** The user stops following the wish; a +1 they gave stays. True if they followed it. */
    public boolean unfollow(long wishId, String userId) {
        wish(wishId);
        return notices.unfollow(wishId, userId);
    }

    /** An engineer says the wish is this ticket: its supporters follow it, and the ticket links back to the wish. */
    public Wish link(long wishId, String ticketKey, String actor) {
        String key = ticketKey == null ? "" : ticketKey.strip().toUpperCase(java.util.Locale.ROOT);
        if (!KEY.matcher(key).matches()) {
            throw RuleViolation.invalid("feature.key.invalid", String.valueOf(ticketKey));
        }
        Wish wish = wish(wishId);
        if (wish.fulfilled()) {
            throw RuleViolation.conflict("wish.fulfilled", wishId);
        }
        transactions.inTransaction(() -> {
            reports.linkTicket(wishId, key);
            if (wish.authored()) {
                participation.grant(wish.authorId(), ParticipationKind.WISH_LINKED, "wish:" + wishId, clock.instant());
            }
            if (tracker.enabled()) {
                outbox.enqueue(LINK, wishId + "/" + key, clock.instant());
            }
            audit.record(new AuditEntry(clock.instant(), actor, "wish.link", "wish:" + wishId, key));
            return null;
        });
        return wish(wishId);
    }

    /** An engineer has a ticket created from the wish (through the outbox); it is linked once created. */
    public void fileTicket(long wishId, String actor) {
        if (!tracker.enabled()) {
            throw RuleViolation.invalid("tracker.off");
        }
        Wish wish = wish(wishId);
        if (wish.linked()) {
            throw RuleViolation.conflict("wish.linked", wishId, wish.ticketKey());
        }
        transactions.inTransaction(() -> {
            outbox.enqueue(FILE, String.valueOf(wishId), clock.instant());
            audit.record(new AuditEntry(clock.instant(), actor, "wish.file", "wish:" + wishId, wish.text()));
            return null;
        });
    }

    /** Whether a ticket is being created for the wish right now (the outbox holds the task). */
    public boolean filing(long wishId) {
        return outbox.find(FILE, String.valueOf(wishId)).map(t -> t.state() != OutboxStore.State.DONE).orElse(false);
    }

    /** Outbox handler of {@link #FILE}. */
    public void deliverFile(String ref) {
        long wishId = Long.parseLong(ref);
        Wish wish = wish(wishId);
        String key = tracker.fileWish(toTicket(wish));
        if (!wish.linked()) {
            transactions.inTransaction(() -> {
                reports.linkTicket(wishId, key);
                if (wish.authored()) {
                    participation.grant(wish.authorId(), ParticipationKind.WISH_LINKED, "wish:" + wishId,
                            clock.instant());
                }
                return null;
            });
        }
        tracker.linkWish(toTicket(wish), key);
    }

    /** Outbox handler of {@link #LINK}. */
    public void deliverLink(String ref) {
        String[] parts = ref.split("/");
        Wish wish = wish(Long.parseLong(parts[0]));
        tracker.linkWish(toTicket(wish), parts[1]);
    }

    private WishTicket toTicket(Wish wish) {
        return new WishTicket(wish.id(), wish.text(), wish.supporters(), wishPage(wish.id()));
    }

    public String wishPage(long wishId) {
        return baseUrl.get() + "/wishes/" + wishId;
    }

    /**
     * The tracker's webhook says a ticket changed. The message is only a signal: the ticket is read
     * from the tracker itself (through the outbox, off the request) before anyone is credited, so a
     * forged or replayed message can at most make Popcorn read a ticket once more. Signals that
     * arrive while a read is waiting collapse into that read.
     */
    public void ticketReported(String ticketKey) {
        if (ticketKey == null || !KEY.matcher(ticketKey).matches()) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "webhook.malformed", "the issue has no valid key");
        }
        Instant now = clock.instant();
        outbox.enqueueOrRearm(READ, ticketKey, now, now);
    }

    /** Outbox handler of {@link #READ}: the ticket as the tracker has it now; a ticket no longer there changes nothing. */
    public void deliverRead(String ticketKey) {
        tracker.find(List.of(ticketKey)).stream().findFirst().ifPresent(this::ticketChanged);
    }

    /**
     * The tracker says a ticket changed. Popcorn's copy of a ticket it knows is updated (one it does not know and no
     * wish stands for is left alone); when the ticket is done, each
     * wish linked to it is fulfilled and its supporters are told (on the forum too, where there is
     * one) and earn points, once however
     * often the tracker repeats itself. Answers how many supporters were told.
     */
    public int ticketChanged(Ticket ticket) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            if (tickets.find(ticket.key()).isEmpty() && reports.unfulfilledWishesOf(ticket.key()).isEmpty()) {
                // A ticket fans were never shown (not a feature, not found by the wish query, no wish of it) is not
                // kept: its summary would surface in matches and a backed key would tell which keys are open.
                return 0;
            }
            tickets.save(ticket, now);
            if (!ticket.done()) {
                return 0;
            }
            int told = 0;
            String shipsIn = String.join(", ", ticket.fixVersions());
            for (Wish wish : reports.unfulfilledWishesOf(ticket.key())) {
                if (!reports.fulfil(wish.id(), now)) {
                    continue;
                }
                if (forum.enabled()) {
                    outbox.enqueue(ForumThreads.WISH, wish.id() + "/" + ticket.key(), now);
                }
                List<String> supporters = reports.supporters(wish.id());
                for (String user : supporters) {
                    if (notices.add(new WishNotice(user, wish.id(), wish.text(), ticket.key(), shipsIn, now))) {
                        told++;
                    }
                    // The one who asked first earns more than those who joined in.
                    participation.grant(user, user.equals(wish.authorId()) ? ParticipationKind.WISH_AUTHOR_SHIPPED
                            : ParticipationKind.WISH_FULFILLED, "wish:" + wish.id(), now);
                }
                // Those who only follow it are told too, and earn nothing.
                for (String user : notices.followers(wish.id())) {
                    if (!supporters.contains(user)
                            && notices.add(new WishNotice(user, wish.id(), wish.text(), ticket.key(), shipsIn, now))) {
                        told++;
                    }
                }
            }
            return told;
        });
    }

    public List<WishNotice> notices(String userId) {
        return notices.of(userId, 10);
    }
}
