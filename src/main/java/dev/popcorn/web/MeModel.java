package dev.popcorn.web;

import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.web.json.StandingJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in person's own page as a model: their standing and what is next for them, their notices, early access,
 * reminders, their points with a page of grants, their reports and wishes, and an API pass just made (shown once).
 */
public final class MeModel {

    /** Reports and wishes listed. */
    static final int LISTED = 20;
    /** Standing notices listed. */
    static final int NOTICES = 10;

    /**
     * The page. {@code own}: the standing shown is the reader's own; {@code olderThan}: the grant id the next page of
     * grants starts below (null on the last page); {@code apiPass} and {@code apiPassExpires}: a pass just made, else
     * null.
     */
    record Page(Pass me, long apiDays, StandingJson standing, boolean own, List<NoticeTexts.Told> standingNotices,
            WayBack.Next wayBack, boolean earlyAccess, boolean mayJoinEarly, String earlyAccessFrom,
            boolean earlyAccessAsked, FanMessages.Reminders reminders, int windowReleases, int freezeEvery,
            int weeklyCap, Ledger.Summary points, List<ParticipationRoutes.GrantJson> grants, Long olderThan,
            List<StandingStore.ReportLine> reports, List<Wish> wishes, String apiPass, Instant apiPassExpires) {
    }

    /** What the page asks for besides its reader: a page of older grants, early access just asked, a pass just made. */
    record Asked(Long before, boolean earlyAccessAsked, String apiPass, Instant apiPassExpires) {
    }

    /** The use cases the page reads. */
    public record UseCases(Standing standing, dev.popcorn.app.participation.Levels levels, Ledger ledger,
            FanMessages fanMessages) {
    }

    private final UseCases uses;
    private final NoticeTexts notices;
    private final WayBack wayBack;
    private final long apiDays;

    public MeModel(UseCases uses, NoticeTexts notices, WayBack wayBack, long apiDays) {
        this.uses = uses;
        this.notices = notices;
        this.wayBack = wayBack;
        this.apiDays = apiDays;
    }

    Page page(Pass me, Locale locale, Asked asked) {
        Standing standing = uses.standing();
        Ledger ledger = uses.ledger();
        String userId = me.userId();
        Standing.View view = standing.view(userId);
        Ledger.Summary summary = ledger.summary(userId, asked.before());
        return new Page(me, apiDays, StandingJson.of(view, locale), true, notices.latest(userId, NOTICES, locale),
                wayBack.of(userId, view.streak()), uses.levels().earlyAccess(userId), uses.levels().holds(userId,
                        Right.EARLY_ACCESS),
                standing.ladder().lowestWith(Right.EARLY_ACCESS).name(locale),
                asked.earlyAccessAsked(), uses.fanMessages().reminders(userId), standing.ladder().windowReleases(),
                standing.streakRules().freezeEvery(), ledger.weeklyCap(), summary,
                summary.grants().stream().map(g -> ParticipationRoutes.GrantJson.of(g, locale)).toList(),
                summary.grants().size() == Ledger.PAGE ? summary.grants().get(Ledger.PAGE - 1).id() : null,
                standing.reports(userId, LISTED), standing.wishes(userId, LISTED), asked.apiPass(),
                asked.apiPassExpires());
    }

    /** A page of older grants: {@code ?before=<id>}; anything else shows the newest. */
    static Long before(String value) {
        try {
            return value == null ? null : Math.max(1, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
