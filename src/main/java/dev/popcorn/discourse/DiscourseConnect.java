package dev.popcorn.discourse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.app.identity.IdentityProvider;
import dev.popcorn.config.DiscourseConfig;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.forum.ForumIdentity;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Discourse as the identity provider (DiscourseConnect): the request is {@code nonce} and
 * {@code return_sso_url}, Base64-encoded as {@code sso} and signed as {@code sig} (lower-case hex
 * HMAC-SHA256 with the shared secret); the answer comes back signed the same way with the user's
 * {@code external_id}, user name, name, avatar and groups. The signature is checked in constant
 * time before anything in the answer is read. Also reads the forum's user webhooks.
 */
public final class DiscourseConnect implements IdentityProvider {

    private final DiscourseConfig config;
    private final Optional<DiscourseClient> client;

    /** {@code client}, when Popcorn has an API key, looks up group names the webhooks give only by id. */
    public DiscourseConnect(DiscourseConfig config, Optional<DiscourseClient> client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public boolean enabled() {
        return config.signIn();
    }

    @Override
    public String signInUrl(String nonce, String returnUrl) {
        String payload = "nonce=" + encode(nonce) + "&return_sso_url=" + encode(returnUrl);
        String sso = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return config.url().toString().replaceAll("/$", "") + "/session/sso_provider?sso=" + encode(sso) + "&sig="
                + HexFormat.of().formatHex(sign(sso));
    }

    @Override
    public Answer verify(String sso, String sig) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(sig.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.unauthenticated("signin.forum.signature");
        }
        if (!MessageDigest.isEqual(sign(sso), given)) {
            throw RuleViolation.unauthenticated("signin.forum.signature");
        }
        Map<String, String> fields;
        try {
            fields = query(new String(Base64.getMimeDecoder().decode(sso), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("signin.forum.malformed");
        }
        for (String required : List.of("nonce", "return_sso_url", "external_id", "username")) {
            if (fields.getOrDefault(required, "").isBlank()) {
                throw RuleViolation.invalid("signin.forum.malformed");
            }
        }
        List<String> groups = Arrays.stream(fields.getOrDefault("groups", "").split(","))
                .map(String::strip).filter(g -> !g.isEmpty()).toList();
        ForumIdentity identity = new ForumIdentity(fields.get("external_id"), fields.get("username"),
                fields.get("name"),
                fields.get("avatar_url"), groups, "true".equals(fields.get("admin")),
                "true".equals(fields.get("moderator")));
        return new Answer(fields.get("nonce"), fields.get("return_sso_url"), identity);
    }

    /**
     * The user's groups as the forum's API tells them ({@code GET /u/{username}.json}); an empty list for a
     * user the forum no longer has; empty without an API key or when the forum does not answer.
     */
    @Override
    public Optional<List<String>> groupsOf(String username) {
        if (client.isEmpty() || username == null || username.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.get().user(username).map(DiscourseClient.User::groups).orElse(List.of()));
        } catch (DiscourseException | dev.popcorn.http.ConnectorException e) {
            return Optional.empty();
        }
    }

    /**
     * A member's forum user name, looked up through the API key ({@code GET /u/{username}.json},
     * in the vendor document); a refusal or silence of the forum is "could not be asked", with its
     * words (which never carry the key), so the lead sees why.
     */
    @Override
    public Lookup lookUp(String username) {
        if (client.isEmpty()) {
            return Lookup.unavailable("forum.off");
        }
        if (username == null || username.isBlank() || username.length() > 60) {
            return Lookup.missing();
        }
        try {
            return client.get().user(username.strip()).map(u -> Lookup.found(u.id(), u.username()))
                    .orElse(Lookup.missing());
        } catch (DiscourseException | dev.popcorn.http.ConnectorException e) {
            return Lookup.unavailable(e.getMessage());
        }
    }

    @Override
    public Optional<Change> readWebhook(String event, String body) {
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(body);
            if (!parsed.isJsonObject()) {
                throw RuleViolation.invalid("webhook.forum.malformed");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw RuleViolation.invalid("webhook.forum.malformed");
        }
        try {
            if (json.has("user") && json.get("user").isJsonObject()) {
                JsonObject user = json.getAsJsonObject("user");
                List<String> groups = null;
                if (user.has("groups") && user.get("groups").isJsonArray()) {
                    groups = new ArrayList<>();
                    for (JsonElement group : user.getAsJsonArray("groups")) {
                        groups.add(group.isJsonObject() ? group.getAsJsonObject().get("name").getAsString()
                                : group.getAsString());
                    }
                }
                Integer trust = user.has("trust_level") && !user.get("trust_level").isJsonNull()
                        ? user.get("trust_level").getAsInt() : null;
                return Optional.of(
                        new Change(user.get("id").getAsString(), text(user, "username"), trust, groups, null, null));
            }
            if (json.has("user_promoted") && json.get("user_promoted").isJsonObject()) {
                JsonObject promoted = json.getAsJsonObject("user_promoted");
                return Optional.of(new Change(promoted.get("user_id").getAsString(), null,
                        promoted.get("new_trust_level").getAsInt(), null, null, null));
            }
            if (json.has("group_user") && json.get("group_user").isJsonObject()) {
                JsonObject member = json.getAsJsonObject("group_user");
                String group = groupName(member);
                String userId = member.get("user_id").getAsString();
                return Optional.of("user_removed_from_group".equals(event)
                        ? new Change(userId, null, null, null, null, group)
                        : new Change(userId, null, null, null, group, null));
            }
        } catch (RuntimeException e) {
            // A field missing or of another type: not the webhook Popcorn understands. (A refusal, or
            // the forum failing to answer a group lookup, goes out as it is.)
            if (e instanceof RuleViolation || e instanceof DiscourseException) {
                throw e;
            }
            throw RuleViolation.invalid("webhook.forum.malformed");
        }
        return Optional.empty();
    }

    private String groupName(JsonObject member) {
        if (member.has("group_name")) {
            return member.get("group_name").getAsString();
        }
        long groupId = member.get("group_id").getAsLong();
        return client.orElseThrow(() -> RuleViolation.invalid("webhook.forum.groupUnknown", groupId))
                .groupName(groupId);
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }

    private byte[] sign(String sso) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.connectSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(sso.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String payload) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : payload.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
