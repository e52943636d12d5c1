package dev.popcorn.app.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Popcorn holds about one user, read out and erased (issue 29, item 6; ADR 0030). The list of places a user
 * is stored is the store's to know: it changes with every migration, and a test finds the places from the schema.
 */
public interface ForgetStore {

    /**
     * Every row about the user, grouped by what it is ({@code reports}, {@code ballots}, {@code points} …), each row as
     * its columns and values (text, numbers, booleans, instants as ISO text); empty when Popcorn does not know the user.
     */
    Optional<Map<String, List<Map<String, Object>>>> export(String userId);

    /**
     * What an erasure does, all of it in the caller's transaction: the user's name and words go, what counts moves to
     * {@code anonymousId}, their passes issued until {@code at} are refused by {@code idDigest}.
     *
     * @param neutralName what the anonymous user is called from now on
     * @param removedText what replaces the words they wrote (comments, wishes), so counts of them stay right
     */
    record Erasure(String userId, String anonymousId, String neutralName, String removedText, String idDigest,
            Instant at) {
    }

    /**
     * Erases the user as {@code erasure} says. The anonymous user keeps the forum user name (if any) until the forum
     * was told; the caller drops it when there is nothing to tell. Answers false, changing nothing, for an unknown user.
     */
    boolean erase(Erasure erasure);
}
