package dev.popcorn.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard of calls out to addresses users give: what an attacker would point a photo at is refused. */
class PublicAddressesTest {

    /** A DNS of the test's own: names an attacker controls, resolving where the attacker likes. */
    private static final PublicAddresses.Resolver DNS = host -> {
        Map<String, List<String>> names = Map.of(
                "photos.example", List.of("93.184.216.34"),
                "rebind.example", List.of("127.0.0.1"),
                "metadata.example", List.of("169.254.169.254"),
                "mixed.example", List.of("93.184.216.34", "10.1.2.3"),
                "v6.example", List.of("2606:2800:220:1:248:1893:25c8:1946"),
                "mapped.example", List.of("::ffff:192.168.0.10"));
        List<String> addresses = names.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = InetAddress.getByName(addresses.get(i));
        }
        return resolved;
    };

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | loopback",
            "127.255.0.9      | loopback",
            "0.0.0.0          | any-local",
            "0.1.2.3          | this network",
            "10.0.0.1         | private",
            "172.16.0.1       | private",
            "172.31.255.254   | private",
            "192.168.1.1      | private",
            "169.254.169.254  | link-local",
            "100.64.0.1       | carrier-grade NAT",
            "100.127.255.254  | carrier-grade NAT",
            "192.0.0.8        | protocol-assignment",
            "198.18.0.1       | benchmarking",
            "224.0.0.1        | multicast",
            "255.255.255.255  | broadcast",
            "::1              | loopback",
            "::               | any-local",
            "fe80::1          | link-local",
            "fec0::1          | site-local",
            "fc00::1          | unique-local",
            "fd12:3456:789a::1 | unique-local",
            "ff02::1          | multicast",
            "::ffff:127.0.0.1 | loopback",
            "::ffff:10.0.0.1  | private",
            "::ffff:169.254.169.254 | link-local",
            "::127.0.0.1      | IPv6 form of 127.0.0.1",
            "::10.0.0.1       | IPv6 form of 10.0.0.1",
            "64:ff9b::a9fe:a9fe | IPv6 form of 169.254.169.254",
            "2002:7f00:1::    | IPv6 form of 127.0.0.1",
            "2002:c0a8:101::1 | IPv6 form of 192.168.1.1",
    })
    void nonPublicAddressesAreRefusedWithTheirReason(String address, String reason) throws Exception {
        assertThat(PublicAddresses.notPublic(InetAddress.getByName(address))).hasValueSatisfying(
                why -> assertThat(why).contains(reason));
        assertThat(new PublicAddresses(List.of()).refusal(address)).isPresent();
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.169.0.1", "198.20.0.1", "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888",
            "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(PublicAddresses.notPublic(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv6LiteralInBracketsIsCheckedLikeAnyOther() {
        assertThat(new PublicAddresses(List.of()).refusal("[::1]"))
                .hasValueSatisfying(why -> assertThat(why).contains("loopback"));
        assertThat(new PublicAddresses(List.of()).refusal("[::ffff:7f00:1]")).hasValueSatisfying(
                why -> assertThat(why).contains("loopback"));
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedUnlessTheOperatorAllowedIt() {
        assertThat(new PublicAddresses(List.of(), DNS).refusal("rebind.example"))
                .hasValue("rebind.example resolves to 127.0.0.1, a loopback address");
        assertThat(new PublicAddresses(List.of("Rebind.Example."), DNS).refusal("rebind.example")).isEmpty();
        assertThat(new PublicAddresses(List.of("127.0.0.1"), DNS).refusal("rebind.example"))
                .as("allowing an address does not allow a name that resolves to it").isPresent();
        // The machine's own resolver: localhost is loopback however it resolves.
        assertThat(new PublicAddresses(List.of()).refusal("localhost")).hasValueSatisfying(
                why -> assertThat(why).contains("loopback"));
        assertThat(new PublicAddresses(List.of("localhost")).refusal("LOCALHOST")).isEmpty();
    }

    @Test
    void oneNonPublicAddressAmongPublicOnesRefusesTheHost() {
        PublicAddresses guard = new PublicAddresses(List.of(), DNS);
        assertThat(guard.refusal("mixed.example"))
                .hasValue("mixed.example resolves to 10.1.2.3, a private (site-local) address");
        assertThat(guard.refusal("metadata.example"))
                .hasValueSatisfying(why -> assertThat(why).contains("169.254.169.254", "link-local"));
        assertThat(guard.refusal("mapped.example"))
                .hasValueSatisfying(why -> assertThat(why).contains("192.168.0.10", "private"));
    }

    @Test
    void publicNamesPassAndUnknownOnesAreRefused() {
        PublicAddresses guard = new PublicAddresses(List.of(), DNS);
        assertThat(guard.refusal("photos.example")).isEmpty();
        assertThat(guard.refusal("v6.example")).isEmpty();
        assertThat(guard.refusal("nowhere.example")).hasValue("nowhere.example is not known to DNS");
        assertThat(guard.refusal("")).hasValue("no host");
        assertThat(guard.refusal(null)).hasValue("no host");
    }
}
