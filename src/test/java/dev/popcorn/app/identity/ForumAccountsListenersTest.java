package dev.popcorn.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.identity.IdentityProvider.Change;
import dev.popcorn.domain.forum.ForumIdentity;
import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forum's groups fed back: the hand-level hook hears a change of the level by hand groups give, and sign-ins are heard. */
class ForumAccountsListenersTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String RETURN = "http://popcorn.test/signin/forum/return";

    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStores stores = new MemoryStores();
    private final Passes passes = new Passes("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            clock);
    private final SignIn signIn = new SignIn(passes, stores.users(), stores.transactions(), stores.audit(),
            new SignIn.Settings("admin-token-0123456789", "", Duration.ofDays(30), Duration.ofDays(90)), clock);
    private final ForumMirrorMap map = new ForumMirrorMap(LevelLadder.defaults(),
            Map.of("fan", "popcorn-fans", "honorary", "popcorn-honorary"), Map.of());
    private final List<String> heard = new ArrayList<>();
    private final Provider provider = new Provider();
    private final ForumAccounts accounts = new ForumAccounts(provider, stores.signInNonces(), stores.users(), signIn,
            passes,
            new ForumAccounts.Settings(() -> RETURN, Duration.ofMinutes(10), List.of()), null,
            new ForumAccounts.Listeners(map::handLevelFromGroups,
                    (user, level) -> heard.add(user + " " + level.orElse("-")), user -> heard.add(user + " signed in")),
            clock);

    private void signInAs(String id, String username, List<String> groups) {
        ForumAccounts.Started started = accounts.start("/");
        provider.identity = new ForumIdentity(id, username, username, "", groups, false, false);
        accounts.finish("sso", "sig", started.browserKey());
    }

    @Test
    void aSignInInTheHonoraryGroupGivesTheLevelAndEverySignInIsHeard() {
        signInAs("42", "xiaoyu", List.of("trust_level_2", "popcorn-honorary"));
        signInAs("7", "fan7", List.of("trust_level_1", "popcorn-fans"));
        clock.advance(Duration.ofMinutes(1));
        signInAs("42", "xiaoyu", List.of("trust_level_2", "popcorn-honorary"));

        assertThat(heard).containsExactly("42 honorary", "42 signed in", "7 signed in", "42 signed in");
    }

    @Test
    void groupWebhooksTellTheHookOnlyWhenTheLevelByHandChanges() {
        stores.users().upsertFromForum(
                new ForumIdentity("42", "xiaoyu", "xiaoyu", "", List.of("trust_level_2"), false, false),
                NOW);

        provider.groups = List.of("trust_level_2", "beta-testers");
        accounts.changed("user_added_to_group", hook(new Change("42", null, null, null, "beta-testers", null)), false);
        provider.groups = List.of("trust_level_2", "beta-testers", "popcorn-honorary");
        accounts.changed("user_added_to_group", hook(new Change("42", null, null, null, "popcorn-honorary", null)),
                false);
        provider.groups = List.of("trust_level_3", "popcorn-honorary");
        accounts.changed("user_updated",
                hook(new Change("42", "xiaoyu", 3, List.of("trust_level_3", "popcorn-honorary"),
                        null, null)),
                false);
        provider.groups = List.of("trust_level_3");
        accounts.changed("user_removed_from_group", hook(new Change("42", null, null, null, null, "popcorn-honorary")),
                false);
        accounts.changed("user_added_to_group", hook(new Change("99", null, null, null, "popcorn-honorary", null)),
                false);

        assertThat(heard).as("a user Popcorn does not know is not heard").containsExactly("42 honorary", "42 -");
        assertThat(stores.users().find("42").orElseThrow().groups()).containsExactly("trust_level_3");
    }

    @Test
    void aReplayedDeliveryWithAnotherEventHeaderGrantsNothingTheForumDoesNotSay() {
        stores.users().upsertFromForum(new ForumIdentity("42", "xiaoyu", "xiaoyu", "", List.of("trust_level_2",
                "popcorn-honorary"), false, false), NOW);
        // The forum took the honorary group away; the captured removal is sent again with the header of an addition.
        provider.groups = List.of("trust_level_2");
        accounts.changed("user_removed_from_group", hook(new Change("42", null, null, null, null, "popcorn-honorary")),
                false);
        accounts.changed("user_added_to_group", hook(new Change("42", null, null, null, "popcorn-honorary", null)),
                true);
        assertThat(stores.users().find("42").orElseThrow().groups()).as("the forum was asked")
                .containsExactly("trust_level_2");

        // The forum cannot be asked: a membership delivery only ever takes the group away.
        provider.groups = null;
        accounts.changed("user_added_to_group", hook(new Change("42", null, null, null, "popcorn-honorary", null)),
                false);
        assertThat(stores.users().find("42").orElseThrow().groups()).containsExactly("trust_level_2");

        // A user record naming a group they do not hold: granted only once the forum confirms it.
        accounts.changed("user_updated",
                hook(new Change("42", "xiaoyu", 2, List.of("trust_level_2", "popcorn-honorary"),
                        null, null)),
                false);
        assertThat(stores.users().find("42").orElseThrow().groups()).containsExactly("trust_level_2");
        provider.groups = List.of("trust_level_2", "popcorn-honorary");
        accounts.changed("user_updated",
                hook(new Change("42", "xiaoyu", 2, List.of("trust_level_2", "popcorn-honorary"),
                        null, null)),
                true);
        assertThat(stores.users().find("42").orElseThrow().groups()).as("a replayed record is not taken")
                .containsExactly("trust_level_2");
        accounts.changed("user_updated",
                hook(new Change("42", "xiaoyu", 3, List.of("trust_level_3", "popcorn-honorary"),
                        null, null)),
                false);
        assertThat(stores.users().find("42").orElseThrow().groups()).containsExactly("trust_level_2",
                "popcorn-honorary");
        assertThat(heard).containsExactly("42 -", "42 honorary");
    }

    @Test
    void aHookThatFailsFailsNeitherTheSignInNorTheWebhook() {
        ForumAccounts failing = new ForumAccounts(provider, stores.signInNonces(), stores.users(), signIn, passes,
                new ForumAccounts.Settings(() -> RETURN, Duration.ofMinutes(10), List.of()), null,
                new ForumAccounts.Listeners(map::handLevelFromGroups, (user, level) -> {
                    throw new IllegalStateException("the database is gone");
                }, user -> {
                    throw new IllegalStateException("the database is gone");
                }), clock);
        ForumAccounts.Started started = failing.start("/polls/1");
        provider.identity = new ForumIdentity("42", "xiaoyu", "xiaoyu", "", List.of("popcorn-honorary"), false, false);
        assertThat(failing.finish("sso", "sig", started.browserKey()).nextPath()).isEqualTo("/polls/1");
        assertThat(failing.changed("user_removed_from_group",
                hook(new Change("42", null, null, null, null, "popcorn-honorary")),
                false))
                .isTrue();
    }

    private String hook(Change change) {
        provider.change = change;
        return "{}";
    }

    /** The forum: it answers the sign-in with {@link #identity} and each webhook with {@link #change}. */
    private static final class Provider implements IdentityProvider {
        ForumIdentity identity;
        Change change;
        /** What the forum answers when asked for a user's groups; null: it cannot be asked. */
        List<String> groups;
        private String nonce;

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String signInUrl(String nonce, String returnUrl) {
            this.nonce = nonce;
            return "http://forum.test/session/sso_provider";
        }

        @Override
        public Answer verify(String sso, String sig) {
            return new Answer(nonce, RETURN, identity);
        }

        @Override
        public Optional<Change> readWebhook(String event, String body) {
            return Optional.of(change);
        }

        @Override
        public Optional<List<String>> groupsOf(String username) {
            return Optional.ofNullable(groups);
        }
    }
}
