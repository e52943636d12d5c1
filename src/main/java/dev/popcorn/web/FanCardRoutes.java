package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.FanCards.Facts;
import dev.popcorn.app.participation.FanCards.Format;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.RateLimits;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fan's card worth sharing: the picture in two sizes ({@code /fans/{id}/card.png}, and the same
 * under {@code /api/v1} with problem JSON for programs) and the public share page whose link
 * unfolds as the card on forums and in chats. Nothing for a user Popcorn does not know or who
 * stays off public pages: both are "not found", so the answer does not tell which.
 */
final class FanCardRoutes implements EndpointGroup {

    private final FanCards cards;
    private final RateLimits limits;
    private final Chrome chrome;

    FanCardRoutes(FanCards cards, Chrome chrome, RateLimits limits) {
        this.limits = limits;
        this.cards = cards;
        this.chrome = chrome;
    }

    @Override
    public void addEndpoints() {
        get("/fans/{id}/card.png", this::card, ANYONE);
        get("/fans/{id}/share", this::share, ANYONE);
        get("/api/v1/fans/{id}/card.png", this::card, ANYONE);
    }

    /**
     * The card as PNG. Its entity tag is the fingerprint of what it shows, so a browser or a
     * preview asks again every time ({@code no-cache}) and gets 304 until something on it changes,
     * and a fan who leaves the public pages is gone at the next look.
     */
    private void card(Context ctx) {
        String formatTag = ctx.queryParam("format");
        Format format = Format.of(formatTag)
                .orElseThrow(() -> new RuleViolation(RuleViolation.Kind.MALFORMED, "request.field.enum", "format", "wide, story"));
        String lang = ctx.queryParam("lang");
        Locale locale = lang == null ? Messages.choose(ctx.cookie(dev.popcorn.web.common.Sessions.LANG_COOKIE),
                ctx.header("Accept-Language")) : language(lang);
        Facts facts = fan(ctx, locale);
        String etag = "\"" + cards.fingerprint(facts, format) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, no-cache");
        if (lang == null) {
            ctx.header("Vary", "Accept-Language, Cookie");
        }
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        Optional<byte[]> kept = cards.kept(facts, format);
        if (kept.isPresent()) {
            ctx.result(kept.get());
        } else {
            // A card not drawn yet takes a drawing slot: one at a time per client, so that no one holds them all.
            ctx.result(limits.oneAtATime("card", ctx, () -> cards.png(facts, format)));
        }
        // image/png without the text charset every other answer carries.
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("image/png");
    }

    /** The public share page in the visitor's language (chosen with {@code ?lang=} like every page). */
    private void share(Context ctx) {
        Locale locale = chrome.locale(ctx);
        String userId = ctx.pathParam("id");
        Facts facts = fan(ctx, locale);
        Map<String, Object> model = chrome.model(ctx);
        model.put("share", SharePage.of(userId, facts, cards));
        // The page carries the viewer's name and CSRF token in its header: for their browser only, never a shared cache.
        ctx.header("Cache-Control", "private, no-cache");
        chrome.render(ctx, "share", model);
    }

    private Facts fan(Context ctx, Locale locale) {
        return cards.facts(ctx.pathParam("id"), locale)
                .orElseThrow(() -> RuleViolation.notFound("share.fan.unknown"));
    }

    /** The two languages a card is drawn in; anything else is refused, naming the parameter. */
    private static Locale language(String tag) {
        return switch (tag) {
            case "zh-CN", "zh" -> Messages.CHINESE;
            case "en" -> Messages.ENGLISH;
            default -> throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.field.enum", "lang", "zh-CN, en");
        };
    }

    /** Whether an If-None-Match header names this entity tag (or any: {@code *}); weak tags compare as strong ones. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the share page shows and tells link previews: the card's facts, the absolute addresses
     * of the page and of its wide card (og:url, og:image), and the page's own addresses of both sizes.
     */
    record SharePage(Facts facts, String pageUrl, String imageUrl, int imageWidth, int imageHeight, String wideUrl,
            String storyUrl, String lang) {

        static SharePage of(String userId, Facts facts, FanCards cards) {
            Locale locale = facts.locale();
            return new SharePage(facts, cards.shareUrl(userId, locale), cards.cardUrl(userId, Format.WIDE, locale),
                    Format.WIDE.width(), Format.WIDE.height(), cards.cardPath(userId, Format.WIDE, locale),
                    cards.cardPath(userId, Format.STORY, locale), Messages.tag(locale));
        }
    }
}
