package dev.popcorn.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * After the restart, asks the server itself, with each user's own pass, for what it acknowledged
 * before the crash: {@code GET /api/v1/polls/{id}/ballot} (candidate and receipt) and
 * {@code GET /api/v1/releases/{id}/report} (its verdicts). A sample when there are many, since the
 * database is read in full afterwards anyway.
 */
final class Lookups implements LoadGenerator.Workload {

    static final String[] KINDS = {"ballot look-ups", "report look-ups"};

    private final Voting voting;
    private final String host;
    private final List<Object> todo;
    private int next;
    long checked;
    long found;
    long lost;
    long storedUnacknowledged;
    long failed;
    String example;

    Lookups(Voting voting, String host, int sample, long seed) {
        this.voting = voting;
        this.host = host;
        List<Object> acked = new ArrayList<>();
        for (Object user : voting.users) {
            if (user instanceof Voting.Voter v && v.acked() || user instanceof Voting.Reporter r && r.acked) {
                acked.add(user);
            }
        }
        Collections.shuffle(acked, new Random(seed));
        this.todo = acked.subList(0, Math.min(sample, acked.size()));
    }

    @Override
    public LoadGenerator.Request next() {
        if (next >= todo.size()) {
            return null;
        }
        Object user = todo.get(next++);
        Week week = voting.week;
        if (user instanceof Voting.Voter voter) {
            return new LoadGenerator.Request(0,
                    LoadGenerator.request("GET", "/api/v1/polls/" + week.pollId() + "/ballot",
                            host, voting.pass(voter.number), null),
                    user);
        }
        Voting.Reporter reporter = (Voting.Reporter) user;
        return new LoadGenerator.Request(1,
                LoadGenerator.request("GET", "/api/v1/releases/" + week.releaseId() + "/report",
                        host, voting.pass(reporter.number), null),
                user);
    }

    @Override
    public void answered(LoadGenerator.Request request, int status, byte[] body) {
        checked++;
        String json = new String(body, StandardCharsets.UTF_8);
        if (request.tag() instanceof Voting.Voter voter) {
            if (status == 200) {
                long candidate = Long.parseLong(Voting.field(json, "candidateId"));
                if (candidate == voter.ackedCandidate && voter.ackedReceipt.equals(Voting.field(json, "receipt"))) {
                    found++;
                } else if (voter.mayHold(candidate)) {
                    storedUnacknowledged++;
                } else {
                    lost(voting.userId(voter.number) + ": acknowledged " + voter.ackedCandidate + ", the server says "
                            + json);
                }
            } else if (status == 404) {
                lost(voting.userId(voter.number) + ": acknowledged, the server says " + status + " " + json);
            } else {
                failed++;
            }
        } else {
            Voting.Reporter reporter = (Voting.Reporter) request.tag();
            if (status == 200) {
                boolean whole = true;
                for (int f = 0; f < voting.week.features().size(); f++) {
                    whole &= json.contains("\"feature\":\"" + voting.week.features().get(f) + "\",\"verdict\":\""
                            + voting.verdict(reporter.number, f) + "\"");
                }
                if (whole) {
                    found++;
                } else {
                    lost(voting.userId(reporter.number) + ": acknowledged report, the server says " + json);
                }
            } else if (status == 404) {
                lost(voting.userId(reporter.number) + ": acknowledged report, the server says 404 " + json);
            } else {
                failed++;
            }
        }
    }

    private void lost(String why) {
        lost++;
        if (example == null) {
            example = why;
        }
    }

    @Override
    public void unanswered(LoadGenerator.Request request, String why) {
        failed++;
    }

    int size() {
        return todo.size();
    }
}
