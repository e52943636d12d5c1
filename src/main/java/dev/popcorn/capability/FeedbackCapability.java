package dev.popcorn.capability;

import dev.popcorn.app.feedback.HandInReport;
import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.store.Store;
import dev.popcorn.web.PublicPages;
import dev.popcorn.web.ReleaseRoutes;
import dev.popcorn.web.ReportPage;
import dev.popcorn.web.TrackerRoutes;
import dev.popcorn.web.WebKit;
import dev.popcorn.web.WishPages;
import dev.popcorn.web.WishRoutes;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;
import java.util.Map;

/**
 * What fans say about a build: their reports (likes, not good enough, wishes), the wishes filed as tickets and linked
 * to them, and the news a done ticket brings its supporters.
 */
public final class FeedbackCapability implements Capability {

    private final Core core;
    private final IdentityCapability identity;
    private final ParticipationCapability participation;
    private final WeekCapability week;
    private final TrackerCapability tracker;
    private final ReleaseCapability release;
    private final HandInReport reports;
    private final WishTickets wishTickets;

    public FeedbackCapability(Core core, IdentityCapability identity, ParticipationCapability participation,
            WeekCapability week, TrackerCapability tracker, ReleaseCapability release) {
        this.core = core;
        this.identity = identity;
        this.participation = participation;
        this.week = week;
        this.tracker = tracker;
        this.release = release;
        Store store = core.store();
        this.reports = new HandInReport(store.transactions(), store.releases(), store.reports(), store.tickets(),
                participation.ledger(), participation.levels(), store.audit(), core.writes(), core.clock());
        this.wishTickets = new WishTickets(store.transactions(), store.reports(), store.tickets(), store.notices(),
                participation.ledger(), store.outbox(), core.tracker(), core.forum(), store.audit(), core.baseUrl(),
                core.clock());
    }

    public HandInReport reports() {
        return reports;
    }

    public WishTickets wishTickets() {
        return wishTickets;
    }

    /** What the fans' pages about a release and its report ask for. */
    public PublicPages.UseCases fanPages() {
        return new PublicPages.UseCases(week.overview(), reports, wishTickets, identity.signIn(),
                participation.standing());
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new WishRoutes(wishTickets),
                new TrackerRoutes(tracker.trackerSync(), wishTickets, core.outboxTroubles(), core.replays(),
                        core.config().jira().webhookSecret()),
                new ReleaseRoutes(week.overview(), release.shipRelease(), reports, wishTickets),
                new WishPages(new WishPages.UseCases(week.overview(), reports, wishTickets), web.chrome(),
                        web.sessions()),
                new ReportPage(fanPages(), web.chrome(), web.gate(), web.problems(),
                        new ReportPage.Participation(week.participation(), participation.ledger(),
                                participation.standing(), participation.standingReviews())));
    }

    @Override
    public Map<String, Outbox.Handler> deliveries() {
        return Map.of(WishTickets.FILE, wishTickets::deliverFile,
                WishTickets.LINK, wishTickets::deliverLink,
                WishTickets.READ, wishTickets::deliverRead);
    }
}
