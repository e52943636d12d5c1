package dev.popcorn.app.award;

import dev.popcorn.app.Announcement;
import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.AnnouncementText;
import dev.popcorn.domain.award.Place;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
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
    /** The title every announcement carries, in both languages. */
    public static final String AWARD_NAME = "爆米花奖 · Popcorn Award";

    /** How many approved polls' cards are kept rendered (the most recently shown). */
    static final int CARDS_KEPT = 32;

    /**
     * Where an approved announcement stands on one channel ({@code forum}, {@code chat}) or one step
     * of recognition ({@code badge} for the member {@code who}, {@code group}). State {@code UNRESOLVED}:
     * the member's forum user name is not linked to a forum account ({@code error} says why).
     */
    public record Publishing(String channel, String who, String state, String error) {
        public Publishing(String channel, String state, String error) {
            this(channel, "", state, error);
        }
    }

    /** Where the facts come from, where a posted announcement is kept, and the forum accounts of members. */
    public record Stores(PollStore polls, OutboxStore outbox, ReleaseStore releases, TeamStore teams, UserStore users,
            ForumThreadStore threads, ForumAccountStore accounts) {
        public Stores(PollStore polls, OutboxStore outbox, ReleaseStore releases, TeamStore teams, UserStore users,
                ForumThreadStore threads) {
            this(polls, outbox, releases, teams, users, threads, null);
        }
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
    private final ForumKeys keys;
    private final RecogniseWinners recognition;
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
        this(stores, tally, writer, channels, zone, baseUrl, new ForumKeys(""), clock);
    }

    /** {@code keys} name this installation's announcement on the forum. */
    public AnnounceAward(Stores stores, Tally tally, AnnouncementWriter writer, Channels channels, ZoneId zone,
            Supplier<String> baseUrl, ForumKeys keys, Clock clock) {
        this.keys = keys;
        this.stores = stores;
        this.tally = tally;
        this.writer = writer;
        this.forum = channels.forum();
        this.chat = channels.chat();
        this.zone = zone;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.recognition = new RecogniseWinners(stores, channels.forum(), keys, this::winningMembers, clock);
    }

    /** The recognition of the winners on the forum, which follows the announcement there. */
    public RecogniseWinners recognition() {
        return recognition;
    }

    /**
     * The outbox kinds an approval files: the channels that are configured. Recognition is filed
     * by the forum's delivery once the announcement is there, since the badge's reason links to it.
     */
    public List<String> channels() {
        List<String> kinds = new ArrayList<>();
        if (forum.enabled()) {
            kinds.add(FORUM);
        }
        if (chat.enabled()) {
            kinds.add(CHAT);
        }
        return kinds;
    }

    /**
     * Per configured channel: not sent yet, being sent, posted, or failed with the other side's words;
     * then each recognition step: the badge per winning member (or why the member cannot get it) and the group.
     */
    public List<Publishing> publishing(long pollId) {
        String ref = String.valueOf(pollId);
        List<Publishing> list = new ArrayList<>(
                channels().stream().map(kind -> state(stores.outbox(), channel(kind), "", kind,
                        ref)).toList());
        list.addAll(recognition.steps(ref));
        return list;
    }

    static Publishing state(OutboxStore outbox, String channel, String who, String kind, String ref) {
        return outbox.find(kind, ref)
                .map(task -> new Publishing(channel, who, task.state().name(), task.lastError()))
                .orElse(new Publishing(channel, who, "NOT_YET", ""));
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
        for (Place standing : result.winners()) {
            Team team = stores.teams().find(standing.candidate().teamSlug()).orElseThrow();
            List<Member> members = team.members().stream()
                    .map(m -> new Member(m.name(), absolute(m.photoUrl()), m.userId()))
                    .toList();
            winners.add(new AwardFacts.Winner(team.slug(), team.name(), standing.candidate().title(),
                    standing.candidate().titleFor(java.util.Locale.SIMPLIFIED_CHINESE),
                    standing.candidate().pitch(), standing.candidate().pitchFor(java.util.Locale.SIMPLIFIED_CHINESE),
                    standing.votes(), standing.share(), members));
        }
        String results = baseUrl.get() + "/polls/" + poll.id();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        stores.teams().all().forEach(t -> names.put(t.slug(), t.name()));
        return new AwardFacts(poll.id(), release.version(), release.shippedAt().atZone(zone).toLocalDate(), winners,
                result, names, results, results + "/card.png");
    }

    /**
     * The words a lead edits: their own, or the templates' draft; each language's marker line holds the place
     * of the result. An approved poll's words are its frozen text.
     */
    public String words(Poll poll, PollResult result) {
        return poll.announcement().isBlank() ? templateWords(poll, result) : poll.announcement();
    }

    /** The announcement's languages, in the order their texts follow each other in it. */
    public List<String> languages() {
        return writer.languages();
    }

    /** The templates' words for the poll, whatever the lead wrote: what "back to the template" gives. */
    public String templateWords(Poll poll, PollResult result) {
        return writer.words(facts(poll, result));
    }

    /** The text that goes out: the words, with the result written into them from {@code result}. */
    public String text(Poll poll, PollResult result) {
        return fill(poll, result, words(poll, result));
    }

    /** {@code words} (as a lead has them on screen) with the result of the poll written in. */
    public String fill(Poll poll, PollResult result, String words) {
        return AnnouncementText.fill(words, writer.results(facts(poll, result)));
    }

    /** Refuses (409) words that contradict {@code result} ({@link AnnouncementText#check}). */
    public void check(String words, PollResult result) {
        AnnouncementText.check(words, writer.languages(), result);
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

    /**
     * The outbox handler of {@link #FORUM}: the announcement, posted once and never edited; then the
     * recognition steps, each a task of its own ({@link RecogniseWinners}),
     * so that one refusal does not hold back another and the badge's reason can link to the announcement.
     */
    public void deliverForum(String ref) {
        long pollId = Long.parseLong(ref);
        if (recognition.announcementThread(pollId).isEmpty()) {
            Forum.Posted posted = forum.announceWinners(keys.award(pollId), announcement(ref));
            stores.threads().save(new ForumThreadStore.Kept(keys.award(pollId), posted, "", clock.instant()));
        }
        recognition.file(ref);
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
                            .ifPresent(
                                    png -> photos.add(new Announcement.Photo(member.name(), member.photoUrl(), png)));
                }
            }
        }
        return new Announcement(pollId, "🍿 " + AWARD_NAME + " · " + release.version(), poll.announcement(),
                card(poll), facts.cardUrl(), facts.resultsUrl(), photos);
    }

    /** The members of the winning teams, each forum user name once (members without one all kept). */
    List<Member> winningMembers(String ref) {
        long pollId = Long.parseLong(ref);
        Poll poll = stores.polls().find(pollId).orElseThrow(() -> RuleViolation.notFound("poll.unknown", pollId));
        java.util.Set<String> seen = new java.util.HashSet<>();
        return facts(poll).winners().stream().flatMap(w -> w.members().stream())
                .filter(m -> m.userId().isBlank() || seen.add(m.userId().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    private String absolute(String url) {
        return url.startsWith("/") ? baseUrl.get() + url : url;
    }
}
