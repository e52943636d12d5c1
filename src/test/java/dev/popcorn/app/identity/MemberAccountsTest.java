package dev.popcorn.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.ForumAccountStore;
import dev.popcorn.app.ForumAccountStore.State;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Team members linked to forum accounts by the forum user name they carry, looked up in the background. */
class MemberAccountsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStores stores = new MemoryStores();
    /** The forum's users by name; a name mapped to null: the forum does not answer. */
    private final Map<String, IdentityProvider.Lookup> forum = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final IdentityProvider provider = new IdentityProvider() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String signInUrl(String nonce, String returnUrl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Answer verify(String sso, String sig) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<Change> readWebhook(String event, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<List<String>> groupsOf(String username) {
            return java.util.Optional.empty();
        }

        @Override
        public Lookup lookUp(String username) {
            asked.add(username);
            return forum.getOrDefault(username.toLowerCase(java.util.Locale.ROOT), Lookup.missing());
        }
    };
    private final MemberAccounts members = new MemberAccounts(provider, stores.forumAccounts(), stores.teams(),
            stores.users(), true, clock);

    private void team(String slug, String... forumNames) {
        List<Member> list = new ArrayList<>();
        for (String name : forumNames) {
            list.add(new Member("Member " + name, "", name));
        }
        list.add(new Member("Photographer", ""));
        stores.teams().save(new Team(slug, "Team " + slug, list));
    }

    @Test
    void aMemberNamedByForumUserNameIsLinkedInTheBackgroundAndAnUnknownNameIsShownWithItsReason() {
        forum.put("wanglei", IdentityProvider.Lookup.found(12, "wanglei"));
        team("camera", "WangLei", "nobody-here");

        assertThat(members.unresolved()).extracting(MemberAccounts.Unresolved::reason)
                .containsExactly("member.forum.notYet", "member.forum.notYet", "member.forum.noName");
        assertThat(members.resolveDue()).isEqualTo(2);

        ForumAccountStore.Account wanglei = stores.forumAccounts().find("wanglei").orElseThrow();
        assertThat(wanglei.state()).isEqualTo(State.LINKED);
        assertThat(wanglei.userId()).as("a forum user's Popcorn id is their forum id").isEqualTo("12");
        assertThat(members.forumUsername("WangLei")).contains("wanglei");
        assertThat(members.memberNamesOf("12")).containsExactly("12", "WangLei");
        assertThat(members.unresolved()).extracting(MemberAccounts.Unresolved::name, MemberAccounts.Unresolved::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nobody-here", "member.forum.missing"),
                        org.assertj.core.groups.Tuple.tuple("", "member.forum.noName"));

        // Nothing is asked again until a missing name is due (the user may have registered since).
        assertThat(members.resolveDue()).isZero();
        forum.put("nobody-here", IdentityProvider.Lookup.found(40, "nobody-here"));
        clock.advance(MemberAccounts.RECHECK_MISSING);
        assertThat(members.resolveDue()).isEqualTo(1);
        assertThat(members.unresolved()).extracting(MemberAccounts.Unresolved::reason)
                .containsExactly("member.forum.noName");
        assertThat(asked).containsExactly("WangLei", "nobody-here", "nobody-here");
    }

    @Test
    void aSilentForumIsAskedAgainAfterAMinuteAndNoForumAtAllIsSaid() {
        forum.put("lina", IdentityProvider.Lookup.unavailable("GET /u/lina.json: 502 Bad Gateway"));
        team("audio", "lina");
        members.resolveDue();
        assertThat(members.unresolved()).first().satisfies(u -> {
            assertThat(u.reason()).isEqualTo("member.forum.unavailable");
            assertThat(u.detail()).contains("502");
        });
        assertThat(members.resolveDue()).isZero();
        clock.advance(MemberAccounts.RETRY_UNAVAILABLE);
        forum.put("lina", IdentityProvider.Lookup.found(13, "lina"));
        assertThat(members.resolveDue()).isEqualTo(1);
        assertThat(members.forumUsername("lina")).contains("lina");

        MemberAccounts noForum = new MemberAccounts(provider, new MemoryStores().forumAccounts(), stores.teams(),
                stores.users(),
                false, clock);
        assertThat(noForum.resolveDue()).isZero();
        assertThat(noForum.unresolved()).extracting(MemberAccounts.Unresolved::reason)
                .containsExactly("member.forum.off", "member.forum.noName");
    }

    @Test
    void signInsAndWebhooksLinkANameAndARenameOnTheForumUnlinksTheOldOne() {
        team("camera", "zhaomin");
        members.linked("zhaomin", "77");
        assertThat(members.forumUsername("zhaomin")).contains("zhaomin");
        assertThat(asked).isEmpty();
        // Someone the teams do not name is not recorded.
        members.linked("stranger", "78");
        assertThat(stores.forumAccounts().all()).extracting(ForumAccountStore.Account::name).containsExactly("zhaomin");

        members.linked("zhaomin2026", "77");
        assertThat(members.forumUsername("zhaomin")).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        members.resolveDue();
        assertThat(members.unresolved()).extracting(MemberAccounts.Unresolved::reason)
                .containsExactly("member.forum.missing", "member.forum.noName");
    }

    @Test
    void aMemberEntryFromBeforeThatNamesASignedInUserByIdStaysLinkedWithoutAsking() {
        stores.users().upsertFromForum(new ForumIdentity("12", "wanglei", "Wang Lei", "", List.of(), false, false),
                NOW);
        team("camera", "12");
        members.resolveDue();
        assertThat(asked).isEmpty();
        assertThat(members.forumUsername("12")).contains("wanglei");
        assertThat(members.unresolved()).extracting(MemberAccounts.Unresolved::reason)
                .containsExactly("member.forum.noName");
    }
}
