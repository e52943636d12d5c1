package dev.popcorn.app.team;

import dev.popcorn.app.AuditLog;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.time.Clock;
import java.util.List;

/**
 * Leads keep the teams and their members (names and photos) that features and awards are credited
 * to. A saved team's photos are copied once, in the background, and only the copies are shown.
 */
public final class ManageTeams {

    private final Transactions transactions;
    private final TeamStore teams;
    private final AuditLog audit;
    private final PhotoCopies photos;
    private final Clock clock;

    public ManageTeams(Transactions transactions, TeamStore teams, AuditLog audit, PhotoCopies photos, Clock clock) {
        this.transactions = transactions;
        this.teams = teams;
        this.audit = audit;
        this.photos = photos;
        this.clock = clock;
    }

    /**
     * Saves the team as given. Saving it unchanged (a second click, a retried script) changes
     * nothing and writes no audit entry; of two first saves at the same moment, the second is tried
     * again once the first is written (and, the same, changes nothing).
     */
    public Team save(Team team, String actor) {
        Team saved = transactions.retryingOnce(() -> {
            boolean created = teams.claim(team.slug(), team.name());
            if (!created && teams.find(team.slug()).filter(team::equals).isPresent()) {
                return team;
            }
            teams.save(team);
            audit.record(new AuditEntry(clock.instant(), actor, "team.save", "team:" + team.slug(),
                    team.name() + " (" + team.members().size() + " members)")
                    .noted("teamSaved", team.name(), team.members().size()));
            return team;
        });
        photos.copy(photoUrls(List.of(saved)));
        return saved;
    }

    /** Asks for the copies of every saved team's photos that have none yet (at start-up). */
    public void copyPhotos() {
        photos.copy(photoUrls(teams.all()));
    }

    private static List<String> photoUrls(List<Team> teams) {
        return teams.stream().flatMap(t -> t.members().stream()).map(Member::photoUrl).filter(url -> !url.isBlank())
                .distinct().toList();
    }
}
