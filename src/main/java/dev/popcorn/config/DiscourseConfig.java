package dev.popcorn.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How Popcorn reaches the forum (Discourse): the admin API key it posts with, the category its
 * threads go to, pacing, and the secrets of DiscourseConnect sign-in and of webhooks. Posting is
 * on when {@code url} and {@code apiKey} are set; sign-in when {@code url} and {@code connectSecret}
 * are. {@code toString} never shows a secret.
 */
public record DiscourseConfig(
        URI url, String apiKey, String apiUsername, long categoryId, int requestsPerMinute, Duration timeout,
        String connectSecret, Duration nonceValidity, List<String> leadGroups, String webhookSecret,
        long winnerBadgeId, String winnersGroup) {

    public DiscourseConfig {
        leadGroups = List.copyOf(leadGroups);
    }

    public static DiscourseConfig off() {
        return new DiscourseConfig(null, "", "system", 0, 60, Duration.ofSeconds(20), "", Duration.ofMinutes(10), List.of(),
                "", 0, "");
    }

    /** Whether Popcorn posts to the forum. */
    public boolean posting() {
        return url != null && !apiKey.isEmpty();
    }

    /** Whether users sign in through the forum. */
    public boolean signIn() {
        return url != null && !connectSecret.isEmpty();
    }

    @Override
    public String toString() {
        if (url == null) {
            return "Discourse off";
        }
        return "Discourse " + url + (posting() ? " (posting to category " + categoryId + ")" : "")
                + (signIn() ? " (sign-in)" : "");
    }
}
