package dev.popcorn.web.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.popcorn.domain.RuleViolation;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Ballots per minute per identity and per client address (token buckets that refill steadily); the
 * address is the client's as trusted proxies tell it ({@link ClientAddress}), else the socket's.
 * The buckets live in each instance: with several instances behind a balancer an identity gets
 * the limit on each, which still stops a script hammering one of them. Idle buckets are dropped.
 */
public final class RateLimits {

    /** Per minute; 0 turns a limit off. */
    public record Settings(int perIdentity, int perAddress) {
    }

    private final Settings settings;
    private final ClientAddress clients;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> busy = new java.util.concurrent.ConcurrentHashMap<>();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(1_000_000)
            .build();

    public RateLimits(Settings settings, ClientAddress clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** Takes one ballot of the user {@code identity} sending this request from both buckets ({@link #ballot(String, String)}). */
    public void ballot(String identity, io.javalin.http.Context ctx) {
        ballot(identity, clients.of(ctx));
    }

    /**
     * Lets one client do one costly thing at a time ({@code what}: a card to draw): a second one at once from the same
     * address is refused at once ({@code card.busy}, 429 with a few seconds to wait), so one client cannot hold
     * every drawing slot while others wait. Run {@code work} in that turn.
     */
    public <T> T oneAtATime(String what, io.javalin.http.Context ctx, java.util.function.Supplier<T> work) {
        String key = what + ":" + clients.of(ctx);
        if (busy.putIfAbsent(key, Boolean.TRUE) != null) {
            throw RuleViolation.tooMany("card.busy", 2);
        }
        try {
            return work.get();
        } finally {
            busy.remove(key);
        }
    }

    /** Takes one ballot from both buckets, or throws {@code rate.ballots} with the seconds to wait. */
    public void ballot(String identity, String address) {
        take("user:" + identity, settings.perIdentity());
        take("addr:" + address, settings.perAddress());
    }

    private void take(String key, int perMinute) {
        if (perMinute <= 0) {
            return;
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(
                        Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw RuleViolation.tooMany("rate.ballots", seconds);
        }
    }
}
