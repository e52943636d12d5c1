package dev.popcorn.cluster;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.app.identity.Passes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fans voting through the balancer from several threads, each with an API pass signed with the cluster's secret (as
 * `/me` gives one): every fan casts a ballot, every third changes it once, one request after the other. What each
 * fan was told is kept: the ballot acknowledged last (a 200 naming the fan, the candidate and a receipt), and every
 * request whose answer was lost or refused (a reset connection, a 502 or 503 of the balancer). A fan with such a
 * request sends their last choice again until it is acknowledged ({@link #retryUnacknowledged}), as a fan taps
 * Vote again after an error; that is only safe if a ballot sent twice is stored once.
 */
final class BallotLoad {

    /** One fan: their choices in order, what was acknowledged and what was not. */
    static final class Fan {
        final String id;
        final List<Long> choices;
        volatile long ackedCandidate = -1;
        volatile String ackedReceipt;
        volatile int lost;
        volatile boolean pending;

        Fan(String id, List<Long> choices) {
            this.id = id;
            this.choices = choices;
        }

        long lastChoice() {
            return choices.get(choices.size() - 1);
        }
    }

    private final HttpClient http;
    private final Function<String, String> url;
    private final long poll;
    private final Passes passes;
    final List<Fan> fans = new ArrayList<>();
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger unacknowledged = new AtomicInteger();
    /** Answers that did not name the fan or the candidate sent: never expected. */
    final ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    /** Why answers were lost: a status (502, 503) or the exception's class, with how often. */
    final java.util.concurrent.ConcurrentHashMap<String, Integer> lostAs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Statuses other than 200 and the ones a dying instance explains (502, 503): never expected. */
    final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

    BallotLoad(HttpClient http, Function<String, String> url, long poll, long[] candidates, byte[] secret, int count) {
        this.http = http;
        this.url = url;
        this.poll = poll;
        this.passes = new Passes(secret, Clock.systemUTC());
        for (int i = 1; i <= count; i++) {
            long first = candidates[i % candidates.length];
            List<Long> choices = i % 3 == 0 ? List.of(first, candidates[(i + 1) % candidates.length]) : List.of(first);
            fans.add(new Fan(String.format("cluster-fan-%04d", i), choices));
        }
    }

    /** Runs every fan's choices on {@code threads} threads; {@code midway} counts down once a third is acknowledged. */
    void run(int threads, CountDownLatch midway) throws InterruptedException {
        ConcurrentLinkedQueue<Fan> queue = new ConcurrentLinkedQueue<>(fans);
        int third = fans.size() / 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (Fan fan = queue.poll(); fan != null; fan = queue.poll()) {
                    for (long candidate : fan.choices) {
                        send(fan, candidate);
                        if (acknowledged.get() >= third) {
                            midway.countDown();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(40, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the ballot load did not end within 40 s");
        }
        midway.countDown();
    }

    /** Every fan with a request not acknowledged since sends their last choice again, up to three times. */
    int retryUnacknowledged() {
        int retried = 0;
        for (Fan fan : fans) {
            for (int attempt = 0; attempt < 3 && (fan.pending || fan.ackedCandidate != fan.lastChoice()); attempt++) {
                retried++;
                send(fan, fan.lastChoice());
            }
        }
        return retried;
    }

    /** What the fans were last told, fan by fan: the candidate acknowledged. */
    Map<String, Long> acknowledgedBallots() {
        Map<String, Long> acked = new TreeMap<>();
        fans.stream().filter(f -> f.ackedCandidate >= 0).forEach(f -> acked.put(f.id, f.ackedCandidate));
        return acked;
    }

    String pass(String fan) {
        return passes.issue(Passes.Kind.API, fan, fan, Passes.Role.USER, Duration.ofDays(1));
    }

    private void send(Fan fan, long candidate) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply("/api/v1/polls/" + poll + "/ballot")))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + pass(fan.id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"candidate\": " + candidate + "}")).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                JsonObject ballot = JsonParser.parseString(answer.body()).getAsJsonObject();
                if (!fan.id.equals(ballot.get("userId").getAsString())
                        || ballot.get("candidateId").getAsLong() != candidate
                        || !ballot.has("receipt")) {
                    mismatches.add(fan.id + " sent " + candidate + ", answered " + answer.body());
                    lost(fan, "mismatch");
                    return;
                }
                fan.ackedCandidate = candidate;
                fan.ackedReceipt = ballot.get("receipt").getAsString();
                fan.pending = false;
                acknowledged.incrementAndGet();
            } else {
                if (answer.statusCode() != 502 && answer.statusCode() != 503) {
                    refusals.add(fan.id + ": " + answer.statusCode() + " " + answer.body());
                }
                lost(fan, String.valueOf(answer.statusCode()));
            }
        } catch (IOException e) {
            lost(fan, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lost(fan, "interrupted");
        }
    }

    private void lost(Fan fan, String why) {
        lostAs.merge(why, 1, Integer::sum);
        fan.lost++;
        fan.pending = true;
        unacknowledged.incrementAndGet();
    }
}
