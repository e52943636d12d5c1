package dev.popcorn.web.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * One id per request (ADR 0029), so that an operator finds every log line of a request a caller complains about:
 * the caller's (or its proxy's) {@code X-Request-Id} when it is short and safe to write into a log line, else a
 * new random one. It is echoed in the answer's {@code X-Request-Id}, named in every problem answer, and is the MDC
 * entry {@code requestId} while the request is handled, which every log line written meanwhile carries. The first
 * filter, so that even a refusal before Popcorn's routes has it.
 */
public final class RequestIds implements Filter {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key (the log layouts read it by this name) and the problem member's name. */
    public static final String KEY = "requestId";
    private static final String ATTRIBUTE = "popcorn.requestId";
    /** What a given id may be: nothing that could break a log line, a header or a JSON string, and not long. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = chosen(((HttpServletRequest) request).getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }

    /** The id a request gets: {@code given} when it is safe, else a new one. */
    static String chosen(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : fresh();
    }

    /** A new id: 16 hex digits, random, so that ids of two instances never collide in a shared log. */
    static String fresh() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The request's id, or null for a request that never passed the filter. */
    public static String of(HttpServletRequest request) {
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE);
    }
}
