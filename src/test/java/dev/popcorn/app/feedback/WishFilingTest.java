package dev.popcorn.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.AWeek;
import dev.popcorn.memory.MemoryStores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same words from the same fan on the same release are one wish: the rule the store no longer keeps. */
class WishFilingTest {

    private final MemoryStores stores = new MemoryStores();
    private final WishFiling filing = new WishFiling(stores.reports());
    private final Instant at = AWeek.FRIDAY;

    @Test
    void theSameWordsOfTheSameFanOnTheSameReleaseFindTheWishFiledFirst() {
        long release = AWeek.in(stores).build().release().id();
        List<Long> first = filing.file("ana", release, List.of("Dark mode please", "Bigger fonts", "Dark mode please"),
                at);
        assertThat(first).as("each words once").hasSize(2).doesNotHaveDuplicates();

        assertThat(filing.file("ana", release, List.of("Bigger fonts", "Dark mode please"), at.plusSeconds(60)))
                .as("handed in again: the same wishes, in the order asked").containsExactly(first.get(1), first.get(0));
        assertThat(stores.reports().openWishes(10)).as("nothing filed twice").hasSize(2);
    }

    @Test
    void anotherFansWordsOrOtherWordsAreAnotherWish() {
        long release = AWeek.in(stores).build().release().id();
        long ana = filing.file("ana", release, List.of("Dark mode please"), at).get(0);

        assertThat(filing.file("ben", release, List.of("Dark mode please"), at)).as("another fan's")
                .doesNotContain(ana);
        assertThat(filing.file("ana", release, List.of("Dark mode, please"), at)).as("other words").doesNotContain(ana);
        assertThat(stores.reports().openWishes(10)).hasSize(3);
    }

    @Test
    void onlyWordsNotFiledYetCountAsUnfiled() {
        long release = AWeek.in(stores).build().release().id();
        filing.file("ana", release, List.of("Dark mode please"), at);

        assertThat(filing.unfiled("ana", release, List.of("Dark mode please", "Bigger fonts", "Bigger fonts")))
                .containsExactly("Bigger fonts");
        assertThat(filing.unfiled("ben", release, List.of("Dark mode please"))).containsExactly("Dark mode please");
        assertThat(filing.unfiled("ana", release, List.of())).isEmpty();
        assertThat(stores.reports().openWishes(10)).as("asking files nothing").hasSize(1);
    }
}
