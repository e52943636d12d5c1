package dev.popcorn.web;

import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.PageModels;
import java.util.List;
import java.util.Map;

/**
 * The release page's model (release.peb): the release and what users said about it, and the signed-in fan's report —
 * as handed in, or a draft shown again with the wishes and tickets its new wishes resemble, or a problem to fix — with
 * what a saved one earned. Each component is a name the template reads; null is absent.
 */
record ReportPageModel(Release release, boolean reportsOpen, List<FeatureFeedback> feedback, long reportCount,
        Map<String, Team> teams, boolean saved, String notFiled, Poll openPoll, Earnings earnings, List<Wish> wishes,
        Map<String, FeatureVerdict> verdicts, List<Long> supported, String newWishes, Boolean handedIn,
        List<WishTickets.Match> matches, String matchesFor, long answered, List<String> progressTexts,
        boolean serverDraft,
        List<String> chosenTickets, String problem) {

    /** One line of what an act earned: "+10 report", "+10 new badge: First report · Bronze". */
    record Earned(int points, String what) {
    }

    /**
     * What a saved report earned (issue 28): the report's points and its written comments', what comments of one's own
     * would add, the week's points and cap, the fan's level; item by item, the badges, and the level it promoted to.
     */
    record Earnings(int earnedPoints, int writtenMore, long weekPoints, int weeklyCap, String level,
            List<Earned> earnedItems,
            List<String> earnedBadges, String promotedTo, String promotedId, List<String> promotedUnlocks)
            implements
                PageModels.Part {
    }

    /**
     * The "is it one of these?" part alone (report-matches.peb), asked while the fan types: the matches, the wishes they
     * were asked for, the wishes ticked and the tickets chosen.
     */
    record Matches(List<WishTickets.Match> matches, String matchesFor, List<Long> supported,
            List<String> chosenTickets) {
    }
}
