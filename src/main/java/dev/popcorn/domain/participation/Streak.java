package dev.popcorn.domain.participation;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's streak counted in releases, not days: consecutive Orange Fridays with a real report.
 * Every {@code freezeEvery} releases reported in a row earn a freeze (at most {@code maxFreezes}
 * held); a release missed after its reports closed uses a freeze by itself and the streak holds,
 * else it ends. A release still open for reports breaks nothing yet. Weeks without a release do
 * not count at all, so holidays and clock changes cannot break a streak.
 *
 * @param current   releases in the running streak
 * @param longest   the longest streak ever
 * @param freezes   freezes held now
 * @param frozen    the releases in the running streak a freeze covered, oldest first
 * @param milestone the releases whose report reached a multiple of {@code bonusEvery} in a streak (the streak bonus)
 */
public record Streak(int current, int longest, int freezes, List<Long> frozen, List<Long> milestone) {

    /** One shipped release, oldest first: whether the user handed in a real report, and whether reports are still open. */
    public record Turn(long releaseId, boolean reported, boolean open) {
    }

    /** How freezes are earned and held, and how often a streak earns its bonus. */
    public record Rules(int freezeEvery, int maxFreezes, int bonusEvery) {
        public Rules {
            if (freezeEvery < 1 || maxFreezes < 0 || bonusEvery < 1) {
                throw new IllegalArgumentException("streak rules out of range");
            }
        }

        public static Rules defaults() {
            return new Rules(4, 2, 4);
        }
    }

    public Streak {
        frozen = List.copyOf(frozen);
        milestone = List.copyOf(milestone);
    }

    /** Walks the releases in the order they shipped. */
    public static Streak of(List<Turn> turns, Rules rules) {
        int current = 0;
        int longest = 0;
        int freezes = 0;
        int towardsFreeze = 0;
        List<Long> frozen = new ArrayList<>();
        List<Long> milestone = new ArrayList<>();
        for (Turn turn : turns) {
            if (turn.reported()) {
                current++;
                longest = Math.max(longest, current);
                if (++towardsFreeze == rules.freezeEvery()) {
                    towardsFreeze = 0;
                    freezes = Math.min(rules.maxFreezes(), freezes + 1);
                }
                if (current % rules.bonusEvery() == 0) {
                    milestone.add(turn.releaseId());
                }
            } else if (turn.open() || current == 0) {
                continue;
            } else if (freezes > 0) {
                freezes--;
                frozen.add(turn.releaseId());
            } else {
                current = 0;
                towardsFreeze = 0;
                frozen.clear();
            }
        }
        return new Streak(current, longest, freezes, frozen, milestone);
    }
}
