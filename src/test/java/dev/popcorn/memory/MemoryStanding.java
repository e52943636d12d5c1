package dev.popcorn.memory;

import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.feedback.Wish;
import dev.popcorn.domain.participation.Activity;
import dev.popcorn.domain.participation.Streak;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fan's standing in memory for the use-case tests: what the reviews write (levels, locks, badges, notices, the
 * profile and early-access choices) is kept as the database keeps it; what the database derives from reports, polls
 * and the ledger (activity in the window, the turns of the streak, the badges' counts) is given by the test with
 * {@link #given}. Not run through {@code StandingContract}: the derived reads are given, not computed.
 */
public final class MemoryStanding implements StandingStore {

    /** What the database would derive for one user from their reports, polls and grants. */
    public static final class Facts {
        Activity activity = new Activity(0, 0, 0);
        List<Streak.Turn> turns = List.of();
        int reports;
        int wishesShipped;
        int helpful;
        List<PollTurn> polls = List.of();
        int bugsHunted;
        int wishesFiled;

        public Facts activity(long points, int reports, int releases) {
            this.activity = new Activity(points, reports, releases);
            return this;
        }

        /** The user's turns, one per release id from 1 on: true where they reported; the last one may be open. */
        public Facts turns(boolean lastOpen, boolean... reported) {
            List<Streak.Turn> list = new ArrayList<>();
            for (int i = 0; i < reported.length; i++) {
                list.add(new Streak.Turn(i + 1, reported[i], lastOpen && i == reported.length - 1));
            }
            this.turns = list;
            return this;
        }

        public Facts reports(int reports) {
            this.reports = reports;
            return this;
        }

        public Facts helpful(int helpful) {
            this.helpful = helpful;
            return this;
        }

        public Facts polls(List<PollTurn> polls) {
            this.polls = List.copyOf(polls);
            return this;
        }

        public Facts wishesFiled(int filed) {
            this.wishesFiled = filed;
            return this;
        }
    }

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Facts> facts = new HashMap<>();
    private final Map<String, LevelRow> levels = new HashMap<>();
    private final Map<String, Map<String, Instant>> badges = new HashMap<>();
    private final Map<String, List<Notice>> notices = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> early = new HashSet<>();
    private final Map<String, Integer> wins = new HashMap<>();
    private long nextNotice = 1;

    /** A user Popcorn knows (one who signed in), with what the database derives for them. */
    public synchronized Facts given(String userId) {
        names.putIfAbsent(userId, "Fan " + userId);
        return facts.computeIfAbsent(userId, u -> new Facts());
    }

    /** The awards won by a member known by {@code name}. */
    public synchronized void wins(String name, int won) {
        wins.put(name, won);
    }

    private Facts of(String userId) {
        return facts.getOrDefault(userId, new Facts());
    }

    @Override
    public synchronized Optional<LevelRow> level(String userId) {
        return Optional.ofNullable(levels.get(userId));
    }

    @Override
    public synchronized Optional<String> name(String userId) {
        return Optional.ofNullable(names.get(userId));
    }

    @Override
    public synchronized boolean known(String userId) {
        return names.containsKey(userId);
    }

    @Override
    public List<ReportLine> reportsOf(String userId, int limit) {
        return List.of();
    }

    @Override
    public List<Wish> wishesOf(String userId, int limit) {
        return List.of();
    }

    @Override
    public synchronized void saveLevel(String userId, String level, Instant since, Instant promotedAt) {
        LevelRow was = levels.get(userId);
        levels.put(userId, new LevelRow(userId, level, since, was != null && was.locked(),
                was == null ? null : was.lockedBy(), was == null ? null : was.lockReason(), promotedAt));
    }

    @Override
    public synchronized void lock(String userId, String level, Instant since, boolean locked, String by,
            String reason) {
        LevelRow was = levels.get(userId);
        levels.put(userId,
                new LevelRow(userId, level, since, locked, by, reason, was == null ? null : was.promotedAt()));
    }

    @Override
    public synchronized Map<String, Long> levelCounts(String firstLevel) {
        Map<String, Long> counts = new HashMap<>();
        names.keySet()
                .forEach(u -> counts.merge(Optional.ofNullable(levels.get(u)).map(LevelRow::level).orElse(firstLevel),
                        1L, Long::sum));
        return counts;
    }

    @Override
    public Instant windowStart(int releases, Instant now) {
        return now.minus(java.time.Duration.ofDays(7L * releases));
    }

    @Override
    public synchronized Activity activity(String userId, Instant from) {
        return of(userId).activity;
    }

    @Override
    public synchronized List<Streak.Turn> turns(String userId, Instant now) {
        return of(userId).turns;
    }

    @Override
    public synchronized int reports(String userId) {
        return of(userId).reports;
    }

    @Override
    public synchronized int wishesShipped(String userId) {
        return of(userId).wishesShipped;
    }

    @Override
    public synchronized int helpful(String userId) {
        return of(userId).helpful;
    }

    @Override
    public synchronized List<PollTurn> polls(String userId, Instant now) {
        return of(userId).polls;
    }

    @Override
    public synchronized int wins(List<String> memberNames) {
        return memberNames.stream().mapToInt(n -> wins.getOrDefault(n, 0)).sum();
    }

    @Override
    public synchronized int bugsHunted(String userId) {
        return of(userId).bugsHunted;
    }

    @Override
    public synchronized Map<String, Instant> badges(String userId) {
        return new LinkedHashMap<>(badges.getOrDefault(userId, Map.of()));
    }

    @Override
    public synchronized Map<String, Long> badgeCounts() {
        Map<String, Long> counts = new HashMap<>();
        badges.values().forEach(held -> held.keySet().forEach(k -> counts.merge(k, 1L, Long::sum)));
        return counts;
    }

    @Override
    public synchronized List<Holder> holders(String badge, int limit) {
        return badges.entrySet().stream().filter(e -> e.getValue().containsKey(badge) && !hidden.contains(e.getKey()))
                .map(e -> new Holder(e.getKey(), names.get(e.getKey()), e.getValue().get(badge)))
                .sorted(java.util.Comparator.comparing(Holder::since).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized long addNotice(String userId, String kind, String subject, Instant at) {
        Notice notice = new Notice(nextNotice++, kind, subject, at, null);
        notices.computeIfAbsent(userId, u -> new ArrayList<>()).add(notice);
        return notice.id();
    }

    @Override
    public synchronized Optional<Notice> notice(String userId, long id) {
        return notices.getOrDefault(userId, List.of()).stream().filter(n -> n.id() == id).findFirst();
    }

    @Override
    public synchronized List<Notice> notices(String userId, int limit) {
        List<Notice> newestFirst = new ArrayList<>(notices.getOrDefault(userId, List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<Notice> takeUnseen(String userId, Instant at) {
        List<Notice> all = notices.getOrDefault(userId, new ArrayList<>());
        List<Notice> unseen = all.stream().filter(n -> n.seenAt() == null).toList();
        all.replaceAll(n -> n.seenAt() == null ? new Notice(n.id(), n.kind(), n.subject(), n.at(), at) : n);
        return unseen;
    }

    @Override
    public synchronized boolean grantBadge(String userId, String badge, Instant at) {
        return badges.computeIfAbsent(userId, u -> new LinkedHashMap<>()).putIfAbsent(badge, at) == null;
    }

    @Override
    public synchronized boolean takeBadge(String userId, String badge) {
        return badges.getOrDefault(userId, new HashMap<>()).remove(badge) != null;
    }

    @Override
    public synchronized List<String> usersToReview(Instant since, String firstLevel) {
        return names.keySet().stream().sorted().toList();
    }

    @Override
    public synchronized int wishesFiledSince(String userId, Instant since) {
        return of(userId).wishesFiled;
    }

    @Override
    public synchronized boolean publicProfile(String userId) {
        return !hidden.contains(userId);
    }

    @Override
    public synchronized void setPublicProfile(String userId, boolean visible) {
        if (visible) {
            hidden.remove(userId);
        } else {
            hidden.add(userId);
        }
    }

    @Override
    public synchronized boolean earlyAccess(String userId) {
        return early.contains(userId);
    }

    @Override
    public synchronized void setEarlyAccess(String userId, boolean joined) {
        if (joined) {
            early.add(userId);
        } else {
            early.remove(userId);
        }
    }
}
