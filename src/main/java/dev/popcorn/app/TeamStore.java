package dev.popcorn.app;

import dev.popcorn.domain.team.Team;
import java.util.List;
import java.util.Optional;

/** Teams and their members. */
public interface TeamStore {

    /** Creates or replaces the team with its members. */
    void save(Team team);

    /**
     * Inside a transaction: makes sure the team's row exists (named {@code name} when it is created
     * now) and holds it until the transaction ends, so that saves of one team happen one after the
     * other. True if the row was created now. Two first saves at once: one creates it, the other
     * meets its key and fails (a conflict).
     */
    boolean claim(String slug, String name);

    Optional<Team> find(String slug);

    List<Team> all();

    /** The slugs of the teams {@code userId} is a member of. */
    List<String> teamsOf(String userId);
}
