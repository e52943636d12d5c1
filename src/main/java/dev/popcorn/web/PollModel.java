package dev.popcorn.web;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.award.CastBallot;
import dev.popcorn.app.award.Nominations;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.participation.Ledger;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Ballot;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Nomination;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.participation.Level;
import dev.popcorn.domain.participation.ParticipationKind;
import dev.popcorn.domain.participation.Right;
import dev.popcorn.domain.release.Release;
import dev.popcorn.domain.team.Team;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The award poll as a visitor may see it, for the poll's page, the home page and the lead's desk: the candidates and
 * the visitor's own ballot while it is open, the result after; for a lead also the announcement under review.
 */
public final class PollModel {

    /**
     * One poll as this visitor sees it (a component is null where the page shows nothing of it): its state; the result
     * once they may see it; for a lead the announcement's words, as the forum will show them, whether they were edited,
     * why they could not be approved now, and where they were sent; once approved the text as sent; nominating while
     * the poll takes nominations; the visitor's ballot, what it earned and whether the pick won; below the level that
     * votes, that level and theirs. {@code release} is the poll's release where the desk lists polls of several.
     */
    record Card(Poll poll, String state, PollResult result, String announcement, String announcementHtml,
            Boolean edited,
            String contradiction, List<AnnounceAward.Publishing> publishing, SentAnnouncement sent, Nominating nominate,
            Ballot ballot, Candidate ballotCandidate, Integer votePoints, Boolean pickWon, String voteFrom,
            String voteFromId, String levelNow, Release release) {

        /** This card with the poll's release named, as the desk lists it. */
        Card in(Release release) {
            return new Card(poll, state, result, announcement, announcementHtml, edited, contradiction, publishing,
                    sent,
                    nominate, ballot, ballotCandidate, votePoints, pickWon, voteFrom, voteFromId, levelNow, release);
        }
    }

    /**
     * Nominating while the poll takes nominations: the level the right is held from and how many a fan may make; for a
     * signed-in visitor whether they hold it, their level and their own nominations; for a lead all of the poll's.
     */
    record Nominating(String from, int limit, Boolean allowed, String level, List<Nomination> mine,
            List<Nomination> all) {
    }

    /**
     * The poll's page: the poll; a refused nomination's form as it was sent and why ({@code nominationDraft},
     * {@code nominationProblem}); the teams by slug; whether the visitor just voted or nominated.
     */
    record Page(Card p, Map<String, String> nominationDraft, String nominationProblem, Map<String, Team> teams,
            boolean voted, boolean nominated) {
    }

    /** The use cases a poll is read from. */
    public record UseCases(WeekOverview overview, CastBallot ballots, AnnounceAward announce, Nominations nominations,
            dev.popcorn.app.participation.Levels levels, Ledger ledger) {
    }

    private final UseCases uses;
    private final ForumMarkdown markdown;

    public PollModel(UseCases uses, ForumMarkdown markdown) {
        this.uses = uses;
        this.markdown = markdown;
    }

    /** The poll's page for {@code me}; {@code draft} and {@code problem} (a text) are a refused nomination, or null. */
    Page page(long pollId, Optional<Pass> me, Locale locale, Map<String, String> draft, String problem, boolean voted,
            boolean nominated) {
        return new Page(card(pollId, me, locale), draft, problem, uses.overview().teamsBySlug(), voted, nominated);
    }

    /** The poll as {@code me} may see it, with their own ballot; leads also get the announcement under review. */
    Card card(long pollId, Optional<Pass> me, Locale locale) {
        boolean lead = me.map(Pass::isLead).orElse(false);
        PollView view = uses.overview().poll(pollId, lead);
        Poll poll = view.poll();
        AnnounceAward announce = uses.announce();
        PollResult result = view.result().orElse(null);
        String words = null;
        String html = null;
        Boolean edited = null;
        String contradiction = null;
        List<AnnounceAward.Publishing> publishing = null;
        SentAnnouncement sent = null;
        if (result != null) {
            if (lead) {
                words = announce.words(poll, result);
                edited = !poll.announcement().isBlank() && view.state() != PollState.APPROVED;
                html = markdown.html(announce.fill(poll, result, words));
                if (view.state() != PollState.APPROVED) {
                    contradiction = contradiction(words, result)
                            .map(refused -> Messages.text(locale, "error." + refused.code(), refused.args().toArray()))
                            .orElse(null);
                }
                publishing = announce.publishing(pollId);
            }
            if (view.state() == PollState.APPROVED) {
                sent = SentAnnouncement.of(announce.text(poll, result), announce.languages(), Messages.tag(locale),
                        markdown);
            }
        }
        Nominating nominate = uses.nominations().takes(poll) ? nominating(me, lead, pollId, locale) : null;
        Ballot ballot = me.flatMap(pass -> uses.ballots().find(pollId, pass.userId())).orElse(null);
        Candidate ballotCandidate = null;
        Integer votePoints = null;
        Boolean pickWon = null;
        if (ballot != null) {
            ballotCandidate = poll.candidate(ballot.candidateId()).orElse(null);
            // What the vote earned (none past the weekly cap), and, once counted, whether the pick won.
            votePoints = uses.ledger().pointsFor(ballot.userId(), ParticipationKind.BALLOT_CAST, "poll:" + pollId);
            if (result != null) {
                pickWon = view.state() != PollState.OPEN
                        && result.winners().stream().anyMatch(w -> w.candidate().id() == ballot.candidateId());
            }
        }
        // Below the level that votes: said before the fan picks, with where the level is explained.
        dev.popcorn.app.participation.Levels standing = uses.levels();
        Optional<Pass> belowVote = me.filter(pass -> view.state() == PollState.OPEN && !standing.holds(pass.userId(),
                Right.VOTE));
        Level voteLevel = belowVote.map(pass -> standing.ladder().lowestWith(Right.VOTE)).orElse(null);
        return new Card(poll, view.state().name(), result, words, html, edited, contradiction, publishing, sent,
                nominate,
                ballot, ballotCandidate, votePoints, pickWon, voteLevel == null ? null : voteLevel.name(locale),
                voteLevel == null ? null : voteLevel.id(),
                belowVote.map(pass -> standing.level(pass.userId()).name(locale)).orElse(null), null);
    }

    /** Why the lead's words could not be approved against the result as counted now, if they could not. */
    private Optional<RuleViolation> contradiction(String words, PollResult result) {
        try {
            uses.announce().check(words, result);
            return Optional.empty();
        } catch (RuleViolation e) {
            return Optional.of(e);
        }
    }

    private Nominating nominating(Optional<Pass> me, boolean lead, long pollId, Locale locale) {
        dev.popcorn.app.participation.Levels standing = uses.levels();
        Nominations nominations = uses.nominations();
        return new Nominating(standing.ladder().lowestWith(Right.NOMINATE).name(locale), nominations.limit(),
                me.map(pass -> standing.holds(pass.userId(), Right.NOMINATE)).orElse(null),
                me.map(pass -> standing.level(pass.userId()).name(locale)).orElse(null),
                me.map(pass -> nominations.mine(pollId, pass.userId())).orElse(null),
                lead ? nominations.ofPoll(pollId) : null);
    }
}
