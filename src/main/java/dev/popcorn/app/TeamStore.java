package dev.popcorn.app;

import dev.popcorn.domain.Team;
import java.util.List;
import java.util.Optional;

/** Teams and their members. */
public interface TeamStore {

    /** Creates or replaces the team with its members. */
    void save(Team team);

    Optional<Team> find(String slug);

    List<Team> all();

    /** The slugs of the teams {@code userId} is a member of. */
    List<String> teamsOf(String userId);
}
