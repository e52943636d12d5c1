package dev.popcorn.web.common;

import dev.popcorn.web.common.Problems.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What the web server answers for requests that never reach Popcorn's routes: a request line or
 * headers too long, a path with a NUL or an ambiguous {@code ..}, a broken header. Jetty's own
 * answer is an HTML page naming Jetty; this one is problem JSON like every other refusal, in the
 * caller's language where the request got far enough to say which.
 */
public final class JettyErrors extends ErrorHandler {

    private static final String PROBLEM = "application/problem+json; charset=utf-8";

    public JettyErrors() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Refusals of the HTTP parser, before there is a request to speak of. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, PROBLEM));
        SecurityHeaders.apply(fields);
        return ByteBuffer.wrap(body(status, code(status), Messages.ENGLISH, "", null).getBytes(StandardCharsets.UTF_8));
    }

    /** Refusals of a request Jetty read but would not hand on (an ambiguous path, for one). */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response,
            int code, String message) throws IOException {
        baseRequest.setHandled(true);
        refuse(request, response, code, code(code));
    }

    /**
     * Answers a request refused before Popcorn's routes: a short page in the visitor's language for a browser,
     * problem JSON under {@code /api}, with the security headers every answer carries.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        Locale locale = Messages.choose(null, request.getHeader("Accept-Language"));
        String uri = request.getRequestURI();
        response.setStatus(status);
        SecurityHeaders.apply(response, request.isSecure());
        if (uri != null && !Problems.forPrograms(uri)) {
            // A person's browser: a short page in their language, with the way back to the week.
            response.setContentType("text/html; charset=utf-8");
            response.getOutputStream().write(page(status, code, locale).getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType(PROBLEM);
        response.getOutputStream()
                .write(body(status, code, locale, "", RequestIds.of(request)).getBytes(StandardCharsets.UTF_8));
    }

    private static String page(int status, String code, Locale locale) {
        String title = Messages.has("status." + status) ? Messages.text(locale, "status." + status) : "HTTP " + status;
        // Only our own texts, no part of the request: nothing to escape beyond them.
        return "<!doctype html><html lang=\"" + Messages.tag(locale) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"/assets/popcorn.css\"></head><body><main><h1>" + title
                + "</h1><p>"
                + Messages.text(locale, "error." + code) + "</p><p><a href=\"/\">" + Messages.text(locale, "nav.week")
                + "</a></p></main></body></html>";
    }

    private static String body(int status, String code, Locale locale, String instance, String requestId) {
        String title = Messages.has("status." + status) ? Messages.text(locale, "status." + status) : "HTTP " + status;
        return Json.GSON.toJson(new ProblemJson("urn:popcorn:problem:" + code, title, status,
                Messages.text(locale, "error." + code), instance.isEmpty() ? null : instance, requestId));
    }

    private static String code(int status) {
        return switch (status) {
            case 414 -> "request.uriTooLong";
            case 431 -> "request.headersTooLarge";
            case 413 -> "request.tooLarge";
            case 404 -> "request.notFound";
            case 405 -> "request.methodNotAllowed";
            default -> "request.unreadable";
        };
    }
}
