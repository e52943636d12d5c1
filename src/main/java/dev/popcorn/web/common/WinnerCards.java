package dev.popcorn.web.common;

import dev.popcorn.app.award.AnnounceAward;
import dev.popcorn.app.week.WeekOverview.PollView;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;

/**
 * The winner card as a picture: public once the result is; leads see it from the close on, to
 * check it before they approve.
 */
public final class WinnerCards {

    private final AnnounceAward announce;

    public WinnerCards(AnnounceAward announce) {
        this.announce = announce;
    }

    /** Answers the card of the poll as this viewer may see it, or 404 while its result is not theirs to see. */
    public void answer(Context ctx, PollView view) {
        if (view.result().isEmpty()) {
            throw RuleViolation.notFound("card.notYet", view.poll().title());
        }
        byte[] png = announce.card(view.poll());
        ctx.header("Cache-Control", "no-cache").result(png);
        // image/png without the text charset every other answer carries.
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("image/png");
    }
}
