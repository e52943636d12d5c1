package dev.popcorn.capability;

import dev.popcorn.web.DeskModel;
import dev.popcorn.web.DeskPage;
import dev.popcorn.web.DeskPollForms;
import dev.popcorn.web.DeskReleaseForms;
import dev.popcorn.web.DeskRetryForms;
import dev.popcorn.web.DeskWishForms;
import dev.popcorn.web.LeadDesk;
import dev.popcorn.web.LeadParticipationModel;
import dev.popcorn.web.LeadParticipationPages;
import dev.popcorn.web.LeadPeoplePages;
import dev.popcorn.web.NominationForms;
import dev.popcorn.web.PersonModel;
import dev.popcorn.web.PollModel;
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
        DeskModel model = new DeskModel(new DeskModel.UseCases(week.overview(), tracker.trackerSync(),
                feedback.wishTickets(), core.outboxTroubles(), release.buildNotices(), identity.memberAccounts(),
                participation.leaderboards(), participation.people(), release.openRelease(), week.glance()),
                new PollModel(award.pollModels(), web.markdown()),
                new LeadParticipationModel(week.overview(), week.participation(), participation.levels()),
                !core.config().jenkins().token().isBlank());
        PersonModel person = new PersonModel(participation.people(), participation.standing(), participation.ledger());
        LeadDesk desk = new LeadDesk(model, person, web.chrome());
        return List.of(new DeskPage(model, tracker.trackerSync(), web.chrome()),
                new DeskReleaseForms(week.overview(), release.openRelease(), release.shipRelease(), desk),
                new DeskPollForms(award.managePoll(), week.overview(), desk, web.chrome(), web.markdown()),
                new DeskWishForms(feedback.wishTickets(), desk),
                new DeskRetryForms(core.outboxTroubles(), release.buildNotices(), desk),
                new LeadParticipationPages(feedback.reports(), participation.ledger(), participation.levelOverrides(),
                        participation.people(), desk),
                new LeadPeoplePages(participation.people(), participation.levels(), person, web.chrome()),
                new NominationForms(award.nominations(), desk));
    }
}
