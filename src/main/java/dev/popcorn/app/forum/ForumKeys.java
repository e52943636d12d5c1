package dev.popcorn.app.forum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys that name Popcorn's threads and messages on the forum (the topic's {@code external_id},
 * ADR 8), each carrying the installation id ({@code server.installation-id}): two installations
 * on one forum (production and staging, a reinstall with a fresh data folder) never find, edit or
 * leave alone each other's topics. {@code popcorn-<installation>-release-3}; an installation id
 * too long for Discourse's 50 characters of {@code external_id} is shortened to a digest of it.
 *
 * <p>Versions before installation ids wrote {@code popcorn-release-3} ({@link #legacy}); only a
 * thread this database remembers under such a key is taken as this installation's (ADR 13).
 */
public final class ForumKeys {

    /** Discourse's limit on a topic's {@code external_id} ({@code Topic::EXTERNAL_ID_MAX_LENGTH}, app/models/topic.rb). */
    public static final int MAX_LENGTH = 50;

    private final String installation;

    /** {@code installation}: letters, digits and '-'; empty writes the keys of versions before installation ids. */
    public ForumKeys(String installation) {
        this.installation = installation == null ? "" : installation;
    }

    public String release(long releaseId) {
        return key("release-" + releaseId);
    }

    public String poll(long pollId) {
        return key("poll-" + pollId);
    }

    public String award(long pollId) {
        return key("award-" + pollId);
    }

    /** The {@code n}-th private message telling a wish's supporters it was done. */
    public String wish(long wishId, int n) {
        return key("wish-" + wishId + "-" + n);
    }

    /** The private message telling a fan of their standing notice {@code noticeId} (a promotion or a new badge tier). */
    public String notice(long noticeId) {
        return key("notice-" + noticeId);
    }

    /**
     * The private message reminding one fan to report on a release: the user's id as it is when it is short and plain,
     * else a digest of it, so the key stays within the forum's 50 characters.
     */
    public String reminder(long releaseId, String userId) {
        String user = userId.matches("[A-Za-z0-9_]{1,12}") ? userId : digest(userId);
        return key("remind-" + releaseId + "-" + user);
    }

    /** The key a version before installation ids gave the same thread ({@code popcorn-release-3}). */
    public static String legacy(String kind, long id) {
        return "popcorn-" + kind + "-" + id;
    }

    private String key(String rest) {
        if (installation.isEmpty()) {
            return "popcorn-" + rest;
        }
        String key = "popcorn-" + installation + "-" + rest;
        return key.length() <= MAX_LENGTH ? key : "popcorn-" + digest(installation) + "-" + rest;
    }

    private static String digest(String installation) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(installation.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
