package dev.popcorn.app.release;

import static dev.popcorn.app.TicketsInTracker.ticket;
import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.app.TicketsInTracker;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.tracker.TrackerSync;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.FeatureSource;
import dev.popcorn.domain.release.TestSummary;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.domain.team.TeamRules;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A build ships: one release per build however often it is reported, dry runs that write nothing, and what CI may ask. */
class ShipReleaseTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY);
    private final TicketsInTracker tracker = new TicketsInTracker()
            .with(ticket("POP-1", "Night mode", "Camera"))
            .with(ticket("POP-2", "Charge limit", "Battery"));
    private final TrackerSync trackerSync = new TrackerSync(tracker, stores.releases(), stores.reports(),
            stores.tickets(),
            stores.outbox(), stores.ticketWrites(), new TrackerSync.Settings(() -> "https://popcorn.example",
                    TeamRules.parse("component:Camera=camera, component:Battery=battery", ""),
                    new FeedbackLabels("users-love-it", "", 2, 80, 50), Duration.ofMinutes(30), true, ""),
            clock);
    private final OpenRelease openRelease = new OpenRelease(stores.transactions(), stores.releases(), stores.polls(),
            stores.teams(), stores.audit(), WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);
    private final ShipRelease shipRelease = new ShipRelease(openRelease, trackerSync, stores.releases(), stores.polls(),
            stores.audit(), clock);

    private final BuildRef build = new BuildRef("release/main", 41, "https://ci.example/job/release/41/");
    private final FeatureSource listed = new FeatureSource.Listed(List.of(new Feature("POP-1", "Night mode", "camera"),
            new Feature("POP-2", "Charge limit", "battery")));

    @BeforeEach
    void twoTeams() {
        for (String slug : List.of("camera", "battery")) {
            stores.teams().save(new Team(slug, slug, "", List.of(new Member("Lead of " + slug, "", slug + "-lead"))));
        }
    }

    private ShipRelease.Request fromBuild(String version, FeatureSource source, BuildRef from,
            Optional<TestSummary> tests) {
        return new ShipRelease.Request(version, source, Optional.of(from), tests, false);
    }

    @Test
    void aShippedBuildOpensItsReleaseWithAPollAndTheVersionIsReadWithoutItsSpaces() {
        ShipRelease.Shipped shipped = shipRelease.ship(fromBuild("  2026.11.20 ", listed, build, Optional.empty()),
                "lead");

        assertThat(shipped.created()).isTrue();
        assertThat(shipped.dryRun()).isFalse();
        assertThat(shipped.release().version()).isEqualTo("2026.11.20");
        assertThat(stores.releases().findByBuild("release/main", 41)).contains(shipped.release());
        assertThat(shipped.pollId()).isEqualTo(stores.polls().findByRelease(shipped.release().id()).map(p -> p.id()));
        assertThat(shipped.candidates()).extracting(Candidate::teamSlug).containsExactly("camera", "battery");
        assertThat(shipped.ignoredKeys()).isEmpty();
    }

    @Test
    void theSameBuildReportedAgainAnswersTheReleaseItOpenedAndOnlyAddsWhatItsTestsSaid() {
        ShipRelease.Shipped first = shipRelease.ship(fromBuild("2026.11.20", listed, build, Optional.empty()), "ci");
        clock.advance(Duration.ofMinutes(5));
        TestSummary tests = new TestSummary(120, 118, 2, 0);
        // Its source is not read again: a key the tracker does not know would be refused if it were.
        ShipRelease.Shipped again = shipRelease.ship(fromBuild("2026.11.20", new FeatureSource.Keys(List.of("POP-404")),
                build, Optional.of(tests)), "ci");

        assertThat(again.created()).isFalse();
        assertThat(again.release()).isEqualTo(first.release());
        assertThat(again.pollId()).isEqualTo(first.pollId());
        assertThat(again.candidates()).isEqualTo(first.candidates());
        assertThat(stores.releases().recent(10)).hasSize(1);
        assertThat(stores.polls().recent(10)).hasSize(1);
        assertThat(stores.audit().recent(10)).as("only the opening is audited").hasSize(1);
        assertThat(shipRelease.shipment(first.release().id()).orElseThrow().tests()).contains(tests);
    }

    @Test
    void aBuildThatOpenedOneVersionCannotOpenAnotherAndAVersionCannotBeOpenedByASecondBuild() {
        shipRelease.ship(fromBuild("2026.11.20", listed, build, Optional.empty()), "ci");

        assertThatViolation(() -> shipRelease.ship(fromBuild("2026.11.27", listed, build, Optional.empty()), "ci"))
                .is(Kind.CONFLICT, "build.shipped.other").withArgs(build, "2026.11.20");
        BuildRef rerun = new BuildRef("release/main", 42, "");
        assertThatViolation(() -> shipRelease.ship(fromBuild("2026.11.20", listed, rerun, Optional.empty()), "ci"))
                .is(Kind.CONFLICT, "release.exists").withArgs("2026.11.20");
        assertThat(stores.releases().recent(10)).hasSize(1);
        assertThat(stores.releases().findByBuild("release/main", 42)).isEmpty();
    }

    @Test
    void aDryRunAnswersWhatWouldOpenAndWritesNothingButItsAuditEntry() {
        ShipRelease.Shipped preview = shipRelease.ship(new ShipRelease.Request("2026.11.20",
                new FeatureSource.Mentions(List.of("POP-1: night mode", "fix POP-2 and POP-404")), Optional.of(build),
                Optional.empty(), true), "lead");

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.created()).isFalse();
        assertThat(preview.release().id()).isZero();
        assertThat(preview.pollId()).isEmpty();
        assertThat(preview.release().features()).extracting(Feature::teamSlug).containsExactly("camera", "battery");
        assertThat(preview.candidates()).hasSize(2);
        assertThat(preview.ignoredKeys()).as("mentioned, but no ticket").containsExactly("POP-404");
        assertThat(stores.releases().recent(10)).isEmpty();
        assertThat(stores.polls().recent(10)).isEmpty();
        assertThat(stores.tickets().find("POP-1")).as("the tickets are kept only when the release opens").isEmpty();
        assertThat(stores.audit().recent(10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("release.preview");
            assertThat(entry.note()).containsExactly("releasePreview", "2026.11.20", "2");
        });
        assertThat(shipRelease.ship(fromBuild("2026.11.20", listed, build, Optional.empty()), "ci").created())
                .as("the build is still free to open it").isTrue();
    }

    @Test
    void featuresFoundInTheTrackerGetTheirTeamsByTheRulesAndTheirTicketsAreKept() {
        ShipRelease.Shipped shipped = shipRelease.ship(fromBuild("2026.11.20",
                new FeatureSource.Keys(List.of("POP-2", "POP-1")), build, Optional.empty()), "ci");

        assertThat(shipped.release().features()).extracting(Feature::key, Feature::teamSlug)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POP-2", "battery"),
                        org.assertj.core.groups.Tuple.tuple("POP-1", "camera"));
        assertThat(stores.tickets().find("POP-1")).isPresent();
        assertThat(stores.tickets().find("POP-2")).isPresent();
    }

    @Test
    void aTicketNoRuleGivesATeamIsRefusedAndNothingOpens() {
        tracker.with(ticket("POP-3", "Loud speaker", "Audio"));

        assertThatViolation(() -> shipRelease.ship(fromBuild("2026.11.20",
                new FeatureSource.Keys(List.of("POP-1", "POP-3")), build, Optional.empty()), "ci"))
                .is(Kind.INVALID, "tracker.tickets.teamless").withArgs("POP-3");
        assertThat(stores.releases().recent(10)).isEmpty();
        assertThat(stores.tickets().find("POP-1")).isEmpty();
    }

    @Test
    void theCiServerMayNotAskItsOwnQueryButMayUseTheConfiguredReleaseQuery() {
        assertThatViolation(
                () -> shipRelease.ship(fromBuild("2026.11.20", new FeatureSource.Query("project = SEC"), build,
                        Optional.empty()), SignIn.CI))
                .is(Kind.FORBIDDEN, "release.jql.notForCi");
        assertThat(tracker.searched()).as("the tracker was not asked").isEmpty();

        ShipRelease.Shipped shipped = shipRelease.ship(fromBuild("2026.11.20", new FeatureSource.Query(" "), build,
                Optional.empty()), SignIn.CI);
        assertThat(shipped.created()).isTrue();
        assertThat(tracker.searched()).containsExactly("fixVersion = \"2026.11.20\"");

        shipRelease
                .ship(new ShipRelease.Request("2026.11.27", new FeatureSource.Query("project = POP"), Optional.empty(),
                        Optional.empty(), false), "lead");
        assertThat(tracker.searched()).as("a lead may").endsWith("project = POP");
    }

    @Test
    void aRequestWithoutAVersionIsRefusedNamingTheField() {
        assertThatViolation(() -> shipRelease.ship(fromBuild(" ", listed, build, Optional.empty()), "ci"))
                .is(Kind.INVALID, "request.field.missing").withArgs("version");
        assertThatViolation(() -> shipRelease.ship(fromBuild(null, listed, build, Optional.empty()), "ci"))
                .is(Kind.INVALID, "request.field.missing").withArgs("version");
        assertThat(stores.releases().recent(10)).isEmpty();
    }

    @Test
    void testsAreAttachedOnlyToAReleaseThatExists() {
        ShipRelease.Shipped shipped = shipRelease.ship(fromBuild("2026.11.20", listed, build, Optional.empty()), "ci");
        TestSummary tests = new TestSummary(3, 3, 0, 0);

        assertThat(shipRelease.attachTests(shipped.release().id(), tests)).isEqualTo(shipped.release());
        assertThat(shipRelease.shipment(shipped.release().id()).orElseThrow().tests()).contains(tests);
        assertThatViolation(() -> shipRelease.attachTests(shipped.release().id() + 1000, tests))
                .is(Kind.NOT_FOUND, "release.unknown").withArgs(shipped.release().id() + 1000);
    }
}
