package dev.popcorn.web;

import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.web.json.StandingJson;
import java.util.List;
import java.util.Locale;

/**
 * A person as a lead sees them ({@code /lead/people/{id}}): their level and how far the next one is, their points,
 * grants and reports, with the forms a lead may use there.
 */
public final class PersonModel {

    /** Reports listed. */
    static final int REPORTS = 20;

    /**
     * The page. {@code own} is false and {@code leadView} true: the standing is shown to a lead, not its owner;
     * {@code kept}: a refused form of the page as it was sent; {@code done}: what a form just did (or null);
     * {@code awarded}: the kind a lead's own points are granted as.
     */
    record Page(User person, StandingJson standing, boolean own, boolean leadView, String fanName, int windowReleases,
            int freezeEvery, Ledger.Summary points, List<LeadParticipationModel.GrantRow> grants,
            List<StandingStore.ReportLine> reports, LeadParticipationModel.LevelForms levelForms, KeptForm kept,
            String done, String awarded) {
    }

    private final People people;
    private final Standing standing;
    private final Ledger ledger;

    public PersonModel(People people, Standing standing, Ledger ledger) {
        this.people = people;
        this.standing = standing;
        this.ledger = ledger;
    }

    /** The page of {@code userId}, an unknown one not found; {@code kept} a refused form, {@code done} what was done. */
    Page page(String userId, Locale locale, KeptForm kept, String done) {
        User user = people.person(userId).orElseThrow(() -> RuleViolation.notFound("level.user.unknown", userId));
        Ledger.Summary summary = ledger.summary(user.id(), null);
        return new Page(user, StandingJson.of(standing.view(user.id()), locale), false, true, user.name(),
                standing.ladder().windowReleases(), standing.streakRules().freezeEvery(), summary,
                summary.grants().stream().map(g -> LeadParticipationModel.grant(g, locale)).toList(),
                standing.reports(user.id(), REPORTS), LeadParticipationModel.levelForms(standing.ladder(), locale),
                kept, done,
                ParticipationKind.AWARDED.name());
    }
}
