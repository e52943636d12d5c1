package dev.popcorn.app.release;

import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.release.BuildLog.Outcome;
import dev.popcorn.app.release.BuildLog.Reason;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.BuildNotice;
import dev.popcorn.domain.release.BuildRule;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The CI server reports the phases of its builds: the one the rule names (the release job's
 * successful end) opens the week's round, once; every other notice is acknowledged and ignored.
 * Every notice is logged with what became of it; one that failed (the tracker down, a ticket
 * without a team) keeps its body and can be tried again.
 */
public final class BuildNotices {

    /** What became of a notice, and the release it opened or found. */
    public record Handled(long logId, Outcome outcome, Reason reason, Optional<ShipRelease.Shipped> shipped) {
    }

    /** How far back a notice sent again is looked for among the failed ones. */
    private static final int RECENT = 100;

    private final BuildRule rule;
    private final NoticeReader reader;
    private final ShipRelease shipRelease;
    private final BuildLog log;
    private final dev.popcorn.app.Replays replays;
    private final Clock clock;

    /** {@code replays} remembers the notices received, so that one sent again is not stored again. */
    public BuildNotices(BuildRule rule, NoticeReader reader, ShipRelease shipRelease, BuildLog log,
            dev.popcorn.app.Replays replays, Clock clock) {
        this.rule = rule;
        this.replays = replays;
        this.reader = reader;
        this.shipRelease = shipRelease;
        this.log = log;
        this.clock = clock;
    }

    /** The rule, for people: which builds open a release. */
    public BuildRule rule() {
        return rule;
    }

    /**
     * Handles the notice the CI server sent as {@code body}; a body that is no notice is refused
     * and not logged; a notice that should have opened a release but could not is logged as
     * failed and the refusal thrown.
     */
    public Handled receive(String body) {
        BuildNotice notice = reader.read(body);
        // The same notice again (the plugin retrying, a replay): handled again, which opens nothing twice, but not
        // stored again, so that sending one notice many times cannot fill the log (its id in the answer is then 0).
        boolean first = replays.firstTime("jenkins", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long id = first ? log.record(clock.instant(), notice, Outcome.FAILED, new Reason("jenkins.received", List.of()),
                Optional.empty(), body) : failedEarlier(body);
        return handle(id, notice);
    }

    /**
     * The entry of the same notice when it failed before (the tracker was down, and the CI server sent it again once
     * it was back): handling it again settles that entry, so the log does not keep saying failed for a release that
     * opened. 0 when there is none among the recent entries.
     */
    private long failedEarlier(String body) {
        return log.recent(RECENT).stream().filter(e -> e.outcome() == Outcome.FAILED && e.body().equals(body))
                .mapToLong(BuildLog.Entry::id).findFirst().orElse(0);
    }

    /** Handles a logged notice again, read from its kept body (after a failure was put right); it must be one that failed. */
    public Handled retry(long id) {
        BuildLog.Entry entry = log.find(id).orElseThrow(() -> RuleViolation.notFound("jenkins.notice.unknown", id));
        if (entry.outcome() != Outcome.FAILED) {
            throw RuleViolation.conflict("jenkins.notice.notFailed", id, entry.outcome().name());
        }
        return handle(id, reader.read(entry.body()));
    }

    public List<BuildLog.Entry> recent(int limit) {
        return log.recent(limit);
    }

    public Optional<BuildLog.Entry> find(long id) {
        return log.find(id);
    }

    private void settle(long id, Outcome outcome, Reason reason, Optional<Long> releaseId) {
        if (id > 0) {
            log.settle(id, outcome, reason, releaseId);
        }
    }

    private Handled handle(long id, BuildNotice notice) {
        try {
            BuildRule.Decision decision = rule.judge(notice);
            if (decision instanceof BuildRule.Ignore ignore) {
                Reason reason = new Reason("jenkins." + ignore.code(),
                        ignore.args().stream().map(String::valueOf).toList());
                settle(id, Outcome.IGNORED, reason, Optional.empty());
                return new Handled(id, Outcome.IGNORED, reason, Optional.empty());
            }
            BuildRule.Open open = (BuildRule.Open) decision;
            ShipRelease.Shipped shipped = shipRelease.ship(new ShipRelease.Request(open.version(), open.source(),
                    Optional.of(notice.build()), notice.tests(), false), "jenkins:" + notice.build());
            Outcome outcome = shipped.created() ? Outcome.OPENED : Outcome.DUPLICATE;
            Reason reason = new Reason("jenkins." + outcome.name().toLowerCase(java.util.Locale.ROOT),
                    List.of(shipped.release().version(), String.valueOf(shipped.release().features().size())));
            settle(id, outcome, reason, Optional.of(shipped.release().id()));
            return new Handled(id, outcome, reason, Optional.of(shipped));
        } catch (RuleViolation e) {
            settle(id, Outcome.FAILED, new Reason("error." + e.code(), e.args().stream().map(String::valueOf).toList()),
                    Optional.empty());
            throw e;
        } catch (DeliveryFailure e) {
            settle(id, Outcome.FAILED, new Reason("jenkins.failed.tracker", List.of(String.valueOf(e.getMessage()))),
                    Optional.empty());
            throw e;
        }
    }
}
