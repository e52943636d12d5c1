package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's record as the entries its template reads. */
class PageModelsTest {

    record Count(long cast, List<String> names) implements PageModels.Part {
    }

    record Page(String title, Integer votes, Count count, boolean open) {
    }

    @Test
    void everyComponentIsAnEntryByItsNameInOrderAndANullOneIsLeftOut() {
        assertThat(PageModels.entries(new Page("Week", null, null, true)))
                .containsExactly(org.assertj.core.api.Assertions.entry("title", "Week"),
                        org.assertj.core.api.Assertions.entry("open", true));
    }

    @Test
    void aPartGivesItsComponentsAsThePagesOwn() {
        assertThat(PageModels.entries(new Page("Week", 3, new Count(7, List.of("ana")), false)))
                .containsOnlyKeys("title", "votes", "cast", "names", "open")
                .containsEntry("cast", 7L)
                .containsEntry("names", List.of("ana"));
    }
}
