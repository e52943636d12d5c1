package dev.popcorn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Acknowledged against stored, read from the database itself once the server has stopped: every
 * acknowledged ballot stored with its candidate and receipt (or with a candidate sent after it and
 * never acknowledged), every acknowledged report stored with its three verdicts, no user with two
 * ballots, no grant of points twice, every stored act with its grant and no grant without its act,
 * and every user's total the sum of their unrevoked grants.
 */
final class Reckoning {

    long ackedBallots;
    long ackedReports;
    long storedAcked;
    long lostBallots;
    long lostReports;
    long storedUnacknowledged;
    /** Acknowledged voters whose stored ballot is a change sent later that got no answer (allowed). */
    long storedLaterChange;
    long strangers;
    long storedBallots;
    long storedReports;
    long duplicateBallots;
    long duplicateGrants;
    long actsWithoutGrant;
    long grantsWithoutAct;
    long totalsOff;
    final Map<String, String> examples = new LinkedHashMap<>();

    long lost() {
        return lostBallots + lostReports + actsWithoutGrant;
    }

    long countedTwice() {
        return duplicateBallots + duplicateGrants + grantsWithoutAct + totalsOff + strangers;
    }

    long acknowledged() {
        return ackedBallots + ackedReports;
    }

    static Reckoning of(Connection db, Voting voting) throws SQLException {
        Reckoning r = new Reckoning();
        Week week = voting.week;
        BitSet seenBallot = new BitSet();
        try (PreparedStatement q = db
                .prepareStatement("SELECT user_id, candidate_id, receipt FROM ballots WHERE poll_id = ?")) {
            q.setLong(1, week.pollId());
            q.setFetchSize(10_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    r.storedBallots++;
                    String user = rs.getString(1);
                    int n = voting.number(user);
                    if (!(voting.user(n) instanceof Voting.Voter voter)) {
                        r.strangers++;
                        r.example("a ballot of a user nobody voted as", user);
                        continue;
                    }
                    seenBallot.set(n);
                    long candidate = rs.getLong(2);
                    String receipt = rs.getString(3);
                    if (voter.acked() && candidate == voter.ackedCandidate && receipt.equals(voter.ackedReceipt)) {
                        r.storedAcked++;
                    } else if (voter.mayHold(candidate)) {
                        if (voter.acked()) {
                            r.storedLaterChange++;
                        } else {
                            r.storedUnacknowledged++;
                        }
                    } else if (voter.acked()) {
                        r.lostBallots++;
                        r.example("an acknowledged ballot stored otherwise",
                                user + " acknowledged " + voter.ackedCandidate + "/"
                                        + voter.ackedReceipt + ", stored " + candidate + "/" + receipt);
                    } else {
                        r.strangers++;
                        r.example("a ballot never sent", user + " " + candidate);
                    }
                }
            }
        }
        Map<Integer, Integer> rightVerdicts = new java.util.HashMap<>();
        try (PreparedStatement q = db
                .prepareStatement("SELECT user_id, ticket_key, verdict FROM report_verdicts WHERE release_id = ?")) {
            q.setLong(1, week.releaseId());
            q.setFetchSize(10_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int n = voting.number(rs.getString(1));
                    int feature = week.features().indexOf(rs.getString(2));
                    if (feature >= 0 && voting.user(n) instanceof Voting.Reporter
                            && voting.verdict(n, feature).equals(rs.getString(3))) {
                        rightVerdicts.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        BitSet seenReport = new BitSet();
        try (PreparedStatement q = db.prepareStatement("SELECT user_id FROM reports WHERE release_id = ?")) {
            q.setLong(1, week.releaseId());
            q.setFetchSize(10_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    r.storedReports++;
                    String user = rs.getString(1);
                    int n = voting.number(user);
                    if (!(voting.user(n) instanceof Voting.Reporter reporter)) {
                        r.strangers++;
                        r.example("a report of a user nobody reported as", user);
                        continue;
                    }
                    seenReport.set(n);
                    boolean whole = rightVerdicts.getOrDefault(n, 0) == week.features().size();
                    if (reporter.acked && whole) {
                        r.storedAcked++;
                    } else if (reporter.acked) {
                        r.lostReports++;
                        r.example("an acknowledged report stored without its verdicts", user);
                    } else {
                        r.storedUnacknowledged++;
                    }
                }
            }
        }
        for (int n = 1; n <= voting.users.size(); n++) {
            Object user = voting.user(n);
            if (user instanceof Voting.Voter voter && voter.acked()) {
                r.ackedBallots++;
                if (!seenBallot.get(n)) {
                    r.lostBallots++;
                    r.example("an acknowledged ballot not stored", voting.userId(n));
                }
            } else if (user instanceof Voting.Reporter reporter && reporter.acked) {
                r.ackedReports++;
                if (!seenReport.get(n)) {
                    r.lostReports++;
                    r.example("an acknowledged report not stored", voting.userId(n));
                }
            }
        }
        r.duplicateBallots = count(db,
                "SELECT COUNT(*) FROM (SELECT user_id FROM ballots WHERE poll_id = " + week.pollId()
                        + " GROUP BY user_id HAVING COUNT(*) > 1) d");
        r.duplicateGrants = count(db, "SELECT COUNT(*) FROM (SELECT user_id, kind, ref FROM participation_events"
                + " GROUP BY user_id, kind, ref HAVING COUNT(*) > 1) d");
        String pollRef = "'poll:" + week.pollId() + "'";
        String releaseRef = "'release:" + week.releaseId() + "'";
        r.actsWithoutGrant = count(db, "SELECT COUNT(*) FROM ballots b WHERE b.poll_id = " + week.pollId()
                + " AND NOT EXISTS (SELECT 1 FROM participation_events e WHERE e.user_id = b.user_id AND e.kind = 'BALLOT_CAST'"
                + " AND e.ref = " + pollRef + ")")
                + count(db, "SELECT COUNT(*) FROM reports p WHERE p.release_id = " + week.releaseId()
                        + " AND NOT EXISTS (SELECT 1 FROM participation_events e WHERE e.user_id = p.user_id"
                        + " AND e.kind = 'REPORT_HANDED_IN' AND e.ref = " + releaseRef + ")");
        r.grantsWithoutAct = count(db,
                "SELECT COUNT(*) FROM participation_events e WHERE e.kind = 'BALLOT_CAST' AND e.ref = "
                        + pollRef + " AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.poll_id = " + week.pollId()
                        + " AND b.user_id = e.user_id)")
                + count(db, "SELECT COUNT(*) FROM participation_events e WHERE e.kind = 'REPORT_HANDED_IN' AND e.ref = "
                        + releaseRef + " AND NOT EXISTS (SELECT 1 FROM reports p WHERE p.release_id = "
                        + week.releaseId()
                        + " AND p.user_id = e.user_id)");
        String sums = "(SELECT user_id, SUM(points) AS s FROM participation_events WHERE revoked_at IS NULL GROUP BY user_id)";
        r.totalsOff = count(db, "SELECT COUNT(*) FROM participation_totals t LEFT JOIN " + sums
                + " g ON g.user_id = t.user_id WHERE t.points <> COALESCE(g.s, 0)")
                + count(db,
                        "SELECT COUNT(*) FROM " + sums + " g LEFT JOIN participation_totals t ON t.user_id = g.user_id"
                                + " WHERE t.user_id IS NULL AND g.s <> 0");
        return r;
    }

    private void example(String what, String detail) {
        examples.putIfAbsent(what, detail);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "acknowledged %,d (ballots %,d, reports %,d), stored %,d of them (%,d as"
                        + " acknowledged, %,d replaced by a later change that got no answer), lost %,d, counted twice %,d;"
                        + " stored without an acknowledgement %,d (allowed)",
                acknowledged(), ackedBallots, ackedReports,
                storedAcked + storedLaterChange, storedAcked, storedLaterChange, lost(), countedTwice(),
                storedUnacknowledged);
    }

    String details() {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "lost: ballots %,d, reports %,d, stored acts without their grant %,d; counted twice: users with two ballots %,d,"
                        + " grants given twice %,d, grants without their act %,d, users whose total is not the sum of their grants %,d,"
                        + " acts stored that were never sent %,d; rows: ballots %,d, reports %,d",
                lostBallots, lostReports, actsWithoutGrant, duplicateBallots, duplicateGrants, grantsWithoutAct,
                totalsOff,
                strangers, storedBallots, storedReports));
        examples.forEach((what, detail) -> out.append("\n    e.g. ").append(what).append(": ").append(detail));
        return out.toString();
    }
}
