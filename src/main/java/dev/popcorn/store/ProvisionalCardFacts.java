package dev.popcorn.store;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.domain.LevelLadder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PROVISIONAL: what a fan's card shows, read from what the database holds today, until the
 * participation standing (levels, streaks, badges; issue 16) answers {@link FanCards.Source} and
 * replaces this class in {@code Wiring}. Name and whether they are public from {@code users}; the
 * level from {@code user_levels} (the ladder's first without a row); builds tested = reports
 * handed in; wishes shipped = fulfilled wishes they filed or supported; no streak, no badges.
 */
final class ProvisionalCardFacts implements FanCards.Source {

    private final Db db;
    private final LevelLadder ladder;

    ProvisionalCardFacts(Db db, LevelLadder ladder) {
        this.db = db;
        this.ladder = ladder;
    }

    /** One user's row, only where they are on public pages. */
    private record Row(String name, String level, int reports, int wishesShipped) {
    }

    @Override
    public Optional<FanCards.Facts> facts(String userId, Locale locale) {
        return db.with(h -> h.createQuery("SELECT u.name, l.level,"
                        + " (SELECT COUNT(*) FROM reports r WHERE r.user_id = u.id) AS reports,"
                        + " (SELECT COUNT(*) FROM wishes w WHERE w.fulfilled_at IS NOT NULL AND (w.author_id = u.id"
                        + "   OR EXISTS (SELECT 1 FROM wish_supporters s WHERE s.wish_id = w.id AND s.user_id = u.id))) AS shipped"
                        + " FROM users u LEFT JOIN user_levels l ON l.user_id = u.id"
                        + " WHERE u.id = :id AND u.public_profile")
                .bind("id", userId)
                .map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("level"), rs.getInt("reports"), rs.getInt("shipped")))
                .findOne())
                .map(row -> new FanCards.Facts(row.name(), ladder.levelOrFirst(row.level()).name(locale), 0, row.reports(),
                        row.wishesShipped(), List.of(), locale));
    }
}
