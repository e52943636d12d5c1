package dev.popcorn.web;

import static dev.popcorn.web.common.Access.USER;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.feedback.WishTickets;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Json;
import dev.popcorn.domain.WishNotice;
import dev.popcorn.web.common.Messages;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The caller themself: who they are, their participation points, and what became of their wishes. */
final class MeRoutes implements EndpointGroup {

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

    private final WeekOverview overview;
    private final WishTickets wishTickets;
    private final NoticeTexts standingNotices;

    MeRoutes(WeekOverview overview, WishTickets wishTickets, NoticeTexts standingNotices) {
        this.overview = overview;
        this.wishTickets = wishTickets;
        this.standingNotices = standingNotices;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/me", ctx -> {
            Pass me = Gate.admitted(ctx);
            Json.write(ctx, 200, new MeJson(me.userId(), me.name(), overview.points(me.userId())));
        }, USER);
        get("/api/v1/me/notices", this::notices, USER);
    }

    /** The caller's notices of both kinds, newest first (ten of each at most). Reading them here tells no banner. */
    private void notices(Context ctx) {
        String me = Gate.admitted(ctx).userId();
        Locale locale = Messages.choose(null, ctx.header("Accept-Language"));
        List<NoticeJson> all = new ArrayList<>();
        for (WishNotice n : wishTickets.notices(me)) {
            all.add(new NoticeJson("WISH_SHIPPED", Messages.text(locale, "notice.wishShipped", n.wishText(), n.shipsIn()),
                    "/wishes/" + n.wishId(), n.at(), n.userId(), n.wishId(), n.wishText(), n.ticketKey(), n.shipsIn(), null, null));
        }
        for (NoticeTexts.Told told : standingNotices.latest(me, 10, locale)) {
            all.add(new NoticeJson(told.kind(), told.text(), told.href(), told.at(), me, null, null, null, null, told.level(),
                    told.badge()));
        }
        all.sort(Comparator.comparing(NoticeJson::at).reversed());
        Json.write(ctx, 200, all);
    }
}
