package dev.popcorn.app.award;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The award's scheduled work: opens drafts at their opening time and records the close of polls
 * whose closing time passed (the result then waits for a lead). It runs on the one instance that
 * holds the database lease; each step is also a conditional update, so even two instances that
 * both believed they held the lease would open or close a poll once. Run at start-up, it closes
 * the polls whose time passed while no instance was running.
 */
public final class AwardSchedule {

    /** What one run did. */
    public record Run(boolean leader, List<Long> opened, List<Long> closed, List<Long> waiting) {
    }

    /** The actor named in the audit log for what the schedule does. */
    public static final String ACTOR = "schedule";
    static final String LEASE = "award-schedule";

    private final Transactions transactions;
    private final PollStore polls;
    private final LeaseStore leases;
    private final AuditLog audit;
    private final Tally tally;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    public AwardSchedule(Transactions transactions, PollStore polls, LeaseStore leases, AuditLog audit, Tally tally,
            Clock clock, String owner, Duration lease) {
        this.transactions = transactions;
        this.polls = polls;
        this.leases = leases;
        this.audit = audit;
        this.tally = tally;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
    }

    public Run run() {
        Instant now = clock.instant();
        if (!leases.acquire(LEASE, owner, now, now.plus(lease))) {
            return new Run(false, List.of(), List.of(), List.of());
        }
        List<Long> opened = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (Poll poll : polls.dueToOpen(now)) {
            if (poll.activeCandidates().size() < 2) {
                // The dashboard shows why it waits; a lead adds candidates and it opens on the next run.
                waiting.add(poll.id());
            } else if (transactions.inTransaction(() -> opened(poll, now))) {
                opened.add(poll.id());
            }
        }
        List<Long> closed = new ArrayList<>();
        for (Poll poll : polls.dueToClose(now)) {
            if (transactions.inTransaction(() -> closed(poll, now))) {
                closed.add(poll.id());
            }
        }
        return new Run(true, opened, closed, waiting);
    }

    /** Gives the lease up on a clean shutdown, so that a restart or another instance goes on at once. */
    public void stop() {
        leases.release(LEASE, owner);
    }

    private boolean opened(Poll poll, Instant now) {
        if (!polls.markOpened(poll.id(), now)) {
            return false;
        }
        audit.record(new AuditEntry(now, ACTOR, "poll.open", "poll:" + poll.id(), "closes " + poll.closesAt())
                .noted("closes", poll.closesAt()));
        return true;
    }

    private boolean closed(Poll poll, Instant now) {
        if (!polls.markClosed(poll.id(), now)) {
            return false;
        }
        PollResult result = tally.of(poll);
        String leading = String.join(", ", result.winners().stream().map(s -> s.candidate().title()).toList());
        String leadingZh = String.join(", ", result.winners().stream()
                .map(s -> s.candidate().titleFor(java.util.Locale.SIMPLIFIED_CHINESE)).toList());
        audit.record(new AuditEntry(now, ACTOR, "poll.close", "poll:" + poll.id(), result.ballots() + " ballots"
                + (leading.isEmpty() ? "" : "; leading: " + leading) + "; waiting for a lead's review")
                .noted(leading.isEmpty() ? "closed" : "closed.leading", result.ballots(), leading, leadingZh));
        return true;
    }
}
