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
import java.util.Map;

/**
 * A fan's public page, {@code /fans/{id}}: their level, streak and badges, with the tags that
 * unfold a shared link as their card. Unknown fans and those who chose to stay off public pages
 * are not found (the same answer for both).
 */
public final class FanPage implements EndpointGroup {

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
        Map<String, Object> model = chrome.model(ctx);
        model.put("fanId", id);
        model.put("fanName", standing.name(id).orElse(id));
        model.put("standing", StandingJson.of(view, locale));
        model.put("own", sessions.current(ctx).map(p -> p.userId().equals(id)).orElse(false));
        model.put("reports", view.counts().reports());
        model.put("wishesShipped", view.counts().wishesShipped());
        model.put("windowReleases", standing.ladder().windowReleases());
        model.put("freezeEvery", standing.streakRules().freezeEvery());
        model.put("pageUrl", cards.shareUrl(id, locale));
        model.put("cardUrl", cards.cardUrl(id, FanCards.Format.WIDE, locale));
        chrome.render(ctx, "fan", model);
    }
}
