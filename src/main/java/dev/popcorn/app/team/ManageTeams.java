package dev.popcorn.app.team;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.Team;
import java.time.Clock;

/** Leads keep the teams and their members (names and photos) that features and awards are credited to. */
public final class ManageTeams {

    private final Transactions transactions;
    private final TeamStore teams;
    private final AuditLog audit;
    private final Clock clock;

    public ManageTeams(Transactions transactions, TeamStore teams, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    public Team save(Team team, String actor) {
        return transactions.inTransaction(() -> {
            teams.save(team);
            audit.record(new AuditEntry(clock.instant(), actor, "team.save", "team:" + team.slug(),
                    team.name() + " (" + team.members().size() + " members)"));
            return team;
        });
    }
}
