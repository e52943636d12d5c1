package dev.popcorn.domain.award;

/** Whether a candidate project stands in the poll. Withdrawn and disqualified ones get no votes counted. */
public enum CandidateStatus {
    ACTIVE,
    WITHDRAWN,
    DISQUALIFIED
}
