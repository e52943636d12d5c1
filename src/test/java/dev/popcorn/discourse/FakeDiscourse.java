package dev.popcorn.discourse;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Discourse faked at the HTTP level with WireMock: a forum that keeps its topics, posts, uploads,
 * users, groups and badges, answers the way Discourse does (topics found by {@code external_id}
 * through a redirect, the same file uploaded twice is the same upload, 429 with
 * {@code Retry-After} or {@code extras.wait_seconds} when told to, a badge refused with 400 unless its
 * reason links to a topic or post of this forum), with answers built from Discourse's OpenAPI
 * document and checked against it ({@link #contractViolations}); the badge call, which the document
 * lacks, against a fixture taken from Discourse's source ({@code vendor/discourse-user-badges.contract.json}).
 */
public final class FakeDiscourse implements AutoCloseable {

    public static final String API_KEY = "test-discourse-api-key-0123456789";
    public static final long CATEGORY = 7;

    /** One topic of the forum: its posts' texts in order, and for a private message its recipients. */
    public record Topic(long id, String title, String externalId, List<String> posts, String recipients) {
    }

    public final WireMockServer server;
    private final Map<Long, Topic> topics = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, JsonObject> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, JsonObject> users = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<String>> groups = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> badges = Collections.synchronizedList(new ArrayList<>());
    private final List<String> badgeReasons = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger limited = new AtomicInteger();
    private volatile int waitSeconds;
    private volatile boolean waitInBody;

    public FakeDiscourse() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Forum()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()));
        user(1, "system", 4, true);
        groups.put("popcorn-winners", Collections.synchronizedList(new ArrayList<>()));
        groups.put("beta-testers", Collections.synchronizedList(new ArrayList<>()));
    }

    public String url() {
        return server.baseUrl();
    }

    /** A user of the forum. */
    public void user(long id, String username, int trustLevel, boolean admin) {
        JsonObject user = new JsonObject();
        user.addProperty("id", id);
        user.addProperty("username", username);
        user.addProperty("name", username);
        user.addProperty("trust_level", trustLevel);
        user.addProperty("admin", admin);
        users.put(username, user);
    }

    /** A group of the forum (made if new), with these members. */
    public void group(String name, String... members) {
        groups.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).addAll(List.of(members));
    }

    /** A moderator takes {@code member} out of the group {@code name}. */
    public void removeFromGroup(String name, String member) {
        groups.getOrDefault(name, new ArrayList<>()).remove(member);
    }

    /** The next {@code requests} requests are answered 429, asking to wait {@code seconds} (in the header or the body). */
    public void rateLimit(int requests, int seconds, boolean inBody) {
        waitSeconds = seconds;
        waitInBody = inBody;
        limited.set(requests);
    }

    public List<Topic> topics() {
        synchronized (topics) {
            return List.copyOf(topics.values());
        }
    }

    public int uploads() {
        return uploads.size();
    }

    public List<String> groupMembers(String group) {
        return List.copyOf(groups.get(group));
    }

    public List<String> badgesGranted() {
        return List.copyOf(badges);
    }

    /** The reasons the granted badges were given with, in order. */
    public List<String> badgeReasons() {
        return List.copyOf(badgeReasons);
    }

    /** {@code POST /user_badges.json} as Discourse's source documents it (vendor/discourse-user-badges.contract.json). */
    static final Path USER_BADGES = Path.of("src", "test", "resources", "vendor",
            "discourse-user-badges.contract.json");
    private static JsonObject userBadgesContract;

    static synchronized JsonObject userBadgesContract() {
        if (userBadgesContract == null) {
            try {
                userBadgesContract = JsonParser.parseString(Files.readString(USER_BADGES, StandardCharsets.UTF_8))
                        .getAsJsonObject();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return userBadgesContract;
    }

    /**
     * Discourse's rule for a badge's reason (UserBadgesController#is_badge_reason_valid? over
     * Discourse.route_for): empty, or a link with no host or the forum's own host whose path is a
     * topic ({@code /t/slug/id}, {@code /t/id}, maybe with a post number) or a post ({@code /p/id}).
     */
    boolean reasonAccepted(String reason) {
        if (reason == null || reason.isEmpty()) {
            return true;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(reason);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() != null && !uri.getHost().equals(java.net.URI.create(url()).getHost())) {
            return false;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.matches("/t/(?:[^/]+/)?\\d+(?:/\\d+)?/?") || path.matches("/p/\\d+/?");
    }

    /** The requests Popcorn sent, oldest first, as "METHOD path". */
    public List<String> requests() {
        List<String> requests = new ArrayList<>(server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl().replaceAll("\\?.*", ""))
                .toList());
        Collections.reverse(requests);
        return requests;
    }

    public List<LoggedRequest> loggedRequests() {
        List<LoggedRequest> requests = new ArrayList<>(
                server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
        Collections.reverse(requests);
        return requests;
    }

    /**
     * Every request Popcorn sent and every answer the fake gave, checked against Discourse's
     * OpenAPI document; one line per problem.
     */
    public List<String> contractViolations() {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            String path = r.getUrl().replaceAll("\\?.*", "");
            int status = event.getResponse().getStatus();
            if (status == 429) {
                // 429 can answer any request.
                continue;
            }
            if (path.equals("/user_badges.json")) {
                // Not in the OpenAPI document: checked against the contract fixture taken from Discourse's source.
                problems.addAll(userBadgesProblems(r, status));
                continue;
            }
            SimpleRequest.Builder request = new SimpleRequest.Builder(r.getMethod().getName(), path);
            r.getQueryParams().forEach((name, values) -> request.withQueryParam(name, values.values()));
            r.getHeaders().all().forEach(h -> request.withHeader(h.key(), h.values()));
            String contentType = r.getHeader("Content-Type");
            if (contentType != null && contentType.startsWith("application/json")) {
                request.withBody(r.getBodyAsString());
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
            if (status < 300 && !event.getResponse().getBodyAsString().isEmpty()) {
                response.withContentType("application/json").withBody(event.getResponse().getBodyAsString());
            }
            ValidationReport report = DiscourseSpec.validator().validate(request.build(), response.build());
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> status < 300 || !m.getKey().startsWith("validation.response.status.unknown"))
                    .forEach(m -> problems
                            .add(r.getMethod() + " " + path + ": " + m.getMessage() + " [" + m.getKey() + "]"));
            if (!API_KEY.equals(r.getHeader("Api-Key")) || r.getHeader("Api-Username") == null) {
                problems.add(r.getMethod() + " " + path + ": without the Api-Key and Api-Username headers");
            }
        }
        return problems;
    }

    private List<String> userBadgesProblems(LoggedRequest r, int status) {
        List<String> problems = new ArrayList<>();
        JsonObject contract = userBadgesContract();
        if (!r.getMethod().getName().equals("POST")) {
            problems.add(r.getMethod() + " /user_badges.json: only POST is in the contract");
            return problems;
        }
        if (!String.valueOf(r.getHeader("Content-Type")).startsWith("application/json")) {
            problems.add("POST /user_badges.json: not JSON");
            return problems;
        }
        JsonObject body = JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
        JsonObject request = contract.getAsJsonObject("request");
        java.util.Set<String> known = new java.util.HashSet<>();
        request.getAsJsonArray("required").forEach(name -> {
            known.add(name.getAsString());
            if (!body.has(name.getAsString())) {
                problems.add("POST /user_badges.json: without " + name.getAsString());
            }
        });
        request.getAsJsonArray("optional").forEach(name -> known.add(name.getAsString()));
        body.keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> problems.add("POST /user_badges.json: unknown parameter " + k));
        if (!contract.getAsJsonObject("responses").has(String.valueOf(status))) {
            problems.add("POST /user_badges.json: answered " + status + ", which the contract does not list");
        }
        if (!API_KEY.equals(r.getHeader("Api-Key")) || r.getHeader("Api-Username") == null) {
            problems.add("POST /user_badges.json: without the Api-Key and Api-Username headers");
        }
        return problems;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final Pattern EXTERNAL = Pattern.compile("/t/external_id/(.+)\\.json");
    private static final Pattern TOPIC = Pattern.compile("/t/(\\d+)\\.json");
    private static final Pattern POST = Pattern.compile("/posts/(\\d+)\\.json");
    private static final Pattern USER = Pattern.compile("/u/([^/]+)\\.json");
    private static final Pattern ADMIN_USER = Pattern.compile("/admin/users/(\\d+)\\.json");
    private static final Pattern GROUP = Pattern.compile("/groups/([^/]+)\\.json");
    private static final Pattern GROUP_BY_ID = Pattern.compile("/groups/by-id/(\\d+)\\.json");
    private static final Pattern GROUP_MEMBERS = Pattern.compile("/groups/(\\d+)/members\\.json");
    private static final Pattern USER_BADGE_LIST = Pattern.compile("/user-badges/([^/]+)\\.json");
    private static final Pattern GROUP_MEMBER_LIST = Pattern.compile("/groups/([^/]+)/members\\.json");

    /** The forum's behaviour, answering every request. */
    private final class Forum implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-discourse";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest r = event.getRequest();
            if (!API_KEY.equals(r.getHeader("Api-Key"))) {
                return error(403, "invalid_access",
                        "You are not permitted to view the requested resource. The API key is invalid.");
            }
            if (limited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                JsonObject extras = new JsonObject();
                extras.addProperty("wait_seconds", waitSeconds);
                JsonObject body = errors("rate_limit",
                        "You've performed this action too many times. Please wait a few seconds.");
                body.add("extras", extras);
                ResponseDefinitionBuilder answer = json(429, body);
                if (!waitInBody) {
                    answer = answer.withHeader("Retry-After", String.valueOf(waitSeconds));
                }
                return answer.build();
            }
            String method = r.getMethod().getName();
            String path = r.getUrl().replaceAll("\\?.*", "");
            Matcher m;
            if (method.equals("POST") && path.equals("/posts.json")) {
                return createPost(JsonParser.parseString(r.getBodyAsString()).getAsJsonObject());
            }
            if (method.equals("GET") && (m = EXTERNAL.matcher(path)).matches()) {
                String key = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
                synchronized (topics) {
                    for (Topic topic : topics.values()) {
                        if (key.equals(topic.externalId())) {
                            return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(301)
                                    .withHeader("Location", "/t/popcorn/" + topic.id() + ".json").build();
                        }
                    }
                }
                return error(404, "not_found", "The requested URL or resource could not be found.");
            }
            if (method.equals("GET") && (m = TOPIC.matcher(path)).matches()) {
                Topic topic = topics.get(Long.parseLong(m.group(1)));
                return topic == null ? error(404, "not_found", "The requested URL or resource could not be found.")
                        : topic(topic);
            }
            if (method.equals("GET") && (m = POST.matcher(path)).matches()) {
                return readPost(Long.parseLong(m.group(1)));
            }
            if (method.equals("PUT") && (m = POST.matcher(path)).matches()) {
                return editPost(Long.parseLong(m.group(1)),
                        JsonParser.parseString(r.getBodyAsString()).getAsJsonObject());
            }
            if (method.equals("POST") && path.equals("/uploads.json")) {
                return upload(r.getPart("file").getBody().asBytes());
            }
            if (method.equals("GET") && (m = ADMIN_USER.matcher(path)).matches()) {
                long id = Long.parseLong(m.group(1));
                for (JsonObject user : users.values()) {
                    if (user.get("id").getAsLong() == id) {
                        return json(200, DiscourseSpec.sample("GET", "/admin/users/{id}.json", 200, user)).build();
                    }
                }
                return error(404, "not_found", "The requested URL or resource could not be found.");
            }
            if (method.equals("GET") && (m = GROUP_BY_ID.matcher(path)).matches()) {
                int index = Integer.parseInt(m.group(1)) - 40;
                List<String> names = new ArrayList<>(groups.keySet());
                return index < 0 || index >= names.size() ? error(404, "not_found", "not found")
                        : json(200,
                                DiscourseSpec.sample("GET", "/groups/by-id/{id}.json", 200, group(names.get(index))))
                                .build();
            }
            if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
                // Discourse finds a user name case-insensitively (User.find_by_username compares username_lower).
                String wanted = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                JsonObject user = users.values().stream()
                        .filter(u -> u.get("username").getAsString().equalsIgnoreCase(wanted))
                        .findFirst().orElse(null);
                if (user == null) {
                    return error(404, "not_found", "The requested URL or resource could not be found.");
                }
                JsonObject values = new JsonObject();
                JsonObject withGroups = user.deepCopy();
                withGroups.add("groups", groupsOf(user.get("username").getAsString()));
                values.add("user", withGroups);
                return json(200, DiscourseSpec.sample("GET", "/u/{username}.json", 200, values)).build();
            }
            if (method.equals("GET") && (m = GROUP.matcher(path)).matches() && groups.containsKey(m.group(1))) {
                return json(200, DiscourseSpec.sample("GET", "/groups/{name}.json", 200, group(m.group(1)))).build();
            }
            if (method.equals("GET") && (m = GROUP_MEMBER_LIST.matcher(path)).matches()
                    && groups.containsKey(m.group(1))) {
                JsonObject membersSchema = DiscourseSpec.document().getAsJsonObject("paths")
                        .getAsJsonObject("/groups/{name}/members.json").getAsJsonObject("get")
                        .getAsJsonObject("responses")
                        .getAsJsonObject("200").getAsJsonObject("content").getAsJsonObject("application/json")
                        .getAsJsonObject("schema").getAsJsonObject("properties").getAsJsonObject("members")
                        .getAsJsonObject("items");
                JsonArray members = new JsonArray();
                for (String username : groups.get(m.group(1))) {
                    JsonObject member = new JsonObject();
                    member.addProperty("username", username);
                    members.add(DiscourseSpec.generate(membersSchema, member));
                }
                JsonObject values = new JsonObject();
                values.add("members", members);
                return json(200, DiscourseSpec.sample("GET", "/groups/{name}/members.json", 200, values)).build();
            }
            if (method.equals("PUT") && (m = GROUP_MEMBERS.matcher(path)).matches()) {
                String name = new ArrayList<>(groups.keySet()).get(Integer.parseInt(m.group(1)) - 40);
                List<String> members = groups.get(name);
                String[] usernames = JsonParser.parseString(r.getBodyAsString()).getAsJsonObject().get("usernames")
                        .getAsString().split(",");
                JsonArray added = new JsonArray();
                for (String username : usernames) {
                    if (!members.contains(username)) {
                        members.add(username);
                        added.add(username);
                    }
                }
                if (added.isEmpty()) {
                    return error(422, "invalid_parameters", usernames[0] + " is already a member of this group");
                }
                JsonObject values = new JsonObject();
                values.addProperty("success", "OK");
                values.add("usernames", added);
                return json(200, DiscourseSpec.sample("PUT", "/groups/{id}/members.json", 200, values)).build();
            }
            if (method.equals("DELETE") && (m = GROUP_MEMBERS.matcher(path)).matches()) {
                // As GroupsController#remove_member: members are removed, others skipped; both answered 200.
                String name = new ArrayList<>(groups.keySet()).get(Integer.parseInt(m.group(1)) - 40);
                List<String> members = groups.get(name);
                JsonArray removed = new JsonArray();
                JsonArray skipped = new JsonArray();
                for (String username : JsonParser.parseString(r.getBodyAsString()).getAsJsonObject().get("usernames")
                        .getAsString().split(",")) {
                    if (!users.containsKey(username)) {
                        return error(400, "invalid_parameters", "user_ids or usernames or user_emails must be present");
                    }
                    (members.remove(username) ? removed : skipped).add(username);
                }
                JsonObject values = new JsonObject();
                values.addProperty("success", "OK");
                values.add("usernames", removed);
                values.add("skipped_usernames", skipped);
                return json(200, DiscourseSpec.sample("DELETE", "/groups/{id}/members.json", 200, values)).build();
            }
            if (method.equals("GET") && (m = USER_BADGE_LIST.matcher(path)).matches()) {
                String username = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                if (!users.containsKey(username)) {
                    return error(404, "not_found", "The requested URL or resource could not be found.");
                }
                JsonObject itemSchema = DiscourseSpec.document().getAsJsonObject("paths")
                        .getAsJsonObject("/user-badges/{username}.json")
                        .getAsJsonObject("get").getAsJsonObject("responses").getAsJsonObject("200")
                        .getAsJsonObject("content")
                        .getAsJsonObject("application/json").getAsJsonObject("schema").getAsJsonObject("properties")
                        .getAsJsonObject("user_badges").getAsJsonObject("items");
                JsonArray held = new JsonArray();
                synchronized (badges) {
                    for (String badge : badges) {
                        if (badge.startsWith(username + ":")) {
                            JsonObject values = new JsonObject();
                            values.addProperty("id", ids.incrementAndGet());
                            values.addProperty("badge_id", Long.parseLong(badge.substring(username.length() + 1)));
                            held.add(DiscourseSpec.generate(itemSchema, values));
                        }
                    }
                }
                JsonObject values = new JsonObject();
                values.add("user_badges", held);
                return json(200, DiscourseSpec.sample("GET", "/user-badges/{username}.json", 200, values)).build();
            }
            if (method.equals("POST") && path.equals("/user_badges.json")) {
                return grantBadge(JsonParser.parseString(r.getBodyAsString()).getAsJsonObject());
            }
            if (method.equals("GET") && path.equals("/c/" + CATEGORY + "/show.json")) {
                JsonObject category = new JsonObject();
                category.addProperty("id", CATEGORY);
                category.addProperty("name", "Popcorn 爆米花");
                category.addProperty("slug", "popcorn");
                JsonObject values = new JsonObject();
                values.add("category", category);
                return json(200, DiscourseSpec.sample("GET", "/c/{id}/show.json", 200, values)).build();
            }
            return error(404, "not_found", "The requested URL or resource could not be found.");
        }

        /** As UserBadgesController#create: the user, then the reason's rule (400), then the grant. */
        private ResponseDefinition grantBadge(JsonObject body) {
            JsonObject responses = userBadgesContract().getAsJsonObject("responses");
            if (!body.has("username") || !users.containsKey(body.get("username").getAsString())
                    || !body.has("badge_id")) {
                return json(404, responses.getAsJsonObject("404")).build();
            }
            String reason = body.has("reason") ? body.get("reason").getAsString() : "";
            if (!reasonAccepted(reason)) {
                return json(400, responses.getAsJsonObject("400")).build();
            }
            badges.add(body.get("username").getAsString() + ":" + body.get("badge_id").getAsLong());
            badgeReasons.add(reason);
            JsonObject answer = responses.getAsJsonObject("200").deepCopy();
            answer.getAsJsonObject("user_badge").addProperty("id", ids.incrementAndGet());
            answer.getAsJsonObject("user_badge").addProperty("badge_id", body.get("badge_id").getAsLong());
            return json(200, answer).build();
        }

        private ResponseDefinition createPost(JsonObject body) {
            long postId = ids.incrementAndGet();
            Topic topic;
            synchronized (topics) {
                if (body.has("topic_id")) {
                    topic = topics.get(body.get("topic_id").getAsLong());
                    if (topic == null) {
                        return error(404, "not_found", "The requested URL or resource could not be found.");
                    }
                } else {
                    String externalId = body.has("external_id") ? body.get("external_id").getAsString() : null;
                    if (externalId != null
                            && topics.values().stream().anyMatch(t -> externalId.equals(t.externalId()))) {
                        return error(422, "invalid_parameters", "External id has already been taken");
                    }
                    // Discourse refuses a second topic of one title unless allow_duplicate_topic_titles is on (off by
                    // default; TopicTitleUniquenessValidator); private messages are exempt.
                    String title = body.get("title").getAsString();
                    if (!body.has("target_recipients") && topics.values().stream()
                            .anyMatch(t -> t.recipients() == null && title.equalsIgnoreCase(t.title()))) {
                        JsonObject refused = new JsonObject();
                        refused.addProperty("action", "create_post");
                        JsonArray why = new JsonArray();
                        why.add("Title has already been used");
                        refused.add("errors", why);
                        return json(422, refused).build();
                    }
                    topic = new Topic(ids.incrementAndGet(), body.get("title").getAsString(), externalId,
                            Collections.synchronizedList(new ArrayList<>()),
                            body.has("target_recipients") ? body.get("target_recipients").getAsString() : null);
                    topics.put(topic.id(), topic);
                }
                topic.posts().add(body.get("raw").getAsString());
            }
            JsonObject values = post(postId, topic, topic.posts().size(), body.get("raw").getAsString());
            return json(200, DiscourseSpec.sample("POST", "/posts.json", 200, values)).build();
        }

        /** A topic's first post with its raw text, as {@code GET /posts/{id}.json} answers it. */
        private ResponseDefinition readPost(long postId) {
            synchronized (topics) {
                for (Topic topic : topics.values()) {
                    if (topic.id() == postId + 1) {
                        return json(200, DiscourseSpec.sample("GET", "/posts/{id}.json", 200,
                                post(postId, topic, 1, topic.posts().get(0)))).build();
                    }
                }
            }
            return error(404, "not_found", "The requested URL or resource could not be found.");
        }

        private ResponseDefinition editPost(long postId, JsonObject body) {
            String raw = body.getAsJsonObject("post").get("raw").getAsString();
            synchronized (topics) {
                for (Topic topic : topics.values()) {
                    // The first post of a topic has the id right before the topic's.
                    if (topic.id() == postId + 1) {
                        topic.posts().set(0, raw);
                        JsonObject values = new JsonObject();
                        values.add("post", post(postId, topic, 1, raw));
                        return json(200, DiscourseSpec.sample("PUT", "/posts/{id}.json", 200, values)).build();
                    }
                }
            }
            return error(404, "not_found", "The requested URL or resource could not be found.");
        }

        private ResponseDefinition topic(Topic topic) {
            JsonObject postsSchema = DiscourseSpec.document().getAsJsonObject("paths").getAsJsonObject("/t/{id}.json")
                    .getAsJsonObject("get").getAsJsonObject("responses").getAsJsonObject("200")
                    .getAsJsonObject("content")
                    .getAsJsonObject("application/json").getAsJsonObject("schema").getAsJsonObject("properties")
                    .getAsJsonObject("post_stream").getAsJsonObject("properties").getAsJsonObject("posts")
                    .getAsJsonObject("items");
            JsonObject first = DiscourseSpec.generate(postsSchema,
                    post(topic.id() - 1, topic, 1, topic.posts().get(0)));
            first.remove("raw");
            JsonObject stream = new JsonObject();
            JsonArray posts = new JsonArray();
            posts.add(first);
            stream.add("posts", posts);
            stream.add("stream", new JsonArray());
            JsonObject values = new JsonObject();
            values.addProperty("id", topic.id());
            values.addProperty("title", topic.title());
            values.addProperty("slug", "popcorn");
            values.add("post_stream", stream);
            return json(200, DiscourseSpec.sample("GET", "/t/{id}.json", 200, values)).build();
        }

        private ResponseDefinition upload(byte[] file) {
            String sha1;
            BufferedImage image;
            try {
                sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(file));
                image = ImageIO.read(new ByteArrayInputStream(file));
            } catch (NoSuchAlgorithmException | IOException e) {
                throw new IllegalStateException(e);
            }
            if (image == null) {
                return error(422, "invalid_parameters", "Sorry, the file you are trying to upload is not authorized");
            }
            JsonObject upload = uploads.computeIfAbsent(sha1, key -> {
                JsonObject values = new JsonObject();
                values.addProperty("id", ids.incrementAndGet());
                values.addProperty("url", "/uploads/default/original/1X/" + key + ".png");
                values.addProperty("short_url", "upload://" + key.substring(0, 27) + ".png");
                values.addProperty("short_path", "/uploads/short-url/" + key.substring(0, 27) + ".png");
                values.addProperty("width", image.getWidth());
                values.addProperty("height", image.getHeight());
                values.addProperty("extension", "png");
                values.addProperty("original_filename", key + ".png");
                return DiscourseSpec.sample("POST", "/uploads.json", 200, values);
            });
            return json(200, upload).build();
        }

        /** The groups a user is in, as {@code GET /u/{username}.json} lists them. */
        private JsonArray groupsOf(String username) {
            JsonObject itemSchema = DiscourseSpec.document().getAsJsonObject("paths")
                    .getAsJsonObject("/u/{username}.json")
                    .getAsJsonObject("get").getAsJsonObject("responses").getAsJsonObject("200")
                    .getAsJsonObject("content")
                    .getAsJsonObject("application/json").getAsJsonObject("schema").getAsJsonObject("properties")
                    .getAsJsonObject("user").getAsJsonObject("properties").getAsJsonObject("groups")
                    .getAsJsonObject("items");
            JsonArray list = new JsonArray();
            List<String> names = new ArrayList<>(groups.keySet());
            for (String name : names) {
                if (groups.get(name).contains(username)) {
                    JsonObject values = new JsonObject();
                    values.addProperty("id", 40 + names.indexOf(name));
                    values.addProperty("name", name);
                    list.add(DiscourseSpec.generate(itemSchema, values));
                }
            }
            return list;
        }

        private JsonObject group(String name) {
            JsonObject group = new JsonObject();
            group.addProperty("id", 40 + new ArrayList<>(groups.keySet()).indexOf(name));
            group.addProperty("name", name);
            JsonObject values = new JsonObject();
            values.add("group", group);
            return values;
        }

        private JsonObject post(long postId, Topic topic, int number, String raw) {
            JsonObject post = new JsonObject();
            post.addProperty("id", postId);
            post.addProperty("topic_id", topic.id());
            post.addProperty("topic_slug", "popcorn");
            post.addProperty("post_number", number);
            post.addProperty("raw", raw);
            post.addProperty("username", "system");
            return post;
        }
    }

    private static ResponseDefinition error(int status, String type, String message) {
        JsonObject body = errors(type, message);
        return json(status, body).build();
    }

    private static JsonObject errors(String type, String message) {
        JsonObject body = new JsonObject();
        JsonArray errors = new JsonArray();
        errors.add(message);
        body.add("errors", errors);
        body.addProperty("error_type", type);
        return body;
    }

    private static ResponseDefinitionBuilder json(int status, com.google.gson.JsonElement body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString());
    }
}
