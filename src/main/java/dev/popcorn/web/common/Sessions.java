package dev.popcorn.web.common;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions and CSRF protection for pages. A session is a signed pass in an HttpOnly, SameSite
 * cookie, so no instance keeps session state. Forms carry a CSRF token that must match the
 * browser's CSRF cookie (double submit); another site can neither read nor set it.
 */
public final class Sessions {

    public static final String CSRF_FIELD = "_csrf";
    public static final String LANG_COOKIE = "popcorn_lang";
    /** The browser key of a forum sign-in under way ({@code __Host-} under https: only this host can set it). */
    public static final String FORUM_COOKIE = "popcorn_signin";
    private static final String PASS_ATTRIBUTE = "popcorn.pass";
    private static final String CSRF_ATTRIBUTE = "popcorn.csrf";
    private static final String REFUSAL_ATTRIBUTE = "popcorn.refusal";

    private final SignIn signIn;
    private final Duration validity;
    private final boolean secure;
    private final String sessionCookie;
    private final String csrfCookie;
    private final SecureRandom random = new SecureRandom();

    /**
     * Under https ({@code secure}) the session and CSRF cookies are {@code __Host-} cookies: the
     * browser takes them only from this host, over https, for the whole site, so a neighbouring
     * subdomain cannot plant one.
     */
    public Sessions(SignIn signIn, Duration validity, boolean secure) {
        this.signIn = signIn;
        this.validity = validity;
        this.secure = secure;
        this.sessionCookie = (secure ? "__Host-" : "") + "popcorn_session";
        this.csrfCookie = (secure ? "__Host-" : "") + "popcorn_csrf";
    }

    /**
     * The signed-in person of this request, if any; a bad, expired or revoked cookie counts as none
     * (and {@link #refusal} says why), and so does a pass that is not a session.
     */
    public Optional<Pass> current(Context ctx) {
        Pass cached = ctx.attribute(PASS_ATTRIBUTE);
        if (cached != null) {
            return Optional.of(cached);
        }
        String token = ctx.cookie(sessionCookie);
        if (token == null) {
            return Optional.empty();
        }
        try {
            Pass pass = signIn.session(token);
            ctx.attribute(PASS_ATTRIBUTE, pass);
            return Optional.of(pass);
        } catch (RuleViolation e) {
            ctx.attribute(REFUSAL_ATTRIBUTE, e.code());
            return Optional.empty();
        }
    }

    /** Why this request's session cookie was refused ({@code pass.revoked}, {@code pass.expired}, …), if it was. */
    public Optional<String> refusal(Context ctx) {
        current(ctx);
        String code = ctx.attribute(REFUSAL_ATTRIBUTE);
        return Optional.ofNullable(code);
    }

    public void start(Context ctx, String passToken) {
        setCookie(ctx, sessionCookie, passToken, validity.toSeconds());
        ctx.attribute(PASS_ATTRIBUTE, signIn.session(passToken));
    }

    /** Binds a forum sign-in under way to this browser, for as long as its nonce lives. */
    public void startForumSignIn(Context ctx, String browserKey, Duration lifetime) {
        setCookie(ctx, forumCookie(), browserKey, lifetime.toSeconds());
    }

    /** The key this browser got when it started a forum sign-in; null when it started none. */
    public String forumSignInKey(Context ctx) {
        return ctx.cookie(forumCookie());
    }

    public void endForumSignIn(Context ctx) {
        setCookie(ctx, forumCookie(), "", 0);
    }

    private String forumCookie() {
        // The __Host- prefix needs Secure, which browsers keep for https.
        return secure ? "__Host-" + FORUM_COOKIE : FORUM_COOKIE;
    }

    public void end(Context ctx) {
        setCookie(ctx, sessionCookie, "", 0);
    }

    /** The CSRF token for this browser's forms, created on its first page. */
    public String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        if (token == null) {
            token = ctx.cookie(csrfCookie);
        }
        if (token == null || token.length() != 32) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            setCookie(ctx, csrfCookie, token, validity.toSeconds());
        }
        ctx.attribute(CSRF_ATTRIBUTE, token);
        return token;
    }

    /** Refuses a form post whose CSRF field does not match the browser's cookie. */
    public void checkCsrf(Context ctx) {
        String cookie = ctx.cookie(csrfCookie);
        String field = ctx.formParam(CSRF_FIELD);
        if (cookie == null || field == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                        field.getBytes(StandardCharsets.UTF_8))) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "auth.csrf");
        }
    }

    public void rememberLanguage(Context ctx, String tag) {
        setCookie(ctx, LANG_COOKIE, tag, Duration.ofDays(365).toSeconds());
    }

    private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
