package dev.popcorn.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Members' photos: the hosts they may be copied from although their addresses are not public
 * (an intranet's photo server; 127.0.0.1 in tests). Every other host must resolve to public
 * addresses only.
 */
public record PhotoConfig(List<String> allowedHosts) {

    /** The photos.* keys. */
    public static final List<Key> KEYS = List.of(
            Key.of("photos.allowed-hosts", "",
                    "host names or addresses, comma separated, that members' photos may be copied from even though"
                            + " they resolve to loopback, private or other non-public addresses (empty: public hosts only)"));

    /** A host name, an IPv4 address, or an IPv6 address with or without brackets; no scheme, port, path or wildcard. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\\.?"
            + "|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    /** Reads the photos.* keys. */
    public static PhotoConfig from(Values v) {
        List<String> hosts = v.list("photos.allowed-hosts");
        for (String host : hosts) {
            if (!HOST.matcher(host).matches()) {
                throw new ConfigException("photos.allowed-hosts must list host names or addresses (no scheme, port,"
                        + " path or wildcard), not '" + host + "'");
            }
        }
        return new PhotoConfig(hosts);
    }

    public PhotoConfig {
        allowedHosts = List.copyOf(allowedHosts);
    }
}
