package dev.popcorn.domain.release;

import dev.popcorn.domain.RuleViolation;

/** What the release build's tests said: how many ran, passed, failed and were skipped. */
public record TestSummary(int total, int passed, int failed, int skipped) {

    public TestSummary {
        if (total < 0 || passed < 0 || failed < 0 || skipped < 0 || passed + failed + skipped > total) {
            throw RuleViolation.invalid("tests.counts", total, passed, failed, skipped);
        }
    }

    /** A summary from the counts a build tool reports, where passed is what is left. */
    public static TestSummary of(int total, int failed, int skipped) {
        return new TestSummary(total, total - failed - skipped, failed, skipped);
    }
}
