package dev.popcorn.app.award;

import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which teams name a user as a member, for the own-team rule, read for all teams at once and kept for a
 * short while, so that a ballot asks the database nothing about teams. A member is named by their
 * Popcorn id, or by a forum user name linked to one ({@link ForumAccountStore}, may be null).
 */
final class Memberships {

    private record Read(Map<String, List<String>> teams, long at) {
    }

    private final TeamStore teams;
    private final ForumAccountStore accounts;
    private final long freshNanos;
    private volatile Read read;

    Memberships(TeamStore teams, ForumAccountStore accounts, Duration fresh) {
        this.teams = teams;
        this.accounts = accounts;
        this.freshNanos = fresh.toNanos();
    }

    /** The slugs of the teams whose members name this user, sorted. */
    List<String> teamsOf(String userId) {
        long now = System.nanoTime();
        Read known = read;
        if (known == null || now - known.at() >= freshNanos) {
            known = new Read(readAll(), now);
            read = known;
        }
        return known.teams().getOrDefault(userId, List.of());
    }

    private Map<String, List<String>> readAll() {
        Map<String, SortedSet<String>> slugs = new HashMap<>();
        for (Team team : teams.all()) {
            for (Member member : team.members()) {
                String named = member.userId();
                if (named == null || named.isBlank()) {
                    continue;
                }
                slugs.computeIfAbsent(named, n -> new TreeSet<>()).add(team.slug());
                if (accounts != null) {
                    accounts.find(named)
                            .filter(a -> a.name().equals(named) && a.state() == ForumAccountStore.State.LINKED
                                    && a.userId() != null)
                            .ifPresent(a -> slugs.computeIfAbsent(a.userId(), n -> new TreeSet<>()).add(team.slug()));
                }
            }
        }
        Map<String, List<String>> lists = new HashMap<>();
        slugs.forEach((user, set) -> lists.put(user, List.copyOf(set)));
        return lists;
    }
}
