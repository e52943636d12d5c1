package dev.popcorn.app.identity;

import dev.popcorn.domain.forum.ForumIdentity;
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

    /**
     * What the forum says about a user name: it has the user (their forum id and the name as the
     * forum spells it), it has none, or it could not be asked ({@code problem} says why).
     */
    record Lookup(dev.popcorn.app.ForumAccountStore.State state, long forumId, String username, String problem) {
        public static Lookup found(long forumId, String username) {
            return new Lookup(dev.popcorn.app.ForumAccountStore.State.LINKED, forumId, username, "");
        }

        public static Lookup missing() {
            return new Lookup(dev.popcorn.app.ForumAccountStore.State.MISSING, 0, null, "");
        }

        public static Lookup unavailable(String problem) {
            return new Lookup(dev.popcorn.app.ForumAccountStore.State.UNAVAILABLE, 0, null, problem);
        }
    }

    boolean enabled();

    /**
     * Looks a user name up on the forum's API ({@code GET /u/{username}.json}); works with an API
     * key even when sign-in through the forum is off. Without one, the forum cannot be asked.
     */
    default Lookup lookUp(String username) {
        return Lookup.unavailable("forum.off");
    }

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
