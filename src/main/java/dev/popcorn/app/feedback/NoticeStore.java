package dev.popcorn.app.feedback;

import dev.popcorn.domain.feedback.WishNotice;
import java.time.Instant;
import java.util.List;

/** What Popcorn tells a user about their wishes. */
public interface NoticeStore {

    /** Keeps the notice unless the user was told about this wish already; true if it was new. */
    boolean add(WishNotice notice);

    /** The user's latest notices, newest first. */
    List<WishNotice> of(String userId, int limit);

    /** The user follows the wish: told when it ships, without backing it. True if they did not follow it before. */
    boolean follow(long wishId, String userId, Instant at);

    /** The user no longer follows the wish; true if they did. */
    boolean unfollow(long wishId, String userId);

    /** Whether the user follows the wish. */
    boolean follows(long wishId, String userId);

    /** The users who follow the wish, in user order. */
    List<String> followers(long wishId);
}
