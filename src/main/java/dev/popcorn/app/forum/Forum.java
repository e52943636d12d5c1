package dev.popcorn.app.forum;

import dev.popcorn.app.Announcement;
import dev.popcorn.app.Check;
import java.util.List;
import java.util.Optional;

/**
 * The forum where users meet Popcorn (Discourse): the week's release thread and poll thread,
 * the approved winner announcement with the card and the members' photos, private follow-ups,
 * and the badges and groups that mirror participation. Every write is safe to repeat, because
 * the outbox repeats a write whose answer it never saw: a thread is found by its key before one
 * is created. Failures that may pass are thrown as {@link DeliveryFailure}.
 */
public interface Forum {

    /** A thread Popcorn keeps on the forum, named by a key that stays the same however often it is edited. */
    /**
     * A thread Popcorn keeps on the forum under {@code key}; {@code database} names the database that writes it
     * (its topic carries it, so another database's topic of the same key is not written over; empty: no check).
     */
    record Thread(String key, String title, String text, String database) {
    }

    /** Where a thread is on the forum: its topic, its first post (the one Popcorn edits) and its address. */
    record Posted(long topicId, long postId, String url) {
    }

    boolean enabled();

    /**
     * Creates the thread, or when it exists (known from an earlier delivery, or found on the forum
     * by its key) replaces the text of its first post; answers where it is.
     */
    Posted publish(Thread thread, Optional<Posted> known);

    /**
     * Posts the announcement as a thread of its own named {@code key}, with the card and every photo
     * it shows uploaded to the forum. When a thread of that key exists already, it is left as it is.
     */
    Posted announceWinners(String key, Announcement announcement);

    /** Whether winners are recognised on the forum (a badge or a group is configured). */
    default boolean recognises() {
        return grantsBadge() || joinsGroup();
    }

    /** Whether a winners' badge is configured. */
    boolean grantsBadge();

    /** Whether a winners' group is configured. */
    boolean joinsGroup();

    /**
     * Grants the configured badge to one forum user. {@code reason} must be the address of a topic or
     * post on this forum (Discourse refuses any other with 400); holding the badge already is fine.
     */
    void grantBadge(String username, String reason);

    /** Adds these forum users to the configured winners' group; members already are fine. */
    void joinWinners(List<String> usernames);

    /**
     * Puts one forum user in each of {@code join} and takes them out of each of {@code leave}, as far as
     * the forum says they are not already so, after one look at the user; a repeat changes nothing. A user
     * or group the forum does not have is a refusal no retry fixes.
     */
    void mirrorGroups(String username, List<String> join, List<String> leave);

    /**
     * Grants the forum badge {@code badgeId} to one forum user unless they hold it already (so a badge
     * the forum allows to be granted many times is still granted once).
     */
    void grantForumBadge(String username, long badgeId);

    /** Sends a private message, once for {@code key}, to these forum users. */
    void tell(String key, List<String> usernames, String title, String text);

    /** Checks the connection: the key, the category, uploads, and the sign-in secret. */
    List<Check> check();

    static Forum none() {
        return new Forum() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Posted publish(Thread thread, Optional<Posted> known) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public Posted announceWinners(String key, Announcement announcement) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public boolean grantsBadge() {
                return false;
            }

            @Override
            public boolean joinsGroup() {
                return false;
            }

            @Override
            public void grantBadge(String username, String reason) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public void joinWinners(List<String> usernames) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public void mirrorGroups(String username, List<String> join, List<String> leave) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public void grantForumBadge(String username, long badgeId) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public void tell(String key, List<String> usernames, String title, String text) {
                throw new IllegalStateException("no forum is configured");
            }

            @Override
            public List<Check> check() {
                return List.of(new Check("check.forum.off", false, List.of()));
            }
        };
    }
}
