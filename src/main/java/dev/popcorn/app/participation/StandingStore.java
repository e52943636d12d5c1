package dev.popcorn.app.participation;

import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.Streak;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user's standing is made of, as the database counts it: the level they stand at (and a
 * lead's lock), the badges they hold, and the counts behind levels, streaks and badges, each
 * computed by the store over its indexes (never a user's whole history in memory).
 */
public interface StandingStore {

    /** A user's stored level; {@code since} is when they reached it. */
    /** A user's level, since when, whether a lead locked it, and when a promotion brought it (null: no promotion did). */
    record LevelRow(String userId, String level, Instant since, boolean locked, String lockedBy, String lockReason,
            Instant promotedAt) {
        public LevelRow(String userId, String level, Instant since, boolean locked, String lockedBy,
                String lockReason) {
            this(userId, level, since, locked, lockedBy, lockReason, null);
        }
    }

    /** One award poll that closed: when, and whether the user voted in it. */
    record PollTurn(long pollId, Instant closedAt, boolean voted) {
    }

    /** A report the user handed in: on which release, when, how many verdicts, whether it earned points. */
    record ReportLine(long releaseId, String version, Instant handedInAt, int verdicts, boolean real) {
    }

    Optional<LevelRow> level(String userId);

    /** The user's display name, if Popcorn knows the user. */
    Optional<String> name(String userId);

    /** Whether Popcorn knows the user: they signed in once, or earned points. */
    boolean known(String userId);

    /** The user's latest reports, newest first. */
    List<ReportLine> reportsOf(String userId, int limit);

    /** The wishes the user filed or backed, newest first. */
    List<dev.popcorn.domain.feedback.Wish> wishesOf(String userId, int limit);

    /** Stores the user's level (unlocked unless a lock is kept): insert or update. */
    void saveLevel(String userId, String level, Instant since, Instant promotedAt);

    /** A lead locks the user at {@code level} (or unlocks: {@code locked} false, the level stays until the next review). */
    void lock(String userId, String level, Instant since, boolean locked, String by, String reason);

    /** How many known users stand at each level id; a user without a row stands at {@code firstLevel}. */
    Map<String, Long> levelCounts(String firstLevel);

    /** The start of the rolling window: when the oldest of the latest {@code releases} releases shipped (EPOCH if fewer). */
    Instant windowStart(int releases, Instant now);

    /** The user's points, real reports and releases taken part in since {@code from}, revoked grants left out. */
    Activity activity(String userId, Instant from);

    /** Every release shipped by {@code now}, oldest first, with whether the user handed in a real report and whether reports are open. */
    List<Streak.Turn> turns(String userId, Instant now);

    /** Real reports the user handed in (all time). */
    int reports(String userId);

    /** Grants of wishes shipped (as author or supporter). */
    int wishesShipped(String userId);

    /** Reports of the user a lead marked helpful. */
    int helpful(String userId);

    /** Every poll that closed by {@code now}, oldest first, and whether the user voted in it. */
    List<PollTurn> polls(String userId, Instant now);

    /** Awards won by a team with a member of one of these names (the user's id and forum names). */
    int wins(List<String> memberNames);

    /** "Not good enough" verdicts of the user on a ticket that is done and shipped in a later release. */
    int bugsHunted(String userId);

    /** The badge keys the user holds, with when each was granted, oldest first. */
    Map<String, Instant> badges(String userId);

    /** A holder of a badge tier with a public profile: who, their name, and since when. */
    record Holder(String userId, String name, Instant since) {
    }

    /** How many users hold each badge tier (by key), public profiles or not. */
    Map<String, Long> badgeCounts();

    /** Up to {@code limit} holders of the tier {@code badge} with a public profile, the latest first. */
    List<Holder> holders(String badge, int limit);

    /** What a fan is told about their standing: a promotion (subject: the level's id) or a badge tier (its key). */
    record Notice(long id, String kind, String subject, Instant at, Instant seenAt) {
    }

    /** Keeps a notice for the user, unseen; answers its id. */
    long addNotice(String userId, String kind, String subject, Instant at);

    /** The user's notice of this id, if there is one. */
    java.util.Optional<Notice> notice(String userId, long id);

    /** The user's latest notices, newest first. */
    List<Notice> notices(String userId, int limit);

    /** The user's notices not seen yet, oldest first, marked seen at {@code at} in the same step. */
    List<Notice> takeUnseen(String userId, Instant at);

    /** Grants a badge tier unless held; true if it was new. */
    boolean grantBadge(String userId, String badge, Instant at);

    /** Takes a badge tier away (the acts that earned it were revoked); false when the user did not hold it. */
    boolean takeBadge(String userId, String badge);

    /** Users with a grant since {@code since}, or above the first level: the ones a review may move. */
    List<String> usersToReview(Instant since, String firstLevel);

    /** Wishes the user filed since {@code since}. */
    int wishesFiledSince(String userId, Instant since);

    /** Whether the user shows on public pages and boards (true for a user not known yet). */
    boolean publicProfile(String userId);

    void setPublicProfile(String userId, boolean visible);

    /** Whether the user asked to join the early-access group. */
    boolean earlyAccess(String userId);

    void setEarlyAccess(String userId, boolean joined);
}
