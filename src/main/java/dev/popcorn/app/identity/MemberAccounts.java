package dev.popcorn.app.identity;

import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.ForumAccountStore.Account;
import dev.popcorn.app.ForumAccountStore.State;
import dev.popcorn.app.TeamStore;
import dev.popcorn.app.UserStore;
import dev.popcorn.domain.User;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Team members linked to their forum accounts by the forum user name they carry
 * ({@link Member#userId()}): each name is looked up on the forum in the background (never on a
 * request), kept up to date by sign-ins and the forum's webhooks, and answered to recognition,
 * the own-team voting rule and participation mirroring. A name that cannot be linked is listed
 * with the reason ({@link #unresolved()}), for the lead's dashboard.
 *
 * <p>A member entry written before names were looked up may carry a Popcorn user id (the forum's
 * numeric id of a user who signed in); it stays linked to that user without asking the forum.
 */
public final class MemberAccounts {

    /** How soon a name the forum could not be asked about is asked again. */
    static final Duration RETRY_UNAVAILABLE = Duration.ofMinutes(1);
    /** How soon a name the forum did not have is asked again (the user may have registered since). */
    static final Duration RECHECK_MISSING = Duration.ofHours(1);
    /** At most this many names are looked up in one background run, so a large team list is paced over several. */
    static final int PER_RUN = 20;

    /** Why a member cannot be recognised on the forum; {@code reason} is a message key, {@code detail} the forum's words. */
    public record Unresolved(String teamSlug, String teamName, String member, String name, String reason,
            String detail) {
    }

    private final IdentityProvider forum;
    private final ForumAccountStore accounts;
    private final TeamStore teams;
    private final UserStore users;
    private final boolean forumConfigured;
    private final Clock clock;

    /** {@code forumConfigured}: Popcorn has the forum's API key, so names can be looked up. */
    public MemberAccounts(IdentityProvider forum, ForumAccountStore accounts, TeamStore teams, UserStore users,
            boolean forumConfigured, Clock clock) {
        this.forum = forum;
        this.accounts = accounts;
        this.teams = teams;
        this.users = users;
        this.forumConfigured = forumConfigured;
        this.clock = clock;
    }

    /**
     * Looks up the members' names the forum was never asked about, or not lately enough; answers
     * how many were asked. Safe on several instances at once (each write replaces one row).
     */
    public int resolveDue() {
        if (!forumConfigured) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Account> known = accounts.all().stream()
                .collect(Collectors.toMap(a -> key(a.name()), Function.identity(), (a, b) -> a));
        int asked = 0;
        for (String name : memberNames()) {
            Account account = known.get(key(name));
            if (account != null && !due(account, now)) {
                continue;
            }
            if (asked >= PER_RUN) {
                break;
            }
            Optional<Account> legacy = legacy(name, now);
            if (legacy.isPresent()) {
                accounts.save(legacy.get());
                continue;
            }
            asked++;
            IdentityProvider.Lookup lookup = forum.lookUp(name);
            accounts.save(switch (lookup.state()) {
                case LINKED ->
                    Account.linked(name, lookup.forumId(), lookup.username(), String.valueOf(lookup.forumId()), now);
                case MISSING -> new Account(name, State.MISSING, null, null, null, "", now);
                case UNAVAILABLE -> new Account(name, State.UNAVAILABLE, null, null, null, lookup.problem(), now);
            });
        }
        return asked;
    }

    private static boolean due(Account account, Instant now) {
        return switch (account.state()) {
            case LINKED -> false;
            case MISSING -> !account.checkedAt().plus(RECHECK_MISSING).isAfter(now);
            case UNAVAILABLE -> !account.checkedAt().plus(RETRY_UNAVAILABLE).isAfter(now);
        };
    }

    /** A member entry that names a Popcorn user who signed in through the forum (the old way): linked as it was. */
    private Optional<Account> legacy(String name, Instant now) {
        Optional<User> user = users.find(name);
        if (user.isEmpty() || user.get().forumUsername() == null || user.get().forumUsername().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Account.linked(name, forumId(name), user.get().forumUsername(), name, now));
    }

    /**
     * What the forum vouched for at a sign-in or told in a webhook: the user {@code externalId}
     * (their Popcorn id, the forum's id) is called {@code username}. Updates the names members
     * carry; a name that no longer belongs to that user (renamed on the forum) is asked about again.
     */
    public void linked(String username, String externalId) {
        if (username == null || username.isBlank() || externalId == null || externalId.isBlank()) {
            return;
        }
        Instant now = clock.instant();
        Long forumId = forumId(externalId);
        if (forumId != null) {
            for (Account old : accounts.byForumId(forumId)) {
                if (!key(old.name()).equals(key(username))) {
                    accounts.forget(old.name());
                }
            }
        }
        Optional<Account> known = accounts.find(username);
        String name = known.map(Account::name)
                .orElseGet(() -> memberNames().stream().filter(n -> key(n).equals(key(username))).findFirst()
                        .orElse(null));
        if (name != null) {
            accounts.save(Account.linked(name, forumId, username, externalId, now));
        }
    }

    /** The forum user name behind a member's name, when it is linked. */
    public Optional<String> forumUsername(String memberName) {
        if (memberName == null || memberName.isBlank()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(memberName).filter(Account::linked);
        if (account.isPresent()) {
            return Optional.ofNullable(account.get().forumUsername());
        }
        return legacy(memberName, clock.instant()).map(Account::forumUsername);
    }

    /** The account behind a member's name, as far as it is known. */
    public Optional<Account> account(String memberName) {
        return memberName == null || memberName.isBlank() ? Optional.empty() : accounts.find(memberName);
    }

    /**
     * The names members carry that stand for this Popcorn user, including the user id itself (a
     * member entry may name the user by it): what the own-team rule and participation mirroring match.
     */
    public List<String> memberNamesOf(String userId) {
        Set<String> names = new LinkedHashSet<>();
        names.add(userId);
        names.addAll(accounts.namesOf(userId));
        return List.copyOf(names);
    }

    /** Whether there is a forum to recognise members on at all. */
    public boolean forumConfigured() {
        return forumConfigured;
    }

    /**
     * Every team member who cannot be recognised on the forum, with the reason: no forum user name
     * given, no forum configured, not looked up yet, no such forum user, or the forum did not answer.
     */
    public List<Unresolved> unresolved() {
        Map<String, Account> known = accounts.all().stream()
                .collect(Collectors.toMap(a -> key(a.name()), Function.identity(), (a, b) -> a));
        List<Unresolved> list = new ArrayList<>();
        for (Team team : teams.all()) {
            for (Member member : team.members()) {
                String name = member.userId();
                if (name.isEmpty()) {
                    list.add(new Unresolved(team.slug(), team.name(), member.name(), "", "member.forum.noName", ""));
                    continue;
                }
                Account account = known.get(key(name));
                if (account != null && account.linked()) {
                    continue;
                }
                if (!forumConfigured) {
                    list.add(new Unresolved(team.slug(), team.name(), member.name(), name, "member.forum.off", ""));
                } else if (account == null) {
                    list.add(new Unresolved(team.slug(), team.name(), member.name(), name, "member.forum.notYet", ""));
                } else if (account.state() == State.MISSING) {
                    list.add(new Unresolved(team.slug(), team.name(), member.name(), name, "member.forum.missing", ""));
                } else {
                    list.add(new Unresolved(team.slug(), team.name(), member.name(), name, "member.forum.unavailable",
                            account.problem()));
                }
            }
        }
        return list;
    }

    private List<String> memberNames() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Team team : teams.all()) {
            for (Member member : team.members()) {
                if (!member.userId().isEmpty() && seen.add(key(member.userId()))) {
                    names.add(member.userId());
                }
            }
        }
        return names;
    }

    private static Long forumId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
