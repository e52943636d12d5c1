package dev.popcorn.app.participation;

import dev.popcorn.domain.participation.Badge;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fan's card shows, from their standing: name, level, streak, builds tested, wishes
 * shipped and their three best badges (gold before silver before bronze), named in the card's
 * language ({@link BadgeNames}). Nothing for a fan Popcorn does not know or who chose to stay off public pages.
 */
public final class StandingCardFacts implements FanCards.Source {

    private final Standing standing;

    public StandingCardFacts(Standing standing) {
        this.standing = standing;
    }

    @Override
    public Optional<FanCards.Facts> facts(String userId, Locale locale) {
        Optional<String> name = standing.name(userId);
        if (name.isEmpty() || !standing.publicProfile(userId)) {
            return Optional.empty();
        }
        Standing.View view = standing.view(userId);
        return Optional.of(new FanCards.Facts(name.get(), view.level().name(locale), view.streak().current(),
                view.counts().reports(), view.counts().wishesShipped(),
                view.badges().stream().map(Standing.Held::badge)
                        .sorted(Comparator.comparing((Badge.Earned b) -> b.tier()).reversed()
                                .thenComparing(b -> b.badge()))
                        .limit(FanCards.Facts.MAX_BADGES).map(b -> BadgeNames.of(b, locale)).toList(),
                locale));
    }
}
