package dev.popcorn.app.feedback;

import dev.popcorn.domain.WishNotice;
import java.util.List;

/** What Popcorn tells a user about their wishes. */
public interface NoticeStore {

    /** Keeps the notice unless the user was told about this wish already; true if it was new. */
    boolean add(WishNotice notice);

    /** The user's latest notices, newest first. */
    List<WishNotice> of(String userId, int limit);
}
