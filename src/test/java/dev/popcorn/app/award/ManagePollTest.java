package dev.popcorn.app.award;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.popcorn.MutableClock;
import dev.popcorn.app.AWeek;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.RuleViolation.Kind;
import dev.popcorn.domain.award.CandidateStatus;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.award.TieRule;
import dev.popcorn.memory.MemoryStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead's side of the poll: correcting candidates before it opens, the review after it closes, approval. */
class ManagePollTest {

    private final MemoryStores stores = new MemoryStores();
    private final MutableClock clock = new MutableClock(AWeek.FRIDAY.plusSeconds(60));
    /** The announcement's text and channels come from templates and configuration, not from this use case. */
    private final AnnounceAward announce = mock(AnnounceAward.class);
    private final ManagePoll manage = new ManagePoll(new ManagePoll.Stores(stores.transactions(), stores.polls(),
            stores.awards(), stores.teams(), stores.outbox(), stores.audit()),
            new Tally(stores.ballots(), stores.reports(), TieRule.SHARED), announce, clock);

    private Poll poll(long id) {
        return stores.polls().find(id).orElseThrow();
    }

    private List<String> audit() {
        return stores.audit().recent(20).stream().map(e -> e.action() + " " + e.detail()).toList();
    }

    @Test
    void beforeThePollOpensALeadAddsEditsAndWithdrawsCandidates() {
        AWeek.Week week = AWeek.in(stores).build();
        long poll = week.poll().id();
        var added = manage.addCandidate(poll, "battery", "Quiet charging", List.of("POP-2"), "charges overnight",
                "lead");
        manage.editCandidate(poll, added.id(), "Silent charging", "静音充电", List.of("POP-2", "POP-9"), "", "", "lead");
        manage.withdrawCandidate(poll, week.candidate(0).id(), "lead");
        assertThat(poll(poll).candidates()).extracting(c -> c.title() + " " + c.status())
                .containsExactly("Feature of camera WITHDRAWN", "Feature of battery ACTIVE", "Silent charging ACTIVE");
        assertThat(poll(poll).candidates().get(2).titleFor(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("静音充电");
        assertThat(poll(poll).candidates().get(2).titleFor(java.util.Locale.ENGLISH)).isEqualTo("Silent charging");
        assertThat(poll(poll).candidates().get(1).titleFor(java.util.Locale.SIMPLIFIED_CHINESE))
                .as("no Chinese title: the English one").isEqualTo("Feature of battery");
        assertThat(poll(poll).candidate(added.id()).orElseThrow().tickets()).containsExactly("POP-2", "POP-9");
        assertThat(audit()).containsExactly("candidate.withdraw Feature of camera", "candidate.edit Silent charging",
                "candidate.add Quiet charging (battery)");
    }

    @Test
    void aCandidateNeedsAKnownTeamAndCandidatesAreLockedOnceThePollOpens() {
        AWeek.Week week = AWeek.in(stores).build();
        assertThatViolation(() -> manage.addCandidate(week.poll().id(), "nobody", "Ghost", List.of(), "", "lead"))
                .is(Kind.INVALID, "candidate.team.unknown").withArgs("nobody");
        clock.set(AWeek.POLL_OPENS);
        manage.open(week.poll().id(), "lead");
        assertThatViolation(() -> manage.withdrawCandidate(week.poll().id(), week.candidate(0).id(), "lead"))
                .is(Kind.CLOSED, "poll.candidates.locked");
        assertThatViolation(() -> manage.addCandidate(week.poll().id(), "camera", "Late", List.of(), "", "lead"))
                .is(Kind.CLOSED, "poll.candidates.locked");
        assertThat(poll(week.poll().id()).candidates()).hasSize(2);
    }

    @Test
    void aLeadClosesAnOpenPollEarly() {
        AWeek.Week week = AWeek.in(stores).open().build();
        clock.set(AWeek.POLL_OPENS.plus(Duration.ofDays(1)));
        manage.close(week.poll().id(), "lead");
        assertThat(poll(week.poll().id()).stateAt(clock.instant())).isEqualTo(PollState.CLOSED);
        assertThat(poll(week.poll().id()).closedAt()).isEqualTo(clock.instant());
        assertThatViolation(() -> manage.close(week.poll().id(), "lead")).is(Kind.CLOSED, "poll.close.notOpen");
    }

    @Test
    void noCandidateIsDisqualifiedBeforeThePollOpens() {
        AWeek.Week draft = AWeek.in(stores).build();
        assertThatViolation(
                () -> manage.disqualify(draft.poll().id(), draft.candidate(0).id(), "bought votes", "", false, "lead"))
                .is(Kind.CONFLICT, "poll.disqualify.notNow");
    }

    @Test
    void aDisqualificationNeedsAnOpenOrClosedPollAndAReasonAndRecounts() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        long camera = week.candidate(0).id();
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));
        manage.editAnnouncement(poll, "Camera wins!", "lead");
        assertThatViolation(() -> manage.disqualify(poll, camera, "  ", "", false, "lead")).is(Kind.INVALID,
                "candidate.reason.missing");

        PollResult recounted = manage.disqualify(poll, camera, " bought votes ", "", false, "lead");

        assertThat(recounted.winners()).extracting(s -> s.candidate().title()).containsExactly("Feature of battery");
        assertThat(poll(poll).candidate(camera).orElseThrow().status()).isEqualTo(CandidateStatus.DISQUALIFIED);
        assertThat(poll(poll).candidate(camera).orElseThrow().reason()).isEqualTo("bought votes");
        assertThat(poll(poll).announcement()).as("the lead's edit is kept unless they ask otherwise")
                .isEqualTo("Camera wins!");
        assertThat(audit().get(0))
                .isEqualTo("candidate.disqualify Feature of camera: bought votes → winner: Feature of battery (1)");
        assertThatViolation(() -> manage.disqualify(poll, camera, "again", "", false, "lead")).is(Kind.CONFLICT,
                "candidate.notActive");
        manage.approve(poll, "lead");
        assertThatViolation(() -> manage.disqualify(poll, week.candidate(1).id(), "too late", "", false, "lead"))
                .is(Kind.CONFLICT, "poll.disqualify.notNow");
    }

    @Test
    void aLeadMayAskForTheTemplatesTextAgainWhenDisqualifying() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));
        manage.editAnnouncement(poll, "Camera wins!", "lead");

        manage.disqualify(poll, week.candidate(0).id(), "bought votes", "", true, "lead");

        assertThat(poll(poll).announcement()).as("back to the template's, which names the recounted winner").isEmpty();
        assertThat(audit().get(0))
                .isEqualTo("candidate.disqualify Feature of camera: bought votes → winner: Feature of battery (1)"
                        + "; announcement back to the template");
    }

    @Test
    void aCandidateDisqualifiedWhileThePollIsOpenTakesNoMoreBallotsAndItsVotesAreSetAside() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        long camera = week.candidate(0).id();
        clock.set(AWeek.POLL_OPENS.plusSeconds(3600));

        PollResult recounted = manage.disqualify(poll, camera, "Votes bought with free phones", "", false, "lead");

        assertThat(recounted.standings()).extracting(s -> s.candidate().title()).containsExactly("Feature of battery");
        assertThat(recounted.setAside()).singleElement().satisfies(aside -> {
            assertThat(aside.candidate().reason()).isEqualTo("Votes bought with free phones");
            assertThat(aside.votes()).isEqualTo(2);
        });
        assertThat(recounted.cast()).isEqualTo(3);
        assertThat(poll(poll).stateAt(clock.instant())).isEqualTo(PollState.OPEN);
        assertThatViolation(() -> poll(poll).checkBallot(camera, clock.instant()))
                .is(Kind.INVALID, "ballot.candidate.inactive");
    }

    @Test
    void approvingWithTheTextOnScreenKeepsAnEditTheLeadDidNotSave() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        when(announce.words(any(), any())).thenAnswer(call -> {
            Poll p = call.getArgument(0);
            return p.announcement().isBlank() ? "🍿 Camera wins" : p.announcement();
        });
        when(announce.text(any(), any())).thenAnswer(call -> announce.words(call.getArgument(0), call.getArgument(1)));
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));

        manage.approve(poll, "lead", "🍿 Camera wins!\r\nThanks to everyone who voted.");

        assertThat(poll(poll).announcement()).isEqualTo("🍿 Camera wins!\nThanks to everyone who voted.");
        assertThat(audit()).anyMatch(a -> a.startsWith("announcement.edit"))
                .anyMatch(a -> a.startsWith("poll.approve"));
    }

    @Test
    void approvingWithTheTextAsItWouldGoOutRecordsNoEdit() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        when(announce.words(any(), any())).thenReturn("🍿 Camera wins");
        when(announce.text(any(), any())).thenReturn("🍿 Camera wins");
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));

        manage.approve(week.poll().id(), "lead", "🍿 Camera wins\r\n");

        assertThat(audit()).noneMatch(a -> a.startsWith("announcement.edit"))
                .anyMatch(a -> a.startsWith("poll.approve"));
        assertThat(poll(week.poll().id()).announcement()).isEqualTo("🍿 Camera wins");
    }

    @Test
    void approvalFreezesTheWinnersAndTheTextAndFilesOneAnnouncementPerChannel() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        when(announce.text(any(), any())).thenReturn("🍿 Camera wins");
        when(announce.channels()).thenReturn(List.of(AnnounceAward.FORUM, AnnounceAward.CHAT));
        clock.set(AWeek.POLL_OPENS.plusSeconds(3600));
        assertThatViolation(() -> manage.approve(poll, "lead")).is(Kind.CONFLICT, "poll.approve.notClosed");
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));

        manage.approve(poll, "lead");

        Poll approved = poll(poll);
        assertThat(approved.state()).isEqualTo(PollState.APPROVED);
        assertThat(approved.announcement()).isEqualTo("🍿 Camera wins");
        assertThat(approved.approvedBy()).isEqualTo("lead");
        assertThat(stores.awards().ofPoll(poll)).singleElement().satisfies(award -> {
            assertThat(award.teamSlug()).isEqualTo("camera");
            assertThat(award.votes()).isEqualTo(2);
        });
        assertThat(stores.outbox().find(AnnounceAward.FORUM, String.valueOf(poll))).isPresent();
        assertThat(stores.outbox().find(AnnounceAward.CHAT, String.valueOf(poll))).isPresent();
        assertThat(stores.audit().recent(1)).extracting(AuditEntry::detail)
                .containsExactly("winner: Feature of camera (2)");
        assertThatViolation(() -> manage.approve(poll, "lead")).as("approved once").is(Kind.CONFLICT,
                "poll.approve.notClosed");
        assertThatViolation(() -> manage.editAnnouncement(poll, "changed", "lead")).is(Kind.CONFLICT,
                "poll.review.notClosed");
    }

    @Test
    void anApprovalRightAfterTheCloseIsNotRefusedBecauseTheScheduleRecordedTheCloseMeanwhile() {
        AWeek.Week week = AWeek.in(stores).ballots(0, 0, 1).build();
        long poll = week.poll().id();
        when(announce.words(any(), any())).thenReturn("🍿 Camera wins");
        when(announce.text(any(), any())).thenReturn("🍿 Camera wins");
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));
        // The schedule's writer records the close between the lead's read of the poll and the lead's write.
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        dev.popcorn.app.PollStore racing = (dev.popcorn.app.PollStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {dev.popcorn.app.PollStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("replace") && raced.compareAndSet(false, true)) {
                        stores.polls().markClosed(poll, AWeek.POLL_CLOSES);
                    }
                    try {
                        return method.invoke(stores.polls(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ManagePoll managing = new ManagePoll(new ManagePoll.Stores(stores.transactions(), racing, stores.awards(),
                stores.teams(), stores.outbox(), stores.audit()),
                new Tally(stores.ballots(), stores.reports(), TieRule.SHARED),
                announce, clock);

        assertThat(managing.approve(poll, "lead").state()).isEqualTo(PollState.APPROVED);
        assertThat(raced).isTrue();
        assertThat(stores.awards().ofPoll(poll)).hasSize(1);
    }

    @Test
    void aPollWithoutBallotsIsApprovedWithNothingToAnnounce() {
        AWeek.Week week = AWeek.in(stores).open().build();
        when(announce.text(any(), any())).thenReturn("");
        when(announce.channels()).thenReturn(List.of(AnnounceAward.FORUM));
        clock.set(AWeek.POLL_CLOSES.plusSeconds(1));
        manage.approve(week.poll().id(), "lead");
        assertThat(stores.awards().ofPoll(week.poll().id())).isEmpty();
        assertThat(stores.outbox().counts().values()).allSatisfy(n -> assertThat(n).isZero());
        assertThat(audit().get(0)).isEqualTo("poll.approve no votes");
    }
}
