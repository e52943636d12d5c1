package dev.popcorn.web;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.week.WeekOverview;

/**
 * What is left of the public pages, now each a class of its resource ({@link HomePage}, {@link WinnersPage},
 * {@link TeamPage}, {@link WishPages}, {@link SignInPages}): the use cases {@link ReportPage} takes, until it takes its own.
 */
public final class PublicPages {

    /** Use cases of the report page. */
    public record UseCases(WeekOverview overview, HandInReport reports, WishTickets wishTickets, SignIn signIn,
            Standing standing) {
    }

    private PublicPages() {
    }
}
