package dev.popcorn.web.json;

import dev.popcorn.app.award.Winners;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.time.Instant;
import java.util.List;

/** A team with its members and the awards it won; its Chinese name empty where it has none. */
public record TeamJson(String slug, String name, String nameZh, List<Member> members, int buckets, List<Win> wins) {

    /** One award the team won. */
    public record Win(long poll, String version, String title, long votes, Instant approvedAt) {
    }

    public static TeamJson of(Team team, List<Winners.TeamWin> wins) {
        return new TeamJson(team.slug(), team.name(), team.nameZh(), team.members(), wins.size(), wins.stream()
                .map(w -> new Win(w.poll().id(), w.release().version(), w.candidate().title(), w.votes(),
                        w.poll().approvedAt()))
                .toList());
    }
}
