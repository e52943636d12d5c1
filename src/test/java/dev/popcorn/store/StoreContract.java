package dev.popcorn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.StorePorts;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.ExperienceReport;
import dev.popcorn.domain.feedback.FeatureFeedback;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.feedback.Verdict;
import dev.popcorn.domain.participation.ParticipationEvent;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store behind Popcorn must do: run against H2 and PostgreSQL (through
 * {@link JdbcStoreContract}) and against the in-memory stores the use-case tests use
 * ({@link MemoryStoreTest}), so that those cannot promise what the database does not keep.
 */
abstract class StoreContract {

    static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");

    StorePorts store;
    Release release;
    Poll poll;

    /** Fresh, empty stores for one test. */
    abstract StorePorts openStores() throws SQLException;

    /** Gives back what {@link #openStores} took. */
    void closeStores() throws SQLException {
    }

    @BeforeEach
    void openStore() throws SQLException {
        store = openStores();
        store.teams().save(new Team("camera", "Camera 相机", List.of(new Member("王磊 Wang Lei", "/photos/w.png"))));
        store.teams().save(new Team("battery", "Battery", List.of()));
        release = store.releases().create("2026.11.20", SHIPPED, SHIPPED.plus(Duration.ofDays(4)), List.of(
                new Feature("POP-1", "Night mode", "夜景模式", "camera"),
                new Feature("POP-2", "Quiet charging", "battery")));
        Poll draft = store.polls().create(release.id(), "Popcorn Award · 2026.11.20",
                SHIPPED.plus(Duration.ofHours(16)),
                SHIPPED.plus(Duration.ofDays(6)));
        store.polls().addCandidate(draft.id(), "camera", "Night camera", List.of("POP-1"), "after dark");
        store.polls().addCandidate(draft.id(), "battery", "Quiet charging", List.of("POP-2"), "");
        poll = store.polls().find(draft.id()).orElseThrow().open(SHIPPED);
        store.polls().update(poll);
    }

    @AfterEach
    void closeStore() throws SQLException {
        closeStores();
    }

    /** Another week: a release of two features with a report on each, and its poll approved with one ballot. */
    void anotherWeek(int week) {
        Instant shipped = SHIPPED.plus(Duration.ofDays(7L * week));
        Release next = store.releases().create("2026.12." + week, shipped, shipped.plus(Duration.ofDays(4)), List.of(
                new Feature("POP-" + (10 * week), "Feature " + week, "camera"),
                new Feature("POP-" + (10 * week + 1), "Other " + week, "battery")));
        store.reports().save(new ExperienceReport("u" + week, next.id(), List.of(
                new FeatureVerdict("POP-" + (10 * week), Verdict.LIKE, "nice " + week)), List.of(), List.of()),
                shipped);
        Poll draft = store.polls().create(next.id(), "Popcorn Award · " + next.version(), shipped,
                shipped.plus(Duration.ofDays(6)));
        Candidate camera = store.polls().addCandidate(draft.id(), "camera", "Camera " + week,
                List.of("POP-" + (10 * week)), "");
        store.polls().addCandidate(draft.id(), "battery", "Battery " + week, List.of(), "");
        Poll open = store.polls().find(draft.id()).orElseThrow().open(shipped);
        store.ballots().put(new Ballot(open.id(), "u" + week, camera.id(), shipped.plusSeconds(60), "R-" + week));
        Instant closed = shipped.plus(Duration.ofDays(5));
        store.polls().update(open.close(closed).approve(closed.plusSeconds(60), "lead"));
        store.awards().record(List.of(new dev.popcorn.app.award.AwardStore.Award(open.id(), camera.id(), "camera", 1,
                closed.plusSeconds(60))));
    }

    dev.popcorn.app.week.WeekOverview overview() {
        var tally = new dev.popcorn.app.award.Tally(store.ballots(), store.reports(),
                dev.popcorn.domain.award.TieRule.SHARED);
        return new dev.popcorn.app.week.WeekOverview(store.releases(), store.reports(), store.polls(), tally,
                store.teams(), store.audit(),
                java.time.Clock.fixed(SHIPPED.plus(Duration.ofDays(60)), java.time.ZoneOffset.UTC));
    }

    dev.popcorn.app.award.Winners winners() {
        var tally = new dev.popcorn.app.award.Tally(store.ballots(), store.reports(),
                dev.popcorn.domain.award.TieRule.SHARED);
        return new dev.popcorn.app.award.Winners(store.polls(), store.releases(), store.awards(), store.teams(), tally);
    }

    @Test
    void aTeamIsClaimedOnceAndAnExistingOneIsLeftAsItIs() {
        assertThat(store.transactions().inTransaction(() -> store.teams().claim("design", "Design"))).isTrue();
        assertThat(store.transactions().inTransaction(() -> store.teams().claim("design", "Other name"))).isFalse();
        assertThat(store.teams().find("design").orElseThrow().name()).isEqualTo("Design");
        assertThat(store.transactions().inTransaction(() -> store.teams().claim("camera", "Camera"))).as("saved before")
                .isFalse();
        assertThat(store.teams().find("camera").orElseThrow().members()).hasSize(1);
    }

    @Test
    void aTeamKeepsItsChineseNameAndLosesItWhenSavedWithout() {
        store.teams().save(new Team("camera", "Camera", "相机", List.of(new Member("王磊 Wang Lei", "/photos/w.png"))));
        assertThat(store.teams().find("camera").orElseThrow().nameZh()).isEqualTo("相机");
        assertThat(store.teams().all()).extracting(Team::nameZh).containsExactlyInAnyOrder("相机", "");
        assertThat(store.teams().find("battery").orElseThrow().nameZh()).as("never given one").isEmpty();
        store.teams().save(new Team("camera", "Camera", List.of()));
        assertThat(store.teams().find("camera").orElseThrow().nameZh()).isEmpty();
    }

    @Test
    void aNominationKeepsTheEnglishTitleGivenBesideItsChineseOne() {
        var nominations = store.nominations();
        dev.popcorn.domain.award.Nomination both = nominations
                .add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-1", "camera",
                        "夜景相机", "Night camera", "天黑也能拍清楚", SHIPPED.plusSeconds(5)));
        assertThat(nominations.find(both.id())).hasValueSatisfying(n -> {
            assertThat(n.titleEn()).isEqualTo("Night camera");
            assertThat(n.candidateTitle()).isEqualTo("Night camera");
            assertThat(n.candidateTitleZh()).isEqualTo("夜景相机");
        });
        dev.popcorn.domain.award.Nomination one = nominations
                .add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-1", "battery",
                        "安静充电", "夜里没有声音", SHIPPED.plusSeconds(6)));
        assertThat(nominations.find(one.id()).orElseThrow().titleEn()).isEmpty();
    }

    @Test
    void aWebhookBodyIsTakenOnceUntilItIsForgotten() {
        assertThat(store.webhookDeliveries().first("jira", "a".repeat(64), SHIPPED)).isTrue();
        assertThat(store.webhookDeliveries().first("jira", "a".repeat(64), SHIPPED.plusSeconds(1))).as("replayed")
                .isFalse();
        assertThat(store.webhookDeliveries().first("forum", "a".repeat(64), SHIPPED)).as("another sender").isTrue();
        assertThat(store.webhookDeliveries().purge(SHIPPED.plusSeconds(1))).isEqualTo(2);
        assertThat(store.webhookDeliveries().first("jira", "a".repeat(64), SHIPPED.plusSeconds(2))).isTrue();
    }

    @Test
    void aPollOrCandidateIsReplacedOnlyOverWhatWasRead() {
        Instant closing = SHIPPED.plus(Duration.ofDays(2));
        Poll closed = poll.close(closing);
        assertThat(store.polls().replace(poll, closed)).isTrue();
        assertThat(store.polls().replace(poll, poll.close(closing.plusSeconds(5)))).as("read before the close")
                .isFalse();
        assertThat(store.polls().find(poll.id()).orElseThrow().closedAt()).isEqualTo(closing);

        Candidate first = poll.candidates().get(0);
        Candidate withdrawn = first.withStatus(CandidateStatus.WITHDRAWN, "");
        assertThat(store.polls().replaceCandidate(first, withdrawn)).isTrue();
        assertThat(store.polls().replaceCandidate(first, first.withStatus(CandidateStatus.DISQUALIFIED, "late")))
                .as("read while it still stood").isFalse();
        assertThat(store.polls().find(poll.id()).orElseThrow().candidates().get(0).status())
                .isEqualTo(CandidateStatus.WITHDRAWN);
    }

    @Test
    void chineseTitlesAreKeptBesideTheEnglishOnes() {
        assertThat(store.releases().find(release.id()).orElseThrow().features()).extracting(Feature::summaryZh)
                .containsExactly("夜景模式", "");
        Candidate added = store.polls().addCandidate(new Candidate(0, poll.id(), "camera", "Night camera", "夜拍相机",
                List.of("POP-1"), "", "", CandidateStatus.ACTIVE, ""));
        assertThat(added.titleZh()).isEqualTo("夜拍相机");
        Candidate renamed = added.edited("Night camera", "夜景相机", List.of("POP-1"), "After dark", "天黑以后");
        assertThat(store.polls().replaceCandidate(added, renamed)).isTrue();
        assertThat(store.polls().find(poll.id()).orElseThrow().candidates()).filteredOn(c -> c.id() == added.id())
                .extracting(Candidate::titleZh, Candidate::pitchZh)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("夜景相机", "天黑以后"));
    }

    @Test
    void anAuditEntryKeepsItsNoteForReadersOfAnyLanguage() {
        store.audit().record(new dev.popcorn.domain.AuditEntry(SHIPPED, "lead", "poll.close", "poll:1", "closed early")
                .noted("closedEarly"));
        store.audit().record(
                new dev.popcorn.domain.AuditEntry(SHIPPED, "lead", "announcement.edit", "poll:1", "12 characters")
                        .noted("announcement.characters", 12));
        store.audit()
                .record(new dev.popcorn.domain.AuditEntry(SHIPPED, "lead", "candidate.add", "poll:1", "Night camera"));
        assertThat(store.audit().recent(3)).extracting(dev.popcorn.domain.AuditEntry::note).containsExactly(
                List.of(), List.of("announcement.characters", "12"), List.of("closedEarly"));
    }

    @Test
    void listsCarryWhatEachOfTheirItemsShows() {
        for (int week = 1; week <= 5; week++) {
            anotherWeek(week);
        }
        var overview = overview();
        var views = overview.views(store.releases().recent(20));
        assertThat(views).hasSize(6);
        var latest = views.get(0);
        assertThat(latest.release().version()).isEqualTo("2026.12.5");
        assertThat(latest.reports()).isEqualTo(1);
        assertThat(latest.pollId()).isPresent();
        assertThat(latest.feedback()).extracting(f -> f.feature().key()).containsExactly("POP-50", "POP-51");
        assertThat(latest.feedback().get(0).likes()).isEqualTo(1);
        assertThat(latest.feedback().get(0).comments()).containsExactly("nice 5");
        assertThat(views.get(5).release().id()).isEqualTo(release.id());
        assertThat(views.get(5).reports()).isZero();
        var winners = winners();
        assertThat(winners.winners(10)).hasSize(5)
                .allSatisfy(award -> assertThat(award.result().ballots()).isEqualTo(1));
        assertThat(winners.winsOf("camera")).hasSize(5).extracting(w -> w.release().version())
                .startsWith("2026.12.5", "2026.12.4");
        assertThat(winners.leaderboard()).extracting(b -> b.team().slug() + "=" + b.buckets())
                .containsExactly("camera=5", "battery=0");
    }

    @Test
    void theOutboxGivesATaskToOneOwnerAtATimeAndKeepsWhatBecameOfIt() {
        var outbox = store.outbox();
        Instant t0 = SHIPPED;
        assertThat(outbox.enqueue("tracker.feedback", "1/POP-1", t0)).isTrue();
        assertThat(outbox.enqueue("tracker.feedback", "1/POP-1", t0.plusSeconds(5))).isFalse();
        var first = outbox.claim("a", t0, t0.plusSeconds(30), 5);
        assertThat(first).singleElement().satisfies(t -> {
            assertThat(t.claims()).isZero();
            assertThat(t.interrupted()).isFalse();
        });
        long id = first.get(0).id();
        assertThat(outbox.claim("b", t0.plusSeconds(10), t0.plusSeconds(40), 5)).as("leased to a").isEmpty();
        // a goes silent; once its lease ran out b takes the task, and sees that a claim was cut off.
        var second = outbox.claim("b", t0.plusSeconds(31), t0.plusSeconds(61), 5);
        assertThat(second).singleElement().satisfies(t -> assertThat(t.interrupted()).isTrue());
        outbox.done(id, "a", t0.plusSeconds(32));
        assertThat(outbox.find("tracker.feedback", "1/POP-1").orElseThrow().state())
                .as("a lost its lease: its answer changes nothing")
                .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.PENDING);
        outbox.retry(id, "b", t0.plus(Duration.ofMinutes(5)), "Jira answered 503");
        var retrying = outbox.find("tracker.feedback", "1/POP-1").orElseThrow();
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastError()).isEqualTo("Jira answered 503");
        assertThat(outbox.troubles(10)).extracting(t -> t.id()).containsExactly(id);
        assertThat(outbox.claim("b", t0.plus(Duration.ofMinutes(4)), t0.plus(Duration.ofMinutes(5)), 5)).as("not due")
                .isEmpty();
        var third = outbox.claim("c", t0.plus(Duration.ofMinutes(5)), t0.plus(Duration.ofMinutes(6)), 5);
        assertThat(third).singleElement().satisfies(t -> {
            // Two claims (a's, cut off, and b's), one settled attempt (b's retry).
            assertThat(t.claims()).isEqualTo(2);
            assertThat(t.attempts()).isEqualTo(1);
        });
        outbox.fail(id, "c", "Jira answered 403");
        assertThat(outbox.counts()).containsEntry(dev.popcorn.app.outbox.OutboxStore.State.FAILED, 1L)
                .containsEntry(dev.popcorn.app.outbox.OutboxStore.State.PENDING, 0L);
        assertThat(outbox.claim("c", t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)), 5)).isEmpty();
        assertThat(outbox.retryFailed(t0.plus(Duration.ofHours(1)))).isEqualTo(1);
        var again = outbox.claim("d", t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)), 5);
        assertThat(again).singleElement().satisfies(t -> assertThat(t.attempts()).isZero());
        outbox.done(id, "d", t0.plus(Duration.ofHours(1)));
        var done = outbox.find("tracker.feedback", "1/POP-1").orElseThrow();
        assertThat(done.state()).isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.DONE);
        assertThat(done.lastError()).isEmpty();
        assertThat(outbox.troubles(10)).isEmpty();
        // Done before the planner's moment: filed again. Done after it: left alone.
        outbox.enqueueOrRearm("tracker.feedback", "1/POP-1", t0.plus(Duration.ofHours(2)),
                t0.plus(Duration.ofMinutes(59)));
        assertThat(outbox.find("tracker.feedback", "1/POP-1").orElseThrow().state())
                .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.DONE);
        outbox.enqueueOrRearm("tracker.feedback", "1/POP-1", t0.plus(Duration.ofHours(2)),
                t0.plus(Duration.ofHours(2)));
        var rearmed = outbox.find("tracker.feedback", "1/POP-1").orElseThrow();
        assertThat(rearmed.state()).isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.PENDING);
        assertThat(rearmed.attempts()).isZero();
        assertThat(rearmed.dueAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
    }

    @Test
    void aWaitTheOtherSideAskedForIsKeptApartFromAttemptsAndANewRoundForgetsIt() {
        var outbox = store.outbox();
        Instant t0 = SHIPPED.plus(Duration.ofDays(1));
        outbox.enqueue("tracker.wish.file", "5", t0);
        var first = outbox.claim("a", t0, t0.plusSeconds(30), 5);
        assertThat(first).singleElement()
                .satisfies(t -> assertThat(t.firstTryAt()).as("as it was before the claim").isNull());
        long id = first.get(0).id();
        outbox.postpone(id, "a", t0.plusSeconds(1), "Jira answered 429 (rate limited) (retry after 1 s)");
        var waiting = outbox.find("tracker.wish.file", "5").orElseThrow();
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.waits()).isEqualTo(1);
        assertThat(waiting.firstTryAt()).isEqualTo(t0);
        assertThat(waiting.dueAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(waiting.interrupted()).isFalse();
        assertThat(outbox.troubles(10)).extracting(t -> t.id()).containsExactly(id);
        outbox.claim("b", t0.plusSeconds(2), t0.plusSeconds(32), 5);
        assertThat(outbox.find("tracker.wish.file", "5").orElseThrow().firstTryAt()).as("kept from the first try")
                .isEqualTo(t0);
        outbox.fail(id, "b", "Jira answered 403: You do not have permission to create issues",
                "tracker.grant.CREATE_ISSUES");
        var failed = outbox.find("tracker.wish.file", "5").orElseThrow();
        assertThat(failed.advice()).isEqualTo("tracker.grant.CREATE_ISSUES");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(outbox.retryFailed(t0.plusSeconds(60))).isEqualTo(1);
        var again = outbox.find("tracker.wish.file", "5").orElseThrow();
        assertThat(again.waits()).isZero();
        assertThat(again.firstTryAt()).isNull();
        assertThat(again.advice()).isEmpty();
    }

    @Test
    void failedTasksOfOneKindAndRefPrefixAreRearmedAndNoOthers() {
        var outbox = store.outbox();
        Instant t0 = SHIPPED.plus(Duration.ofDays(1));
        for (String ref : List.of("fan_1/1", "fan_1/2", "fan%1/1", "fan_10/1")) {
            outbox.enqueue("level.group", ref, t0);
        }
        outbox.enqueue("badge.forum", "fan_1/reports.gold", t0);
        for (var task : outbox.claim("a", t0, t0.plusSeconds(30), 10)) {
            outbox.fail(task.id(), "a", "no forum account yet", "outbox.advice.forumAccount");
        }
        assertThat(outbox.rearmFailed("level.group", "fan_1/", t0.plusSeconds(60))).isEqualTo(2);
        var rearmed = outbox.find("level.group", "fan_1/2").orElseThrow();
        assertThat(rearmed.state()).isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.PENDING);
        assertThat(rearmed.attempts()).isZero();
        assertThat(rearmed.advice()).isEmpty();
        assertThat(rearmed.dueAt()).isEqualTo(t0.plusSeconds(60));
        for (String ref : List.of("fan%1/1", "fan_10/1")) {
            assertThat(outbox.find("level.group", ref).orElseThrow().state())
                    .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.FAILED);
        }
        assertThat(outbox.find("badge.forum", "fan_1/reports.gold").orElseThrow().state())
                .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.FAILED);
        assertThat(outbox.rearmFailed("level.group", "fan_1/", t0.plusSeconds(60))).as("pending ones stay as they are")
                .isZero();
    }

    @Test
    void whatWasWrittenOntoATicketIsRememberedPerWriteUntilForgotten() {
        var written = store.ticketWrites();
        Instant at = SHIPPED.plus(Duration.ofDays(1));
        assertThat(written.fingerprint("MIUI-1", "labels")).isEmpty();
        written.save("MIUI-1", "labels", "a".repeat(64), at);
        written.save("MIUI-1", "property popcorn.feedback.prod", "b".repeat(64), at);
        written.save("MIUI-1", "labels", "c".repeat(64), at.plusSeconds(1));
        assertThat(written.fingerprint("MIUI-1", "labels")).contains("c".repeat(64));
        assertThat(written.fingerprint("MIUI-2", "labels")).isEmpty();
        assertThat(written.forgetAll()).isEqualTo(2);
        assertThat(written.fingerprint("MIUI-1", "property popcorn.feedback.prod")).isEmpty();
    }

    @Test
    void wishesAreFoundByTheirAuthorsWordsSupportedOnceAndFollowTheirTicket() {
        // The store files and finds; that the same words are one wish is the hand-in's rule (WishFilingTest).
        assertThat(store.reports().wishOf("fan-1", release.id(), "Dark mode please")).isEmpty();
        long dark = store.reports().fileWish("Dark mode please", "fan-1", release.id(), SHIPPED);
        assertThat(store.reports().wishOf("fan-1", release.id(), "Dark mode please")).contains(dark);
        assertThat(store.reports().wishOf("fan-2", release.id(), "Dark mode please")).as("another fan's").isEmpty();
        assertThat(store.reports().wishOf("fan-1", release.id(), "Dark mode")).as("other words").isEmpty();
        assertThat(store.reports().wishOf("fan-1", release.id() + 1, "Dark mode please")).as("another release")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .as("a report's new wishes are filed before")
                .isThrownBy(() -> store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(), List.of(),
                        List.of("Dark mode please")), SHIPPED));
        store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(), List.of(dark), List.of()), SHIPPED);
        store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(), List.of(dark), List.of()),
                SHIPPED.plusSeconds(5));
        store.reports().save(new ExperienceReport("fan-2", release.id(), List.of(), List.of(dark), List.of()), SHIPPED);
        assertThat(store.reports().topWishes(10)).singleElement().satisfies(w -> {
            assertThat(w.text()).isEqualTo("Dark mode please");
            assertThat(w.supporters()).isEqualTo(2);
            assertThat(w.linked()).isFalse();
        });
        assertThat(store.reports().wishForTicket("", "no ticket", release.id(), SHIPPED)).isNotEqualTo(dark);
        long ticketWish = store.reports().wishForTicket("MIUI-7", "Faster search", release.id(), SHIPPED);
        assertThat(store.reports().wishForTicket("MIUI-7", "Other words", release.id(), SHIPPED)).isEqualTo(ticketWish);
        assertThat(store.reports().wishes(List.of(ticketWish))).singleElement()
                .as("backing a ticket is support: its wish has no author")
                .satisfies(w -> assertThat(w.authored()).isFalse());
        assertThat(store.reports().topWishes(10)).as("a wish nobody supports is not top").hasSize(1);
        assertThat(store.reports().openWishes(10)).extracting(w -> w.id()).contains(dark, ticketWish);
        store.reports().linkTicket(dark, "MIUI-7");
        assertThat(store.reports().unfulfilledWishesOf("MIUI-7")).extracting(w -> w.id()).containsExactly(dark,
                ticketWish);
        assertThat(store.reports().supportersOfTicket("MIUI-7")).isEqualTo(2);
        assertThat(store.reports().supporters(dark)).containsExactly("fan-1", "fan-2");
        assertThat(store.reports().fulfil(dark, SHIPPED.plusSeconds(60))).isTrue();
        assertThat(store.reports().fulfil(dark, SHIPPED.plusSeconds(90))).isFalse();
        assertThat(store.reports().unfulfilledWishesOf("MIUI-7")).extracting(w -> w.id()).containsExactly(ticketWish);
        assertThat(store.reports().openWishes(10)).extracting(w -> w.id()).doesNotContain(dark);
        assertThat(store.reports().wishes(List.of(dark))).singleElement()
                .satisfies(w -> assertThat(w.fulfilledAt()).isEqualTo(SHIPPED.plusSeconds(60)));
    }

    @Test
    void ticketsAndForumThreadsAreKeptByTheirKeys() {
        var ticket = new dev.popcorn.domain.feedback.Ticket("MIUI-7", "Faster search", "In Progress", false, "MIUI",
                List.of(),
                List.of(), List.of("2026.12.4"));
        store.tickets().save(ticket, SHIPPED);
        store.tickets()
                .save(new dev.popcorn.domain.feedback.Ticket("MIUI-8", "Done thing", "Done", true, "MIUI", List.of(),
                        List.of(),
                        List.of()), SHIPPED.plusSeconds(1));
        assertThat(store.tickets().find("MIUI-7").orElseThrow().fixVersions()).containsExactly("2026.12.4");
        assertThat(store.tickets().open(10)).extracting(t -> t.key()).containsExactly("MIUI-7");
        // The labels it held when seen, then as Popcorn's own label edit left them; a ticket never seen: not known.
        assertThat(store.tickets().labels("MIUI-7")).contains(List.of());
        store.tickets()
                .save(new dev.popcorn.domain.feedback.Ticket("MIUI-7", "Faster search", "In Progress", false, "MIUI",
                        List.of(),
                        List.of("ui", "popcorn-loved"), List.of("2026.12.4")), SHIPPED.plusSeconds(2));
        assertThat(store.tickets().labels("MIUI-7")).contains(List.of("ui", "popcorn-loved"));
        store.tickets().labelsWritten("MIUI-7", List.of("ui", "popcorn-needs-work"));
        assertThat(store.tickets().labels("MIUI-7")).contains(List.of("ui", "popcorn-needs-work"));
        assertThat(store.tickets().find("MIUI-7").orElseThrow().labels()).containsExactly("ui", "popcorn-needs-work");
        assertThat(store.tickets().labels("MIUI-9")).isEmpty();
        store.tickets().forgetLabels("MIUI-7");
        assertThat(store.tickets().labels("MIUI-7")).as("not known until seen or written again").isEmpty();
        store.tickets().labelsWritten("MIUI-7", List.of("popcorn-loved"));
        assertThat(store.tickets().labels("MIUI-7")).contains(List.of("popcorn-loved"));
        var posted = new dev.popcorn.app.forum.Forum.Posted(12, 34, "https://forum.example/t/12");
        store.forumThreads()
                .save(new dev.popcorn.app.forum.ForumThreadStore.Kept("popcorn-release-1", posted, "f1", SHIPPED));
        store.forumThreads().save(new dev.popcorn.app.forum.ForumThreadStore.Kept("popcorn-release-1", posted, "f2",
                SHIPPED.plusSeconds(9)));
        assertThat(store.forumThreads().find("popcorn-release-1").orElseThrow().fingerprint()).isEqualTo("f2");
        assertThat(store.forumThreads().find("popcorn-poll-1")).isEmpty();
    }

    @Test
    void forumAccountsAreKeptByNameWhateverItsCaseAndFoundByUserAndForumId() {
        var accounts = store.forumAccounts();
        accounts.save(dev.popcorn.app.ForumAccountStore.Account.linked("WangLei", 12L, "wanglei", "12", SHIPPED));
        accounts.save(
                new dev.popcorn.app.ForumAccountStore.Account("ghost", dev.popcorn.app.ForumAccountStore.State.MISSING,
                        null, null, null, "", SHIPPED));
        accounts.save(new dev.popcorn.app.ForumAccountStore.Account("ghost",
                dev.popcorn.app.ForumAccountStore.State.UNAVAILABLE,
                null, null, null, "x".repeat(600), SHIPPED.plusSeconds(1)));

        assertThat(accounts.find("wanglei").orElseThrow().forumUsername()).isEqualTo("wanglei");
        assertThat(accounts.find("WANGLEI").orElseThrow().name()).isEqualTo("WangLei");
        assertThat(accounts.namesOf("12")).containsExactly("WangLei");
        assertThat(accounts.namesOf("13")).isEmpty();
        assertThat(accounts.byForumId(12)).extracting(a -> a.name()).containsExactly("WangLei");
        var ghost = accounts.find("Ghost").orElseThrow();
        assertThat(ghost.state()).isEqualTo(dev.popcorn.app.ForumAccountStore.State.UNAVAILABLE);
        assertThat(ghost.problem()).hasSize(500);
        assertThat(ghost.checkedAt()).isEqualTo(SHIPPED.plusSeconds(1));
        assertThat(accounts.all()).extracting(a -> a.name()).containsExactly("ghost", "WangLei");
        accounts.forget("GHOST");
        assertThat(accounts.find("ghost")).isEmpty();
    }

    @Test
    void aFanAskingForRemindersIsDueOncePerDeadlineWithAForumNameAndNoReport() {
        var reminders = store.reminders();
        Instant deadline = release.reportsCloseAt();
        for (String[] fan : new String[][] {{"f1", "xiaoyu"}, {"f2", "lei"}, {"f3", "mei"}, {"f4", "ting"}}) {
            store.users().upsertFromForum(
                    new dev.popcorn.domain.forum.ForumIdentity(fan[0], fan[1], "Fan " + fan[0], "", List.of(),
                            false, false),
                    SHIPPED);
        }
        store.users().upsert("nf", "No forum", SHIPPED);
        assertThat(reminders.choice("f1")).isEqualTo(dev.popcorn.app.forum.ReminderStore.Choice.NONE);
        reminders.choose("f1", true, "en", SHIPPED);
        reminders.choose("f2", true, "zh-CN", SHIPPED);
        reminders.choose("f3", false, "en", SHIPPED);
        reminders.choose("nf", true, "", SHIPPED);
        reminders.choose("f4", true, "", SHIPPED);
        store.reports()
                .save(new ExperienceReport("f4", release.id(), List.of(new FeatureVerdict("POP-1", Verdict.LIKE, "")),
                        List.of(), List.of()), SHIPPED);

        assertThat(reminders.choice("f2")).isEqualTo(new dev.popcorn.app.forum.ReminderStore.Choice(true, "zh-CN"));
        assertThat(reminders.due(release.id(), deadline, 10)).as("asked, on the forum, not reported")
                .containsExactly("f1", "f2");
        assertThat(reminders.due(release.id(), deadline, 1)).containsExactly("f1");

        assertThat(reminders.remind("f1", deadline)).isTrue();
        assertThat(reminders.remind("f1", deadline)).as("once per deadline").isFalse();
        assertThat(reminders.remind("f1", deadline.minusSeconds(60))).as("nor an earlier one").isFalse();
        assertThat(reminders.remind("f3", deadline)).as("did not ask").isFalse();
        assertThat(reminders.due(release.id(), deadline, 10)).containsExactly("f2");

        reminders.choose("f1", false, "en", SHIPPED.plusSeconds(1));
        reminders.choose("f1", true, "zh-CN", SHIPPED.plusSeconds(2));
        assertThat(reminders.due(release.id(), deadline, 10)).as("choosing again forgets no reminder")
                .containsExactly("f2");
        Instant nextWeek = deadline.plus(Duration.ofDays(7));
        assertThat(reminders.due(release.id(), nextWeek, 10)).containsExactly("f1", "f2");
        assertThat(reminders.remind("f1", nextWeek)).isTrue();
        assertThat(reminders.choice("f1")).isEqualTo(new dev.popcorn.app.forum.ReminderStore.Choice(true, "zh-CN"));
    }

    @Test
    void buildNoticesAreLoggedFirstAndSettledLater() {
        var log = store.builds();
        var notice = new dev.popcorn.domain.release.BuildNotice(
                new dev.popcorn.domain.release.BuildRef("mobile/release", 112,
                        "https://ci.example/job/mobile/job/release/112/"),
                "FINALIZED", "SUCCESS", "origin/release/1",
                java.util.Map.of("RELEASE_VERSION", "2026.11.27"), "", java.util.Optional.empty());
        var received = new dev.popcorn.app.release.BuildLog.Reason("jenkins.received", List.of());
        long first = log.record(SHIPPED, notice, dev.popcorn.app.release.BuildLog.Outcome.FAILED, received,
                java.util.Optional.empty(), "{\"name\":\"release\"}");
        long second = log.record(SHIPPED.plusSeconds(5), notice, dev.popcorn.app.release.BuildLog.Outcome.FAILED,
                received,
                java.util.Optional.empty(), "{}");
        log.settle(first, dev.popcorn.app.release.BuildLog.Outcome.OPENED,
                new dev.popcorn.app.release.BuildLog.Reason("jenkins.opened", List.of("2026.11.27", "2")),
                java.util.Optional.of(release.id()));
        var entry = log.find(first).orElseThrow();
        assertThat(entry.job()).isEqualTo("mobile/release");
        assertThat(entry.number()).isEqualTo(112);
        assertThat(entry.outcome()).isEqualTo(dev.popcorn.app.release.BuildLog.Outcome.OPENED);
        assertThat(entry.reason().args()).containsExactly("2026.11.27", "2");
        assertThat(entry.releaseId()).hasValue(release.id());
        assertThat(entry.body()).isEqualTo("{\"name\":\"release\"}");
        assertThat(log.recent(10)).extracting(e -> e.id()).containsExactly(second, first);
        assertThat(log.find(second).orElseThrow().releaseId()).isEmpty();
    }

    @Test
    void aUserIsToldAboutAWishOnceNewestFirst() {
        store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(), List.of(
                store.reports().fileWish("Dark mode please", "fan-1", release.id(), SHIPPED),
                store.reports().fileWish("Bigger fonts", "fan-1", release.id(), SHIPPED)), List.of()), SHIPPED);
        List<Long> wishes = store.reports().openWishes(10).stream().map(w -> w.id()).sorted().toList();
        var notices = store.notices();
        assertThat(notices
                .add(new dev.popcorn.domain.feedback.WishNotice("fan-1", wishes.get(0), "", "MIUI-7", "2026.12.4",
                        SHIPPED)))
                .isTrue();
        assertThat(notices
                .add(new dev.popcorn.domain.feedback.WishNotice("fan-1", wishes.get(0), "", "MIUI-7", "2026.12.5",
                        SHIPPED.plusSeconds(1))))
                .isFalse();
        assertThat(notices.add(new dev.popcorn.domain.feedback.WishNotice("fan-1", wishes.get(1), "", "MIUI-8", "",
                SHIPPED.plusSeconds(2)))).isTrue();
        assertThat(notices.of("fan-1", 10)).extracting(n -> n.wishText() + " " + n.ticketKey() + " " + n.shipsIn())
                .containsExactly("Bigger fonts MIUI-8 ", "Dark mode please MIUI-7 2026.12.4");
        assertThat(notices.of("fan-2", 10)).isEmpty();

        // Following a wish without backing it: once per user, undone at will.
        assertThat(notices.follow(wishes.get(0), "fan-3", SHIPPED)).isTrue();
        assertThat(notices.follow(wishes.get(0), "fan-3", SHIPPED.plusSeconds(1))).as("followed already").isFalse();
        assertThat(notices.follow(wishes.get(0), "fan-2", SHIPPED)).isTrue();
        assertThat(notices.followers(wishes.get(0))).containsExactly("fan-2", "fan-3");
        assertThat(notices.follows(wishes.get(0), "fan-3")).isTrue();
        assertThat(notices.follows(wishes.get(1), "fan-3")).isFalse();
        assertThat(notices.unfollow(wishes.get(0), "fan-3")).isTrue();
        assertThat(notices.unfollow(wishes.get(0), "fan-3")).isFalse();
        assertThat(notices.followers(wishes.get(0))).containsExactly("fan-2");
        assertThat(notices.followers(wishes.get(1))).isEmpty();
    }

    @Test
    void aSignInNonceWorksOnceAndExpiredOnesAreForgotten() {
        var nonces = store.signInNonces();
        String longNonce = "n-1." + "x".repeat(600);
        assertThat(nonces.use(longNonce, SHIPPED.plusSeconds(600))).isTrue();
        assertThat(nonces.use(longNonce, SHIPPED.plusSeconds(600))).as("used once").isFalse();
        assertThat(nonces.use("n-2", SHIPPED.minusSeconds(1))).isTrue();
        assertThat(nonces.count()).isEqualTo(2);
        assertThat(nonces.purge(SHIPPED)).isEqualTo(1);
        assertThat(nonces.count()).isEqualTo(1);
        assertThat(nonces.use(longNonce, SHIPPED.plusSeconds(600))).as("still remembered until it expires").isFalse();
    }

    @Test
    void aUsersStandingSaysWhetherTheyLeadAndSinceWhenTheirPassesHold() {
        var users = store.users();
        assertThat(users.leadRole("fan-1")).as("unknown").isEmpty();
        users.upsert("fan-1", "Fan", SHIPPED);
        assertThat(users.leadRole("fan-1")).hasValue(new dev.popcorn.app.UserStore.LeadRole(false, null));
        assertThat(users.setLead("fan-1", true)).isTrue();
        assertThat(users.setLead("nobody", true)).as("an unknown user is not made a lead").isFalse();
        Instant revokedAt = SHIPPED.plusNanos(1_234_567_891);
        users.revokePasses("fan-1", revokedAt);
        assertThat(users.leadRole("fan-1")).hasValue(new dev.popcorn.app.UserStore.LeadRole(true,
                SHIPPED.plusMillis(1234)));
        users.upsert("fan-1", "Fan again", SHIPPED.plusSeconds(5));
        assertThat(users.leadRole("fan-1").orElseThrow().passesValidAfter()).as("a sign-in keeps the revocation")
                .isEqualTo(SHIPPED.plusMillis(1234));
        users.revokePasses("stranger", SHIPPED);
        assertThat(users.leadRole("stranger")).as("an unknown id revoked is recorded")
                .hasValue(new dev.popcorn.app.UserStore.LeadRole(false, SHIPPED));
        assertThat(users.find("stranger").orElseThrow().name()).isEqualTo("stranger");
    }

    @Test
    void aSessionSignedOutOfIsKeptOnceUntilItWouldHaveExpired() {
        var users = store.users();
        Instant issued = SHIPPED.plusMillis(1234);
        users.endSession("fan-1", issued, SHIPPED.plusSeconds(60), SHIPPED.minusSeconds(3600));
        users.endSession("fan-1", issued, SHIPPED.plusSeconds(61), SHIPPED.minusSeconds(3600));
        assertThat(users.sessionsEndedSince(SHIPPED)).singleElement()
                .isEqualTo(new dev.popcorn.app.UserStore.EndedSession("fan-1", issued, SHIPPED.plusSeconds(60)));
        assertThat(users.sessionsEndedSince(SHIPPED.plusSeconds(61))).as("read since a later moment").isEmpty();
        // Another sign-out a month later forgets the first, which has expired since.
        users.endSession("fan-2", SHIPPED, SHIPPED.plusSeconds(86_400 * 31), SHIPPED.plusSeconds(86_400));
        assertThat(users.sessionsEndedSince(Instant.EPOCH)).extracting(dev.popcorn.app.UserStore.EndedSession::userId)
                .containsExactly("fan-2");
    }

    @Test
    void theForumLeadsAreTheLeadsWithAForumAccount() {
        var users = store.users();
        users.upsertFromForum(
                new dev.popcorn.domain.forum.ForumIdentity("f-2", "ann", "Ann", "", List.of("leads"), false, false),
                SHIPPED);
        users.upsertFromForum(
                new dev.popcorn.domain.forum.ForumIdentity("f-1", "bob", "Bob", "", List.of(), false, false),
                SHIPPED);
        users.upsert("lead", "Lead", SHIPPED);
        users.setLead("f-2", true);
        users.setLead("lead", true);
        assertThat(users.forumLeads()).extracting(dev.popcorn.domain.User::forumUsername).containsExactly("ann");
        users.setLead("f-2", false);
        assertThat(users.forumLeads()).isEmpty();
    }

    @Test
    void aTransactionThatFailsLeavesNothingBehind() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.ballots().put(ballot("fan-1", 0));
            store.audit().record(new dev.popcorn.domain.AuditEntry(SHIPPED, "lead", "test", "poll", "half done"));
            throw RuleViolation.invalid("test.failed");
        })).isInstanceOf(RuleViolation.class);
        assertThat(store.ballots().find(poll.id(), "fan-1")).isEmpty();
        assertThat(store.audit().recent(10)).isEmpty();
    }

    static List<Runnable> reads(dev.popcorn.app.week.WeekOverview overview, dev.popcorn.app.award.Winners winners) {
        return List.of(
                () -> overview.views(overview.recentReleases(20)),
                () -> winners.winners(52),
                () -> winners.winsOf("camera"),
                winners::leaderboard);
    }

    @Test
    void theLatestCommentsOfAFeatureAreTheNewestThree() {
        for (int i = 1; i <= 5; i++) {
            store.reports().save(new ExperienceReport("c" + i, release.id(), List.of(
                    new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "comment " + i)), List.of(), List.of()),
                    SHIPPED.plusSeconds(i));
        }
        FeatureFeedback nightMode = store.releases().feedback(release.id(), 3).get(0);
        assertThat(nightMode.notGoodEnough()).isEqualTo(5);
        assertThat(nightMode.comments()).containsExactly("comment 5", "comment 4", "comment 3");
        assertThat(store.releases().feedback(release.id(), 3).get(1).comments()).isEmpty();
    }

    Candidate candidate(int index) {
        return poll.candidates().get(index);
    }

    Ballot ballot(String user, int candidate) {
        return new Ballot(poll.id(), user, candidate(candidate).id(), SHIPPED.plusSeconds(60), "R-" + user);
    }

    @Test
    void aPollRoundTripsWithItsCandidatesAndState() {
        Poll stored = store.polls().find(poll.id()).orElseThrow();

        assertThat(stored.stateAt(SHIPPED)).isEqualTo(PollState.OPEN);
        assertThat(stored.opensAt()).isEqualTo(SHIPPED);
        assertThat(stored.candidates()).extracting(Candidate::title).containsExactly("Night camera", "Quiet charging");
        assertThat(stored.candidates().get(0).tickets()).containsExactly("POP-1");
        assertThat(store.polls().findByRelease(release.id())).contains(stored);
        assertThat(store.releases().find(release.id())).contains(release);
        assertThat(store.teams().find("camera").orElseThrow().members())
                .containsExactly(new Member("王磊 Wang Lei", "/photos/w.png"));
    }

    @Test
    void aChangedBallotReplacesTheFirstOne() {
        store.ballots().put(ballot("fan-1", 0));
        store.ballots().put(ballot("fan-1", 1));
        store.ballots().put(ballot("fan-2", 1));

        assertThat(store.ballots().tally(poll.id())).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of(candidate(1).id(), 2L));
        assertThat(store.ballots().find(poll.id(), "fan-1").orElseThrow().candidateId()).isEqualTo(candidate(1).id());
    }

    @Test
    void concurrentBallotsAreNeitherLostNorCountedTwice() throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.ballots().put(ballot("fan-" + thread + "-" + i, i % 2));
                        store.ballots().put(ballot("shared-" + i, thread % 2));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long total = store.ballots().tally(poll.id()).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(threads * perThread + perThread);
    }

    @Test
    void nominationsSentAtOnceNeverLeaveMoreThanTheLimitWaiting() throws Exception {
        Instant now = SHIPPED.plus(Duration.ofDays(7));
        Release next = store.releases().create("2026.11.27", now, now.plus(Duration.ofDays(4)),
                List.of(new Feature("POP-9", "Next", "camera")));
        long draft = store.polls().create(next.id(), "Popcorn Award · 2026.11.27", now.plus(Duration.ofHours(16)),
                now.plus(Duration.ofDays(6))).id();
        List<String> teams = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            teams.add("team-" + i);
            store.teams().save(new Team("team-" + i, "Team " + i, List.of()));
        }
        java.time.Clock clock = java.time.Clock.fixed(now.plusSeconds(60), java.time.ZoneOffset.UTC);
        var manage = new dev.popcorn.app.award.ManagePoll(
                new dev.popcorn.app.award.ManagePoll.Stores(store.transactions(),
                        store.polls(), store.awards(), store.teams(), store.outbox(), store.audit()),
                null, null, clock);
        var nominations = new dev.popcorn.app.award.Nominations(new dev.popcorn.app.award.Nominations.Stores(
                store.transactions(), store.nominations(), store.polls(), store.teams(), store.audit()), manage,
                dev.popcorn.app.participation.Rights.everyone(), 3, clock);
        ExecutorService pool = Executors.newFixedThreadPool(teams.size());
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (String team : teams) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        nominations.nominate("fan-1", draft, team, "Project of " + team, "Worth it");
                    } catch (RuleViolation e) {
                        refused.add(e.code());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.nominations().ofUser(draft, "fan-1")).hasSize(3);
        assertThat(refused).hasSize(5)
                .allSatisfy(code -> assertThat(code).isIn("nomination.limit", "store.concurrent"));
    }

    @Test
    void editingAReportReplacesItsVerdictsAndKeepsItsWishes() {
        ExperienceReport first = new ExperienceReport("fan-1", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.LIKE, "great at night"),
                new FeatureVerdict("POP-2", Verdict.NOT_GOOD_ENOUGH, "")),
                List.of(
                        store.reports().fileWish("Call recording", "fan-1", release.id(), SHIPPED.plusSeconds(10))),
                List.of());
        store.reports().save(first, SHIPPED.plusSeconds(10));
        long wish = store.reports().topWishes(10).get(0).id();
        store.reports().save(new ExperienceReport("fan-1", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "too dark after all")), List.of(wish),
                List.of()), SHIPPED.plusSeconds(20));
        store.reports().save(new ExperienceReport("fan-2", release.id(), List.of(
                new FeatureVerdict("POP-1", Verdict.LIKE, "")), List.of(wish), List.of()), SHIPPED.plusSeconds(30));

        assertThat(store.reports().count(release.id())).isEqualTo(2);
        ExperienceReport stored = store.reports().find(release.id(), "fan-1").orElseThrow();
        assertThat(stored.verdicts())
                .containsExactly(new FeatureVerdict("POP-1", Verdict.NOT_GOOD_ENOUGH, "too dark after all"));
        assertThat(stored.supportedWishes()).containsExactly(wish);
        assertThat(store.reports().topWishes(10)).singleElement().satisfies(w -> {
            assertThat(w.text()).isEqualTo("Call recording");
            assertThat(w.supporters()).isEqualTo(2);
        });
        assertThat(store.reports().wishes(List.of(wish, 999L))).singleElement()
                .satisfies(w -> assertThat(w.supporters()).isEqualTo(2));
        assertThat(store.reports().wishes(List.of())).isEmpty();
        List<FeatureFeedback> feedback = store.releases().feedback(release.id(), 3);
        assertThat(feedback).extracting(f -> f.feature().key(), FeatureFeedback::likes, FeatureFeedback::notGoodEnough)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POP-1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("POP-2", 0L, 0L));
        assertThat(feedback.get(0).comments()).containsExactly("too dark after all");
    }

    @Test
    void theLedgerSumsAWindowOfKindsWithoutRevokedGrantsAndPagesNewestFirst() {
        var ledger = store.participation();
        ledger.record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", SHIPPED));
        ledger.record(
                new ParticipationEvent("fan-1", ParticipationKind.BALLOT_CAST, "poll:1", 0, SHIPPED.plusSeconds(60),
                        "ballot cast, capped at the weekly limit of 10 points"));
        ledger.record(
                ParticipationEvent.of("fan-1", ParticipationKind.WISH_FULFILLED, "wish:1", SHIPPED.plusSeconds(120)));
        ledger.record(
                new ParticipationEvent("fan-1", ParticipationKind.AWARDED, "forum:1", 300, SHIPPED.plusSeconds(180),
                        "moderator's award"));
        ledger.record(ParticipationEvent.of("fan-2", ParticipationKind.REPORT_HANDED_IN, "release:1", SHIPPED));
        var plain = java.util.EnumSet.of(ParticipationKind.REPORT_HANDED_IN, ParticipationKind.BALLOT_CAST);
        var all = java.util.EnumSet.allOf(ParticipationKind.class);

        assertThat(ledger.points("fan-1", plain, SHIPPED, SHIPPED.plusSeconds(3600))).isEqualTo(10);
        assertThat(ledger.points("fan-1", all, SHIPPED, SHIPPED.plusSeconds(3600))).isEqualTo(330);
        assertThat(ledger.points("fan-1", all, SHIPPED.plusSeconds(1), SHIPPED.plusSeconds(180))).as("until excluded")
                .isEqualTo(20);
        assertThat(ledger.points("fan-1", java.util.EnumSet.noneOf(ParticipationKind.class), SHIPPED,
                SHIPPED.plusSeconds(3600)))
                .isZero();

        var capped = ledger.find("fan-1", ParticipationKind.BALLOT_CAST, "poll:1").orElseThrow();
        assertThat(capped.points()).isZero();
        assertThat(capped.reason()).contains("capped");
        assertThat(capped.at()).isEqualTo(SHIPPED.plusSeconds(60));
        var newest = ledger.grants("fan-1", Long.MAX_VALUE, 2);
        assertThat(newest).extracting(g -> g.ref()).containsExactly("forum:1", "wish:1");
        assertThat(ledger.grants("fan-1", newest.get(1).id(), 20)).extracting(g -> g.ref()).containsExactly("poll:1",
                "release:1");
        assertThat(ledger.find(newest.get(0).id())).contains(newest.get(0));

        assertThat(ledger.revoke(newest.get(0).id(), "lead-1", "not a real award", SHIPPED.plusSeconds(600))).isTrue();
        assertThat(ledger.revoke(newest.get(0).id(), "lead-2", "again", SHIPPED.plusSeconds(700))).isFalse();
        var revoked = ledger.find(newest.get(0).id()).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(SHIPPED.plusSeconds(600));
        assertThat(revoked.revokedBy()).isEqualTo("lead-1");
        assertThat(revoked.revokeReason()).isEqualTo("not a real award");
        assertThat(ledger.points("fan-1")).isEqualTo(30);
        assertThat(ledger.points("fan-1", all, SHIPPED, SHIPPED.plusSeconds(3600))).isEqualTo(30);
        assertThat(ledger.find(999_999)).isEmpty();
        assertThat(ledger.revoke(999_999, "lead-1", "none", SHIPPED)).isFalse();
    }

    @Test
    void theLeadsViewsOfTheLedgerListTheNewestGrantsAndTheMarksUnderARef() {
        var ledger = store.participation();
        ledger.record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HELPFUL, "release:1", SHIPPED));
        ledger.record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HELPFUL, "release:1/POP-1", SHIPPED));
        ledger.record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HELPFUL, "release:12", SHIPPED));
        ledger.record(ParticipationEvent.of("fan-2", ParticipationKind.REPORT_HELPFUL, "release:1/POP-2", SHIPPED));
        ledger.record(ParticipationEvent.of("fan-3", ParticipationKind.REPORT_HELPFUL, "release:1", SHIPPED));
        ledger.record(ParticipationEvent.of("fan-2", ParticipationKind.REPORT_HANDED_IN, "release:1", SHIPPED));

        assertThat(ledger.recent(2)).extracting(g -> g.userId() + " " + g.ref())
                .containsExactly("fan-2 release:1", "fan-3 release:1");
        assertThat(ledger.recent(100)).hasSize(6);
        assertThat(ledger.marks(ParticipationKind.REPORT_HELPFUL, List.of("fan-1", "fan-2"), "release:1"))
                .as("the report's mark and its comments', not release 12's nor another user's")
                .extracting(g -> g.userId() + " " + g.ref())
                .containsExactly("fan-1 release:1", "fan-1 release:1/POP-1", "fan-2 release:1/POP-2");
        long comment = ledger.find("fan-1", ParticipationKind.REPORT_HELPFUL, "release:1/POP-1").orElseThrow().id();
        ledger.revoke(comment, "lead", "not that helpful", SHIPPED.plusSeconds(60));
        assertThat(ledger.marks(ParticipationKind.REPORT_HELPFUL, List.of("fan-1"), "release:1"))
                .as("a revoked mark is no mark").extracting(g -> g.ref()).containsExactly("release:1");
        assertThat(ledger.marks(ParticipationKind.REPORT_HELPFUL, List.of(), "release:1")).isEmpty();
    }

    @Test
    void theFunnelKeepsFirstVisitsOnceAndCountsReportsThatEarnedPoints() {
        var funnel = store.funnel();
        assertThat(funnel.visit(release.id(), "fan-1", SHIPPED)).isTrue();
        assertThat(funnel.visit(release.id(), "fan-1", SHIPPED.plusSeconds(60))).isFalse();
        assertThat(funnel.visit(release.id(), "fan-2", SHIPPED)).isTrue();
        assertThat(funnel.visitors(release.id())).isEqualTo(2);
        assertThat(funnel.visitors(release.id() + 1000)).isZero();

        List<String> fans = List.of("fan-1", "fan-3", "fan-2");
        for (int i = 0; i < fans.size(); i++) {
            store.reports().save(new ExperienceReport(fans.get(i), release.id(),
                    List.of(new FeatureVerdict("POP-1", Verdict.LIKE, fans.get(i) + " likes it")), List.of(),
                    List.of()),
                    SHIPPED.plusSeconds(100 + i));
        }
        store.participation().record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HANDED_IN,
                "release:" + release.id(), SHIPPED));
        store.participation().record(ParticipationEvent.of("fan-2", ParticipationKind.REPORT_HANDED_IN,
                "release:" + release.id(), SHIPPED));
        store.participation().record(ParticipationEvent.of("fan-2", ParticipationKind.REPORT_HELPFUL,
                "release:" + release.id(), SHIPPED));
        assertThat(funnel.reporters(release.id())).as("fan-3's report earned nothing").isEqualTo(2);
        long grant = store.participation().find("fan-2", ParticipationKind.REPORT_HANDED_IN, "release:" + release.id())
                .orElseThrow().id();
        store.participation().revoke(grant, "lead", "a copy", SHIPPED.plusSeconds(600));
        assertThat(funnel.reporters(release.id())).isEqualTo(1);

        assertThat(store.reports().latest(release.id(), 2)).extracting(r -> r.userId())
                .as("most recently handed in first").containsExactly("fan-2", "fan-3");
        var all = store.reports().latest(release.id(), 10);
        assertThat(all).hasSize(3).allSatisfy(r -> assertThat(r.verdicts()).singleElement()
                .satisfies(v -> assertThat(v.comment()).isEqualTo(r.userId() + " likes it")));
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(
                (dev.popcorn.app.ReportStore.Handed r) -> r.handedInAt()).reversed());
    }

    @Test
    void participationIsRecordedOncePerThing() {
        ParticipationEvent event = ParticipationEvent.of("fan-1", ParticipationKind.BALLOT_CAST, "poll:1", SHIPPED);
        assertThat(store.participation().record(event)).isTrue();
        assertThat(store.participation().record(event)).isFalse();
        store.participation()
                .record(ParticipationEvent.of("fan-1", ParticipationKind.REPORT_HANDED_IN, "release:1", SHIPPED));

        assertThat(store.participation().points("fan-1")).isEqualTo(15);
        assertThat(store.participation().points("nobody")).isZero();
    }

    @Test
    void aSecondReleaseWithTheSameVersionIsAConflict() {
        assertThatThrownBy(() -> store.releases().create("2026.11.20", SHIPPED, SHIPPED.plusSeconds(5),
                List.of(new Feature("POP-3", "x", "camera"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("release.exists"));
    }

    @Test
    void withdrawnCandidatesAndApprovalsAreStored() {
        assertThat(store.polls().replaceCandidate(candidate(0), candidate(0).withStatus(CandidateStatus.DISQUALIFIED,
                "copied another team"))).isTrue();
        assertThat(store.polls().replaceCandidate(candidate(0), candidate(0).withStatus(CandidateStatus.WITHDRAWN, "")))
                .as("its status changed in between: not stored").isFalse();
        Instant later = SHIPPED.plus(Duration.ofDays(7));
        store.polls().update(store.polls().find(poll.id()).orElseThrow().approve(later, "lead"));

        Poll stored = store.polls().approved(5).get(0);
        assertThat(stored.approvedBy()).isEqualTo("lead");
        assertThat(stored.approvedAt()).isEqualTo(later);
        assertThat(stored.candidates().get(0).reason()).isEqualTo("copied another team");
        assertThat(stored.activeCandidates()).hasSize(1);
    }

    @Test
    void usersAreCreatedOnceAndRenamed() {
        store.users().upsert("fan-1", "Fan", SHIPPED);
        store.users().upsert("fan-1", "小明", SHIPPED.plusSeconds(100));

        assertThat(store.users().find("fan-1").orElseThrow().name()).isEqualTo("小明");
        assertThat(store.users().find("fan-1").orElseThrow().joinedAt()).isEqualTo(SHIPPED);
        assertThat(store.users().count()).isEqualTo(1);
    }

    @Test
    void usersAreNamedInOneReadAndFoundByPartOfTheirNameOrId() {
        store.users().upsert("fan-1", "David Wu", SHIPPED);
        store.users().upsert("fan-2", "小明 Xiaoming", SHIPPED);
        store.users().upsert("david", "Lily", SHIPPED);
        store.users().upsert("fan_3", "Under_score", SHIPPED);

        assertThat(store.users().names(List.of("fan-1", "fan-2", "nobody"))).containsOnly(
                Map.entry("fan-1", "David Wu"), Map.entry("fan-2", "小明 Xiaoming"));
        assertThat(store.users().names(List.of())).isEmpty();
        // An exact id comes before names that only hold the text.
        assertThat(store.users().search("DAVID", 10)).extracting(dev.popcorn.domain.User::id).containsExactly("david",
                "fan-1");
        assertThat(store.users().search("小明", 10)).extracting(dev.popcorn.domain.User::id).containsExactly("fan-2");
        // A wildcard typed by a lead is a character, not a pattern.
        assertThat(store.users().search("_", 10)).extracting(dev.popcorn.domain.User::id).containsExactly("fan_3");
        assertThat(store.users().search("%", 10)).isEmpty();
        assertThat(store.users().search("!", 10)).isEmpty();
        assertThat(store.users().search("  ", 10)).isEmpty();
        assertThat(store.users().search("fan", 2)).hasSize(2);
    }

    // The Popcorn Award's scheduled work, tie-breaks and deliveries, on this database.

    private dev.popcorn.app.award.AwardSchedule schedule(String instance, dev.popcorn.MutableClock clock) {
        return new dev.popcorn.app.award.AwardSchedule(store.transactions(), store.polls(), store.leases(),
                store.audit(),
                new dev.popcorn.app.award.Tally(store.ballots(), store.reports(),
                        dev.popcorn.domain.award.TieRule.SHARED),
                clock,
                instance, Duration.ofSeconds(30));
    }

    private long auditCount(String action) {
        return store.audit().recent(1000).stream().filter(e -> e.action().equals(action)).count();
    }

    @Test
    void twoInstancesClosingTheSamePollAtOnceCloseItOnce() throws Exception {
        dev.popcorn.MutableClock clock = new dev.popcorn.MutableClock(poll.closesAt().plusSeconds(1));
        List<dev.popcorn.app.award.AwardSchedule> instances = List.of(schedule("a", clock), schedule("b", clock));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<dev.popcorn.app.award.AwardSchedule.Run>> runs = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (dev.popcorn.app.award.AwardSchedule instance : instances) {
                    runs.add(pool.submit(instance::run));
                }
            }
            long closes = 0;
            java.util.Set<Boolean> leaders = new java.util.HashSet<>();
            for (Future<dev.popcorn.app.award.AwardSchedule.Run> run : runs) {
                closes += run.get().closed().size();
                leaders.add(run.get().leader());
            }
            assertThat(closes).isEqualTo(1);
            assertThat(leaders).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(auditCount("poll.close")).isEqualTo(1);
        assertThat(store.polls().find(poll.id()).orElseThrow().closedAt()).isEqualTo(poll.closesAt().plusSeconds(1));
    }

    @Test
    void theLeaseMovesToAnotherInstanceWhenItsHolderStopsOrGoesSilent() {
        dev.popcorn.MutableClock clock = new dev.popcorn.MutableClock(SHIPPED);
        dev.popcorn.app.award.AwardSchedule a = schedule("a", clock);
        dev.popcorn.app.award.AwardSchedule b = schedule("b", clock);

        assertThat(a.run().leader()).isTrue();
        assertThat(b.run().leader()).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(b.run().leader()).as("a went silent: its lease ran out").isTrue();
        assertThat(a.run().leader()).isFalse();
        b.stop();
        assertThat(a.run().leader()).as("b gave the lease up").isTrue();
    }

    @Test
    void aDraftOpensAtItsTimeOnceAndOnlyWithTwoStandingCandidates() {
        Release next = store.releases().create("2026.11.27", SHIPPED.plus(Duration.ofDays(7)),
                SHIPPED.plus(Duration.ofDays(11)),
                List.of(new Feature("POP-3", "Pocket mode", "camera")));
        Poll draft = store.polls().create(next.id(), "Popcorn Award · 2026.11.27", SHIPPED.plus(Duration.ofDays(8)),
                SHIPPED.plus(Duration.ofDays(13)));
        store.polls().addCandidate(draft.id(), "camera", "Pocket mode", List.of("POP-3"), "");
        dev.popcorn.MutableClock clock = new dev.popcorn.MutableClock(SHIPPED.plus(Duration.ofDays(8)));
        dev.popcorn.app.award.AwardSchedule a = schedule("a", clock);

        assertThat(a.run().waiting()).containsExactly(draft.id());
        store.polls().addCandidate(draft.id(), "battery", "Cool charging", List.of(), "");
        assertThat(a.run().opened()).containsExactly(draft.id());
        assertThat(a.run().opened()).isEmpty();
        assertThat(store.polls().find(draft.id()).orElseThrow().stateAt(clock.instant())).isEqualTo(PollState.OPEN);
        assertThat(store.polls().markOpened(draft.id(), clock.instant())).isFalse();
    }

    @Test
    void tieBreaksAreCountedWhereTheBallotsAndReportsAre() {
        for (int i = 0; i < 6; i++) {
            store.ballots().put(new Ballot(poll.id(), "fan-" + i, candidate(i % 2).id(),
                    SHIPPED.plus(Duration.ofMinutes(10 - i)), "R-" + i));
        }
        // Candidate 0 has fan-0 (10 min), fan-2 (8), fan-4 (6); candidate 1 has fan-1 (9), fan-3 (7), fan-5 (5).
        var reached = store.ballots().reachedAt(poll.id(), List.of(candidate(0).id(), candidate(1).id()), 3);
        assertThat(reached.get(candidate(0).id())).isEqualTo(SHIPPED.plus(Duration.ofMinutes(10)));
        assertThat(reached.get(candidate(1).id())).isEqualTo(SHIPPED.plus(Duration.ofMinutes(9)));
        assertThat(store.ballots().reachedAt(poll.id(), List.of(candidate(0).id()), 4)).isEmpty();

        store.reports().save(new ExperienceReport("fan-1", release.id(),
                List.of(new FeatureVerdict("POP-1", Verdict.LIKE, ""), new FeatureVerdict("POP-2", Verdict.LIKE, "")),
                List.of(), List.of()),
                SHIPPED);
        store.reports().save(new ExperienceReport("fan-2", release.id(),
                List.of(new FeatureVerdict("POP-2", Verdict.LIKE, "")), List.of(), List.of()), SHIPPED);
        assertThat(store.reports().likes(release.id(), List.of("POP-2"))).isEqualTo(2);
        assertThat(store.reports().likes(release.id(), List.of("POP-1", "POP-2"))).isEqualTo(3);

        var firstToReach = new dev.popcorn.app.award.Tally(store.ballots(), store.reports(),
                dev.popcorn.domain.award.TieRule.FIRST_TO_REACH)
                .of(store.polls().find(poll.id()).orElseThrow());
        assertThat(firstToReach.winners()).extracting(st -> st.candidate().id()).containsExactly(candidate(1).id());
        var mostLikes = new dev.popcorn.app.award.Tally(store.ballots(), store.reports(),
                dev.popcorn.domain.award.TieRule.MOST_LIKES)
                .of(store.polls().find(poll.id()).orElseThrow());
        assertThat(mostLikes.winners()).extracting(st -> st.candidate().id()).containsExactly(candidate(1).id());
    }

    @Test
    void aChatDeliveryCutOffMidWayIsNotSentAgainButWaitsForAPerson() {
        dev.popcorn.MutableClock clock = new dev.popcorn.MutableClock(SHIPPED);
        List<String> sent = new ArrayList<>();
        java.util.Map<String, dev.popcorn.app.outbox.Outbox.Handler> handlers = java.util.Map.of("award.chat",
                sent::add, "award.forum", sent::add);
        var settings = new dev.popcorn.app.outbox.Outbox.Settings(5, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(2), 1);
        store.outbox().enqueue("award.chat", "7", SHIPPED);
        store.outbox().enqueue("award.forum", "7", SHIPPED);
        // An instance takes both and dies before recording anything.
        assertThat(store.outbox().claim("killed", SHIPPED, SHIPPED.plus(Duration.ofMinutes(2)), 5)).hasSize(2);
        clock.advance(Duration.ofMinutes(3));

        var outbox = new dev.popcorn.app.outbox.Outbox(store.outbox(), handlers, java.util.Set.of("award.chat"),
                settings, clock, "next");
        while (outbox.deliverDue() > 0) {
            // until nothing is due
        }

        assertThat(sent).containsExactly("7");
        var chat = store.outbox().find("award.chat", "7").orElseThrow();
        assertThat(chat.state()).isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.FAILED);
        assertThat(chat.lastError()).isEqualTo(dev.popcorn.app.outbox.Outbox.INTERRUPTED);
        assertThat(store.outbox().find("award.forum", "7").orElseThrow().state())
                .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.DONE);
        // A person checked the room: it did not arrive, so they retry, and it goes out once.
        assertThat(new dev.popcorn.app.outbox.OutboxTroubles(store.outbox(), clock).retryFailed()).isEqualTo(1);
        outbox.deliverDue();
        assertThat(sent).containsExactly("7", "7");
        assertThat(store.outbox().find("award.chat", "7").orElseThrow().state())
                .isEqualTo(dev.popcorn.app.outbox.OutboxStore.State.DONE);
    }

    @Test
    void awardsAreKeptAsApprovedAndCountedIntoBuckets() {
        Instant at = SHIPPED.plus(Duration.ofDays(7));
        store.awards()
                .record(List.of(
                        new dev.popcorn.app.award.AwardStore.Award(poll.id(), candidate(0).id(), "camera", 12, at),
                        new dev.popcorn.app.award.AwardStore.Award(poll.id(), candidate(1).id(), "battery", 12, at)));

        assertThat(store.awards().ofPoll(poll.id())).hasSize(2);
        assertThat(store.awards().ofTeam("camera")).extracting(dev.popcorn.app.award.AwardStore.Award::votes)
                .containsExactly(12L);
        assertThat(store.awards().buckets()).containsOnlyKeys("battery", "camera").containsValues(1L, 1L);
        assertThatThrownBy(
                () -> store.awards()
                        .record(List.of(new dev.popcorn.app.award.AwardStore.Award(poll.id(), candidate(0).id(),
                                "camera", 13, at))))
                .as("one row per winner and poll").isInstanceOf(RuntimeException.class);
    }

    @Test
    void nominationsAreOnePerUserPollAndTeamAndDecidedOnceWhilePending() {
        Instant at = SHIPPED.plus(Duration.ofHours(1));
        var nominations = store.nominations();
        dev.popcorn.domain.award.Nomination first = nominations
                .add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-1", "camera",
                        "Night camera 夜景", "Stars at night, 星星", at));
        dev.popcorn.domain.award.Nomination other = nominations
                .add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-1", "battery",
                        "Quiet charging", "No whine", at.plusSeconds(1)));
        nominations.add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-2", "camera", "Camera", "Fast",
                at.plusSeconds(2)));

        assertThat(first.id()).isPositive();
        assertThat(nominations.find(first.id())).hasValue(first);
        assertThat(nominations.ofUser(poll.id(), "fan-1")).containsExactly(first, other);
        assertThat(nominations.ofPoll(poll.id())).extracting(dev.popcorn.domain.award.Nomination::userId)
                .containsExactly("fan-1", "fan-1", "fan-2");
        assertThat(nominations.ofPoll(poll.id() + 1000)).isEmpty();
        assertThat(nominations.holdPoll(poll.id())).isTrue();
        assertThat(nominations.holdPoll(poll.id() + 1000)).isFalse();
        assertThatThrownBy(
                () -> nominations.add(dev.popcorn.domain.award.Nomination.of(poll.id(), "fan-1", "camera", "Again",
                        "Again", at)))
                .as("one per user, poll and team").isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("store.concurrent");

        dev.popcorn.domain.award.Nomination accepted = first.accepted(candidate(0).id(), "lead", at.plusSeconds(60));
        assertThat(nominations.decide(accepted)).isTrue();
        assertThat(nominations.find(first.id())).hasValue(accepted);
        assertThat(nominations.decide(first.declined("too late", "lead-2", at.plusSeconds(61))))
                .as("a decided nomination stays decided").isFalse();
        assertThat(nominations.find(first.id()).orElseThrow().candidateId()).isEqualTo(candidate(0).id());

        dev.popcorn.domain.award.Nomination declined = other.declined("Not shipped this week", "lead",
                at.plusSeconds(62));
        assertThat(nominations.decide(declined)).isTrue();
        assertThat(nominations.find(other.id())).hasValue(declined);
        assertThat(declined.candidateId()).isNull();
    }
}
