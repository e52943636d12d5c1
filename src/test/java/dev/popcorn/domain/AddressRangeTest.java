package dev.popcorn.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    private static java.net.InetAddress at(String text) {
        return AddressRange.literal(text).orElseThrow();
    }

    @Test
    void aRangeHoldsTheAddressesOfItsPrefixInItsOwnFamily() {
        AddressRange ten = AddressRange.parse("10.0.0.0/8");
        assertThat(ten.contains(at("10.200.3.4"))).isTrue();
        assertThat(ten.contains(at("11.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.168.1.0/25").contains(at("192.168.1.127"))).isTrue();
        assertThat(AddressRange.parse("192.168.1.0/25").contains(at("192.168.1.128"))).isFalse();
        assertThat(AddressRange.parse("127.0.0.1").contains(at("127.0.0.1"))).isTrue();
        assertThat(AddressRange.parse("127.0.0.1").contains(at("127.0.0.2"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(at("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("::1").contains(at("127.0.0.1"))).as("another family").isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(at("203.0.113.9"))).isTrue();
    }

    @Test
    void onlyNumbersAreAddressesAndNoNameIsLookedUp() {
        for (String bad : new String[] {"proxy.internal", "beef.cafe", "999.1.1.1", "10.0.0.0/33", "::1/129",
                "10.0.0.0/x", "",
                "1.2.3", "10.0.0.0/8/8"}) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(AddressRange.literal("unknown")).isEmpty();
        assertThat(AddressRange.literal("_hidden")).isEmpty();
        assertThat(AddressRange.literal("2001:db8::17")).isPresent();
    }
}
