package dev.popcorn.discourse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.popcorn.config.DiscourseConfig;
import dev.popcorn.http.Pacer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discourse's REST API as Popcorn uses it: topics and posts, uploads, users, groups, badges and
 * private messages. Requests are paced under the configured requests per minute (the admin key's
 * shared limit); failures are {@link DiscourseException}s.
 */
public final class DiscourseClient {

    /** A post the forum created or edited. */
    public record Post(long id, long topicId, String topicSlug, int postNumber) {
    }

    /** An uploaded image: its {@code upload://} short URL and size, for {@code ![name|WxH](short_url)}. */
    public record Upload(long id, String shortUrl, int width, int height) {
    }

    /** A forum user as Popcorn needs them. {@code groups} is empty where the answer did not list them. */
    public record User(long id, String username, String name, int trustLevel, boolean admin, List<String> groups) {
    }

    private static final Pattern TOPIC_PATH = Pattern.compile("/t/(?:[^/]+/)?(\\d+)(?:\\.json)?(?:[/?].*)?$");

    private final DiscourseHttp http;

    public DiscourseClient(DiscourseConfig config, Clock clock) {
        this(config, clock, duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    DiscourseClient(DiscourseConfig config, Clock clock, Pacer.Sleeper sleeper) {
        this.http = new DiscourseHttp(config, DiscourseHttp.connector(config, clock, sleeper), clock);
    }

    /** The forum's address for a path ({@code /t/slug/12}). */
    public String url(String path) {
        return http.site().toString().replaceAll("/$", "") + path;
    }

    /** Creates a topic in a category; {@code externalId} lets it be found again ({@link #topicByExternalId}). */
    public Post createTopic(String title, String raw, long categoryId, String externalId) {
        JsonObject body = new JsonObject();
        body.addProperty("title", title);
        body.addProperty("raw", raw);
        body.addProperty("category", categoryId);
        body.addProperty("external_id", externalId);
        return post(http.post("/posts.json", body).getAsJsonObject());
    }

    /** Replies in a topic. */
    public Post reply(long topicId, String raw) {
        JsonObject body = new JsonObject();
        body.addProperty("topic_id", topicId);
        body.addProperty("raw", raw);
        return post(http.post("/posts.json", body).getAsJsonObject());
    }

    /** Replaces a post's text. */
    public Post editPost(long postId, String raw, String reason) {
        JsonObject post = new JsonObject();
        post.addProperty("raw", raw);
        post.addProperty("edit_reason", reason);
        JsonObject body = new JsonObject();
        body.add("post", post);
        return post(http.put("/posts/" + postId + ".json", body).getAsJsonObject().getAsJsonObject("post"));
    }

    /** Sends a private message to these users; {@code externalId} lets it be found again. */
    public Post privateMessage(List<String> usernames, String title, String raw, String externalId) {
        JsonObject body = new JsonObject();
        body.addProperty("title", title);
        body.addProperty("raw", raw);
        body.addProperty("archetype", "private_message");
        body.addProperty("target_recipients", String.join(",", usernames));
        body.addProperty("external_id", externalId);
        return post(http.post("/posts.json", body).getAsJsonObject());
    }

    /** The id of the topic created with this external id, if there is one. */
    public Optional<Long> topicByExternalId(String externalId) {
        DiscourseHttp.Answer answer = http.getAllowingRedirect("/t/external_id/" + encode(externalId) + ".json");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.location().isPresent()) {
            Matcher m = TOPIC_PATH.matcher(java.net.URI.create(answer.location().get()).getPath());
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1)));
            }
            throw new DiscourseException(answer.status(), "GET /t/external_id: the forum redirected to "
                    + answer.location().get() + ", which is not a topic", List.of(), null);
        }
        // Some proxies follow the redirect themselves and hand back the topic.
        return Optional.of(answer.body().getAsJsonObject().get("id").getAsLong());
    }

    /** The first post of a topic (the one Popcorn wrote and edits), and the topic's slug. */
    public Post firstPost(long topicId) {
        JsonObject topic = http.get("/t/" + topicId + ".json").getAsJsonObject();
        JsonObject first = topic.getAsJsonObject("post_stream").getAsJsonArray("posts").get(0).getAsJsonObject();
        return new Post(first.get("id").getAsLong(), topicId, topic.get("slug").getAsString(),
                first.get("post_number").getAsInt());
    }

    /** The raw text of a post, as its author wrote it (HTML comments and all). */
    public String postRaw(long postId) {
        return http.get("/posts/" + postId + ".json").getAsJsonObject().get("raw").getAsString();
    }

    /** Uploads an image for posts. */
    public Upload upload(String fileName, byte[] content, String contentType) {
        JsonObject upload = http.upload("/uploads.json", fileName, content, contentType).getAsJsonObject();
        return new Upload(upload.get("id").getAsLong(), upload.get("short_url").getAsString(),
                upload.get("width").getAsInt(), upload.get("height").getAsInt());
    }

    /** A user by user name, if there is one. */
    public Optional<User> user(String username) {
        try {
            JsonObject user = http.get("/u/" + encode(username) + ".json").getAsJsonObject().getAsJsonObject("user");
            return Optional.of(user(user));
        } catch (DiscourseException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A user by the forum's id (admin view, which lists their groups). */
    public User adminUser(long id) {
        return user(http.get("/admin/users/" + id + ".json").getAsJsonObject());
    }

    /** The user names of a group's members, as far as the forum's first page of them goes. */
    public List<String> groupMembers(String group) {
        JsonObject answer = http.get("/groups/" + encode(group) + "/members.json").getAsJsonObject();
        List<String> names = new ArrayList<>();
        answer.getAsJsonArray("members").forEach(m -> names.add(m.getAsJsonObject().get("username").getAsString()));
        return names;
    }

    /** A group's id by its name. */
    public long groupId(String group) {
        return http.get("/groups/" + encode(group) + ".json").getAsJsonObject().getAsJsonObject("group").get("id")
                .getAsLong();
    }

    /** A group's name by its id. */
    public String groupName(long groupId) {
        return http.get("/groups/by-id/" + groupId + ".json").getAsJsonObject().getAsJsonObject("group").get("name")
                .getAsString();
    }

    /** Adds users to a group; users who are members already are fine. */
    public void addToGroup(long groupId, List<String> usernames) {
        JsonObject body = new JsonObject();
        body.addProperty("usernames", String.join(",", usernames));
        try {
            http.put("/groups/" + groupId + "/members.json", body);
        } catch (DiscourseException e) {
            // Discourse refuses a request whose users are all members already; that is what we wanted.
            if (e.status() != 422 || e.errors().stream().noneMatch(m -> m.contains("already"))) {
                throw e;
            }
        }
    }

    /**
     * Takes users out of a group; users who are not members are skipped by the forum (answered in
     * {@code skipped_usernames}, GroupsController#remove_member), which is what we wanted.
     */
    public void removeFromGroup(long groupId, List<String> usernames) {
        JsonObject body = new JsonObject();
        body.addProperty("usernames", String.join(",", usernames));
        http.delete("/groups/" + groupId + "/members.json", body);
    }

    /** The ids of the badges a user holds ({@code GET /user-badges/{username}.json}, its {@code user_badges}). */
    public List<Long> badgeIds(String username) {
        JsonObject answer = http.get("/user-badges/" + encode(username) + ".json").getAsJsonObject();
        List<Long> ids = new ArrayList<>();
        JsonElement list = answer.get("user_badges");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(b -> ids.add(b.getAsJsonObject().get("badge_id").getAsLong()));
        }
        return ids;
    }

    /** Grants a badge; the forum keeps one grant of a badge that cannot be granted twice. */
    public void grantBadge(String username, long badgeId, String reason) {
        JsonObject body = new JsonObject();
        body.addProperty("username", username);
        body.addProperty("badge_id", badgeId);
        if (!reason.isEmpty()) {
            body.addProperty("reason", reason);
        }
        http.post("/user_badges.json", body);
    }

    /** A category's name and whether the API user may create topics in it. */
    public JsonObject category(long id) {
        return http.get("/c/" + id + "/show.json").getAsJsonObject().getAsJsonObject("category");
    }

    private static Post post(JsonObject post) {
        return new Post(post.get("id").getAsLong(), post.get("topic_id").getAsLong(),
                post.get("topic_slug").getAsString(),
                post.get("post_number").getAsInt());
    }

    private static User user(JsonObject user) {
        List<String> groups = new ArrayList<>();
        JsonElement list = user.get("groups");
        if (list != null && list.isJsonArray()) {
            for (JsonElement group : (JsonArray) list) {
                groups.add(group.getAsJsonObject().get("name").getAsString());
            }
        }
        JsonElement name = user.get("name");
        return new User(user.get("id").getAsLong(), user.get("username").getAsString(),
                name == null || name.isJsonNull() ? "" : name.getAsString(), user.get("trust_level").getAsInt(),
                user.has("admin") && user.get("admin").getAsBoolean(), groups);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
