package dev.popcorn.app.award;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The winners of approved polls, frozen at approval: the history week by week and the popcorn buckets. */
public interface AwardStore {

    /** One winning candidate of an approved poll. */
    record Award(long pollId, long candidateId, String teamSlug, long votes, Instant approvedAt) {
    }

    void record(List<Award> winners);

    /** Winning candidates of the poll, as approved. */
    List<Award> ofPoll(long pollId);

    /** A team's awards, newest first. */
    List<Award> ofTeam(String teamSlug);

    /** Popcorn buckets per team slug: how many awards each team won, most first. */
    Map<String, Long> buckets();
}
