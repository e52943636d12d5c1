package dev.popcorn.config;

import dev.popcorn.domain.Eligibility;
import dev.popcorn.domain.TieRule;
import java.net.URI;
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

    public AwardConfig {
        languages = List.copyOf(languages);
    }

    @Override
    public String toString() {
        return "award tie " + tieRule.name().toLowerCase(java.util.Locale.ROOT) + ", chat " + (slackWebhook == null ? "off" : "on");
    }
}
