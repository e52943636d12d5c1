package dev.popcorn.app.forum;

import dev.popcorn.app.Transactions;
import dev.popcorn.domain.ForumMirrorMap;
import dev.popcorn.domain.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The forum's groups fed back into levels (issue 16, item 8): the hook that hears, for a user, the
 * level granted by hand their forum groups now give ({@link ForumMirrorMap#handLevelFromGroups}), each
 * time that changes. In such a group: the user is put at that level. Out of every such group: a user
 * at a level by hand that a group grants drops back to the ladder's first level (the level service
 * evaluates them again from their activity); any other level stays. A level a lead locked is left
 * alone. Every change is mirrored back like any other ({@link StandingMirror#levelChanged}), which
 * takes the user out of the previous level's group.
 *
 * <p>A stand-in until the level service owns {@code user_levels}: it writes the row itself.
 */
public final class ForumHandLevels implements BiConsumer<String, Optional<String>> {

    private final Transactions transactions;
    private final ForumLevelStore levels;
    private final StandingMirror mirror;
    private final ForumMirrorMap map;
    private final Clock clock;

    public ForumHandLevels(Transactions transactions, ForumLevelStore levels, StandingMirror mirror, ForumMirrorMap map,
            Clock clock) {
        this.transactions = transactions;
        this.levels = levels;
        this.mirror = mirror;
        this.map = map;
        this.clock = clock;
    }

    @Override
    public void accept(String userId, Optional<String> handLevel) {
        transactions.inTransaction(() -> {
            Optional<ForumLevelStore.Stored> stored = levels.level(userId);
            if (stored.map(ForumLevelStore.Stored::locked).orElse(false)) {
                return null;
            }
            Level current = map.ladder().levelOrFirst(stored.map(ForumLevelStore.Stored::level).orElse(null));
            Optional<Level> target = handLevel.flatMap(id -> map.ladder().find(id));
            if (target.isEmpty() && map.grantedByGroup(current.id())) {
                target = Optional.of(map.ladder().first());
            }
            if (target.isPresent() && !target.get().id().equals(current.id())) {
                Instant now = clock.instant();
                levels.setLevel(userId, target.get().id(), now);
                mirror.levelChanged(userId, current, target.get());
            }
            return null;
        });
    }
}
