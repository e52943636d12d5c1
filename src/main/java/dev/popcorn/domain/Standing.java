package dev.popcorn.domain;

/** One candidate's place in a poll result: its votes, its rank (tied candidates share a rank) and its share. */
public record Standing(Candidate candidate, long votes, int rank, double share) {
}
