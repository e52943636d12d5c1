package dev.popcorn.app.release;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.TestSummary;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orange Friday at unit level: what opening a release writes, when its poll opens, and what is refused untouched. */
class OpenReleaseTest {

    /** Tuesday 24 November 2026, 23:59 in Shanghai: the default calendar's report deadline for the Friday release. */
    private static final Instant REPORTS_CLOSE = Instant.parse("2026-11-24T15:59:00Z");
    /** Thursday 26 November 2026, 23:59 in Shanghai. */
    private static final Instant POLL_CLOSES = Instant.parse("2026-11-26T15:59:00Z");

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY);
    private final OpenRelease openRelease = new OpenRelease(stores.transactions(), stores.releases(), stores.polls(),
            stores.teams(), stores.audit(), WeekCalendar.defaults(ZoneId.of("Asia/Shanghai")), clock);

    private final List<Feature> features = List.of(new Feature("POP-1", "Night mode", "camera"),
            new Feature("POP-2", "Faster shutter", "camera"), new Feature("POP-3", "Charge limit", "battery"));

    @BeforeEach
    void twoTeams() {
        for (String slug : List.of("camera", "battery")) {
            stores.teams().save(new Team(slug, slug, "", List.of(new Member("Lead of " + slug, "", slug + "-lead"))));
        }
    }

    @Test
    void aReleaseOpensWithItsFeaturesTheCalendarsDeadlinesAndADraftPollWithOneCandidatePerTeam() {
        OpenRelease.Opened opened = openRelease.open("2026.11.20", features, "lead");

        assertThat(stores.releases().findByVersion("2026.11.20")).contains(opened.release());
        assertThat(opened.release().features()).containsExactlyElementsOf(features);
        assertThat(opened.release().shippedAt()).isEqualTo(AWeek.FRIDAY);
        assertThat(opened.release().reportsCloseAt()).isEqualTo(REPORTS_CLOSE);

        assertThat(opened.poll().releaseId()).isEqualTo(opened.release().id());
        assertThat(opened.poll().title()).isEqualTo("Popcorn Award · 2026.11.20");
        assertThat(opened.poll().state()).as("leads correct the candidates first").isEqualTo(PollState.DRAFT);
        assertThat(opened.poll().opensAt()).isEqualTo(AWeek.POLL_OPENS);
        assertThat(opened.poll().closesAt()).isEqualTo(POLL_CLOSES);
        assertThat(opened.poll().candidates()).extracting(Candidate::teamSlug).containsExactly("camera", "battery");
        Candidate camera = opened.poll().candidates().get(0);
        assertThat(camera.tickets()).as("a team's features make one candidate").containsExactly("POP-1", "POP-2");
        assertThat(camera.title()).isEqualTo("Night mode");
        assertThat(camera.pitch()).isEqualTo("Faster shutter");
        assertThat(opened.poll().candidates()).allSatisfy(c -> assertThat(c.pollId()).isEqualTo(opened.poll().id()));
        assertThat(stores.polls().findByRelease(opened.release().id())).contains(opened.poll());

        assertThat(stores.audit().recent(10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("release.open");
            assertThat(entry.actor()).isEqualTo("lead");
            assertThat(entry.subject()).isEqualTo("release:" + opened.release().id());
            assertThat(entry.note()).containsExactly("releaseOpened", "2026.11.20", "3", "");
        });
    }

    @Test
    void aPollKeptAsADraftHasNoOpeningTimeSoTheScheduleNeverOpensIt() {
        assertThat(openRelease.pollWouldOpen()).isEqualTo(AWeek.POLL_OPENS);
        OpenRelease.Opened kept = openRelease.open("2026.11.20", features, true, "lead");
        OpenRelease.Opened scheduled = openRelease.open("2026.11.20-hotfix", features, false, "lead");

        assertThat(kept.poll().opensAt()).isNull();
        assertThat(kept.poll().dueToOpen(AWeek.POLL_OPENS)).isFalse();
        assertThat(kept.poll().dueToOpen(POLL_CLOSES.minusSeconds(1))).isFalse();
        assertThat(scheduled.poll().dueToOpen(AWeek.POLL_OPENS.minusSeconds(1))).isFalse();
        assertThat(scheduled.poll().dueToOpen(AWeek.POLL_OPENS)).isTrue();
        assertThat(stores.audit().recent(10)).extracting(entry -> entry.note().get(0))
                .containsExactlyInAnyOrder("releaseOpened.draftPoll", "releaseOpened");
    }

    @Test
    void aReleaseShippedAfterThePollsOpeningMomentHasItsPollOpenAtOnce() {
        Instant wednesday = Instant.parse("2026-11-25T04:00:00Z");
        OpenRelease.Opened late = openRelease.openShippedAt("2026.11.25", features, wednesday, "lead");

        assertThat(late.poll().opensAt()).as("no Saturday is left before Thursday's close").isEqualTo(wednesday);
        assertThat(late.poll().closesAt()).isEqualTo(POLL_CLOSES);
        assertThat(late.release().reportsCloseAt()).as("the next Tuesday")
                .isEqualTo(REPORTS_CLOSE.plus(Duration.ofDays(7)));
    }

    @Test
    void aReleaseFromABuildKeepsItsBuildAndTestsAndSaysSoInTheAudit() {
        BuildRef build = new BuildRef("release/main", 41, "https://ci.example/job/release/41/");
        TestSummary tests = new TestSummary(10, 9, 1, 0);
        OpenRelease.Opened opened = openRelease.open("2026.11.20", features, Optional.of(build), Optional.of(tests),
                "ci");

        assertThat(stores.releases().findByBuild("release/main", 41)).contains(opened.release());
        assertThat(stores.releases().shipment(opened.release().id()).orElseThrow().tests()).contains(tests);
        assertThat(stores.audit().recent(1).get(0).note()).containsExactly("releaseOpened.build", "2026.11.20", "3",
                "release/main #41");
    }

    @Test
    void aFeatureOfAnUnknownTeamIsRefusedNamingTheTicketAndTheTeamAndNothingIsWritten() {
        List<Feature> withStranger = List.of(features.get(0), new Feature("POP-9", "Louder speaker", "audio"));

        assertThatViolation(() -> openRelease.open("2026.11.20", withStranger, "lead"))
                .is(Kind.INVALID, "feature.team.unknown").withArgs("POP-9", "audio");
        assertThatViolation(() -> openRelease.preview("2026.11.20", withStranger)).is(Kind.INVALID,
                "feature.team.unknown");
        assertNothingWritten();
    }

    @Test
    void aVersionOpenedBeforeIsAConflictAndLeavesTheFirstReleaseAndPollAlone() {
        OpenRelease.Opened first = openRelease.open("2026.11.20", features, "lead");
        clock.advance(Duration.ofHours(1));

        assertThatViolation(() -> openRelease.open("2026.11.20", features.subList(2, 3), "lead"))
                .is(Kind.CONFLICT, "release.exists").withArgs("2026.11.20");
        assertThatViolation(() -> openRelease.preview("2026.11.20", features)).is(Kind.CONFLICT, "release.exists");
        assertThat(stores.releases().recent(10)).containsExactly(first.release());
        assertThat(stores.polls().recent(10)).containsExactly(first.poll());
        assertThat(stores.audit().recent(10)).hasSize(1);
    }

    @Test
    void aReleaseWithoutFeaturesOrWithOneTicketTwiceIsRefusedAndNothingIsWritten() {
        assertThatViolation(() -> openRelease.open("2026.11.20", List.of(), "lead")).is(Kind.INVALID,
                "release.features.empty");
        assertThatViolation(() -> openRelease.open("2026.11.20", List.of(features.get(0), features.get(0)), "lead"))
                .is(Kind.INVALID, "release.features.duplicate").withArgs("POP-1");
        assertNothingWritten();
    }

    @Test
    void aPreviewAnswersWhatOpeningWouldOpenAndWritesNothing() {
        OpenRelease.Preview preview = openRelease.preview("2026.11.20", features);

        assertThat(preview.release().id()).isZero();
        assertThat(preview.release().reportsCloseAt()).isEqualTo(REPORTS_CLOSE);
        assertThat(preview.candidates()).extracting(Candidate::teamSlug).containsExactly("camera", "battery");
        assertThat(preview.candidates()).allSatisfy(c -> assertThat(c.pollId()).isZero());
        assertNothingWritten();
        assertThat(openRelease.open("2026.11.20", features, "lead").poll().candidates())
                .as("the preview proposed what opening proposes")
                .extracting(Candidate::tickets)
                .containsExactlyElementsOf(preview.candidates().stream().map(Candidate::tickets).toList());
    }

    private void assertNothingWritten() {
        assertThat(stores.releases().recent(10)).isEmpty();
        assertThat(stores.polls().recent(10)).isEmpty();
        assertThat(stores.audit().recent(10)).isEmpty();
    }
}
