package dev.popcorn.web.common;

import dev.popcorn.domain.AddressRange;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The address a request came from, for per-address limits. Behind a reverse proxy or balancer every
 * request comes from the proxy, so the proxy's word about the client ({@code Forwarded}, else
 * {@code X-Forwarded-For}) is taken, but only from a configured proxy ({@code server.trusted-proxies}),
 * and read from the right: each trusted hop is skipped, and the first address a trusted hop saw that is
 * not itself trusted is the client. Whatever a client writes to the left of that is ignored; from an
 * address not trusted, the headers are never read.
 */
public final class ClientAddress {

    private final List<AddressRange> trusted;

    /** {@code proxies}: addresses and CIDR ranges, checked by the configuration already. */
    public ClientAddress(List<String> proxies) {
        this.trusted = proxies.stream().map(AddressRange::parse).toList();
    }

    /** The client's address as this request tells it through trusted proxies; the socket's address without any. */
    public String of(Context ctx) {
        String socket = ctx.req().getRemoteAddr();
        if (trusted.isEmpty() || !trusted(socket)) {
            return socket;
        }
        List<String> hops = forwarded(ctx);
        String client = socket;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (AddressRange.literal(hop).isEmpty()) {
                // A trusted proxy passed on something that is no address (unknown, an obfuscated name): stop at it.
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return AddressRange.literal(address).filter(a -> trusted.stream().anyMatch(range -> range.contains(a)))
                .isPresent();
    }

    /** The hops the request passed, the client first: {@code Forwarded}'s {@code for=} when present, else X-Forwarded-For. */
    private static List<String> forwarded(Context ctx) {
        List<String> hops = new ArrayList<>();
        for (String header : values(ctx, "Forwarded")) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String[] kv = pair.strip().split("=", 2);
                    if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(node(kv[1].strip()));
                    }
                }
            }
        }
        if (!hops.isEmpty()) {
            return hops;
        }
        for (String header : values(ctx, "X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    private static List<String> values(Context ctx, String name) {
        List<String> all = new ArrayList<>();
        Enumeration<String> values = ctx.req().getHeaders(name);
        while (values != null && values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return all;
    }

    /** A {@code Forwarded} node without quotes, brackets or port: {@code "[2001:db8::1]:4711"} is {@code 2001:db8::1}. */
    private static String node(String value) {
        String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            return end > 0 ? v.substring(1, end) : v;
        }
        int colon = v.indexOf(':');
        return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
    }
}
