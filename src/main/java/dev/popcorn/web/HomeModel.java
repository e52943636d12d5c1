package dev.popcorn.web;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.feedback.WishNotice;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.json.StandingJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The home page as a model: the week (the release, its feedback so far, its poll), the release before while it is
 * still open, the last award, the teams and the top wishes; for a signed-in fan also their points, standing, wish
 * notices and what is next for them.
 */
public final class HomeModel {

    /**
     * The release before the newest one, while its reports or its poll are still open (a release opened mid-week does
     * not hide last week's vote): what a fan may still do there. {@code poll} is its open poll, if any;
     * {@code myReport} whether the signed-in fan reported on it (null when nobody is signed in).
     */
    record StillOpen(Release release, boolean reportsOpen, Poll poll, Boolean myReport) {
    }

    /**
     * The page; the week's components are null when no release is out, the fan's when nobody is signed in.
     * {@code poll} is the week's poll as the visitor may see it.
     */
    record Page(Release release, Boolean reportsOpen, List<FeatureFeedback> feedback, Long reportCount,
            PollModel.Card poll, Boolean myReport, StillOpen stillOpen, dev.popcorn.app.award.Winners.Award lastAward,
            Map<String, Team> teams, List<Wish> wishes, boolean signedOutEverywhere, Long points, StandingJson standing,
            List<WishNotice> notices, WayBack.Next wayBack) {
    }

    /** The use cases the home page reads. */
    public record UseCases(WeekOverview overview, HandInReport reports, WishTickets wishTickets, Standing standing,
            dev.popcorn.app.award.Winners winners, dev.popcorn.app.participation.Ledger ledger) {
    }

    private final UseCases uses;
    private final PollModel polls;
    private final WayBack wayBack;

    public HomeModel(UseCases uses, PollModel polls, WayBack wayBack) {
        this.uses = uses;
        this.polls = polls;
        this.wayBack = wayBack;
    }

    /** The page for {@code me}; {@code signedOut}: they have just signed out everywhere. */
    Page page(Optional<Pass> me, Locale locale, boolean signedOut) {
        WeekOverview overview = uses.overview();
        Release release = overview.currentRelease().orElse(null);
        Boolean reportsOpen = null;
        List<FeatureFeedback> feedback = null;
        Long reportCount = null;
        PollModel.Card poll = null;
        Boolean myReport = null;
        if (release != null) {
            reportsOpen = release.acceptsReportsAt(overview.now());
            feedback = overview.feedback(release.id());
            reportCount = overview.reportCount(release.id());
            poll = overview.pollOf(release.id()).map(p -> polls.card(p.id(), me, locale)).orElse(null);
            myReport = reported(release, me);
        }
        Long points = null;
        StandingJson standing = null;
        List<WishNotice> notices = null;
        WayBack.Next next = null;
        if (me.isPresent()) {
            String userId = me.get().userId();
            points = uses.ledger().points(userId);
            Standing.View view = uses.standing().view(userId);
            standing = StandingJson.of(view, locale);
            notices = uses.wishTickets().notices(userId);
            next = wayBack.of(userId, view.streak());
        }
        return new Page(release, reportsOpen, feedback, reportCount, poll, myReport, stillOpen(me),
                uses.winners().winners(1).stream().findFirst().orElse(null), overview.teamsBySlug(),
                overview.topWishes(5),
                me.isEmpty() && signedOut, points, standing, notices, next);
    }

    private StillOpen stillOpen(Optional<Pass> me) {
        WeekOverview overview = uses.overview();
        List<Release> recent = overview.recentReleases(2);
        if (recent.size() < 2) {
            return null;
        }
        Release earlier = recent.get(1);
        boolean reportsOpen = earlier.acceptsReportsAt(overview.now());
        Optional<Poll> openPoll = overview.pollOf(earlier.id())
                .filter(p -> p.stateAt(overview.now()) == PollState.OPEN);
        if (!reportsOpen && openPoll.isEmpty()) {
            return null;
        }
        return new StillOpen(earlier, reportsOpen, openPoll.orElse(null), reported(earlier, me));
    }

    /** Whether {@code me} reported on the release; null when nobody is signed in. */
    private Boolean reported(Release release, Optional<Pass> me) {
        return me.map(pass -> uses.reports().find(release.id(), pass.userId()).isPresent()).orElse(null);
    }
}
