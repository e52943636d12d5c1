package dev.popcorn.memory;

import dev.popcorn.app.TeamStore;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Teams and their members in memory, listed by name as the JDBC store lists them. */
final class MemoryTeams implements TeamStore {

    private final MemoryDb db;
    private final Map<String, Team> teams;

    MemoryTeams(MemoryDb db) {
        this.db = db;
        this.teams = db.table();
    }

    @Override
    public void save(Team team) {
        db.run(() -> teams.put(team.slug(), team));
    }

    /** The memory store runs one transaction at a time: the claim only creates the team when it is missing. */
    @Override
    public boolean claim(String slug, String name) {
        return db.with(() -> teams.putIfAbsent(slug, new Team(slug, name, List.of())) == null);
    }

    @Override
    public Optional<Team> find(String slug) {
        return db.with(() -> Optional.ofNullable(teams.get(slug)));
    }

    @Override
    public List<Team> all() {
        return db.with(() -> teams.values().stream()
                .sorted(Comparator.comparing(Team::name).thenComparing(Team::slug)).toList());
    }

    @Override
    public List<String> teamsOf(String userId) {
        return db.with(() -> teams.values().stream()
                .filter(t -> t.members().stream().map(Member::userId).anyMatch(userId::equals))
                .map(Team::slug).sorted().toList());
    }
}
