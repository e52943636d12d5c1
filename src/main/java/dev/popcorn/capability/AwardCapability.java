package dev.popcorn.capability;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.AwardSchedule;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.ChatWebhook;
import dev.popcorn.app.award.ManagePoll;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.award.RecogniseWinners;
import dev.popcorn.app.outbox.Outbox;
import dev.popcorn.config.AwardConfig;
import dev.popcorn.config.Config;
import dev.popcorn.slack.SlackWebhook;
import dev.popcorn.store.Store;
import dev.popcorn.web.NominationRoutes;
import dev.popcorn.web.PollModel;
import dev.popcorn.web.PollPage;
import dev.popcorn.web.PollRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Popcorn Award (爆米花奖): nominations, the weekly poll and its ballots, the schedule that opens and closes it on
 * time, and the winners announced on the forum and the chat and recognised with a badge and a group.
 */
public final class AwardCapability implements Capability {

    /** How long the award schedule's lease lasts; it is renewed on every run. */
    public static final Duration SCHEDULE_LEASE = Duration.ofSeconds(30);

    /** How often the award schedule looks for polls to open or close. */
    private static final Duration SCHEDULE_EVERY = Duration.ofSeconds(2);

    private final WeekCapability week;
    private final ParticipationCapability participation;
    private final AnnounceAward announce;
    private final ManagePoll managePoll;
    private final CastBallot ballots;
    private final Nominations nominations;
    private final AwardSchedule schedule;

    public AwardCapability(Core core, ParticipationCapability participation, WeekCapability week) {
        this.week = week;
        this.participation = participation;
        Config config = core.config();
        Store store = core.store();
        AwardConfig award = config.award();
        ChatWebhook chat = award.slackWebhook() == null ? ChatWebhook.none()
                : new SlackWebhook(award.slackWebhook(), award.slackTimeout(), core.clock());
        this.announce = new AnnounceAward(new AnnounceAward.Stores(store.polls(), store.outbox(), store.releases(),
                store.teams(), store.users(), store.forumThreads(), store.forumAccounts()), week.tally(), core.writer(),
                new AnnounceAward.Channels(core.forum(), chat), config.calendar().zone(), core.baseUrl(),
                core.forumKeys(), core.clock());
        this.managePoll = new ManagePoll(new ManagePoll.Stores(store.transactions(), store.polls(), store.awards(),
                store.teams(), store.outbox(), store.audit()), week.tally(), announce, core.clock());
        this.ballots = new CastBallot(store.polls(), store.ballots(), participation.ledger(), participation.levels(),
                store.users(), store.teams(), store.forumAccounts(), award.eligibility(), core.writes(), core.clock());
        this.nominations = new Nominations(new Nominations.Stores(store.transactions(), store.nominations(),
                store.polls(), store.teams(), store.audit()), managePoll, participation.levels(),
                Nominations.DEFAULT_LIMIT, core.clock());
        this.schedule = new AwardSchedule(store.transactions(), store.polls(), store.leases(), store.audit(),
                week.tally(), core.clock(), core.instance(), SCHEDULE_LEASE);
    }

    public AnnounceAward announce() {
        return announce;
    }

    public ManagePoll managePoll() {
        return managePoll;
    }

    public CastBallot ballots() {
        return ballots;
    }

    public Nominations nominations() {
        return nominations;
    }

    public AwardSchedule schedule() {
        return schedule;
    }

    /** What the poll's routes and page ask for. */
    public PollRoutes.UseCases polls() {
        return new PollRoutes.UseCases(week.overview(), ballots, managePoll, announce, nominations,
                participation.levels(), participation.ledger());
    }

    /** What the poll's page models ask for (the poll's page, the home page's card, the desk's). */
    public PollModel.UseCases pollModels() {
        return new PollModel.UseCases(week.overview(), ballots, announce, nominations, participation.levels(),
                participation.ledger());
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new PollRoutes(polls(), web.gate(), web.limits()),
                new NominationRoutes(nominations),
                new PollPage(pollModels(), new PollModel(pollModels(), web.markdown()), web.chrome(), web.gate(),
                        web.limits()));
    }

    @Override
    public Map<String, Outbox.Handler> deliveries() {
        return Map.of(AnnounceAward.FORUM, announce::deliverForum,
                AnnounceAward.CHAT, announce::deliverChat,
                RecogniseWinners.RECOGNISE, announce.recognition()::deliverRecognition,
                RecogniseWinners.BADGE, announce.recognition()::deliverBadge,
                RecogniseWinners.GROUP, announce.recognition()::deliverGroup);
    }

    /** A chat webhook cannot tell a repeat: a message cut off mid-way waits for a person. */
    @Override
    public Set<String> unrepeatable() {
        return Set.of(AnnounceAward.CHAT);
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.every("award schedule", SCHEDULE_EVERY, SCHEDULE_EVERY, schedule::run));
    }

    /** Polls whose time came while no instance ran are opened or closed before anyone asks. */
    @Override
    public void started() {
        schedule.run();
    }

    /** The schedule's lease is given up, so another instance goes on at once. */
    @Override
    public void stop() {
        schedule.stop();
    }
}
