package dev.popcorn.web.common;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What every page shares: the language, the signed-in person, the CSRF token, the forum sign-in button. */
public final class Chrome {

    private static final String LOCALE = "popcorn.locale";

    private final Sessions sessions;
    private final Templates templates;
    private final boolean forumSignIn;
    private final BiFunction<String, Locale, List<?>> banners;

    /**
     * {@code banners} is what the next page a signed-in user opens tells them once, above its content (a promotion,
     * a new badge): it answers them for a user in a language, and counts them as told.
     */
    public Chrome(Sessions sessions, Templates templates, boolean forumSignIn,
            BiFunction<String, Locale, List<?>> banners) {
        this.banners = banners;
        this.sessions = sessions;
        this.templates = templates;
        this.forumSignIn = forumSignIn;
    }

    /** The visitor's language: chosen with {@code ?lang=} (and remembered), else the cookie, else the browser's. */
    public Locale locale(Context ctx) {
        Locale cached = ctx.attribute(LOCALE);
        if (cached != null) {
            return cached;
        }
        String explicit = ctx.queryParam("lang");
        if (explicit != null && !explicit.isBlank()) {
            sessions.rememberLanguage(ctx, Messages.tag(Messages.choose(explicit, null)));
        } else {
            explicit = ctx.cookie(Sessions.LANG_COOKIE);
        }
        Locale locale = Messages.choose(explicit, ctx.header("Accept-Language"));
        ctx.attribute(LOCALE, locale);
        return locale;
    }

    /**
     * The banners a page may show, read when the layout first asks for {@code list} (and counted as told then), so that
     * a page without the layout (a fragment) leaves them for the next page.
     */
    public static final class Banners {
        private final Supplier<List<?>> source;
        private List<?> list;

        Banners(Supplier<List<?>> source) {
            this.source = source;
        }

        public synchronized List<?> getList() {
            if (list == null) {
                list = source.get();
            }
            return list;
        }

        /** These banners but those the page tells itself. */
        public Banners except(Predicate<Object> toldHere) {
            return new Banners(() -> getList().stream().filter(b -> !toldHere.test(b)).toList());
        }
    }

    /** The banners of a user; none when they cannot be read (an error page may be answering a broken store). */
    private List<?> banners(String userId, Locale locale) {
        try {
            return banners.apply(userId, locale);
        } catch (RuntimeException unread) {
            return List.of();
        }
    }

    /** Whether the forum's sign-in is offered (its button is in the layout). */
    public boolean forumSignIn() {
        return forumSignIn;
    }

    /** A page's model with what the layout needs; the page adds its own. */
    public Map<String, Object> model(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        Locale locale = locale(ctx);
        model.put("lang", Messages.tag(locale));
        model.put("otherLang", Messages.tag(locale).equals("en") ? "zh-CN" : "en");
        model.put("path", localPath(ctx.path()));
        model.put("csrf", sessions.csrfToken(ctx));
        model.put("csrfField", Sessions.CSRF_FIELD);
        model.put("forumSignIn", forumSignIn);
        sessions.current(ctx).ifPresent(pass -> {
            model.put("me", pass);
            // Read only if the page shows them (the layout asks): a fragment a script fetches tells nothing, marks nothing.
            model.put("banners", new Banners(() -> banners(pass.userId(), locale)));
        });
        return model;
    }

    /**
     * Renders a page whose model is a record: the layout's entries, then one entry per component of {@code page} under
     * its name (a null component is left out, as a page leaves out what it has not). Every page passes its model so;
     * the templates read a component as {@code name}, and a record inside it by its accessors ({@code p.poll}).
     */
    public void render(Context ctx, String template, Record page) {
        Map<String, Object> model = model(ctx);
        model.putAll(PageModels.entries(page));
        render(ctx, template, model);
    }

    /**
     * Renders a page template in the visitor's language. Every page carries the visitor's name (when signed in) and their CSRF token: a shared cache
     * may keep none of them ({@code private}, unless the page said more), and each depends on the cookies.
     */
    public void render(Context ctx, String template, Map<String, Object> model) {
        if (ctx.res().getHeader("Cache-Control") == null) {
            ctx.header("Cache-Control", "private, no-cache");
        }
        ctx.header("Vary", "Cookie, Accept-Language");
        ctx.html(templates.render(template, model, locale(ctx)));
    }

    /**
     * The request's path as a link back to this page that cannot leave the site: a browser reads {@code //host/}
     * (or {@code /\host/}) as another site's address, so slashes and backslashes at its start become one slash.
     */
    static String localPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return "/" + path.replaceFirst("^[/\\\\\\s]+", "");
    }

    /** A message in the visitor's language. */
    public String text(Context ctx, String key, Object... args) {
        return Messages.text(locale(ctx), key, args);
    }
}
