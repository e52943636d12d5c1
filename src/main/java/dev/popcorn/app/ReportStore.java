package dev.popcorn.app;

import dev.popcorn.domain.ExperienceReport;
import dev.popcorn.domain.Wish;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Experience reports and the wishes they carry. */
public interface ReportStore {

    /** Stores the report, replacing the user's earlier one for the same release; new wishes are filed. */
    void save(ExperienceReport report, Instant at);

    Optional<ExperienceReport> find(long releaseId, String userId);

    long count(long releaseId);

    /** The most supported wishes, most supporters first. */
    List<Wish> topWishes(int limit);

    boolean wishExists(long wishId);

    /** The wishes with these ids, with their supporters, in id order. */
    List<Wish> wishes(List<Long> ids);
}
