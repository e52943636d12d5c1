package dev.popcorn.web.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a path with a {@code .} or {@code ..} segment written in percent-encoding ({@code /assets/%2e%2e/x}):
 * browsers and the web server resolve plain dot segments before a request arrives, so an encoded one is never a
 * link of ours, and the static file handlers would fail on it (a 500 and a stack trace per request) instead of
 * refusing. Answered 400 {@code request.path.dots} before any handler runs, and not logged: a client repeating it
 * costs no log.
 */
public final class DotSegments implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (hasDotSegment(http.getRequestURI())) {
            JettyErrors.refuse(http, (HttpServletResponse) response, 400, "request.path.dots");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the raw path, percent-decoded, has a segment that is a dot or two (split at slashes and backslashes). */
    static boolean hasDotSegment(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return false;
        }
        for (String segment : decode(rawPath).split("[/\\\\]", -1)) {
            String name = segment.indexOf(';') >= 0 ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decoding of the bytes that matter here; anything else is left as written. */
    private static String decode(String raw) {
        return raw.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f", "/").replaceAll("(?i)%5c", "\\\\");
    }
}
