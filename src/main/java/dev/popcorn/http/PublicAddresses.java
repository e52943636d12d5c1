package dev.popcorn.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a call out to an address a user gave (a member's photo) may go: hosts whose every address
 * is public unicast. A host that resolves to any loopback, any-local, link-local (cloud metadata
 * at 169.254.169.254 among them), private, shared (CGNAT), unique-local, multicast or reserved
 * address is refused, also when the address hides in an IPv6 form (IPv4-mapped, -compatible,
 * NAT64, 6to4). The operator's allowed hosts skip the check: an intranet's photo server, or
 * 127.0.0.1 in tests.
 *
 * <p>The check resolves the host; the HTTP client that connects right after resolves it again and
 * gets the same addresses from the JVM's cache of successful look-ups (30 s by default,
 * {@code networkaddress.cache.ttl}), so a DNS answer changed in between (rebinding) is not seen by
 * a fetch that ends within its deadline.
 */
public final class PublicAddresses {

    /** Looks up every address of a host, as {@link InetAddress#getAllByName} does. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowed;
    private final Resolver resolver;

    public PublicAddresses(Collection<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public PublicAddresses(Collection<String> allowedHosts, Resolver resolver) {
        this.allowed = allowedHosts.stream().map(PublicAddresses::normal).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Empty when {@code host} may be called; otherwise why not, in words for a log. */
    public Optional<String> refusal(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("no host");
        }
        String name = normal(host);
        if (allowed.contains(name)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return Optional.of(name + " is not known to DNS");
        }
        if (addresses.length == 0) {
            return Optional.of(name + " has no address");
        }
        return Arrays.stream(addresses).map(a -> notPublic(a).map(why -> name + " resolves to " + a.getHostAddress()
                + ", " + why)).flatMap(Optional::stream).findFirst();
    }

    /** Why {@code address} is no place for a call out, or empty when it is public unicast. */
    public static Optional<String> notPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("an any-local address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (cloud metadata lives there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private (site-local) address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            return notPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return notPublicV6(b);
        }
        return Optional.of("an address of an unknown kind");
    }

    private static Optional<String> notPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an address of 'this network' (0.0.0.0/8)");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a shared address (carrier-grade NAT, 100.64.0.0/10)");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a protocol-assignment address (192.0.0.0/24)");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> notPublicV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address (fc00::/7)");
        }
        // IPv4 inside IPv6: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::.
        boolean zeroPrefix = allZero(b, 0, 10);
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return embedded(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] v4) {
        try {
            InetAddress inner = InetAddress.getByAddress(v4);
            return notPublic(inner).map(why -> "an IPv6 form of " + inner.getHostAddress() + ", " + why);
        } catch (UnknownHostException e) {
            return Optional.of("an IPv6 form of an unreadable IPv4 address");
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A host as compared: lower case, without IPv6 brackets or a trailing dot. */
    static String normal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
