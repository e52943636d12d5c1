package dev.popcorn.web.json;

import dev.popcorn.domain.award.Place;
import java.time.Instant;
import java.util.List;

/** The history of the award: one approved poll with its winners, and a team's row on the popcorn leaderboard. */
public final class AwardJson {

    private AwardJson() {
    }

    /** An approved poll and who won it. */
    public record Winners(long poll, String title, Instant approvedAt, List<Place> winners, long ballots) {
        public static Winners of(dev.popcorn.app.award.Winners.Award award) {
            return new Winners(award.poll().id(), award.poll().title(), award.poll().approvedAt(),
                    award.result().winners(), award.result().ballots());
        }
    }

    /** A team and its popcorn buckets. */
    public record Bucket(String team, String name, String nameZh, long buckets) {
        public static Bucket of(dev.popcorn.app.award.Winners.Buckets row) {
            return new Bucket(row.team().slug(), row.team().name(), row.team().nameZh(), row.buckets());
        }
    }
}
