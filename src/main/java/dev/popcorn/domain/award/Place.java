package dev.popcorn.domain.award;

/**
 * One candidate's place in a poll result: its votes, its rank (tied candidates share a rank), its
 * share of the ballots and its margin, the votes it has more than the next candidate down.
 */
public record Place(Candidate candidate, long votes, int rank, double share, long margin) {
}
