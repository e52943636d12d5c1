package dev.popcorn.app.award;

import dev.popcorn.app.Announcement;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.Member;
import dev.popcorn.domain.Poll;
import dev.popcorn.domain.PollResult;
import dev.popcorn.domain.Release;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Standing;
import dev.popcorn.domain.Team;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The winner announcement: drafted from the templates while the lead reviews, frozen at approval,
 * then delivered through the outbox to the forum and the chat webhook, each at most once.
 */
public final class AnnounceAward {

    /** Outbox kinds; the ref is the poll id. */
    public static final String FORUM = "award.forum";
    public static final String CHAT = "award.chat";
    /** The winners' badge and group on the forum. */
    public static final String RECOGNISE = "award.recognise";

    /** The title every announcement carries, in both languages. */
    public static final String AWARD_NAME = "爆米花奖 · Popcorn Award";

    /** How many approved polls' cards are kept rendered (the most recently shown). */
    static final int CARDS_KEPT = 32;

    /** Where an approved announcement stands on one channel ({@code forum}, {@code chat}). */
    public record Publishing(String channel, String state, String error) {
    }

    /** Where the facts come from, and where a posted announcement is kept. */
    public record Stores(PollStore polls, OutboxStore outbox, ReleaseStore releases, TeamStore teams, UserStore users,
            ForumThreadStore threads) {
    }

    /** Where the announcement goes: the forum and the chat webhook, each maybe not configured. */
    public record Channels(Forum forum, ChatWebhook chat) {
    }

    private final Stores stores;
    private final Tally tally;
    private final AnnouncementWriter writer;
    private final Forum forum;
    private final ChatWebhook chat;
    private final ZoneId zone;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    /** Approved cards, rendered once: an approved poll's card no longer changes. Guarded by itself. */
    private final Map<CardKey, byte[]> approvedCards = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CardKey, byte[]> eldest) {
            return size() > CARDS_KEPT;
        }
    };

    private record CardKey(long poll, Instant approvedAt) {
    }

    public AnnounceAward(Stores stores, Tally tally, AnnouncementWriter writer, Channels channels, ZoneId zone,
            Supplier<String> baseUrl, Clock clock) {
        this.stores = stores;
        this.tally = tally;
        this.writer = writer;
        this.forum = channels.forum();
        this.chat = channels.chat();
        this.zone = zone;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The outbox kinds an approval files: the channels that are configured. */
    public List<String> channels() {
        List<String> kinds = new ArrayList<>();
        if (forum.enabled()) {
            kinds.add(FORUM);
        }
        if (chat.enabled()) {
            kinds.add(CHAT);
        }
        if (forum.enabled() && forum.recognises()) {
            kinds.add(RECOGNISE);
        }
        return kinds;
    }

    /** Per configured channel: not sent yet, being sent, posted, or failed with the other side's words. */
    public List<Publishing> publishing(long pollId) {
        return channels().stream().map(kind -> stores.outbox().find(kind, String.valueOf(pollId))
                        .map(task -> new Publishing(channel(kind), task.state().name(), task.lastError()))
                        .orElse(new Publishing(channel(kind), "NOT_YET", "")))
                .toList();
    }

    private static String channel(String kind) {
        return kind.substring(kind.indexOf('.') + 1);
    }

    public AwardFacts facts(Poll poll) {
        return facts(poll, tally.of(poll));
    }

    public AwardFacts facts(Poll poll, PollResult result) {
        Release release = stores.releases().find(poll.releaseId())
                .orElseThrow(() -> RuleViolation.notFound("release.unknown", poll.releaseId()));
        List<AwardFacts.Winner> winners = new ArrayList<>();
        for (Standing standing : result.winners()) {
            Team team = stores.teams().find(standing.candidate().teamSlug()).orElseThrow();
            List<Member> members = team.members().stream()
                    .map(m -> new Member(m.name(), absolute(m.photoUrl()), m.userId()))
                    .toList();
            winners.add(new AwardFacts.Winner(team.slug(), team.name(), standing.candidate().title(),
                    standing.candidate().pitch(), standing.votes(), standing.share(), members));
        }
        String results = baseUrl.get() + "/polls/" + poll.id();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        stores.teams().all().forEach(t -> names.put(t.slug(), t.name()));
        return new AwardFacts(poll.id(), release.version(), release.shippedAt().atZone(zone).toLocalDate(), winners,
                result, tally.voters(poll), names, results, results + "/card.png");
    }

    /** The text that goes out: the lead's own, or the templates' draft. */
    public String text(Poll poll, PollResult result) {
        return poll.announcement().isBlank() ? writer.text(facts(poll, result)) : poll.announcement();
    }

    /**
     * The winner card of a poll as it stands: rendered for every look while a lead reviews it,
     * rendered once when approved (the public and the forum get the same bytes).
     */
    public byte[] card(Poll poll) {
        if (poll.approvedAt() == null) {
            return writer.card(facts(poll));
        }
        CardKey key = new CardKey(poll.id(), poll.approvedAt());
        synchronized (approvedCards) {
            byte[] kept = approvedCards.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // Rendered outside the lock: two first looks at once may both render, and the first kept wins.
        byte[] rendered = writer.card(facts(poll));
        synchronized (approvedCards) {
            byte[] kept = approvedCards.putIfAbsent(key, rendered);
            return kept == null ? rendered : kept;
        }
    }

    /** The outbox handler of {@link #CHAT}. */
    public void deliverChat(String ref) {
        chat.post(announcement(ref));
    }

    /** The outbox handler of {@link #FORUM}: the announcement, posted once and never edited. */
    public void deliverForum(String ref) {
        Forum.Posted posted = forum.announceWinners(announcement(ref));
        stores.threads().save(new ForumThreadStore.Kept("popcorn-award-" + ref, posted, "", clock.instant()));
    }

    /** The outbox handler of {@link #RECOGNISE}: the winners who are forum users get the badge and group. */
    public void deliverRecognition(String ref) {
        List<String> usernames = stores.users().forumUsernames(winningUserIds(ref));
        if (!usernames.isEmpty()) {
            forum.recognise(usernames, baseUrl.get() + "/polls/" + ref);
        }
    }

    /** The approved announcement of the poll {@code ref}, as the outbox delivers it. */
    public Announcement announcement(String ref) {
        long pollId = Long.parseLong(ref);
        Poll poll = stores.polls().find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        AwardFacts facts = facts(poll);
        Release release = stores.releases().find(poll.releaseId()).orElseThrow();
        List<Announcement.Photo> photos = new ArrayList<>();
        for (AwardFacts.Winner winner : facts.winners()) {
            for (Member member : winner.members()) {
                if (!member.photoUrl().isBlank()) {
                    writer.photo(member.photoUrl())
                            .ifPresent(png -> photos.add(new Announcement.Photo(member.name(), member.photoUrl(), png)));
                }
            }
        }
        return new Announcement(pollId, "🍿 " + AWARD_NAME + " · " + release.version(), poll.announcement(),
                card(poll), facts.cardUrl(), facts.resultsUrl(), photos);
    }

    /** The forum users among the members of the winning teams, as their member entries name them. */
    List<String> winningUserIds(String ref) {
        long pollId = Long.parseLong(ref);
        Poll poll = stores.polls().find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        return facts(poll).winners().stream().flatMap(w -> w.members().stream())
                .map(Member::userId).filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    private String absolute(String url) {
        return url.startsWith("/") ? baseUrl.get() + url : url;
    }
}
