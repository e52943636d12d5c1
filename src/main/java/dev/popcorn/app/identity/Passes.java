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
 * Signed passes: what a pass is for (a sign-in link, a session, an API token), who it names,
 * their role, when it was issued and until when it holds, sealed with HMAC-SHA256 under the
 * server's secret. Checking is constant-time and refuses a tampered, malformed, expired or
 * outdated ({@code v1}) pass, and a pass of another kind than the one asked for; whether the
 * user revoked their passes since, or is still a lead, is {@link SignIn}'s question.
 */
public final class Passes {

    /** What the bearer may do. {@code CI} is the build server: it opens releases, it never decides. */
    public enum Role {
        USER, LEAD, CI
    }

    /** Where a pass is accepted: a link only at {@code /signin/{token}}, a session only as the cookie, an API pass only as bearer. */
    public enum Kind {
        LINK, SESSION, API
    }

    /** The content of a pass. */
    public record Pass(Kind kind, String userId, String name, Role role, Instant issuedAt, Instant expiresAt) {
        public Pass {
            if (userId == null || userId.isBlank() || userId.contains("\n") || name == null || name.contains("\n")) {
                throw RuleViolation.invalid("pass.identity.invalid");
            }
        }

        public boolean isLead() {
            return role == Role.LEAD;
        }

        public boolean isCi() {
            return role == Role.CI;
        }

        /** The same pass with another role: a lead who is no longer one keeps their pass as a user. */
        public Pass as(Role other) {
            return new Pass(kind, userId, name, other, issuedAt, expiresAt);
        }
    }

    private static final String VERSION = "v2";
    private static final String OUTDATED = "v1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** One keyed HMAC per thread: every request checks a pass, and looking the algorithm up and keying it each time costs. */
    private final ThreadLocal<Mac> macs;
    private final Clock clock;

    public Passes(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the signing secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
        this.clock = clock;
    }

    /** A pass of {@code kind} for {@code userId}, issued now and valid for {@code validity}. */
    public String issue(Kind kind, String userId, String name, Role role, Duration validity) {
        Instant now = clock.instant();
        return seal(new Pass(kind, userId, name, role, now, now.plus(validity)));
    }

    public String seal(Pass pass) {
        String payload = String.join("\n", pass.kind().name(), pass.userId(), pass.name(), pass.role().name(),
                Long.toString(pass.issuedAt().toEpochMilli()), Long.toString(pass.expiresAt().getEpochSecond()));
        String body = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /**
     * Opens a pass that must be of {@code kind}; throws an UNAUTHENTICATED violation: {@code pass.invalid},
     * {@code pass.outdated} (a {@code v1} pass), {@code pass.expired}, or {@code pass.wrongKind.<kind>}.
     */
    public Pass open(String token, Kind kind) {
        Pass pass = read(token);
        if (pass.kind() != kind) {
            throw switch (kind) {
                case LINK -> RuleViolation.unauthenticated("pass.wrongKind.link");
                case SESSION -> RuleViolation.unauthenticated("pass.wrongKind.session");
                case API -> RuleViolation.unauthenticated("pass.wrongKind.api");
            };
        }
        if (!clock.instant().isBefore(pass.expiresAt())) {
            throw RuleViolation.unauthenticated("pass.expired");
        }
        return pass;
    }

    private Pass read(String token) {
        if (token == null || token.length() > 2048) {
            throw invalid();
        }
        if (token.startsWith(OUTDATED)) {
            // Passes before kinds and issue times existed (ADR 0011): refused, whoever signed them.
            throw RuleViolation.unauthenticated("pass.outdated");
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= VERSION.length() || !token.startsWith(VERSION + ".")) {
            throw invalid();
        }
        String body = token.substring(0, lastDot);
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(token.substring(lastDot + 1));
            payload = DECODER.decode(body.substring(VERSION.length() + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(body), given)) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 6) {
            throw invalid();
        }
        try {
            return new Pass(Kind.valueOf(parts[0]), parts[1], parts[2], Role.valueOf(parts[3]),
                    Instant.ofEpochMilli(Long.parseLong(parts[4])), Instant.ofEpochSecond(Long.parseLong(parts[5])));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            // Signed but unreadable (a name we do not know, a time out of range): not a pass. Only a key holder can
            // sign, but a leaked or rotated key must still never make a check fail with anything but 401.
            throw invalid();
        } catch (RuleViolation e) {
            // A signed pass that names nobody (an empty user id) identifies no one: 401, as every other bad pass.
            throw invalid();
        }
    }

    /** Made only when a pass is refused: a refusal's stack trace costs more than reading a good pass. */
    private static RuleViolation invalid() {
        return RuleViolation.unauthenticated("pass.invalid");
    }

    /** A signature of {@code body} under the secret, for other signed values than passes (the forum sign-in's nonce). */
    public String sign(String body) {
        return ENCODER.encodeToString(mac(body));
    }

    /** Whether {@code signature} is {@link #sign}'s of {@code body}; constant-time. */
    public boolean verify(String body, String signature) {
        byte[] given;
        try {
            given = DECODER.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(String body) {
        // doFinal leaves the Mac keyed and reset for the next body.
        return macs.get().doFinal(body.getBytes(StandardCharsets.UTF_8));
    }
}
