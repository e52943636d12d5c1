package dev.popcorn.app.identity;

import dev.popcorn.domain.ForumIdentity;
import java.util.List;
import java.util.Optional;

/**
 * The forum as the identity provider (DiscourseConnect): it signs the sign-in request, checks
 * the signed answer, and reads the forum's webhooks about users. Tampered answers are refused
 * with a {@link dev.popcorn.domain.RuleViolation}.
 */
public interface IdentityProvider {

    /** The forum's signed answer: the nonce and return address it was asked with, and who signed in. */
    record Answer(String nonce, String returnUrl, ForumIdentity identity) {
    }

    /**
     * What a forum webhook said about a user (by their external id): any of user name, trust
     * level, all groups, or one group joined or left; null where it said nothing.
     */
    record Change(String externalId, String username, Integer trustLevel, List<String> groups, String joined,
            String left) {
    }

    boolean enabled();

    /** The forum address the browser is sent to, carrying the signed request. */
    String signInUrl(String nonce, String returnUrl);

    /** Checks the signature of the answer ({@code sso}, {@code sig}) and reads it. */
    Answer verify(String sso, String sig);

    /**
     * Reads a webhook body (its signature was checked already) of the given event; empty for an
     * event about something else. A body that is not the forum's webhook is refused as malformed.
     */
    Optional<Change> readWebhook(String event, String body);

    /**
     * The groups of the forum user {@code username} as the forum says now: an empty list when the
     * forum no longer has them, empty when it cannot be asked (no API key, no answer).
     */
    Optional<List<String>> groupsOf(String username);

    static IdentityProvider none() {
        return new IdentityProvider() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public String signInUrl(String nonce, String returnUrl) {
                throw dev.popcorn.domain.RuleViolation.notFound("signin.forum.off");
            }

            @Override
            public Answer verify(String sso, String sig) {
                throw dev.popcorn.domain.RuleViolation.notFound("signin.forum.off");
            }

            @Override
            public Optional<List<String>> groupsOf(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<Change> readWebhook(String event, String body) {
                throw dev.popcorn.domain.RuleViolation.notFound("signin.forum.off");
            }
        };
    }
}
