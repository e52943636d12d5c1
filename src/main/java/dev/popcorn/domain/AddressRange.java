package dev.popcorn.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address or a CIDR range written as numbers ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), such as the
 * trusted proxies in front of Popcorn. Never a host name: reading one would need a DNS lookup, whose answer could
 * change under Popcorn (and a lookup is never made here).
 */
public final class AddressRange {

    private final byte[] network;
    private final int bits;

    private AddressRange(byte[] network, int bits) {
        this.network = network;
        this.bits = bits;
    }

    /** The range {@code text} writes; throws IllegalArgumentException when it is no address or range written as numbers. */
    public static AddressRange parse(String text) {
        String[] parts = text.strip().split("/", -1);
        InetAddress address = literal(parts[0])
                .orElseThrow(
                        () -> new IllegalArgumentException("not an IP address written as numbers: '" + text + "'"));
        int max = address.getAddress().length * 8;
        int bits = max;
        if (parts.length == 2 && parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= max) {
            bits = Integer.parseInt(parts[1]);
        } else if (parts.length != 1) {
            throw new IllegalArgumentException("not a CIDR range: '" + text + "'");
        }
        return new AddressRange(address.getAddress(), bits);
    }

    /** The address if {@code text} is an IPv4 or IPv6 address written as numbers; empty for anything else (no lookup). */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            // Only digits, dots and colons: a literal, which the JVM reads without asking DNS.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code address} lies in this range (an IPv4 address never in an IPv6 range, and the other way round). */
    public boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
