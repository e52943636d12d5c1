package dev.popcorn.app.award;

import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.award.AnnounceAward.Publishing;
import dev.popcorn.app.award.AnnounceAward.Stores;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.app.forum.ForumKeys;
import dev.popcorn.app.forum.ForumThreadStore;
import dev.popcorn.domain.team.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The winners recognised on the forum once their announcement is there: the winners' badge for each
 * member of a winning team, with the announcement's topic as the reason (Discourse accepts only a
 * link to a topic or post of its own), and the winners' group. Each step is an outbox task of its
 * own, so that one refusal does not hold back another; a member whose forum user name is not linked
 * to a forum account is shown as unresolved, never as done.
 */
public final class RecogniseWinners {

    /**
     * Before issue 15: the winners' badge and group in one task. Approvals no longer file it; a task
     * left from then files the tasks below once the announcement is on the forum.
     */
    public static final String RECOGNISE = "award.recognise";
    /** The winners' badge for one member; the ref is "poll id/member's forum user name". */
    public static final String BADGE = "award.badge";
    /** The winners' group for the members of the winning teams; the ref is the poll id. */
    public static final String GROUP = "award.group";

    private final Stores stores;
    private final Forum forum;
    private final ForumKeys keys;
    private final Function<String, List<Member>> winningMembers;
    private final Clock clock;

    /** {@code winningMembers}: the members of the winning teams of the poll {@code ref}, each forum user name once. */
    RecogniseWinners(Stores stores, Forum forum, ForumKeys keys, Function<String, List<Member>> winningMembers,
            Clock clock) {
        this.stores = stores;
        this.forum = forum;
        this.keys = keys;
        this.winningMembers = winningMembers;
        this.clock = clock;
    }

    /**
     * Each step of recognition: the badge per winning member (or why the member cannot get it) and
     * the group; nothing where the forum recognises nobody.
     */
    List<Publishing> steps(String ref) {
        List<Publishing> list = new ArrayList<>();
        if (!forum.enabled() || !forum.recognises()) {
            return list;
        }
        for (Member member : winningMembers.apply(ref)) {
            Optional<String> username = forumUsername(member.userId());
            if (username.isEmpty()) {
                list.add(new Publishing(forum.grantsBadge() ? "badge" : "group", member.name(), "UNRESOLVED",
                        unresolvedReason(member.userId())));
            } else if (forum.grantsBadge()) {
                list.add(AnnounceAward.state(stores.outbox(), "badge", member.name(), BADGE,
                        ref + "/" + member.userId()));
            }
        }
        if (forum.joinsGroup()) {
            list.add(AnnounceAward.state(stores.outbox(), "group", "", GROUP, ref));
        }
        return list;
    }

    /** The outbox handler of {@link #RECOGNISE} (tasks filed before issue 15): files the steps once the announcement is there. */
    public void deliverRecognition(String ref) {
        if (announcementThread(Long.parseLong(ref)).isEmpty()) {
            throw new DeliveryFailure("the announcement is not on the forum yet; recognition follows it", true, null,
                    null);
        }
        file(ref);
    }

    /** Files the recognition steps of the approved poll {@code ref}, once its announcement is on the forum. */
    void file(String ref) {
        if (!forum.recognises()) {
            return;
        }
        Instant now = clock.instant();
        if (forum.grantsBadge()) {
            for (Member member : winningMembers.apply(ref)) {
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
        for (Member member : winningMembers.apply(ref)) {
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
            throw new DeliveryFailure("not linked to a forum account yet: " + String.join(", ", unresolved), true, null,
                    null);
        }
    }

    /** Where the poll's announcement is on the forum: under this installation's key, or the key of a version before it. */
    Optional<ForumThreadStore.Kept> announcementThread(long pollId) {
        return stores.threads().find(keys.award(pollId))
                .or(() -> stores.threads().find(ForumKeys.legacy("award", pollId)));
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
        return stores.users().find(name).map(dev.popcorn.domain.User::forumUsername)
                .filter(n -> n != null && !n.isBlank());
    }

    private Optional<ForumAccountStore> accounts() {
        return Optional.ofNullable(stores.accounts());
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
}
