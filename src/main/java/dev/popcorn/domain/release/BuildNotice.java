package dev.popcorn.domain.release;

import java.util.Map;
import java.util.Optional;

/**
 * What the CI server says about one phase of one build: the job's full name, the build number
 * and page, the phase ({@code STARTED}, {@code COMPLETED}, {@code FINALIZED}…), the result once
 * known, the branch, the build parameters, the build notes and the tests' summary.
 */
public record BuildNotice(BuildRef build, String phase, String status, String branch, Map<String, String> parameters,
        String notes, Optional<TestSummary> tests) {

    public BuildNotice {
        phase = phase == null ? "" : phase.strip();
        status = status == null ? "" : status.strip();
        branch = branch == null ? "" : branch.strip();
        parameters = Map.copyOf(parameters);
        notes = notes == null ? "" : notes;
    }
}
