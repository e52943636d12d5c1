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
        long winnerBadgeId, String winnersGroup, Duration leadCheck, String titlePrefix) {

    public DiscourseConfig {
        leadGroups = List.copyOf(leadGroups);
    }

    /** The discourse.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("discourse.url", "",
                    "the forum's base URL, e.g. https://forum.example.com (empty: no forum)"),
            Key.secret("discourse.api-key", "",
                    "admin API key Popcorn posts with (secret; empty: Popcorn posts nothing)"),
            Key.of("discourse.api-username", "system",
                    "the forum user Popcorn posts as"),
            Key.of("discourse.category-id", "",
                    "id of the category the release, poll and award threads go to"
                            + " (required with an API key)"),
            Key.of("discourse.requests-per-minute", "60",
                    "most requests per minute Popcorn sends to the forum"
                            + " (admin keys share 60 by default)"),
            Key.of("discourse.timeout-seconds", "20",
                    "how long one forum request may take"),
            Key.secret("discourse.connect-secret", "",
                    "DiscourseConnect provider secret, as in the forum's"
                            + " discourse connect provider secrets (secret; empty: no sign-in through the forum)"),
            Key.of("discourse.nonce-minutes", "10",
                    "how long a sign-in round trip through the forum may take"),
            Key.of("discourse.lead-groups", "",
                    "forum groups whose members sign in as team leads, comma separated"),
            Key.of("discourse.lead-check-minutes", "15",
                    "how often the forum is asked whether each lead is still in a lead group (needs discourse.api-key)"),
            Key.secret("discourse.webhook-secret", "",
                    "secret of the forum's webhook to /api/v1/hooks/discourse"
                            + " (secret; empty: forum webhooks are refused)"),
            Key.of("discourse.winner-badge-id", "",
                    "id of a forum badge granted to the winning teams' members"
                            + " (empty: none)"),
            Key.of("discourse.winners-group", "",
                    "name of a forum group the winning teams' members join"
                            + " (empty: none)"),
            Key.of("discourse.title-prefix", "",
                    "words before the title of every topic Popcorn starts, e.g. [Staging]: needed when a second"
                            + " installation posts to the same forum, which refuses two topics of one title (empty: none)"));

    /** Reads the discourse.* keys; the forum is off without {@code discourse.url}. */
    public static DiscourseConfig from(Values v) {
        if (v.text("discourse.url").isEmpty()) {
            for (String key : List.of("discourse.api-key", "discourse.connect-secret", "discourse.category-id",
                    "discourse.webhook-secret")) {
                if (!v.text(key).isEmpty()) {
                    throw new ConfigException(key + " is set but discourse.url is not: which forum is it for?");
                }
            }
            return off();
        }
        URI url = v.httpUrl("discourse.url");
        String apiKey = v.text("discourse.api-key");
        String connectSecret = v.text("discourse.connect-secret");
        if (apiKey.isEmpty() && connectSecret.isEmpty()) {
            throw new ConfigException("discourse.url is set but neither discourse.api-key (for posting) nor"
                    + " discourse.connect-secret (for sign-in) is");
        }
        if (!connectSecret.isEmpty() && connectSecret.length() < 10) {
            throw new ConfigException(
                    "discourse.connect-secret must have at least 10 characters, as the forum requires");
        }
        long category = 0;
        if (!apiKey.isEmpty()) {
            if (v.text("discourse.category-id").isEmpty()) {
                throw new ConfigException(
                        "discourse.category-id is required with discourse.api-key: the id of the category"
                                + " Popcorn's threads go to (the number in the category's address, /c/slug/ID)");
            }
            category = v.integer("discourse.category-id", 1, Integer.MAX_VALUE);
        }
        if (v.text("discourse.api-username").isBlank()) {
            throw new ConfigException("discourse.api-username must name the forum user Popcorn posts as");
        }
        long badge = v.text("discourse.winner-badge-id").isEmpty() ? 0
                : v.integer("discourse.winner-badge-id", 1, Integer.MAX_VALUE);
        return new DiscourseConfig(url, apiKey, v.text("discourse.api-username").strip(), category,
                v.integer("discourse.requests-per-minute", 1, 6000),
                Duration.ofSeconds(v.integer("discourse.timeout-seconds", 1, 600)), connectSecret,
                Duration.ofMinutes(v.integer("discourse.nonce-minutes", 1, 1440)), v.list("discourse.lead-groups"),
                v.text("discourse.webhook-secret"), badge, v.text("discourse.winners-group").strip(),
                Duration.ofMinutes(v.integer("discourse.lead-check-minutes", 1, 1440)), titlePrefix(v));
    }

    private static String titlePrefix(Values v) {
        String prefix = v.text("discourse.title-prefix").strip();
        if (prefix.length() > 40 || prefix.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(
                    "discourse.title-prefix must be one line of at most 40 characters, e.g. [Staging]");
        }
        return prefix;
    }

    /** A topic's title as this installation posts it: with its prefix, where one is configured. */
    public String topicTitle(String title) {
        return titlePrefix.isEmpty() ? title : titlePrefix + " " + title;
    }

    public static DiscourseConfig off() {
        return new DiscourseConfig(null, "", "system", 0, 60, Duration.ofSeconds(20), "", Duration.ofMinutes(10),
                List.of(),
                "", 0, "", Duration.ofMinutes(15), "");
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
