package dev.popcorn.bench;

import dev.popcorn.app.identity.Passes;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The award week under load: first ballots of fresh voters ({@code PUT /api/v1/polls/{id}/ballot}
 * with the API pass of a user never seen before), changed ballots of voters whose ballot was
 * acknowledged, and reports of fresh users on the release's three features. Passes are minted here
 * with the server's secret when a fresh user is first needed; a fresh user is never used twice for
 * a first act. Every user's record keeps what the server acknowledged (candidate and receipt) and
 * what was sent since without an acknowledgement, so that what is stored can be checked after a crash.
 */
final class Voting implements LoadGenerator.Workload {

    static final int FIRST = 0;
    static final int CHANGE = 1;
    static final int REPORT = 2;
    static final String[] KINDS = {"first ballots", "ballot changes", "reports"};

    /** A fresh voter: the ballot the server acknowledged last, and the candidates sent since without an acknowledgement. */
    static final class Voter {
        final int number;
        long ackedCandidate = -1;
        String ackedReceipt;
        long[] unacknowledged = new long[0];
        boolean busy;

        Voter(int number) {
            this.number = number;
        }

        boolean acked() {
            return ackedCandidate >= 0;
        }

        boolean mayHold(long candidate) {
            for (long c : unacknowledged) {
                if (c == candidate) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A fresh user who hands in one report. */
    static final class Reporter {
        final int number;
        boolean acked;
        boolean unacknowledged;

        Reporter(int number) {
            this.number = number;
        }
    }

    private record Sent(Voter voter, Reporter reporter, long candidate) {
    }

    final Week week;
    final String prefix;
    private final Passes passes;
    private final String host;
    private final int[] mix;
    private final SplittableRandom random;
    /** Every fresh user by number - 1: a {@link Voter} or a {@link Reporter}. */
    final List<Object> users = new ArrayList<>();
    private final List<Voter> ackedVoters = new ArrayList<>();
    /** Answers that named another user or another candidate than the request they answer. */
    long mismatched;

    /** {@code mix}: percentages of first ballots, ballot changes and reports. */
    Voting(Week week, Passes passes, String host, int[] mix, String prefix, long seed) {
        this.week = week;
        this.passes = passes;
        this.host = host;
        this.mix = mix.clone();
        this.prefix = prefix;
        this.random = new SplittableRandom(seed);
    }

    String userId(int number) {
        String digits = Integer.toString(number);
        return prefix + "0000000".substring(Math.min(7, digits.length())) + digits;
    }

    /** The user's number, or -1 when the id is not one of ours. */
    int number(String userId) {
        if (!userId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(userId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Object user(int number) {
        return number >= 1 && number <= users.size() ? users.get(number - 1) : null;
    }

    String pass(int number) {
        String id = userId(number);
        return passes.issue(Kind.API, id, id, Role.USER, Duration.ofDays(2));
    }

    /** The verdicts user {@code number} gives the three features: fixed by the number, so they can be checked later. */
    String verdict(int number, int feature) {
        return ((number >> feature) & 1) == 0 ? "LIKE" : "NOT_GOOD_ENOUGH";
    }

    @Override
    public LoadGenerator.Request next() {
        int roll = random.nextInt(100);
        if (roll < mix[REPORT]) {
            return report();
        }
        if (roll < mix[REPORT] + mix[CHANGE] && !ackedVoters.isEmpty()) {
            Voter voter = ackedVoters.get(random.nextInt(ackedVoters.size()));
            if (!voter.busy) {
                long candidate = week.candidates()[random.nextInt(week.candidates().length)];
                if (candidate == voter.ackedCandidate) {
                    candidate = week.candidates()[(indexOf(candidate) + 1) % week.candidates().length];
                }
                return ballot(CHANGE, voter, candidate);
            }
        }
        Voter fresh = new Voter(users.size() + 1);
        users.add(fresh);
        return ballot(FIRST, fresh, week.candidates()[random.nextInt(week.candidates().length)]);
    }

    private int indexOf(long candidate) {
        for (int i = 0; i < week.candidates().length; i++) {
            if (week.candidates()[i] == candidate) {
                return i;
            }
        }
        return 0;
    }

    private LoadGenerator.Request ballot(int kind, Voter voter, long candidate) {
        voter.busy = true;
        byte[] bytes = LoadGenerator.request("PUT", "/api/v1/polls/" + week.pollId() + "/ballot", host,
                pass(voter.number),
                "{\"candidate\":" + candidate + "}");
        return new LoadGenerator.Request(kind, bytes, new Sent(voter, null, candidate));
    }

    private LoadGenerator.Request report() {
        Reporter reporter = new Reporter(users.size() + 1);
        users.add(reporter);
        StringBuilder json = new StringBuilder("{\"verdicts\":[");
        for (int f = 0; f < week.features().size(); f++) {
            json.append(f == 0 ? "" : ",").append("{\"feature\":\"").append(week.features().get(f))
                    .append("\",\"verdict\":\"")
                    .append(verdict(reporter.number, f)).append("\"}");
        }
        json.append("]}");
        byte[] bytes = LoadGenerator.request("PUT", "/api/v1/releases/" + week.releaseId() + "/report", host,
                pass(reporter.number), json.toString());
        return new LoadGenerator.Request(REPORT, bytes, new Sent(null, reporter, 0));
    }

    @Override
    public void answered(LoadGenerator.Request request, int status, byte[] body) {
        Sent sent = (Sent) request.tag();
        if (sent.voter() != null) {
            Voter voter = sent.voter();
            voter.busy = false;
            if (status == 200) {
                String json = new String(body, StandardCharsets.UTF_8);
                String receipt = field(json, "receipt");
                String candidate = field(json, "candidateId");
                if (!userId(voter.number).equals(field(json, "userId")) || candidate == null
                        || Long.parseLong(candidate) != sent.candidate() || receipt == null) {
                    mismatched++;
                    unacknowledged(voter, sent.candidate());
                    return;
                }
                boolean first = !voter.acked();
                voter.ackedCandidate = sent.candidate();
                voter.ackedReceipt = receipt;
                voter.unacknowledged = new long[0];
                if (first) {
                    ackedVoters.add(voter);
                }
            } else {
                unacknowledged(voter, sent.candidate());
            }
        } else if (status == 200) {
            String json = new String(body, StandardCharsets.UTF_8);
            String release = field(json, "releaseId");
            if (release == null || Long.parseLong(release) != week.releaseId()) {
                mismatched++;
                sent.reporter().unacknowledged = true;
                return;
            }
            sent.reporter().acked = true;
        } else {
            sent.reporter().unacknowledged = true;
        }
    }

    @Override
    public void unanswered(LoadGenerator.Request request, String why) {
        Sent sent = (Sent) request.tag();
        if (sent.voter() != null) {
            sent.voter().busy = false;
            unacknowledged(sent.voter(), sent.candidate());
        } else {
            sent.reporter().unacknowledged = true;
        }
    }

    private static void unacknowledged(Voter voter, long candidate) {
        long[] more = java.util.Arrays.copyOf(voter.unacknowledged, voter.unacknowledged.length + 1);
        more[more.length - 1] = candidate;
        voter.unacknowledged = more;
    }

    /** A top-level string or number field of a small flat JSON answer, without a parser: the hot path stays cheap. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        while (from < json.length() && json.charAt(from) == ' ') {
            from++;
        }
        if (from < json.length() && json.charAt(from) == '"') {
            int end = json.indexOf('"', from + 1);
            return end < 0 ? null : json.substring(from + 1, end);
        }
        int end = from;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end == from ? null : json.substring(from, end);
    }

    long voters() {
        return users.stream().filter(u -> u instanceof Voter).count();
    }
}
