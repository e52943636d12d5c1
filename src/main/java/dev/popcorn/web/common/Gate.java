package dev.popcorn.web.common;

import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one access check: run before every matched route, it admits the caller the route's
 * declared {@link Access} allows and refuses everyone else before the handler (or the body) is
 * touched. Pages know people by their session cookie, the API by {@code Authorization: Bearer};
 * a person who is not a lead and opens a lead page is sent to the lead sign-in.
 */
public final class Gate {

    private static final String ADMITTED = "popcorn.admitted";

    private final Sessions sessions;
    private final Bearer bearer;

    public Gate(Sessions sessions, Bearer bearer) {
        this.sessions = sessions;
        this.bearer = bearer;
    }

    /** The route's one declared access, or a failure naming the route that declares none (or several). */
    public static Access declared(Set<RouteRole> roles, String route) {
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
            throw new IllegalStateException("the route " + route + " must declare exactly one Access, not " + roles);
        }
        return access;
    }

    /**
     * The before-matched handler. Who the caller is is checked before anything of the body is read;
     * then a page's form must carry the browser's CSRF token.
     */
    public void check(Context ctx) {
        if (ctx.method() == HandlerType.HEAD && ctx.routeRoles().isEmpty()) {
            // Javalin's own HEAD of the public static files ("*"): every route of ours declares its access.
            return;
        }
        Access access = declared(ctx.routeRoles(), ctx.method() + " " + ctx.endpointHandlerPath());
        if (access instanceof Access.Proof proof) {
            proof.verifier().verify(ctx);
            return;
        }
        if (access != Access.ANYONE && !admit(ctx, access)) {
            return;
        }
        if (!api(ctx) && ctx.method() == HandlerType.POST) {
            sessions.checkCsrf(ctx);
        }
    }

    /** Admits a user or a lead; false when the visitor was sent to the lead sign-in instead. */
    private boolean admit(Context ctx, Access access) {
        Optional<Pass> caller = caller(ctx);
        if (access == Access.LEAD && !api(ctx) && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
                && caller.map(pass -> !pass.isLead()).orElse(true)) {
            String lang = ctx.queryParam("lang");
            // The sign-in page keeps the language the visitor asked for.
            ctx.redirect("/lead/signin" + (lang == null || lang.isBlank() ? ""
                    : "?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8)));
            ctx.skipRemainingHandlers();
            return false;
        }
        Pass pass = caller.orElseThrow(() -> RuleViolation.unauthenticated(
                api(ctx) ? "auth.bearerRequired" : sessions.refusal(ctx).orElse("auth.signInRequired")));
        if (access == Access.LEAD && !pass.isLead()) {
            throw RuleViolation.forbidden("auth.leadRequired");
        }
        if (access == Access.PIPELINE && !pass.isLead() && !pass.isCi()) {
            throw RuleViolation.forbidden("auth.pipelineRequired");
        }
        if (access == Access.USER && pass.isCi()) {
            // The CI credential opens releases; it is nobody who reports or votes.
            throw RuleViolation.forbidden("auth.userRequired");
        }
        ctx.attribute(ADMITTED, pass);
        return true;
    }

    /** The user, lead or CI server the gate admitted to this {@code user}, {@code lead} or {@code pipeline} route. */
    public static Pass admitted(Context ctx) {
        Pass pass = ctx.attribute(ADMITTED);
        if (pass == null) {
            throw new IllegalStateException(
                    ctx.path() + " asks for the signed-in caller but is not declared user, lead or pipeline");
        }
        return pass;
    }

    /** Who is looking, if anyone signed in: for routes open to anyone that show more to some. */
    public Optional<Pass> viewer(Context ctx) {
        Pass admitted = ctx.attribute(ADMITTED);
        return admitted != null ? Optional.of(admitted) : caller(ctx);
    }

    /** Whether a lead is looking. */
    public boolean leadLooks(Context ctx) {
        return viewer(ctx).map(Pass::isLead).orElse(false);
    }

    private Optional<Pass> caller(Context ctx) {
        return api(ctx) ? bearer.of(ctx) : sessions.current(ctx);
    }

    private static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
