package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the share page's door offers a friend, by where the week is and whether they are signed in (issue 28, item 6). */
class ShareDoorTest {

    private static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Release RELEASE = new Release(7, "2026.11.20", SHIPPED, SHIPPED.plus(Duration.ofDays(5)),
            List.of(new Feature("POP-1", "Night mode", "夜景模式", "camera")));
    private static final Poll POLL = new Poll(3, 7, "Popcorn Award 2026.11.20", PollState.OPEN, SHIPPED,
            SHIPPED.plus(Duration.ofDays(7)), List.of(), null, null, null, "");

    private static FanCardRoutes.Door door(Instant now, boolean signedIn, boolean forum) {
        return FanCardRoutes.Door.of(Optional.of(RELEASE), id -> id == 7 ? Optional.of(POLL) : Optional.empty(), now,
                signedIn, forum);
    }

    private static List<String> hrefs(FanCardRoutes.Door door) {
        return door.actions().stream().map(FanCardRoutes.Door.Action::href).toList();
    }

    @Test
    void aSignedInFriendIsOfferedWhatIsOpenNow() {
        FanCardRoutes.Door both = door(SHIPPED.plus(Duration.ofDays(1)), true, false);
        assertThat(both.reportsOpen()).isTrue();
        assertThat(both.pollState()).isEqualTo(PollState.OPEN);
        assertThat(hrefs(both)).containsExactly("/releases/7#report", "/polls/3");

        FanCardRoutes.Door voteOnly = door(SHIPPED.plus(Duration.ofDays(6)), true, false);
        assertThat(voteOnly.reportsOpen()).isFalse();
        assertThat(hrefs(voteOnly)).containsExactly("/polls/3");

        FanCardRoutes.Door over = door(SHIPPED.plus(Duration.ofDays(8)), true, false);
        assertThat(over.pollState()).isEqualTo(PollState.CLOSED);
        assertThat(over.actions()).extracting(FanCardRoutes.Door.Action::key).containsExactly("share.door.week");
        assertThat(hrefs(over)).containsExactly("/");
    }

    @Test
    void aSignedOutFriendSignsInStraightBackToWhereTheyTakePart() {
        assertThat(hrefs(door(SHIPPED.plus(Duration.ofDays(1)), false, true)))
                .containsExactly("/signin/forum?next=%2Freleases%2F7");
        assertThat(hrefs(door(SHIPPED.plus(Duration.ofDays(6)), false, true)))
                .containsExactly("/signin/forum?next=%2Fpolls%2F3");
        // Without the forum's sign-in: the page that tells how to sign in.
        FanCardRoutes.Door door = door(SHIPPED.plus(Duration.ofDays(1)), false, false);
        assertThat(hrefs(door)).containsExactly("/signin");
        assertThat(door.actions()).extracting(FanCardRoutes.Door.Action::key).containsExactly("share.door.signIn");
    }

    @Test
    void noReleaseYetStillOpensTheDoor() {
        FanCardRoutes.Door none = FanCardRoutes.Door.of(Optional.empty(), id -> Optional.empty(), SHIPPED, false,
                false);
        assertThat(none.release()).isNull();
        assertThat(none.poll()).isNull();
        assertThat(hrefs(none)).containsExactly("/signin");
        assertThat(hrefs(FanCardRoutes.Door.of(Optional.empty(), id -> Optional.empty(), SHIPPED, true, false)))
                .containsExactly("/");
    }
}
