package dev.popcorn.web.common;

import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an answer a person or a program can act on: RFC 9457 problem JSON
 * under {@code /api}, a friendly page in the visitor's language elsewhere. The message says
 * what was wrong; nothing was changed, because rules are checked before anything is written.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final FaultLog FAULTS = new FaultLog(LOG);

    /** A problem ready to be shown: status, message key and its arguments. */
    public record Problem(int status, String code, List<Object> args) {
        public static Problem of(int status, String code) {
            return new Problem(status, code, List.of());
        }
    }

    /** Set while a problem is being answered, so that a failure inside the answer cannot start another. */
    private static final String ANSWERING = "popcorn.answering";
    /** What the refusal found, for a program: its problem document's extension members (RFC 9457 §3.2). */
    private static final String DETAILS = "popcorn.problemDetails";

    private final Chrome chrome;

    /**
     * An RFC 9457 problem document; {@code requestId} (an extension member) names the request in the server's log,
     * for a caller to quote.
     */
    public record ProblemJson(String type, String title, int status, String detail, String instance, String requestId) {
    }

    public Problems(Chrome chrome) {
        this.chrome = chrome;
    }

    public static Problem of(Exception e) {
        if (e instanceof RuleViolation v) {
            int status = switch (v.kind()) {
                case MALFORMED -> 400;
                case UNAUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                case CLOSED, CONFLICT -> 409;
                case INVALID -> 422;
                case TOO_MANY -> 429;
                case BUSY -> 503;
            };
            return new Problem(status, v.code(), v.args());
        }
        if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
            // The body names a character set nobody can read it in (Content-Type: …; charset=x-bogus).
            return new Problem(415, "request.charset.unknown", List.of(String.valueOf(e.getMessage())));
        }
        if (e instanceof BodyLimit.TooLarge) {
            return Problem.of(413, "request.tooLarge");
        }
        if (e instanceof DeliveryFailure f) {
            // The tracker (or forum) failed us: our gateway's problem, told in its words but without
            // addresses or the names of Java classes, which stay in the log.
            LOG.warn("answered 502: {}", f.getMessage());
            return new Problem(502, "tracker.failed", List.of(forCallers(f.getMessage())));
        }
        if (e instanceof HttpResponseException h) {
            return switch (h.getStatus()) {
                case 413 -> Problem.of(413, "request.tooLarge");
                case 404 -> Problem.of(404, "request.notFound");
                case 405 -> Problem.of(405, "request.methodNotAllowed");
                default -> new Problem(h.getStatus(), "request.bad", List.of(h.getMessage()));
            };
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) {
                // A value longer than its column, past every check before it: refused, nothing written (the
                // transaction rolled back). Logged, since a check should have caught it first.
                String said = String.valueOf(sql.getMessage());
                LOG.warn("a value too long for its column got past the checks: {}", // the column, not the value
                        said.indexOf(':') > 0 ? said.substring(0, said.indexOf(':')) : "SQLState 22001");
                return Problem.of(422, "request.valueTooLong");
            }
        }
        FAULTS.record("unexpected failure", e);
        return Problem.of(500, "server.error");
    }

    /** A message from a system behind Popcorn, without the addresses and class names in it. */
    static String forCallers(String message) {
        return String.valueOf(message)
                .replaceAll("\\b[a-z][a-z0-9+.-]*://[^\\s)\\]]+", "…")
                .replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "")
                .strip();
    }

    public void handle(Exception e, Context ctx) {
        if (e instanceof RuleViolation v && !v.details().isEmpty()) {
            ctx.attribute(DETAILS, v.details());
        }
        answer(of(e), ctx);
    }

    public void answer(Problem problem, Context ctx) {
        if (ctx.attribute(ANSWERING) != null) {
            // Answering a problem failed and came back here (the error page reads the session, the language…):
            // one plain 500, never a second round.
            plainServerError(ctx);
            return;
        }
        ctx.attribute(ANSWERING, Boolean.TRUE);
        try {
            answerOnce(problem, ctx);
        } catch (RuntimeException e) {
            LOG.error("failed while answering {} {}: {}", problem.status(), problem.code(), e.toString());
            plainServerError(ctx);
        } finally {
            ctx.attribute(ANSWERING, null);
        }
    }

    /** Paths programs call, answered with problem JSON: the API and the metrics a scraper reads. */
    static boolean forPrograms(String path) {
        return path.startsWith("/api") || path.equals("/metrics");
    }

    private static void plainServerError(Context ctx) {
        ctx.status(500).contentType("text/plain; charset=utf-8").result("500 Internal Server Error\n");
    }

    private void answerOnce(Problem problem, Context ctx) {
        // For an operator following one request (by its id) through the log; the path stays out: it may hold a link.
        LOG.debug("answered {} {}", problem.status(), problem.code());
        Locale locale = chrome.locale(ctx);
        if ((problem.status() == 429 || problem.status() == 503) && !problem.args().isEmpty()) {
            ctx.header("Retry-After", String.valueOf(problem.args().get(0)));
        }
        if (problem.status() == 413) {
            // The rest of the body is not wanted: the connection ends with this answer (Jetty drains what is still
            // in flight to the bit bucket before it closes, never into memory; BodyLimitIT sends a gigabyte).
            ctx.header("Connection", "close");
        }
        String title = Messages.text(locale, "status." + problem.status());
        String detail = Messages.text(locale, "error." + problem.code(), problem.args().toArray());
        String requestId = RequestIds.of(ctx.req());
        if (requestId != null) {
            // Again: an answer Javalin reset on the way here lost the header the filter set.
            ctx.header(RequestIds.HEADER, requestId);
        }
        if (forPrograms(ctx.path())) {
            ProblemJson body = new ProblemJson("urn:popcorn:problem:" + problem.code(), title, problem.status(), detail,
                    ctx.path(), requestId);
            Map<String, Object> details = ctx.attribute(DETAILS);
            com.google.gson.JsonElement json = Json.GSON.toJsonTree(body);
            if (details != null) {
                details.forEach((name, value) -> json.getAsJsonObject().add(name, Json.GSON.toJsonTree(value)));
            }
            ctx.status(problem.status()).contentType("application/problem+json; charset=utf-8")
                    .result(Json.GSON.toJson(json));
            return;
        }
        Map<String, Object> model = chrome.model(ctx);
        model.put("title", title);
        model.put("detail", detail);
        model.put("status", problem.status());
        model.put("requestId", requestId);
        model.put("signIn", problem.status() == 401);
        // Someone who was never signed in is told once what to do (the offer below), not three times and not "again".
        model.put("neverSignedIn", "auth.signInRequired".equals(problem.code()));
        // The lead's pages say who they are for and how a lead gets in (issue 28), to a visitor and to a fan alike.
        model.put("forLeads", (problem.status() == 401 || problem.status() == 403)
                && Chrome.localPath(ctx.path()).startsWith("/lead"));
        ctx.status(problem.status());
        chrome.render(ctx, "error", model);
    }
}
