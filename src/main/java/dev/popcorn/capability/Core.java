package dev.popcorn.capability;

import dev.popcorn.announce.Announcements;
import dev.popcorn.announce.MarkdownTemplates;
import dev.popcorn.announce.Photos;
import dev.popcorn.announce.WinnerCard;
import dev.popcorn.app.GroupCommit;
import dev.popcorn.app.GroupCommitWatch;
import dev.popcorn.app.Replays;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
import dev.popcorn.app.outbox.OutboxTroubles;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.config.Config;
import dev.popcorn.config.WritesConfig;
import dev.popcorn.discourse.DiscourseClient;
import dev.popcorn.discourse.DiscourseConnect;
import dev.popcorn.discourse.DiscourseForum;
import dev.popcorn.jira.JiraTracker;
import dev.popcorn.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every capability may build on: the configuration, the store, the clock, where links point, this instance's
 * name, and the adapters several capabilities share (the forum, the tracker, the announcement writer). Made once per
 * server, before any capability.
 */
public final class Core {

    private final Config config;
    private final Store store;
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final String instance;
    private final Optional<DiscourseClient> forumClient;
    private final Forum forum;
    private final DiscourseConnect connect;
    private final IssueTracker tracker;
    private final ForumKeys forumKeys;
    private final Path photos;
    private final Photos pictures;
    private final Announcements writer;
    private final Replays replays;
    private final OutboxTroubles outboxTroubles;
    private final GroupCommit writes;

    /**
     * {@code baseUrl} is read when a link is written, so links point at the port really listened on (tests ask for
     * port 0); {@code instance} names this instance in leases; {@code watch} is told of every batch of the group
     * commit.
     */
    public Core(Config config, Store store, Clock clock, Supplier<String> baseUrl, String instance,
            GroupCommitWatch watch) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.instance = instance;
        this.forumClient = config.discourse().posting()
                ? Optional.of(new DiscourseClient(config.discourse(), clock)) : Optional.empty();
        this.forum = forumClient.<Forum>map(client -> new DiscourseForum(client, config.discourse()))
                .orElse(Forum.none());
        this.connect = new DiscourseConnect(config.discourse(), forumClient);
        this.tracker = JiraTracker.create(config.jira(), config.installationId(), clock);
        this.forumKeys = new ForumKeys(config.installationId());
        this.photos = config.dataDir().resolve("photos");
        this.pictures = new Photos(photos, baseUrl);
        this.writer = new Announcements(new MarkdownTemplates(config.award().templateDir(), config.award().languages()),
                new WinnerCard(pictures), pictures);
        this.replays = new Replays(store.webhookDeliveries(), clock);
        this.outboxTroubles = new OutboxTroubles(store.outbox(), clock);
        WritesConfig settings = config.writes();
        this.writes = new GroupCommit(store.transactions(),
                new GroupCommit.Settings(settings.batchSize(), settings.linger(), settings.queue()), watch);
    }

    public Config config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** Where links written to other systems and pages point; read each time a link is written. */
    public Supplier<String> baseUrl() {
        return baseUrl;
    }

    /** This instance's name in leases. */
    public String instance() {
        return instance;
    }

    /** Whether a forum is configured to post to (else {@link #forum()} does nothing). */
    public boolean forumPosting() {
        return forumClient.isPresent();
    }

    public Forum forum() {
        return forum;
    }

    /** Signing in through the forum and reading its users (DiscourseConnect). */
    public DiscourseConnect connect() {
        return connect;
    }

    public IssueTracker tracker() {
        return tracker;
    }

    public ForumKeys forumKeys() {
        return forumKeys;
    }

    /** The folder members' photos are copied to and served from. */
    public Path photos() {
        return photos;
    }

    /** Members' photos as the winner card and the announcements read them. */
    public Photos pictures() {
        return pictures;
    }

    /** The award's announcements and the forum's thread texts, from the editable templates. */
    public Announcements writer() {
        return writer;
    }

    /** Webhook bodies seen before, so that a replayed delivery changes nothing. */
    public Replays replays() {
        return replays;
    }

    /** The one group commit ballots and reports are written through, many in one transaction (ADR 0020). */
    public GroupCommit writes() {
        return writes;
    }

    /** The outbox's failed and waiting tasks, for the lead's desk and the tracker's API. */
    public OutboxTroubles outboxTroubles() {
        return outboxTroubles;
    }
}
