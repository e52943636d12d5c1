package dev.popcorn.web.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries, whoever writes it: Popcorn's routes, its static files, and the
 * refusals the web server writes itself before a route runs (a bad path, a header too large). Set
 * as the first filter, so that no answer leaves without them.
 */
public final class SecurityHeaders implements Filter {

    /**
     * No script, style or frame from anywhere but here, and no page of ours inside another's frame; member photos may
     * still come from their own hosts (https).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final boolean https;

    /** {@code https}: the site is served over https only, so browsers are told to keep to it (HSTS). */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletResponse) response, https);
        chain.doFilter(request, response);
    }

    /** Sets the headers on a response (again, where something reset them). */
    public static void apply(HttpServletResponse response, boolean https) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** The same for an answer the HTTP parser writes before there is a request (no HSTS: it may not be https). */
    public static void apply(HttpFields.Mutable fields) {
        fields.put(new HttpField("X-Content-Type-Options", "nosniff"));
        fields.put(new HttpField("Referrer-Policy", "same-origin"));
        fields.put(new HttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY));
        fields.put(new HttpField("X-Frame-Options", "DENY"));
    }
}
