package dev.popcorn.app.participation;

import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The notices of a fan's standing: a promotion, whoever made it, and a new badge tier. Each is kept (the banner on the
 * next page, {@code /me}, the API) and handed to the mirror, which may send it as a forum message. A fall is not news.
 */
public final class StandingNotices {

    /** Kinds of {@link StandingStore.Notice}. */
    public static final String PROMOTED = "PROMOTED";
    public static final String BADGE = "BADGE";

    private final StandingStore store;
    private final Standing.Mirror mirror;
    private final Clock clock;

    public StandingNotices(StandingStore store, Standing.Mirror mirror, Clock clock) {
        this.store = store;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** The user's latest notices of promotions and badges, newest first. */
    public List<StandingStore.Notice> notices(String userId, int limit) {
        return store.notices(userId, limit);
    }

    /** The user's notices not told yet, oldest first: told now (a page shows them once). */
    public List<StandingStore.Notice> tellUnseen(String userId) {
        return store.takeUnseen(userId, clock.instant());
    }

    /** The user's level moved (by activity, a lead's lock or the forum's group): a notice if it rose. */
    void levelMoved(String userId, Level from, Level to, Instant at) {
        if (to.rank() > from.rank()) {
            mirror.noticed(userId, store.addNotice(userId, PROMOTED, to.id(), at));
        }
    }

    /** The user was granted a badge tier. */
    void badgeGranted(String userId, Badge.Earned badge, Instant at) {
        mirror.noticed(userId, store.addNotice(userId, BADGE, badge.key(), at));
    }
}
