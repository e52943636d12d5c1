package dev.popcorn.app.award;

import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.team.Member;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the announcement and the winner card say about one poll, gathered once: the week,
 * the winners with their teams' members, every candidate's count, the ballots set aside with a
 * disqualified candidate (and so everyone who voted, {@code result().cast()}), and where the results are.
 * Texts here are as users and leads typed them; each renderer escapes them for its own medium.
 */
public record AwardFacts(
        long pollId, String version, LocalDate weekOf, List<Winner> winners, PollResult result,
        Map<String, String> teamNames, String resultsUrl, String cardUrl) {

    /** One winning project with its team, its title and pitch in English and for Chinese readers. Photo URLs are absolute. */
    public record Winner(String teamSlug, String teamName, String title, String titleZh, String pitch, String pitchZh,
            long votes, double share, List<Member> members) {
        public Winner {
            members = List.copyOf(members);
        }

        /** A winner with one title for every reader. */
        public Winner(String teamSlug, String teamName, String title, String pitch, long votes, double share,
                List<Member> members) {
            this(teamSlug, teamName, title, title, pitch, pitch, votes, share, members);
        }
    }

    public AwardFacts {
        winners = List.copyOf(winners);
        teamNames = Map.copyOf(teamNames);
    }

    /** The display name of a team, or its slug when the team is gone. */
    public String teamName(String slug) {
        return teamNames.getOrDefault(slug, slug);
    }

    /** True when several teams share the award. */
    public boolean shared() {
        return winners.size() > 1;
    }
}
