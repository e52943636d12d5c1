package dev.popcorn.app.award;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A writer for tests of what the announcement carries besides its text: fixed words and result, the card as given. */
final class CardOnlyWriter implements AnnouncementWriter {

    private final Function<AwardFacts, byte[]> card;

    CardOnlyWriter(Function<AwardFacts, byte[]> card) {
        this.card = card;
    }

    @Override
    public String words(AwardFacts facts) {
        return "text\n[[result:en]]";
    }

    @Override
    public Map<String, String> results(AwardFacts facts) {
        return Map.of("en", "result");
    }

    @Override
    public List<String> languages() {
        return List.of("en");
    }

    @Override
    public byte[] card(AwardFacts facts) {
        return card.apply(facts);
    }

    @Override
    public Optional<byte[]> photo(String url) {
        return Optional.empty();
    }
}
