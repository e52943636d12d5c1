package dev.popcorn.capability;

import dev.popcorn.web.LeadDashboard;
import dev.popcorn.web.LeadDesk;
import dev.popcorn.web.LeadPages;
import dev.popcorn.web.LeadParticipationModel;
import dev.popcorn.web.LeadParticipationPages;
import dev.popcorn.web.LeadPeoplePages;
import dev.popcorn.web.NominationForms;
import dev.popcorn.web.PollPage;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/**
 * The lead's desk: one page over the week (releases and builds, the poll, wishes and tickets, the outbox, the fans
 * and their points), and the forms that act on it. Built on every capability whose work a lead reviews.
 */
public final class DeskCapability implements Capability {

    private final Core core;
    private final IdentityCapability identity;
    private final ParticipationCapability participation;
    private final WeekCapability week;
    private final TrackerCapability tracker;
    private final ReleaseCapability release;
    private final FeedbackCapability feedback;
    private final AwardCapability award;

    public DeskCapability(Core core, IdentityCapability identity, ParticipationCapability participation,
            WeekCapability week, TrackerCapability tracker, ReleaseCapability release, FeedbackCapability feedback,
            AwardCapability award) {
        this.core = core;
        this.identity = identity;
        this.participation = participation;
        this.week = week;
        this.tracker = tracker;
        this.release = release;
        this.feedback = feedback;
        this.award = award;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        LeadDashboard.UseCases shown = new LeadDashboard.UseCases(week.overview(), tracker.trackerSync(),
                feedback.wishTickets(), core.outboxTroubles(), release.buildNotices(), identity.memberAccounts(),
                participation.leaderboards(), participation.people(), release.openRelease());
        PollPage polls = new PollPage(award.polls(), web.chrome(), web.gate(), web.limits(), web.markdown());
        LeadDashboard dashboard = new LeadDashboard(shown, web.chrome(), polls,
                !core.config().jenkins().token().isBlank(),
                new LeadParticipationModel(week.overview(), week.participation(), participation.standing()));
        LeadPeoplePages people = new LeadPeoplePages(participation.people(), participation.standing(),
                participation.ledger(), web.chrome());
        LeadDesk desk = new LeadDesk(dashboard, people, web.chrome());
        return List.of(new LeadPages(new LeadPages.UseCases(release.openRelease(), release.shipRelease(),
                        award.managePoll()), shown, dashboard, desk, web.markdown()),
                new LeadParticipationPages(feedback.reports(), participation.ledger(), participation.standing(),
                        participation.people(), desk),
                people,
                new NominationForms(award.nominations(), polls, desk));
    }
}
