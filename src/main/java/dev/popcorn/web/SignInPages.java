package dev.popcorn.web;

import static dev.popcorn.web.common.Access.ANYONE;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.Sessions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The ways in and out: a personal link, confirmed by a form; the lead's sign-in with the admin token; signing out.
 * ({@code ForumRoutes} goes before these, so that {@code /signin/forum} is not read as a link's {@code /signin/{token}}.)
 */
public final class SignInPages implements EndpointGroup {

    /** The sign-in pages that show only the layout. */
    record Empty() {
    }

    /** A personal link opened: whose it is, the link's token, who else is signed in in this browser (or null). */
    record Link(Pass holder, String token, Pass other) {
    }

    private final SignIn signIn;
    private final Chrome chrome;
    private final Sessions sessions;

    public SignInPages(SignIn signIn, Chrome chrome, Sessions sessions) {
        this.signIn = signIn;
        this.chrome = chrome;
        this.sessions = sessions;
    }

    @Override
    public void addEndpoints() {
        get("/signin", ctx -> chrome.render(ctx, "signin", new Empty()), ANYONE);
        get("/signin/{token}", this::askToSignInWithLink, ANYONE);
        post("/signin/{token}", this::signInWithLink, ANYONE);
        post("/signout", ctx -> {
            sessions.current(ctx).ifPresent(signIn::signOut);
            sessions.end(ctx);
            ctx.redirect("/");
        }, ANYONE);
        get("/lead/signin", ctx -> chrome.render(ctx, "lead-signin", new Empty()), ANYONE);
        post("/lead/signin", ctx -> {
            sessions.start(ctx, signIn.lead(ctx.formParam("token")));
            ctx.redirect("/lead");
        }, ANYONE);
    }

    /**
     * A personal link opened: the page asks "sign in as …?" and signs in only when the form (with
     * this browser's CSRF token) is sent, so that a link opened from another site cannot plant a
     * session. Nothing is written here.
     */
    private void askToSignInWithLink(Context ctx) {
        String token = ctx.pathParam("token");
        Pass holder = signIn.linkHolder(token);
        Pass other = sessions.current(ctx).filter(me -> !me.userId().equals(holder.userId())).orElse(null);
        ctx.header("Cache-Control", "no-store");
        chrome.render(ctx, "signin-link", new Link(holder, token, other));
    }

    private void signInWithLink(Context ctx) {
        sessions.start(ctx, signIn.withLink(ctx.pathParam("token")));
        ctx.redirect(sessions.current(ctx).map(Pass::isLead).orElse(false) ? "/lead" : "/");
    }
}
