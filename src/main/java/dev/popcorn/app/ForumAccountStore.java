package dev.popcorn.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The forum accounts behind the names team members carry ({@code Member.userId}, the member's
 * forum user name): for each name, whether the forum has such a user, its forum id and the
 * Popcorn user it is (a forum user's Popcorn id is their forum id, ADR 8). Recognition, the
 * own-team voting rule and participation mirroring read it; the background, sign-ins and the
 * forum's webhooks keep it up to date. Names compare case-insensitively, as on Discourse.
 */
public interface ForumAccountStore {

    /** What the forum said about a name when it was last asked. */
    enum State {
        /** The forum has this user. */
        LINKED,
        /** The forum answered that it has no user of this name. */
        MISSING,
        /** The forum could not be asked (not configured, did not answer); {@code problem} says why. */
        UNAVAILABLE
    }

    /**
     * A member's name and what stands behind it. {@code forumId}, {@code forumUsername} (the name as
     * the forum spells it) and {@code userId} are set only when {@link State#LINKED}.
     */
    record Account(String name, State state, Long forumId, String forumUsername, String userId, String problem,
            Instant checkedAt) {
        public Account {
            problem = problem == null ? "" : problem.length() > 500 ? problem.substring(0, 500) : problem;
        }

        /** A name the forum has: its user's forum id, the name as the forum spells it, and their Popcorn id. */
        public static Account linked(String name, Long forumId, String forumUsername, String userId, Instant at) {
            return new Account(name, State.LINKED, forumId, forumUsername, userId, "", at);
        }

        public boolean linked() {
            return state == State.LINKED;
        }
    }

    /** The account behind a name, compared case-insensitively. */
    Optional<Account> find(String name);

    List<Account> all();

    /** Records what the forum said about the name, replacing what was known. */
    void save(Account account);

    /** Forgets a name (it is asked about again). */
    void forget(String name);

    /** The accounts linked to this forum user id (a user renamed on the forum may appear under an old name). */
    List<Account> byForumId(long forumId);

    /** The member names linked to this Popcorn user, as the members carry them. */
    List<String> namesOf(String userId);
}
