package dev.popcorn.capability;

import dev.popcorn.web.FanCardRoutes;
import dev.popcorn.web.HomeModel;
import dev.popcorn.web.HomePage;
import dev.popcorn.web.MeModel;
import dev.popcorn.web.MePage;
import dev.popcorn.web.MeRoutes;
import dev.popcorn.web.PollModel;
import dev.popcorn.web.SignInPages;
import dev.popcorn.web.WayBack;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/**
 * The fan's way in and back: the front page and a personal link's sign-in, the fan's own page and API (their
 * reports, wishes, notices and messages), and the card a fan shares. Built on the capabilities whose facts it shows.
 */
public final class HomeCapability implements Capability {

    private final IdentityCapability identity;
    private final ParticipationCapability participation;
    private final ForumCapability forum;
    private final WeekCapability week;
    private final FeedbackCapability feedback;
    private final AwardCapability award;

    public HomeCapability(IdentityCapability identity, ParticipationCapability participation, ForumCapability forum,
            WeekCapability week, FeedbackCapability feedback, AwardCapability award) {
        this.identity = identity;
        this.participation = participation;
        this.forum = forum;
        this.week = week;
        this.feedback = feedback;
        this.award = award;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        WayBack wayBack = new WayBack(week.overview(), feedback.reports(), web.settings().calendar());
        HomeModel home = new HomeModel(new HomeModel.UseCases(week.overview(), feedback.reports(),
                feedback.wishTickets(), participation.standing(), week.winners(), participation.ledger()),
                new PollModel(award.pollModels(), web.markdown()),
                wayBack);
        MeModel me = new MeModel(
                new MeModel.UseCases(participation.standing(), participation.levels(), participation.ledger(),
                        forum.fanMessages()),
                web.notices(), wayBack, web.settings().apiValidity().toDays());
        return List.of(new HomePage(home, web.chrome(), web.sessions()),
                new SignInPages(identity.signIn(), web.chrome(), web.sessions()),
                new MeRoutes(participation.ledger(), feedback.wishTickets(), web.notices(), forum.fanMessages()),
                new MePage(identity.signIn(), me, web.chrome(), web.sessions(), participation.standing(),
                        participation.levels(), forum.fanMessages()),
                new FanCardRoutes(participation.fanCards(), week.overview(), web.chrome(), web.sessions(),
                        web.limits()));
    }
}
