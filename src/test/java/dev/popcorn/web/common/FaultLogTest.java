package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.slf4j.Logger;

class FaultLogTest {

    @Test
    void aFaultRepeatedAThousandTimesIsWrittenOnceWithItsTraceThenAsAFewCounts() {
        Logger logger = Mockito.mock(Logger.class);
        FaultLog faults = new FaultLog(logger);
        IllegalStateException same = new IllegalStateException("boom");
        int full = 0;
        for (int i = 0; i < 1_000; i++) {
            full += faults.record("unexpected failure", same) ? 1 : 0;
        }
        assertThat(full).isEqualTo(1);
        Mockito.verify(logger, Mockito.times(1)).error("unexpected failure", same);
        // the 2nd, 4th, 8th … 512th time: nine lines with the count
        Mockito.verify(logger, Mockito.times(9)).error(Mockito.anyString(), Mockito.eq("unexpected failure"),
                Mockito.eq(same),
                Mockito.anyLong());

        IllegalArgumentException other = new IllegalArgumentException("another place");
        assertThat(faults.record("unexpected failure", other)).as("another kind is told in full").isTrue();
    }
}
