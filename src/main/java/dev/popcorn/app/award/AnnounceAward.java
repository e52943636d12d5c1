package dev.popcorn.app.award;

import dev.popcorn.app.Announcement;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.PollStore;
import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The winner announcement: drafted from the templates while the lead reviews, frozen at approval,
 * then delivered through the outbox to the forum and the chat webhook, each at most once.
 */
public final class AnnounceAward {

    /** Outbox kinds; the ref is the poll id. */
    public static final String FORUM = "award.forum";
    public static final String CHAT = "award.chat";
    /**
     * Before issue 15: the winners' badge and group in one task. Approvals no longer file it; a task
     * left from then files the tasks below once the announcement is on the forum.
     */
    public static final String RECOGNISE = "award.recognise";
    /** The winners' badge for one member; the ref is "poll id/member's forum user name". */
    public static final String BADGE = "award.badge";
    /** The winners' group for the members of the winning teams; the ref is the poll id. */
    public static final String GROUP = "award.group";

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
        List<Publishing> list = new ArrayList<>(channels().stream().map(kind -> state(channel(kind), "", kind, ref)).toList());
        if (!forum.enabled() || !forum.recognises()) {
            return list;
        }
        for (Member member : winningMembers(ref)) {
            Optional<String> username = forumUsername(member.userId());
            if (username.isEmpty()) {
                list.add(new Publishing(forum.grantsBadge() ? "badge" : "group", member.name(), "UNRESOLVED",
                        unresolvedReason(member.userId())));
            } else if (forum.grantsBadge()) {
                list.add(state("badge", member.name(), BADGE, ref + "/" + member.userId()));
            }
        }
        if (forum.joinsGroup()) {
            list.add(state("group", "", GROUP, ref));
        }
        return list;
    }

    private Publishing state(String channel, String who, String kind, String ref) {
        return stores.outbox().find(kind, ref)
                .map(task -> new Publishing(channel, who, task.state().name(), task.lastError()))
                .orElse(new Publishing(channel, who, "NOT_YET", ""));
    }

    /** Why a member's name is not linked, in words for the dashboard (English; the page translates the state). */
    private String unresolvedReason(String name) {
        if (name.isBlank()) {
            return "no forum user name on the team";
        }
        Optional<ForumAccountStore.Account> account = accounts().flatMap(a -> a.find(name));
        if (account.isEmpty()) {
            return "“" + name + "” not looked up on the forum yet";
        }
        return account.get().state() == ForumAccountStore.State.MISSING ? "the forum has no user “" + name + "”"
                : "the forum could not be asked about “" + name + "”: " + account.get().problem();
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

    /**
     * The outbox handler of {@link #FORUM}: the announcement, posted once and never edited; then the
     * recognition steps, each a task of its own ({@link #BADGE} per winning member, {@link #GROUP}),
     * so that one refusal does not hold back another and the badge's reason can link to the announcement.
     */
    public void deliverForum(String ref) {
        long pollId = Long.parseLong(ref);
        if (announcementThread(pollId).isEmpty()) {
            Forum.Posted posted = forum.announceWinners(keys.award(pollId), announcement(ref));
            stores.threads().save(new ForumThreadStore.Kept(keys.award(pollId), posted, "", clock.instant()));
        }
        fileRecognition(ref);
    }

    /** The outbox handler of {@link #RECOGNISE} (tasks filed before issue 15): files the steps once the announcement is there. */
    public void deliverRecognition(String ref) {
        if (announcementThread(Long.parseLong(ref)).isEmpty()) {
            throw new DeliveryFailure("the announcement is not on the forum yet; recognition follows it", true, null, null);
        }
        fileRecognition(ref);
    }

    private void fileRecognition(String ref) {
        if (!forum.recognises()) {
            return;
        }
        Instant now = clock.instant();
        if (forum.grantsBadge()) {
            for (Member member : winningMembers(ref)) {
                if (!member.userId().isBlank()) {
                    stores.outbox().enqueue(BADGE, ref + "/" + member.userId(), now);
                }
            }
        }
        if (forum.joinsGroup()) {
            stores.outbox().enqueue(GROUP, ref, now);
        }
    }

    /**
     * The outbox handler of {@link #BADGE}: the badge for one winning member, with the announcement's
     * topic on the forum as the reason (Discourse accepts only a link to a topic or post of its own).
     * A member whose forum user name is not linked yet is tried again later, and shows as unresolved.
     */
    public void deliverBadge(String ref) {
        int slash = ref.indexOf('/');
        long pollId = Long.parseLong(ref.substring(0, slash));
        String name = ref.substring(slash + 1);
        ForumThreadStore.Kept announcement = announcementThread(pollId).orElseThrow(() -> new DeliveryFailure(
                "the announcement is not on the forum yet; the badge links to it", true, null, null));
        String username = forumUsername(name).orElseThrow(() -> new DeliveryFailure(
                "not linked to a forum account: " + unresolvedReason(name), true, null, null));
        forum.grantBadge(username, announcement.posted().url());
    }

    /**
     * The outbox handler of {@link #GROUP}: the winning teams' members join the winners' group. The
     * linked ones are added; while any is not linked, the task is tried again later.
     */
    public void deliverGroup(String ref) {
        List<String> usernames = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Member member : winningMembers(ref)) {
            if (member.userId().isBlank()) {
                continue;
            }
            forumUsername(member.userId()).ifPresentOrElse(usernames::add, () -> unresolved.add(member.userId()));
        }
        List<String> distinct = usernames.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            forum.joinWinners(distinct);
        }
        if (!unresolved.isEmpty()) {
            throw new DeliveryFailure("not linked to a forum account yet: " + String.join(", ", unresolved), true, null, null);
        }
    }

    /** Where the poll's announcement is on the forum: under this installation's key, or the key of a version before it. */
    private Optional<ForumThreadStore.Kept> announcementThread(long pollId) {
        return stores.threads().find(keys.award(pollId)).or(() -> stores.threads().find(ForumKeys.legacy("award", pollId)));
    }

    /**
     * The forum user name behind a member's name: linked through the forum's answer about it, or
     * (member entries from before) a Popcorn user id of someone who signed in through the forum.
     */
    private Optional<String> forumUsername(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<String> linked = accounts().flatMap(a -> a.find(name)).filter(ForumAccountStore.Account::linked)
                .map(ForumAccountStore.Account::forumUsername);
        if (linked.isPresent()) {
            return linked;
        }
        return stores.users().find(name).map(dev.popcorn.domain.User::forumUsername).filter(n -> n != null && !n.isBlank());
    }

    private Optional<ForumAccountStore> accounts() {
        return Optional.ofNullable(stores.accounts());
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
