package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.forum.FanMessages;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.domain.feedback.WishNotice;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The caller themself: who they are, their participation points, what became of their wishes, and whether they are
 * reminded on the forum before reports close.
 */
public final class MeRoutes implements EndpointGroup {

    record MeJson(String id, String name, long points) {
    }

    /**
     * A notice of either kind, newest first: {@code WISH_SHIPPED} (a wish the caller supports or follows shipped: the
     * wish's fields), {@code PROMOTED} (a new level: {@code level}) or {@code BADGE} (a new badge tier: {@code badge}),
     * each with a sentence in the caller's language and where it points.
     */
    record NoticeJson(String kind, String text, String href, Instant at, String userId, Long wishId, String wishText,
            String ticketKey, String shipsIn, String level, String badge) {
    }

    private final dev.popcorn.app.participation.Ledger ledger;
    private final WishTickets wishTickets;
    /** Whether the caller is reminded on the forum before reports close, as the API shows it. */
    record RemindersJson(boolean offered, boolean on, boolean forumAccount, long hours) {
        static RemindersJson of(FanMessages.Reminders r) {
            return new RemindersJson(r.offered(), r.remind(), r.forumAccount(), r.leadHours());
        }
    }

    /** The body of {@code PUT /api/v1/me/reminders}. */
    record RemindersInput(Boolean on) {
    }

    private final NoticeTexts standingNotices;
    private final FanMessages fanMessages;

    public MeRoutes(dev.popcorn.app.participation.Ledger ledger, WishTickets wishTickets, NoticeTexts standingNotices,
            FanMessages fanMessages) {
        this.fanMessages = fanMessages;
        this.ledger = ledger;
        this.wishTickets = wishTickets;
        this.standingNotices = standingNotices;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/me", ctx -> {
            Pass me = Gate.admitted(ctx);
            Json.write(ctx, 200, new MeJson(me.userId(), me.name(), ledger.points(me.userId())));
        }, USER);
        get("/api/v1/me/notices", this::notices, USER);
        get("/api/v1/me/reminders", ctx -> Json.write(ctx, 200,
                RemindersJson.of(fanMessages.reminders(Gate.admitted(ctx).userId()))), USER);
        put("/api/v1/me/reminders", this::setReminders, USER);
    }

    /** Reminders on or off; the request's language becomes the language of the caller's forum messages. */
    private void setReminders(Context ctx) {
        RemindersInput input = Json.read(ctx, RemindersInput.class);
        String me = Gate.admitted(ctx).userId();
        Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
        Json.write(ctx, 200,
                RemindersJson.of(fanMessages.remind(me, Params.require(input.on(), "on"), Messages.tag(locale))));
    }

    /** The caller's notices of both kinds, newest first (ten of each at most). Reading them here tells no banner. */
    private void notices(Context ctx) {
        String me = Gate.admitted(ctx).userId();
        Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
        List<NoticeJson> all = new ArrayList<>();
        for (WishNotice n : wishTickets.notices(me)) {
            all.add(new NoticeJson("WISH_SHIPPED",
                    Messages.text(locale, "notice.wishShipped", n.wishText(), n.shipsIn()),
                    "/wishes/" + n.wishId(), n.at(), n.userId(), n.wishId(), n.wishText(), n.ticketKey(), n.shipsIn(),
                    null, null));
        }
        for (NoticeTexts.Told told : standingNotices.latest(me, 10, locale)) {
            all.add(new NoticeJson(told.kind(), told.text(), told.href(), told.at(), me, null, null, null, null,
                    told.level(),
                    told.badge()));
        }
        all.sort(Comparator.comparing(NoticeJson::at).reversed());
        Json.write(ctx, 200, all);
    }
}
