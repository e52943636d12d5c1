package dev.popcorn.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.MutableClock;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lead rights that follow the forum, and passes that hold only until their user revokes them. */
class ForumAccountsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStores stores = new MemoryStores();
    private final Passes passes = new Passes("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            clock);
    private final SignIn signIn = new SignIn(passes, stores.users(), stores.transactions(), stores.audit(),
            new SignIn.Settings("admin-token-0123456789", "", Duration.ofDays(30), Duration.ofDays(90)), clock);
    /** What the forum says about each user name's groups now; absent: the forum does not answer. */
    private final Map<String, List<String>> forumGroups = new HashMap<>();
    private final ForumAccounts accounts = new ForumAccounts(new Forum(), stores.signInNonces(), stores.users(), signIn,
            passes, new ForumAccounts.Settings(() -> "http://popcorn.test/signin/forum/return", Duration.ofMinutes(10),
                    List.of("popcorn-leads")),
            clock);

    @Test
    void theLeadCheckTakesLeadRightsFromWhoeverLeftTheLeadGroupsAndKeepsThemWhenTheForumIsSilent() {
        UserStore users = stores.users();
        for (String[] lead : new String[][] {{"1", "ann"}, {"2", "bob"}, {"3", "cy"}}) {
            users.upsertFromForum(
                    new ForumIdentity(lead[0], lead[1], lead[1], "", List.of("popcorn-leads"), false, false), NOW);
            users.setLead(lead[0], true);
        }
        String annsSession = passes.issue(Kind.SESSION, "1", "ann", Role.LEAD, Duration.ofDays(30));
        forumGroups.put("ann", List.of("trust_level_3"));
        forumGroups.put("bob", List.of("popcorn-leads", "trust_level_4"));
        // cy: the forum does not answer.

        ForumAccounts.LeadCheck check = accounts.checkLeads();

        assertThat(check.checked()).isEqualTo(3);
        assertThat(check.demoted()).containsExactly("1");
        assertThat(signIn.session(annsSession).role()).as("ann is herself, no longer a lead").isEqualTo(Role.USER);
        assertThat(users.leadRole("2").orElseThrow().lead()).isTrue();
        assertThat(users.leadRole("3").orElseThrow().lead()).isTrue();
    }

    @Test
    void signingOutEverywhereRefusesEveryEarlierPassAndNoLaterOne() {
        String session = signIn.withLink(passes.issue(Kind.LINK, "amy", "Amy", Role.USER, Duration.ofDays(14)));
        String api = signIn.apiPass(signIn.session(session));
        clock.advance(Duration.ofMillis(1));
        signIn.signOutEverywhere("amy");
        for (String[] held : new String[][] {{session, "SESSION"}, {api, "API"}}) {
            assertThatThrownBy(() -> {
                if (held[1].equals("SESSION")) {
                    signIn.session(held[0]);
                } else {
                    signIn.api(held[0]);
                }
            }).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("pass.revoked"));
        }
        clock.advance(Duration.ofMillis(1));
        String again = signIn.withLink(passes.issue(Kind.LINK, "amy", "Amy", Role.USER, Duration.ofDays(14)));
        assertThat(signIn.session(again).userId()).isEqualTo("amy");
    }

    @Test
    void aSessionCannotMintASessionNorAnApiPassAnother() {
        String session = passes.issue(Kind.SESSION, "amy", "Amy", Role.USER, Duration.ofDays(30));
        assertThatThrownBy(() -> signIn.withLink(session)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo("pass.wrongKind.link"));
        String api = signIn.apiPass(signIn.session(session));
        assertThatThrownBy(() -> signIn.apiPass(signIn.api(api))).isInstanceOf(RuleViolation.class);
    }

    /** The forum as far as the lead check asks it. */
    private final class Forum implements IdentityProvider {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String signInUrl(String nonce, String returnUrl) {
            return "http://forum.test/session/sso_provider?nonce=" + nonce;
        }

        @Override
        public Answer verify(String sso, String sig) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<List<String>> groupsOf(String username) {
            return Optional.ofNullable(forumGroups.get(username));
        }

        @Override
        public Optional<Change> readWebhook(String event, String body) {
            throw new UnsupportedOperationException();
        }
    }
}
