package dev.popcorn.app;

import dev.popcorn.domain.User;
import dev.popcorn.domain.forum.ForumIdentity;
import java.util.Optional;

/** Users known to Popcorn. */
public interface UserStore {

    /** Creates the user, or updates the display name of a known one; returns the stored user. */
    User upsert(String id, String name, java.time.Instant now);

    Optional<User> find(String id);

    /**
     * Records a user the forum vouched for (DiscourseConnect): creates them with the forum's
     * external id as their id, or refreshes their name, forum user name, avatar, groups and trust level.
     */
    User upsertFromForum(ForumIdentity identity, java.time.Instant now);

    /**
     * What a forum webhook said about a known user; null leaves a value as it is. Answers false
     * when Popcorn does not know the user (they never signed in), and then records nothing.
     */
    boolean updateFromForum(String id, String username, Integer trustLevel, java.util.List<String> groups);

    long count();

    /** The display names of these users by id, one read; an id Popcorn does not know is left out. */
    java.util.Map<String, String> names(java.util.Collection<String> ids);

    /**
     * Users whose display name or id holds {@code text}, ignoring case: whom a lead looks for by name. Exact ids and
     * names first, then by name; at most {@code limit}.
     */
    java.util.List<User> search(String text, int limit);

    /**
     * What decides whether a user's passes still hold, read on every check (so every instance
     * agrees): passes issued at or before {@code passesValidAfter} (null: never revoked) are
     * refused, and a lead pass counts only while {@code lead} is true.
     */
    record LeadRole(boolean lead, java.time.Instant passesValidAfter) {
    }

    /** Whether a user Popcorn knows is a lead, and since when their passes count; empty for one it never recorded (not a lead, nothing revoked). */
    Optional<LeadRole> leadRole(String id);

    /**
     * Refuses every pass of the user issued at or before {@code at} (kept to the millisecond), known
     * or not: an unknown id is recorded with its id as name, so that its passes are refused too.
     */
    void revokePasses(String id, java.time.Instant at);

    /** The users whose passes were revoked at or after {@code since}, with the instant their passes hold after. */
    java.util.Map<String, java.time.Instant> revokedSince(java.time.Instant since);

    /**
     * Records that the holder of the session issued to {@code userId} at {@code issuedAt} signed out of it at {@code at}
     * (once; again changes nothing), and forgets sessions ended before {@code forgetBefore}, which have expired.
     */
    void endSession(String userId, java.time.Instant issuedAt, java.time.Instant at, java.time.Instant forgetBefore);

    /** The sessions ended at or after {@code since}, for the pass check's list. */
    java.util.List<EndedSession> sessionsEndedSince(java.time.Instant since);

    /** A session signed out of: whose, issued when (which pass), ended when. */
    record EndedSession(String userId, java.time.Instant issuedAt, java.time.Instant endedAt) {
    }

    /**
     * The ids forgotten at or after {@code since} (ADR 0030), each as its digest (they are kept as nothing else), with
     * the instant the passes issued to it hold after. None where the store keeps no forgotten users.
     */
    default java.util.Map<String, java.time.Instant> forgottenSince(java.time.Instant since) {
        return java.util.Map.of();
    }

    /** Forgets the forum user name of a user (a forgotten user, once the forum was told); nothing for an unknown one. */
    void dropForumUsername(String id);

    /** Records whether a known user is a lead now; false when Popcorn does not know them. */
    boolean setLead(String id, boolean lead);

    /** The users who are leads now because the forum said so (they have a forum user name): whom the lead check asks about. */
    java.util.List<User> forumLeads();

    /** The forum user names of these users, where they signed in through the forum; each once, in order. */
    default java.util.List<String> forumUsernames(java.util.List<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream)
                .map(User::forumUsername).filter(name -> name != null && !name.isBlank()).distinct().toList();
    }
}
