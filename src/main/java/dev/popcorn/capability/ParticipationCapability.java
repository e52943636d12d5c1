package dev.popcorn.capability;

import dev.popcorn.announce.FanCard;
import dev.popcorn.app.forum.StandingMirror;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.LaterReviews;
import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.participation.Leaderboards;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.participation.LevelOverrides;
import dev.popcorn.app.participation.Levels;
import dev.popcorn.app.participation.People;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.app.participation.StandingCardFacts;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.app.participation.StandingReviews;
import dev.popcorn.config.Config;
import dev.popcorn.store.Store;
import dev.popcorn.web.FanPage;
import dev.popcorn.web.LadderPages;
import dev.popcorn.web.LeaderboardPage;
import dev.popcorn.web.LeaderboardRoutes;
import dev.popcorn.web.LevelRoutes;
import dev.popcorn.web.ParticipationRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Participation depth (参与感): the points ledger, where each fan stands (level, streak, badges and the rights they
 * bring), its mirror on the forum, the leaderboards and the fan's card; the hourly review of every fan.
 */
public final class ParticipationCapability implements Capability {

    /** How often every user's level, streak and badges are reviewed. */
    public static final Duration REVIEW_EVERY = Duration.ofHours(1);

    private final StandingMirror standingMirror;
    private final Standing standing;
    private final Levels levels;
    private final StandingNotices notices;
    private final StandingReviews standingReviews;
    private final LevelOverrides levelOverrides;
    private final Ledger ledger;
    private final People people;
    private final FanCards fanCards;
    private final Leaderboards leaderboards;
    private final LaterReviews reviews;

    public ParticipationCapability(Core core, IdentityCapability identity) {
        Config config = core.config();
        Store store = core.store();
        // Levels and badges mirrored to the forum: the standing calls the mirror in its transactions.
        this.standingMirror = new StandingMirror(core.forum(), config.forumMirror(), store.forumLevels(), store.users(),
                store.outbox(), config.forumMessages().standing(), core.clock());
        this.standing = new Standing(store.standing(), config.levels().ladder(), config.levels().streak(),
                config.calendar().zone(), identity.memberAccounts()::memberNamesOf, core.clock());
        this.levels = new Levels(store.standing(), store.participation(), store.transactions(), store.audit(),
                config.levels().ladder(), config.calendar().zone(), standingMirror, core.clock());
        this.notices = new StandingNotices(store.standing(), standingMirror, core.clock());
        this.standingReviews = new StandingReviews(standing, levels, notices, store.standing(), store.participation(),
                config.points(), store.transactions(), store.audit(), standingMirror, core.clock());
        this.levelOverrides = new LevelOverrides(standingReviews, levels, notices, store.standing(),
                store.transactions(), store.audit(), standingMirror, core.clock());
        // The reviews new grants ask for are done by a reviewer of their own, writes.reviews-per-second; they yield
        // while ballots and reports wait for their batch: a surge goes first.
        this.reviews = new LaterReviews(standingReviews, config.writes().reviewsPerSecond(),
                () -> core.writes().waiting() > 0,
                core.clock());
        this.ledger = new Ledger(store.participation(), store.transactions(), store.audit(), config.points(),
                config.calendar(), core.clock(), standingReviews, reviews);
        this.people = new People(store.users());
        this.fanCards = new FanCards(new StandingCardFacts(standing), new FanCard(), core.baseUrl());
        // The leaderboards leave off the configured forum groups and (by default) the leads.
        this.leaderboards = new Leaderboards(store.leaderboards(), new LeaderboardStore.Exclusions(
                config.leaderboards().excludedGroups(), config.leaderboards().excludeLeads()),
                config.levels().ladder(), config.calendar(), core.clock(), Duration.ofSeconds(30));
    }

    public StandingMirror standingMirror() {
        return standingMirror;
    }

    public Standing standing() {
        return standing;
    }

    /** The levels and the rights they bring: the {@code Rights} the acts ask. */
    public Levels levels() {
        return levels;
    }

    public StandingNotices notices() {
        return notices;
    }

    /** The ledger's review of a fan's standing after each grant, and the hourly review of everyone. */
    public StandingReviews standingReviews() {
        return standingReviews;
    }

    /** A lead's lock and the forum's hand-given level. */
    public LevelOverrides levelOverrides() {
        return levelOverrides;
    }

    public Ledger ledger() {
        return ledger;
    }

    public People people() {
        return people;
    }

    public FanCards fanCards() {
        return fanCards;
    }

    public Leaderboards leaderboards() {
        return leaderboards;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new ParticipationRoutes(ledger, standing, levels),
                new FanPage(standing, fanCards, web.chrome(), web.sessions()),
                new LadderPages(levels, web.chrome(), web.sessions()),
                new LeaderboardRoutes(leaderboards, web.gate()),
                new LeaderboardPage(leaderboards, web.gate(), web.chrome()),
                new LevelRoutes(levelOverrides));
    }

    @Override
    public Map<String, Outbox.Handler> deliveries() {
        return Map.of(StandingMirror.LEVEL, standingMirror::deliverLevel,
                StandingMirror.BADGE, standingMirror::deliverBadge,
                StandingMirror.FAREWELL, standingMirror::deliverFarewell);
    }

    @Override
    public List<Job> jobs() {
        // Levels fall when the window moves on and streaks break when reports close, without any act: every user a
        // review may move is reviewed each hour (idempotent on every instance). On a thread of its own (a round over
        // a million users must not hold back a poll's close) and at a pace (a surge goes first).
        return List.of(new Job("participation review", Duration.ofMinutes(1), REVIEW_EVERY, true,
                () -> standingReviews.reviewAll(reviews::pace)));
    }

    @Override
    public void stop() {
        reviews.close();
    }
}
