package dev.popcorn.config;

import dev.popcorn.domain.award.Eligibility;
import dev.popcorn.domain.award.TieRule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Popcorn Award's rules and outlets: the tie rule, who may vote, how fast, which templates
 * and languages the announcement uses, and the chat webhook it goes to (null: none). The webhook
 * URL is a secret: {@code toString} never shows it.
 */
public record AwardConfig(
        TieRule tieRule, Eligibility eligibility, int ballotsPerMinute, int ballotsPerMinutePerAddress,
        Path templateDir, List<String> languages, URI slackWebhook, Duration slackTimeout) {

    /** The award.* and slack.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("award.tie-rule", "shared",
                    "when the most votes are tied: shared (every tied team wins),"
                            + " most-likes (the tied project whose tickets users liked most in the week's reports) or first-to-reach"
                            + " (the tied project that reached the winning count first); a tie-break that ties again shares"),
            Key.of("award.min-points", "0",
                    "participation points a user needs (outside the poll itself) to vote"),
            Key.of("award.min-account-days", "0",
                    "days since a user first signed in before they may vote"),
            Key.of("award.min-trust-level", "0",
                    "forum trust level (0-4) a user needs to vote, where the forum told it"),
            Key.of("award.own-team-votes", "false",
                    "whether team members may vote for their own team's project"),
            Key.of("award.ballots-per-minute", "10",
                    "ballots (and changes) one user may send per minute (0: no limit)"),
            Key.of("award.ballots-per-minute-per-address", "300",
                    "ballots one client address may send per"
                            + " minute (0: no limit; raise it where many users share an address)"),
            Key.of("award.template-dir", "",
                    "folder with announcement.<language>.md templates to use instead of"
                            + " the built-in copies of plugin-resources/templates"),
            Key.of("award.languages", "zh-CN,en",
                    "languages of the announcement, in order (zh-CN, en)"),
            Key.of("award.voter-groups", "",
                    "forum groups whose members may vote, comma separated (empty: anyone);"
                            + " users the forum never vouched for (signed links) are in none"),
            Key.secret("slack.webhook-url", "",
                    "Slack-compatible incoming webhook the approved announcement is"
                            + " posted to (secret; empty: none)"),
            Key.of("slack.timeout-seconds", "10",
                    "how long the chat webhook may take to answer"));

    /** Reads the award.* and slack.* keys. */
    public static AwardConfig from(Values v) {
        TieRule tieRule = v.choice("award.tie-rule", TieRule.class);
        Eligibility eligibility = new Eligibility(
                v.integer("award.min-points", 0, 1_000_000),
                Duration.ofDays(v.integer("award.min-account-days", 0, 3650)),
                v.integer("award.min-trust-level", 0, 4), v.bool("award.own-team-votes"), v.list("award.voter-groups"));
        Path templates = null;
        if (!v.text("award.template-dir").isEmpty()) {
            templates = Path.of(v.text("award.template-dir")).toAbsolutePath();
            if (!Files.isDirectory(templates)) {
                throw new ConfigException("award.template-dir " + templates + " is not a folder");
            }
        }
        List<String> languages = v.list("award.languages");
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.equals("zh-CN") || l.equals("en"))) {
            throw new ConfigException(
                    "award.languages must list zh-CN and/or en, not '" + v.text("award.languages") + "'");
        }
        if (templates != null) {
            for (String language : languages) {
                if (!Files.isReadable(templates.resolve("announcement." + language + ".md"))) {
                    throw new ConfigException(
                            "award.template-dir " + templates + " has no announcement." + language + ".md");
                }
            }
        }
        URI slack = v.text("slack.webhook-url").isEmpty() ? null : v.httpUrl("slack.webhook-url");
        return new AwardConfig(tieRule, eligibility, v.integer("award.ballots-per-minute", 0, 100_000),
                v.integer("award.ballots-per-minute-per-address", 0, 10_000_000), templates, languages, slack,
                Duration.ofSeconds(v.integer("slack.timeout-seconds", 1, 120)));
    }

    public AwardConfig {
        languages = List.copyOf(languages);
    }

    @Override
    public String toString() {
        return "award tie " + tieRule.name().toLowerCase(java.util.Locale.ROOT) + ", chat "
                + (slackWebhook == null ? "off" : "on");
    }
}
