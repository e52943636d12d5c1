package dev.popcorn.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplaysTest {

    private final MutableClock clock = new MutableClock(AWeek.FRIDAY);
    private final Replays replays = new Replays(new MemoryStores().webhookDeliveries(), clock);
    private final byte[] body = "{\"group_user\":{\"group_id\":41,\"user_id\":4343}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeliveryIsTakenOnceAndARemovalIsNoReplayOfTheAddition() {
        assertThat(replays.firstTime("forum", "user_added_to_group", body)).isTrue();
        assertThat(replays.firstTime("forum", "user_added_to_group", body)).as("sent again").isFalse();
        assertThat(replays.firstTime("forum", "user_removed_from_group", body)).as("the forum's removal, same body").isTrue();
        assertThat(replays.firstTime("jira", "user_added_to_group", body)).as("another sender").isTrue();
        clock.advance(Replays.MEMORY.plus(Duration.ofDays(1)));
        assertThat(replays.firstTime("forum", "user_added_to_group", body)).as("forgotten after a long while").isTrue();
    }
}
