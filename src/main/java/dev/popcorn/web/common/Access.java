package dev.popcorn.web.common;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares exactly one, next to its path in its class's route
 * table; {@link Gate} checks it once, before the handler runs, so a handler never decides it.
 * <ul>
 * <li>{@link #ANYONE}: no proof needed (what is shown may still depend on who looks);
 * <li>{@link #USER}: a signed-in user or lead — a session cookie on pages, a bearer pass on the API;
 * <li>{@link #LEAD}: a team lead — a lead's session or API pass (while the user still leads), or the admin token;
 * <li>{@link #PIPELINE}: the release pipeline — the CI credential ({@code jenkins.token} as bearer) or a lead;
 *     what a build does (open a release, propose a candidate, attach test results), never a decision;
 * <li>{@link #ci}: the CI server, proving it knows the Jenkins token;
 * <li>{@link #webhook}: another system's webhook, proving it by a signature over the body;
 * <li>{@link #monitor}: a metrics scraper, proving it knows {@code metrics.token} (ADR 0029).
 * </ul>
 */
public sealed interface Access extends RouteRole permits Access.Person, Access.Proof {

    Access ANYONE = Person.ANYONE;
    Access USER = Person.USER;
    Access LEAD = Person.LEAD;
    Access PIPELINE = Person.PIPELINE;

    /** Access decided by who the caller is: nobody in particular, a user, a lead, the CI server or a lead. */
    enum Person implements Access {
        ANYONE, USER, LEAD, PIPELINE;

        @Override
        public String role() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Access decided by what the caller sends; {@code verify} throws a violation when the proof is missing or wrong. */
    record Proof(String role, Verifier verifier) implements Access {
    }

    /** Checks a caller's proof before anything of the request is used. */
    @FunctionalInterface
    interface Verifier {
        void verify(Context ctx);
    }

    /** The role's name as the route table and the docs say it: anyone, user, lead, pipeline, ci, webhook, monitor. */
    String role();

    static Access ci(Verifier verifier) {
        return new Proof("ci", verifier);
    }

    static Access webhook(Verifier verifier) {
        return new Proof("webhook", verifier);
    }

    static Access monitor(Verifier verifier) {
        return new Proof("monitor", verifier);
    }
}
