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
    void aDeliveryIsTakenOnceWhateverHeaderComesWithItAndForgottenAfterAWhile() {
        assertThat(replays.firstTime("forum", body)).isTrue();
        assertThat(replays.firstTime("forum", body)).as("sent again (an unsigned header changed or not)").isFalse();
        assertThat(replays.firstTime("jira", body)).as("another sender").isTrue();
        assertThat(replays.firstTime("forum", "{\"group_user\":{\"group_id\":41,\"user_id\":4344}}"
                .getBytes(StandardCharsets.UTF_8))).as("another body").isTrue();
        clock.advance(Replays.MEMORY.plus(Duration.ofDays(1)));
        assertThat(replays.firstTime("forum", body)).as("forgotten after a long while").isTrue();
    }
}
