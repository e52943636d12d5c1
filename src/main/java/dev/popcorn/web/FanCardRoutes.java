package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;

import dev.popcorn.app.participation.FanCards;
import dev.popcorn.app.participation.FanCards.Facts;
import dev.popcorn.app.participation.FanCards.Format;
import dev.popcorn.app.week.WeekOverview;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.release.Release;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Messages;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fan's card worth sharing: the picture in two sizes ({@code /fans/{id}/card.png}, and the same
 * under {@code /api/v1} with problem JSON for programs) and the public share page whose link
 * unfolds as the card on forums and in chats. The page is a door for the friends who open it: the
 * card, what Popcorn and Orange Friday are, this week's release and poll and how to take part; the
 * fan's own tools (the text to copy, the downloads) are shown to the fan alone. Nothing for a user
 * Popcorn does not know or who stays off public pages: both are "not found", so the answer does not
 * tell which.
 */
public final class FanCardRoutes implements EndpointGroup {

    private final FanCards cards;
    private final WeekOverview overview;
    private final RateLimits limits;
    private final Chrome chrome;
    private final Sessions sessions;

    public FanCardRoutes(FanCards cards, WeekOverview overview, Chrome chrome, Sessions sessions, RateLimits limits) {
        this.limits = limits;
        this.cards = cards;
        this.overview = overview;
        this.chrome = chrome;
        this.sessions = sessions;
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
                .orElseThrow(() -> new RuleViolation(RuleViolation.Kind.MALFORMED, "request.field.enum", "format",
                        "wide, story"));
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

    /**
     * The public share page in the visitor's language (chosen with {@code ?lang=} like every page): to
     * the fan, their tools; to anyone else, the door.
     */
    private void share(Context ctx) {
        Locale locale = chrome.locale(ctx);
        String userId = ctx.pathParam("id");
        Facts facts = fan(ctx, locale);
        boolean own = sessions.current(ctx).map(pass -> pass.userId().equals(userId)).orElse(false);
        Door door = own ? null : Door.of(overview.currentRelease(), overview::pollOf, overview.now(),
                sessions.current(ctx).isPresent(), chrome.forumSignIn());
        // The page carries the viewer's name and CSRF token in its header: for their browser only, never a shared cache.
        ctx.header("Cache-Control", "private, no-cache");
        chrome.render(ctx, "share", new Share(SharePage.of(userId, facts, cards), own, door));
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
    /** The share page: what it shows of the fan, whether the reader is that fan, the door for anyone else (else null). */
    record Share(SharePage share, boolean own, Door door) {
    }

    record SharePage(Facts facts, String pageUrl, String imageUrl, int imageWidth, int imageHeight, String wideUrl,
            String storyUrl, String lang) {

        static SharePage of(String userId, Facts facts, FanCards cards) {
            Locale locale = facts.locale();
            return new SharePage(facts, cards.shareUrl(userId, locale), cards.cardUrl(userId, Format.WIDE, locale),
                    Format.WIDE.width(), Format.WIDE.height(), cards.cardPath(userId, Format.WIDE, locale),
                    cards.cardPath(userId, Format.STORY, locale), Messages.tag(locale));
        }
    }

    /**
     * What a friend who opens the page is shown under the card: this week's release (the latest), whether
     * it takes reports, its Popcorn Award poll and where that poll is, and what they can do now. Signed
     * out, that is to sign in (through the forum straight back to where they take part, where the forum
     * signs in; else the page that tells how); signed in, to hand in a report while reports are open, to
     * vote while the poll is, else to see the week.
     */
    record Door(Release release, boolean reportsOpen, Poll poll, PollState pollState, List<Action> actions) {

        /** A way to take part: the text's key, where it goes, and the link's id. */
        record Action(String key, String href, String id) {
        }

        static Door of(Optional<Release> current, java.util.function.LongFunction<Optional<Poll>> pollOf, Instant now,
                boolean signedIn, boolean forumSignIn) {
            Release release = current.orElse(null);
            boolean reportsOpen = release != null && release.acceptsReportsAt(now);
            Poll poll = release == null ? null : pollOf.apply(release.id()).orElse(null);
            PollState state = poll == null ? null : poll.stateAt(now);
            List<Action> open = new ArrayList<>();
            if (reportsOpen) {
                open.add(new Action("home.handInReport", "/releases/" + release.id() + "#report", "take-part-report"));
            }
            if (state == PollState.OPEN) {
                open.add(new Action("home.vote", "/polls/" + poll.id(), "take-part-vote"));
            }
            if (open.isEmpty()) {
                open.add(new Action("share.door.week", "/", "take-part-week"));
            }
            if (signedIn) {
                return new Door(release, reportsOpen, poll, state, List.copyOf(open));
            }
            String target = open.get(0).href().replaceFirst("#.*", "");
            String signIn = forumSignIn ? "/signin/forum?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                    : "/signin";
            return new Door(release, reportsOpen, poll, state, List.of(new Action("share.door.signIn", signIn,
                    "take-part-signin")));
        }
    }
}
