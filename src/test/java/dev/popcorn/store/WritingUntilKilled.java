package dev.popcorn.store;

import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.PointsRules;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The process {@link KillDuringBatchIT} kills: it hands in reports and ballots through the group commit from
 * many threads, as fast as it can, and prints each one the moment it is acknowledged, until it is killed.
 * Arguments: the database URL, the release id, its two feature keys, the poll id, its two candidate ids,
 * the instant it is (the poll open, reports accepted).
 */
final class WritingUntilKilled {

    private WritingUntilKilled() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse(args[7]), ZoneOffset.UTC);
        Store store = Store.open(new Store.Settings(args[0], "", "", 8));
        Ledger ledger = new Ledger(store.participation(), store.transactions(), store.audit(), PointsRules.defaults(),
                WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);
        GroupCommit writer = new GroupCommit(store.transactions(),
                new GroupCommit.Settings(200, Duration.ofMillis(2), 10_000));
        CastBallot ballots = new CastBallot(store.polls(), store.ballots(), ledger,
                dev.popcorn.app.participation.Rights.everyone(),
                store.users(), store.teams(), null, Eligibility.anyone(), writer, clock);
        HandInReport reports = new HandInReport(store.transactions(), store.releases(), store.reports(),
                store.tickets(),
                ledger, dev.popcorn.app.participation.Rights.everyone(), store.audit(), writer, clock);
        long release = Long.parseLong(args[1]);
        long poll = Long.parseLong(args[4]);
        PrintStream out = System.out;
        for (int t = 0; t < 16; t++) {
            int thread = t;
            Thread writing = new Thread(() -> {
                for (int i = 0;; i++) {
                    String user = "u-" + thread + "-" + i;
                    if (i % 2 == 0) {
                        reports.handIn(new ExperienceReport(user, release, List.of(
                                new FeatureVerdict(args[2], Verdict.LIKE, "report " + user),
                                new FeatureVerdict(args[3], Verdict.NOT_GOOD_ENOUGH, "")), List.of(), List.of()));
                        synchronized (out) {
                            out.println("report " + user);
                            out.flush();
                        }
                    } else {
                        Ballot ballot = ballots.cast(user, poll, Long.parseLong(args[5 + i % 4 / 2]));
                        synchronized (out) {
                            out.println("ballot " + user + " " + ballot.candidateId() + " " + ballot.receipt());
                            out.flush();
                        }
                    }
                }
            });
            writing.setDaemon(true);
            writing.start();
        }
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
