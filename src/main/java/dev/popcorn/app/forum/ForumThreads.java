package dev.popcorn.app.forum;

import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Popcorn says on the forum, delivered through the outbox: the week's release thread (from
 * the moment a release is opened), the poll thread (from the moment the poll opens; edited when it
 * closes), the approved winner announcement, the winners' badge and group, and a private message
 * to the users whose wish was done. A thread is created once and edited when its text changes:
 * {@link #plan} compares the text it would post with a fingerprint of the one posted last.
 */
public final class ForumThreads {

    /** Outbox kinds; the ref is the release id, the poll id, and "wish id/ticket key". */
    public static final String RELEASE = "forum.release";
    public static final String POLL = "forum.poll";
    public static final String WISH = "forum.wish";

    /** At most this many users in one private message (Discourse's default limit is higher). */
    private static final int RECIPIENTS_PER_MESSAGE = 20;

    /** Where the facts come from. */
    public record Stores(ForumThreadStore threads, OutboxStore outbox, ReleaseStore releases, PollStore polls,
            TeamStore teams, UserStore users, ReportStore reports, TicketStore tickets) {
    }

    private final Forum forum;
    private final Stores stores;
    private final ThreadWriter writer;
    private final Supplier<String> baseUrl;
    private final boolean forumSignIn;
    private final ZoneId zone;
    private final Clock clock;
    private final ForumKeys keys;

    /** {@code forumSignIn}: links in the threads pass through the forum sign-in, so users arrive signed in. */
    public ForumThreads(Forum forum, Stores stores, ThreadWriter writer, Supplier<String> baseUrl, boolean forumSignIn,
            ZoneId zone, Clock clock) {
        this(forum, stores, writer, baseUrl, forumSignIn, zone, new ForumKeys(""), clock);
    }

    /** {@code keys} name the threads of this installation on the forum. */
    public ForumThreads(Forum forum, Stores stores, ThreadWriter writer, Supplier<String> baseUrl, boolean forumSignIn,
            ZoneId zone, ForumKeys keys, Clock clock) {
        this.keys = keys;
        this.forum = forum;
        this.stores = stores;
        this.writer = writer;
        this.baseUrl = baseUrl;
        this.forumSignIn = forumSignIn;
        this.zone = zone;
        this.clock = clock;
    }

    public boolean enabled() {
        return forum.enabled();
    }

    /**
     * Files the outbox tasks the latest release needs: its thread, and its poll's once the poll is
     * open, when they were never posted or their text changed since. Safe on many instances at once.
     */
    public void plan() {
        if (!forum.enabled()) {
            return;
        }
        for (Release release : stores.releases().recent(1)) {
            fileIfChanged(RELEASE, release.id(), releaseThread(release));
            Optional<Poll> poll = stores.polls().findByRelease(release.id());
            if (poll.isPresent() && poll.get().stateAt(clock.instant()) != PollState.DRAFT) {
                fileIfChanged(POLL, poll.get().id(), pollThread(poll.get()));
            }
        }
    }

    private void fileIfChanged(String kind, long id, Forum.Thread thread) {
        String ref = String.valueOf(id);
        Optional<ForumThreadStore.Kept> kept = kept(thread.key(), kind, id);
        if (kept.isPresent() && kept.get().fingerprint().equals(fingerprint(thread))) {
            return;
        }
        Optional<OutboxStore.Task> task = stores.outbox().find(kind, ref);
        if (task.isPresent() && task.get().state() != OutboxStore.State.DONE) {
            // Pending: it posts the latest text when it runs. Failed: a person looks first.
            return;
        }
        Instant now = clock.instant();
        stores.outbox().enqueueOrRearm(kind, ref, now, now.plusNanos(1));
    }

    /** The outbox handler of {@link #RELEASE}. */
    public void deliverRelease(String ref) {
        long id = Long.parseLong(ref);
        Release release = stores.releases().find(id).orElseThrow(() -> RuleViolation.notFound("release.unknown", id));
        keep(RELEASE, id, releaseThread(release));
    }

    /** The outbox handler of {@link #POLL}. */
    public void deliverPoll(String ref) {
        long id = Long.parseLong(ref);
        Poll poll = stores.polls().find(id).orElseThrow(() -> RuleViolation.notFound("poll.unknown", id));
        keep(POLL, id, pollThread(poll));
    }

    /** The outbox handler of {@link #WISH}: the wish's supporters who are forum users hear it was done. */
    public void deliverWish(String ref) {
        long wishId = Long.parseLong(ref.substring(0, ref.indexOf('/')));
        String ticketKey = ref.substring(ref.indexOf('/') + 1);
        var wish = stores.reports().wishes(List.of(wishId)).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("wish.unknown", wishId));
        String shipsIn = stores.tickets().find(ticketKey).map(t -> String.join(", ", t.fixVersions())).orElse("");
        List<String> usernames = stores.users().forumUsernames(stores.reports().supporters(wishId));
        String text = writer
                .wishDone(new ForumNews.WishDone(wish.text(), ticketKey, shipsIn, baseUrl.get() + "/wishes/" + wishId));
        for (int from = 0; from < usernames.size(); from += RECIPIENTS_PER_MESSAGE) {
            List<String> batch = usernames.subList(from, Math.min(usernames.size(), from + RECIPIENTS_PER_MESSAGE));
            forum.tell(keys.wish(wishId, from / RECIPIENTS_PER_MESSAGE), batch,
                    "🍿 心愿实现了 · Your wish is done: " + ticketKey, text);
        }
    }

    /** The key of a release's thread on the forum. */
    public String releaseKey(long releaseId) {
        return keys.release(releaseId);
    }

    /** The key of a poll's thread on the forum. */
    public String pollKey(long pollId) {
        return keys.poll(pollId);
    }

    /**
     * Where this installation keeps the thread: under its key, or, posted by a version before
     * installation ids, under the old key in this database (then moved to the new key). The forum
     * is never searched for an old key: another installation may have written it (ADR 13).
     */
    private Optional<ForumThreadStore.Kept> kept(String key, String kind, long id) {
        Optional<ForumThreadStore.Kept> kept = stores.threads().find(key);
        if (kept.isPresent()) {
            return kept;
        }
        String legacy = ForumKeys.legacy(kind.substring(kind.indexOf('.') + 1), id);
        if (legacy.equals(key)) {
            return Optional.empty();
        }
        return stores.threads().find(legacy).map(old -> {
            ForumThreadStore.Kept moved = new ForumThreadStore.Kept(key, old.posted(), old.fingerprint(),
                    old.updatedAt());
            stores.threads().save(moved);
            return moved;
        });
    }

    private void keep(String kind, long id, Forum.Thread thread) {
        Optional<ForumThreadStore.Kept> kept = kept(thread.key(), kind, id);
        String fingerprint = fingerprint(thread);
        if (kept.isPresent() && kept.get().fingerprint().equals(fingerprint)) {
            return;
        }
        Forum.Posted posted = forum.publish(thread, kept.map(ForumThreadStore.Kept::posted));
        stores.threads().save(new ForumThreadStore.Kept(thread.key(), posted, fingerprint, clock.instant()));
    }

    private Forum.Thread releaseThread(Release release) {
        Poll poll = stores.polls().findByRelease(release.id()).orElse(null);
        List<ForumNews.Feature> features = release.features().stream()
                .map(f -> new ForumNews.Feature(f.summary(), f.summaryFor(Locale.SIMPLIFIED_CHINESE), f.key(),
                        teamName(f.teamSlug())))
                .toList();
        String pollPath = poll == null ? "/winners" : "/polls/" + poll.id();
        ForumNews.Release news = new ForumNews.Release(release.version(), features, link("/releases/" + release.id()),
                local(release.reportsCloseAt()), link(pollPath),
                local(poll == null ? release.shippedAt() : poll.opensAt()),
                local(poll == null ? release.reportsCloseAt() : poll.closesAt()));
        return new Forum.Thread(releaseKey(release.id()), "🍿 新版本 · Release " + release.version(),
                writer.releaseThread(news),
                stores.threads().database());
    }

    private Forum.Thread pollThread(Poll poll) {
        Release release = stores.releases().find(poll.releaseId()).orElseThrow();
        List<ForumNews.Candidate> candidates = new ArrayList<>();
        for (Candidate c : poll.candidates()) {
            if (c.status() == CandidateStatus.ACTIVE) {
                candidates.add(new ForumNews.Candidate(c.title(), c.titleFor(Locale.SIMPLIFIED_CHINESE),
                        teamName(c.teamSlug()), c.pitch(),
                        c.pitchFor(Locale.SIMPLIFIED_CHINESE), link("/polls/" + poll.id() + "#candidate-" + c.id())));
            }
        }
        boolean open = poll.stateAt(clock.instant()) == PollState.OPEN;
        ForumNews.Poll news = new ForumNews.Poll(release.version(), open, local(poll.closesAt()), candidates,
                link("/polls/" + poll.id()));
        return new Forum.Thread(pollKey(poll.id()), "🍿 爆米花奖投票 · Vote for the Popcorn Award · " + release.version(),
                writer.pollThread(news), stores.threads().database());
    }

    /** A page of Popcorn; through the forum sign-in when there is one, so the reader arrives signed in. */
    private String link(String path) {
        if (!forumSignIn) {
            return baseUrl.get() + path;
        }
        return baseUrl.get() + "/signin/forum?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private String teamName(String slug) {
        return stores.teams().find(slug).map(Team::name).orElse(slug);
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    static String fingerprint(Forum.Thread thread) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((thread.title() + "\n" + thread.text()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
