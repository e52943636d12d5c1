package dev.popcorn.config;

import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.PointsRules;
import java.util.List;

/** The points ledger's rules: what each kind of act is worth, and the weekly cap on the plain kinds. */
public final class PointsConfig {

    /** The points.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("points.report", String.valueOf(ParticipationKind.REPORT_HANDED_IN.points()),
                    "participation points for handing in a real report (at least one verdict), once per release"),
            Key.of("points.report-written", String.valueOf(ParticipationKind.REPORT_WRITTEN.points()),
                    "more points for a report whose written comments come to at least 40 characters and copy no other"
                            + " report, once per release (also when written in a later edit)"),
            Key.of("points.ballot", String.valueOf(ParticipationKind.BALLOT_CAST.points()),
                    "participation points for casting a ballot in the award poll, once per poll"),
            Key.of("points.wish-shipped", String.valueOf(ParticipationKind.WISH_FULFILLED.points()),
                    "participation points for each supporter of a wish whose ticket is done (exempt from the weekly cap)"),
            Key.of("points.wish-author-shipped", String.valueOf(ParticipationKind.WISH_AUTHOR_SHIPPED.points()),
                    "points for the user who filed a wish whose ticket is done, instead of the supporters' (exempt from the weekly cap)"),
            Key.of("points.wish-linked", String.valueOf(ParticipationKind.WISH_LINKED.points()),
                    "points for the user who filed a wish an engineer links to a ticket, once per wish (exempt from the weekly cap)"),
            Key.of("points.streak-bonus", String.valueOf(ParticipationKind.STREAK_BONUS.points()),
                    "points each time a user's streak reaches a multiple of streak.bonus-every releases (exempt from the weekly cap)"),
            Key.of("points.badge", String.valueOf(ParticipationKind.BADGE.points()),
                    "points for each badge tier a user earns (exempt from the weekly cap)"),
            Key.of("points.helpful", String.valueOf(ParticipationKind.REPORT_HELPFUL.points()),
                    "points for a report a lead marks helpful (exempt from the weekly cap)"),
            Key.of("points.weekly-cap", String.valueOf(PointsRules.defaults().weeklyCap()),
                    "most points a user earns from reports and ballots per release week (Friday to Friday in week.zone;"
                            + " 0: no cap); a grant beyond it is recorded with what remains"));

    private PointsConfig() {
    }

    /** Reads the points.* keys. */
    public static PointsRules from(Values v) {
        return new PointsRules(v.integer("points.report", 0, 10_000), v.integer("points.ballot", 0, 10_000),
                v.integer("points.wish-shipped", 0, 10_000), v.integer("points.helpful", 0, 10_000),
                v.integer("points.weekly-cap", 0, 1_000_000), v.integer("points.wish-linked", 0, 10_000),
                v.integer("points.wish-author-shipped", 0, 10_000), v.integer("points.streak-bonus", 0, 10_000),
                v.integer("points.badge", 0, 10_000), v.integer("points.report-written", 0, 10_000));
    }
}
