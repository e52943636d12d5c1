package dev.popcorn.web.common;

import dev.popcorn.domain.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature webhooks carry (Jira's {@code X-Hub-Signature}, Discourse's
 * {@code X-Discourse-Event-Signature}): {@code sha256=<hex HMAC-SHA256(secret, raw body)>},
 * compared in constant time before the body is read.
 */
public final class WebhookSignature {

    private final String header;
    private final byte[] secret;

    public WebhookSignature(String header, String secret) {
        this.header = header;
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean configured() {
        return secret.length > 0;
    }

    /** Refuses a body whose signature is missing or does not match. */
    public void verify(byte[] body, String signature) {
        if (signature == null || !signature.startsWith("sha256=")) {
            throw RuleViolation.unauthenticated("webhook.signature.missing", header);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring("sha256=".length()).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.unauthenticated("webhook.signature.invalid");
        }
        if (!MessageDigest.isEqual(hmac(body), given)) {
            throw RuleViolation.unauthenticated("webhook.signature.invalid");
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
