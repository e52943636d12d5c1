package dev.popcorn.app.identity;

import dev.popcorn.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed passes: who someone is, their role and until when, sealed with HMAC-SHA256 under the
 * server's secret. A pass is the token in a personal sign-in link, the session cookie and the
 * bearer token of the API; it needs no server-side state, so any instance can check it.
 * Checking is constant-time and refuses a tampered, malformed or expired pass.
 */
public final class Passes {

    /** What the bearer may do. */
    public enum Role { USER, LEAD }

    /** The content of a pass. */
    public record Pass(String userId, String name, Role role, Instant expiresAt) {
        public Pass {
            if (userId == null || userId.isBlank() || userId.contains("\n") || name == null || name.contains("\n")) {
                throw RuleViolation.invalid("pass.identity.invalid");
            }
        }

        public boolean isLead() {
            return role == Role.LEAD;
        }
    }

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public Passes(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the signing secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** A pass for {@code userId} valid for {@code validity} from now. */
    public String issue(String userId, String name, Role role, Duration validity) {
        return seal(new Pass(userId, name, role, clock.instant().plus(validity)));
    }

    public String seal(Pass pass) {
        String payload = String.join("\n", pass.userId(), pass.name(), pass.role().name(),
                Long.toString(pass.expiresAt().getEpochSecond()));
        String body = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** Opens a pass; throws an UNAUTHENTICATED violation ({@code pass.invalid} or {@code pass.expired}). */
    public Pass open(String token) {
        Pass pass = read(token);
        if (!clock.instant().isBefore(pass.expiresAt())) {
            throw RuleViolation.unauthenticated("pass.expired");
        }
        return pass;
    }

    private Pass read(String token) {
        RuleViolation invalid = RuleViolation.unauthenticated("pass.invalid");
        if (token == null || token.length() > 2048) {
            throw invalid;
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= VERSION.length() || !token.startsWith(VERSION + ".")) {
            throw invalid;
        }
        String body = token.substring(0, lastDot);
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(token.substring(lastDot + 1));
            payload = DECODER.decode(body.substring(VERSION.length() + 1));
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        if (!MessageDigest.isEqual(mac(body), given)) {
            throw invalid;
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4) {
            throw invalid;
        }
        try {
            return new Pass(parts[0], parts[1], Role.valueOf(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
