package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.Standing;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Sessions;
import dev.popcorn.web.json.StandingJson;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * A fan's public page, {@code /fans/{id}}: their level, streak and badges, with the tags that
 * unfold a shared link as their card. Unknown fans and those who chose to stay off public pages
 * are not found (the same answer for both).
 */
public final class FanPage implements EndpointGroup {

    /**
     * The page: the fan's id and name, their standing, whether the reader is that fan, their real reports and wishes
     * shipped, the ladder's window and how often a freeze is earned, the page's and the card's addresses.
     */
    record Page(String fanId, String fanName, StandingJson standing, boolean own, long reports, long wishesShipped,
            int windowReleases, int freezeEvery, String pageUrl, String cardUrl) {
    }

    private final Standing standing;
    private final Chrome chrome;
    private final Sessions sessions;
    private final FanCards cards;

    public FanPage(Standing standing, FanCards cards, Chrome chrome, Sessions sessions) {
        this.standing = standing;
        this.chrome = chrome;
        this.sessions = sessions;
        this.cards = cards;
    }

    @Override
    public void addEndpoints() {
        get("/fans/{id}", this::render, ANYONE);
    }

    private void render(Context ctx) {
        String id = ctx.pathParam("id");
        Standing.View view = ParticipationRoutes.publicView(standing, id);
        Locale locale = chrome.locale(ctx);
        chrome.render(ctx, "fan", new Page(id, standing.name(id).orElse(id), StandingJson.of(view, locale),
                sessions.current(ctx).map(p -> p.userId().equals(id)).orElse(false), view.counts().reports(),
                view.counts().wishesShipped(), standing.ladder().windowReleases(), standing.streakRules().freezeEvery(),
                cards.shareUrl(id, locale), cards.cardUrl(id, FanCards.Format.WIDE, locale)));
    }
}
