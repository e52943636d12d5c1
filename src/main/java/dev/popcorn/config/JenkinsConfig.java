package dev.popcorn.config;

import dev.popcorn.domain.BuildRule;

/**
 * How Jenkins reaches Popcorn: the token its Notification plugin (or a pipeline) proves it knows,
 * and the rule saying which build opens the week's release. The webhook is on when the token is
 * set. {@code toString} never shows the token.
 */
public record JenkinsConfig(String token, BuildRule rule) {

    public boolean enabled() {
        return !token.isEmpty();
    }

    @Override
    public String toString() {
        return enabled() ? "Jenkins webhook on: " + rule : "Jenkins webhook off";
    }
}
