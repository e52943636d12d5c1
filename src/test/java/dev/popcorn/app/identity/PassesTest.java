package dev.popcorn.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.app.identity.Passes.Kind;
import dev.popcorn.app.identity.Passes.Pass;
import dev.popcorn.app.identity.Passes.Role;
import dev.popcorn.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PassesTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final Passes passes = new Passes(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPassOpensToTheIdentityItWasIssuedFor() {
        Pass pass = passes.open(passes.issue(Kind.API, "fan-7", "小明 Xiaoming", Role.USER, Duration.ofDays(1)),
                Kind.API);

        assertThat(pass.userId()).isEqualTo("fan-7");
        assertThat(pass.name()).isEqualTo("小明 Xiaoming");
        assertThat(pass.role()).isEqualTo(Role.USER);
        assertThat(pass.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(pass.issuedAt()).isEqualTo(NOW);
        assertThat(pass.kind()).isEqualTo(Kind.API);
    }

    @Test
    void aTamperedPassIsRefused() {
        String token = passes.issue(Kind.LINK, "fan-7", "Fan", Role.USER, Duration.ofDays(1));
        String leadPayload = passes.issue(Kind.LINK, "fan-7", "Fan", Role.LEAD, Duration.ofDays(1)).split("\\.")[1];
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + leadPayload + "." + parts[2];
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        for (String bad : new String[] {forged, flipped, "v2.abc", "nonsense", "", "v3." + parts[1] + "." + parts[2]}) {
            assertThatThrownBy(() -> passes.open(bad, Kind.LINK))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("pass.invalid"));
        }
    }

    @Test
    void aPassFromAnotherSecretIsRefused() {
        Passes other = new Passes("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String token = other.issue(Kind.SESSION, "fan-7", "Fan", Role.LEAD, Duration.ofDays(1));
        assertThatThrownBy(() -> passes.open(token, Kind.SESSION)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anExpiredPassIsRefused() {
        String token = passes.issue(Kind.SESSION, "fan-7", "Fan", Role.USER, Duration.ofMinutes(5));
        Passes later = new Passes(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.open(token, Kind.SESSION))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("pass.expired"));
    }

    @Test
    void aPassIsAcceptedOnlyAsWhatItWasIssuedFor() {
        String session = passes.issue(Kind.SESSION, "fan-7", "Fan", Role.USER, Duration.ofDays(1));
        String link = passes.issue(Kind.LINK, "fan-7", "Fan", Role.USER, Duration.ofDays(1));
        assertThatThrownBy(() -> passes.open(session, Kind.LINK))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("pass.wrongKind.link"));
        assertThatThrownBy(() -> passes.open(link, Kind.API))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("pass.wrongKind.api"));
        assertThatThrownBy(() -> passes.open(link, Kind.SESSION))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("pass.wrongKind.session"));
    }

    @Test
    void aPassOfTheFormerFormatIsRefusedAsOutdatedEvenWhenItsSignatureHolds() throws Exception {
        String body = "v1." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("fan-7\nFan\nLEAD\n1900000000".getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        String v1 = body + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> passes.open(v1, Kind.LINK))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("pass.outdated"));
    }
}
