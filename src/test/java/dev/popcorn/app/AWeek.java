package dev.popcorn.app;

import dev.popcorn.StorePorts;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for use cases: a week written into the stores — two teams, a release of one feature
 * per team, its poll with one candidate per team — in the state a test needs:
 * {@code AWeek.in(stores).open().ballots(0, 0, 1).build()}.
 */
public final class AWeek {

    /** Friday 20 November 2026, 18:00 in Shanghai: the release ships. */
    public static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");
    public static final Instant POLL_OPENS = FRIDAY.plus(Duration.ofHours(16));
    public static final Instant POLL_CLOSES = FRIDAY.plus(Duration.ofDays(6));

    /** What was written. */
    public record Week(Release release, Poll poll) {
        public Candidate candidate(int index) {
            return poll.candidates().get(index);
        }
    }

    private final StorePorts stores;
    private final List<String> teams = new ArrayList<>(List.of("camera", "battery"));
    private boolean open;
    private int[] ballots = new int[0];

    private AWeek(StorePorts stores) {
        this.stores = stores;
    }

    public static AWeek in(StorePorts stores) {
        return new AWeek(stores);
    }

    /** Only one team (so the poll has one candidate and cannot open). */
    public AWeek oneTeam() {
        teams.remove(1);
        return this;
    }

    /** The poll opened at its time. */
    public AWeek open() {
        open = true;
        return this;
    }

    /** Ballots of users fan-0, fan-1, … for the candidates at these indexes (the poll opens for them). */
    public AWeek ballots(int... candidates) {
        open = true;
        ballots = candidates;
        return this;
    }

    public Week build() {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            String slug = teams.get(i);
            stores.teams().save(new Team(slug, slug.substring(0, 1).toUpperCase() + slug.substring(1),
                    List.of(new Member("Member of " + slug, "/photos/" + slug + ".png", slug + "-lead"))));
            features.add(new Feature("POP-" + (i + 1), "Feature of " + slug, slug));
        }
        Release release = stores.releases().create("2026.11.20", FRIDAY, FRIDAY.plus(Duration.ofDays(4)), features);
        Poll poll = stores.polls().create(release.id(), "Popcorn Award · 2026.11.20", POLL_OPENS, POLL_CLOSES);
        for (Feature feature : features) {
            stores.polls().addCandidate(poll.id(), feature.teamSlug(), feature.summary(), List.of(feature.key()), "");
        }
        poll = stores.polls().find(poll.id()).orElseThrow();
        if (open) {
            poll = poll.open(POLL_OPENS);
            stores.polls().update(poll);
        }
        for (int i = 0; i < ballots.length; i++) {
            stores.ballots().put(new Ballot(poll.id(), "fan-" + i, poll.candidates().get(ballots[i]).id(),
                    POLL_OPENS.plusSeconds(60L * (i + 1)), "R-" + i));
        }
        return new Week(release, poll);
    }
}
