package dev.popcorn.app.forum;

import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.domain.User;
import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.Badge;
import dev.popcorn.domain.participation.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's participation standing mirrored to the forum (issue 16, item 8): each level is a forum
 * group ({@code forum.level-groups}), each badge tier a forum badge ({@code forum.badge-ids}). The
 * level service calls {@link #levelChanged} and {@link #badgeGranted} inside its own transaction, so
 * the outbox task is filed if and only if the change is kept; the deliveries are outbox tasks, paced
 * like every forum request and retried with the outbox's backoff.
 *
 * <p>A level delivery does not replay the change it was filed for: it reads the level the user stands
 * at now and makes the forum agree (in that level's group, in no other mapped group), so deliveries
 * that race or come late converge on the latest level. A user with no forum account yet (never signed
 * in through the forum) cannot be mirrored: the task is marked failed with that reason, and made
 * pending again when they sign in through the forum ({@link #signedIn}).
 */
public final class StandingMirror implements Standing.Mirror {

    /** The user's forum groups made to match their level now; ref {@code <user id>/<epoch ms of the change>}. */
    public static final String LEVEL = "level.group";
    /** One badge tier granted on the forum; ref {@code <user id>/<badge key>}, e.g. {@code 42/reports.gold}. */
    public static final String BADGE = "badge.forum";
    /**
     * A forgotten user taken out of every group Popcorn mirrors to (ADR 0030); ref: their anonymous id, whose row keeps
     * the forum user name until this is delivered.
     */
    public static final String FAREWELL = "forum.farewell";
    /** The advice shown beside a task parked for want of a forum account. */
    public static final String NO_ACCOUNT = "outbox.advice.forumAccount";

    /** How often a delivery tries again at once when the level changed while it was mirroring. */
    private static final int CONVERGE_ROUNDS = 3;

    private final Forum forum;
    private final ForumMirrorMap map;
    private final ForumLevelStore levels;
    private final UserStore users;
    private final OutboxStore outbox;
    private final boolean tellNotices;
    private final Clock clock;

    public StandingMirror(Forum forum, ForumMirrorMap map, ForumLevelStore levels, UserStore users, OutboxStore outbox,
            Clock clock) {
        this(forum, map, levels, users, outbox, false, clock);
    }

    /** {@code tellNotices}: a fan's standing notices are also told in a private message ({@code forum.standing-messages}). */
    public StandingMirror(Forum forum, ForumMirrorMap map, ForumLevelStore levels, UserStore users, OutboxStore outbox,
            boolean tellNotices, Clock clock) {
        this.tellNotices = tellNotices;
        this.forum = forum;
        this.map = map;
        this.levels = levels;
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A user moved from level {@code from} to {@code to} (call inside the transaction that stores it).
     * Files a delivery when the forum is on and either level has a group; otherwise does nothing.
     */
    @Override
    public void levelChanged(String userId, Level from, Level to) {
        if (!forum.enabled() || userId == null || userId.isBlank()) {
            return;
        }
        if (map.groupOf(from.id()).isEmpty() && map.groupOf(to.id()).isEmpty() && map.earlyAccessGroup().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // A ref per change: every change is delivered after it is committed, so the last one sees the latest level.
        outbox.enqueueOrRearm(LEVEL, userId + "/" + now.toEpochMilli(), now, now);
    }

    /**
     * A user was granted a badge tier (call inside the transaction that stores it). Files its delivery,
     * once per user and tier, when the forum is on and the tier has a forum badge.
     */
    @Override
    public void badgeGranted(String userId, Badge.Earned badge) {
        if (!forum.enabled() || userId == null || userId.isBlank() || map.badgeIdOf(badge).isEmpty()) {
            return;
        }
        outbox.enqueue(BADGE, userId + "/" + badge.key(), clock.instant());
    }

    /**
     * A notice of the user's standing was written (call inside the transaction that writes it): files its private
     * message ({@link FanMessages#NOTICE}), once per notice, when they are told on the forum and the user has a forum
     * account. A fan with none is not told later: old news would arrive all at once at their first sign-in.
     */
    @Override
    public void noticed(String userId, long noticeId) {
        if (!tellNotices || !forum.enabled() || userId == null || userId.isBlank()) {
            return;
        }
        if (users.find(userId).map(User::forumUsername).filter(n -> n != null && !n.isBlank()).isEmpty()) {
            return;
        }
        outbox.enqueue(FanMessages.NOTICE, userId + "/" + noticeId, clock.instant());
    }

    /**
     * The user asked to join the early-access group (their level holds the right): files the delivery
     * that puts them in it. Refused when no forum or no early-access group is configured.
     */
    @Override
    public void joinEarlyAccess(String userId) {
        if (!forum.enabled() || map.earlyAccessGroup().isEmpty()) {
            throw dev.popcorn.domain.RuleViolation.conflict("earlyAccess.off");
        }
        Instant now = clock.instant();
        // One task per user for joining: asking again while it waits changes nothing.
        outbox.enqueueOrRearm(LEVEL, userId + "/early-access", now, now);
    }

    /**
     * The user signed in through the forum, so they have a forum account now: their deliveries that
     * were parked for want of one are made pending again. Answers how many.
     */
    public int signedIn(String userId) {
        if (!forum.enabled() || userId == null || userId.isBlank()) {
            return 0;
        }
        Instant now = clock.instant();
        return outbox.rearmFailed(LEVEL, userId + "/", now) + outbox.rearmFailed(BADGE, userId + "/", now);
    }

    /**
     * A user was forgotten (call inside the erasure's transaction): files the delivery that takes their forum account out
     * of every level and early-access group, so the forum stops showing their Popcorn standing. Answers whether one was
     * filed: not when the forum is off, no group is mirrored, or they have no forum account.
     */
    public boolean forgotten(String anonymousId) {
        if (!forum.enabled() || (map.groups().isEmpty() && map.earlyAccessGroup().isEmpty())) {
            return false;
        }
        if (users.find(anonymousId).map(User::forumUsername).filter(n -> n != null && !n.isBlank()).isEmpty()) {
            return false;
        }
        outbox.enqueue(FAREWELL, anonymousId, clock.instant());
        return true;
    }

    /**
     * The outbox handler of {@link #FAREWELL}: out of every mapped group, into none; then the forum user name is dropped,
     * the last thing that named the person. A retry after that finds no name and has nothing left to do.
     */
    public void deliverFarewell(String anonymousId) {
        Optional<String> username = users.find(anonymousId).map(User::forumUsername)
                .filter(n -> n != null && !n.isBlank());
        if (username.isEmpty()) {
            return;
        }
        if (forum.enabled()) {
            List<String> leave = new java.util.ArrayList<>(map.groups());
            map.earlyAccessGroup().ifPresent(leave::add);
            if (!leave.isEmpty()) {
                forum.mirrorGroups(username.get(), List.of(), leave);
            }
        }
        users.dropForumUsername(anonymousId);
    }

    /**
     * The outbox handler of {@link #LEVEL}: puts the user in the group of the level they are at now and
     * takes them out of every other mapped group. Sends nothing where the forum already agrees.
     */
    public void deliverLevel(String ref) {
        String userId = ref.substring(0, ref.lastIndexOf('/'));
        if (!forum.enabled() || (map.groups().isEmpty() && map.earlyAccessGroup().isEmpty())) {
            return;
        }
        String username = forumUsername(userId);
        for (int round = 0; round < CONVERGE_ROUNDS; round++) {
            String level = currentLevel(userId);
            List<String> join = new ArrayList<>();
            List<String> leave = new ArrayList<>();
            Optional<String> levelGroup = map.groupOf(level);
            levelGroup.ifPresent(join::add);
            map.groups().stream().filter(g -> !levelGroup.filter(g::equals).isPresent()).forEach(leave::add);
            // The early-access group: in while the user asked and the level holds the right, out otherwise.
            if (map.earlyAccessGroup().isPresent()) {
                Optional<String> early = map.earlyAccessFor(map.ladder().levelOrFirst(level),
                        levels.earlyAccess(userId));
                early.ifPresentOrElse(join::add, () -> leave.add(map.earlyAccessGroup().get()));
            }
            // One look at the user on the forum for both: its rate budget is shared by every installation's calls.
            forum.mirrorGroups(username, join, leave);
            if (currentLevel(userId).equals(level)) {
                return;
            }
        }
        throw new DeliveryFailure("the level of " + userId + " kept changing while it was mirrored", true, null, null);
    }

    /** The outbox handler of {@link #BADGE}: the mapped forum badge, unless the user holds it on the forum already. */
    public void deliverBadge(String ref) {
        int slash = ref.lastIndexOf('/');
        String userId = ref.substring(0, slash);
        Badge.Earned badge = Badge.Earned.parse(ref.substring(slash + 1));
        Optional<Long> badgeId = map.badgeIdOf(badge);
        if (!forum.enabled() || badgeId.isEmpty()) {
            // No longer mapped (the configuration changed since): nothing to grant.
            return;
        }
        forum.grantForumBadge(forumUsername(userId), badgeId.get());
    }

    /** The level id the user stands at now: the stored one, or the ladder's first (no row, or an id no longer on it). */
    private String currentLevel(String userId) {
        return levels.level(userId).map(ForumLevelStore.Stored::level).map(id -> map.ladder().levelOrFirst(id).id())
                .orElse(map.ladder().first().id());
    }

    /** The user's forum user name; a failure no retry fixes (parked, with advice) while they have none. */
    private String forumUsername(String userId) {
        return users.find(userId).map(User::forumUsername).filter(n -> n != null && !n.isBlank())
                .orElseThrow(() -> new DeliveryFailure("user " + userId + " has no forum account yet (never signed in"
                        + " through the forum); sent again when they do", false, null, null, NO_ACCOUNT));
    }
}
