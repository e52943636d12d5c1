package dev.popcorn.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.config.JiraConfig.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira faked at the HTTP level with WireMock: a site with tickets that JQL searches find, and
 * answers to every write Popcorn makes. Every request Popcorn sent and every answer the fake
 * gave can be checked against Atlassian's OpenAPI document ({@link #contractViolations}); for
 * Data Center, whose v2 resources match v3 apart from text bodies, the paths are checked as v3.
 */
public final class FakeJira implements AutoCloseable {

    /** Atlassian's published description of Jira Cloud REST v3 (see src/test/resources/vendor/README.md). */
    public static final Path SPEC = Path.of("src", "test", "resources", "vendor",
            "jira-cloud-platform-v3.openapi.json");

    private static OpenApiInteractionValidator validator;

    public final WireMockServer server;
    public final Deployment deployment;
    private final String api;
    private final Map<String, JsonObject> issues = new LinkedHashMap<>();

    public FakeJira(Deployment deployment) {
        this.deployment = deployment;
        this.api = deployment == Deployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
        this.server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        stubWrites();
    }

    /** A Cloud site with the week's release tickets: MIUI-2101 (component Camera) and MIUI-2102 (Settings). */
    public static FakeJira weeklyRelease() {
        FakeJira jira = new FakeJira(Deployment.CLOUD);
        jira.ticket("MIUI-2101", "Night mode in the camera", "Done", List.of("Camera"), List.of());
        jira.ticket("MIUI-2102", "Faster settings search", "Done", List.of("Settings"), List.of());
        return jira;
    }

    /**
     * Popcorn's settings for this site, with the teams of {@link #weeklyRelease} (Camera to camera,
     * Settings to system), no refresh while a round runs and no pacing to wait for; plus {@code more}.
     */
    public Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "jira.url", url(),
                "jira.user", "popcorn-bot@example.com",
                "jira.token", "token-123",
                "jira.team-rules", "component:Camera=camera, component:Settings=system",
                "jira.refresh-minutes", "0",
                "jira.requests-per-second", "50"));
        settings.putAll(more);
        return settings;
    }

    public String url() {
        return server.baseUrl();
    }

    public String api() {
        return api;
    }

    /** A ticket on the site; {@code status} "Done" puts it in the done category. */
    public JsonObject ticket(String key, String summary, String status, List<String> components, List<String> labels) {
        JsonObject fields = new JsonObject();
        fields.addProperty("summary", summary);
        JsonObject statusJson = new JsonObject();
        statusJson.addProperty("name", status);
        JsonObject category = new JsonObject();
        category.addProperty("key", "Done".equals(status) ? "done" : "indeterminate");
        statusJson.add("statusCategory", category);
        fields.add("status", statusJson);
        JsonObject project = new JsonObject();
        project.addProperty("key", key.substring(0, key.indexOf('-')));
        fields.add("project", project);
        fields.add("components", named(components));
        JsonArray labelArray = new JsonArray();
        labels.forEach(labelArray::add);
        fields.add("labels", labelArray);
        fields.add("fixVersions", new JsonArray());
        JsonObject issue = new JsonObject();
        issue.addProperty("id", String.valueOf(10000 + issues.size()));
        issue.addProperty("key", key);
        issue.addProperty("self", url() + api + "/issue/" + (10000 + issues.size()));
        issue.add("fields", fields);
        issues.put(key, issue);
        server.stubFor(get(urlPathEqualTo(api + "/issue/" + key)).willReturn(json(200, issue)));
        return issue;
    }

    /** The ticket as the site holds it (changes show in stubs made after them). */
    public JsonObject issue(String key) {
        return issues.get(key);
    }

    /**
     * Makes a search for exactly these keys ({@code key in (A-1, B-2)}) answer as Jira does: the
     * tickets when all exist, a 400 naming the first unknown key otherwise.
     */
    public void keySearch(String... keys) {
        String jql = "key in (" + String.join(", ", keys) + ")";
        List<String> unknown = java.util.Arrays.stream(keys).filter(k -> !issues.containsKey(k)).toList();
        if (unknown.isEmpty()) {
            search(jql, 50, keys);
            return;
        }
        String refusal = "{\"errorMessages\":[\"An issue with key '" + unknown.get(0)
                + "' does not exist for field 'key'.\"],\"errors\":{}}";
        server.stubFor(post(urlPathEqualTo(api + (deployment == Deployment.CLOUD ? "/search/jql" : "/search")))
                .withRequestBody(matchingJsonPath("$.jql", equalTo(jql)))
                .willReturn(json(400, JsonParser.parseString(refusal))));
    }

    /** Makes {@code jql} find these tickets, {@code pageSize} per page, paged the deployment's way. */
    public void search(String jql, int pageSize, String... keys) {
        List<JsonObject> found = new ArrayList<>();
        for (String key : keys) {
            found.add(issues.get(key));
        }
        int pages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            List<JsonObject> slice = found.subList(page * pageSize, Math.min(found.size(), (page + 1) * pageSize));
            JsonObject answer = new JsonObject();
            JsonArray list = new JsonArray();
            slice.forEach(list::add);
            answer.add("issues", list);
            MappingBuilder request;
            if (deployment == Deployment.CLOUD) {
                request = post(urlPathEqualTo(api + "/search/jql"))
                        .withRequestBody(matchingJsonPath("$.jql", equalTo(jql)));
                request = page == 0
                        ? request.withRequestBody(matchingJsonPath("$.nextPageToken",
                                com.github.tomakehurst.wiremock.client.WireMock.absent()))
                        : request.withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("page-" + page)));
                if (page < pages - 1) {
                    answer.addProperty("nextPageToken", "page-" + (page + 1));
                }
                answer.addProperty("isLast", page == pages - 1);
            } else {
                request = post(urlPathEqualTo(api + "/search")).withRequestBody(matchingJsonPath("$.jql", equalTo(jql)))
                        .withRequestBody(matchingJsonPath("$.startAt", equalTo(String.valueOf(page * pageSize))));
                answer.addProperty("startAt", page * pageSize);
                answer.addProperty("maxResults", pageSize);
                answer.addProperty("total", found.size());
            }
            server.stubFor(request.willReturn(json(200, answer)));
        }
    }

    /** The site's answer to every write and check, as a real Jira gives them. */
    private void stubWrites() {
        server.stubFor(post(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/remotelink"))
                .willReturn(json(201, JsonParser.parseString("{\"id\":10000,\"self\":\"" + url() + api
                        + "/issue/MIUI-1/remotelink/10000\"}"))));
        server.stubFor(
                put(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/properties/popcorn\\.feedback[.A-Za-z0-9-]*"))
                        .willReturn(aResponse().withStatus(200)));
        server.stubFor(put(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+")).willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/comment"))
                .willReturn(json(200,
                        JsonParser.parseString("{\"comments\":[],\"startAt\":0,\"maxResults\":100,\"total\":0}"))));
        server.stubFor(post(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/comment"))
                .willReturn(json(201, JsonParser.parseString("{\"id\":\"10100\",\"self\":\"" + url() + api
                        + "/issue/10000/comment/10100\",\"created\":\"2026-11-25T10:00:00.000+0000\"}"))));
        server.stubFor(post(urlPathEqualTo(api + "/issue"))
                .willReturn(json(201,
                        JsonParser.parseString("{\"id\":\"10500\",\"key\":\"MIUI-3001\",\"self\":\"" + url() + api
                                + "/issue/10500\"}"))));
        // A property the ticket does not have: Jira's 404 (holdsProperty gives it one).
        server.stubFor(get(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/properties/.+")).atPriority(10)
                .willReturn(json(404, JsonParser.parseString("{\"errorMessages\":[\"The property with the key does not"
                        + " exist.\"],\"errors\":{}}"))));
        // Reading a ticket that does not exist (or is not visible): Jira's 404.
        server.stubFor(get(urlPathMatching(api + "/issue/[A-Z][A-Z0-9_]*-[0-9]+")).atPriority(10)
                .willReturn(
                        json(404, JsonParser.parseString("{\"errorMessages\":[\"Issue does not exist or you do not have"
                                + " permission to see it.\"],\"errors\":{}}"))));
        server.stubFor(get(urlPathEqualTo(api + "/myself")).willReturn(json(200, JsonParser.parseString(
                "{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Popcorn Bot\",\"active\":true,"
                        + "\"emailAddress\":\"popcorn-bot@example.com\",\"self\":\"" + url() + api
                        + "/user?accountId=5b10a2844c20165700ede21g\"}"))));
        server.stubFor(get(urlPathMatching(api + "/project/MIUI")).willReturn(json(200, JsonParser.parseString(
                "{\"id\":\"10000\",\"key\":\"MIUI\",\"name\":\"MIUI\",\"self\":\"" + url() + api
                        + "/project/10000\"}"))));
        server.stubFor(get(urlPathEqualTo(api + "/mypermissions")).willReturn(json(200, permissions(PERMISSIONS))));
        // Jira Cloud removed the old search; a client still calling it gets 410 Gone.
        server.stubFor(any(urlPathEqualTo("/rest/api/3/search")).willReturn(json(410, JsonParser.parseString(
                "{\"errorMessages\":[\"The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.\"],"
                        + "\"errors\":{}}"))));
        server.stubFor(post(urlPathEqualTo(api + "/search/jql")).atPriority(10).withRequestBody(
                matchingJsonPath("$.jql", com.github.tomakehurst.wiremock.client.WireMock.matching("labels = .*")))
                .willReturn(json(200, JsonParser.parseString("{\"issues\":[],\"isLast\":true}"))));
        server.stubFor(post(urlPathEqualTo(api + "/search")).atPriority(10).withRequestBody(
                matchingJsonPath("$.jql", com.github.tomakehurst.wiremock.client.WireMock.matching("labels = .*")))
                .willReturn(json(200,
                        JsonParser.parseString("{\"issues\":[],\"startAt\":0,\"maxResults\":1,\"total\":0}"))));
    }

    /** The project permissions Popcorn's account may hold, as Jira names them. */
    public static final List<String> PERMISSIONS = List.of("BROWSE_PROJECTS", "LINK_ISSUES", "EDIT_ISSUES",
            "CREATE_ISSUES",
            "ADD_COMMENTS");

    /** Jira's answer to {@code GET /mypermissions} when the account holds exactly {@code held}. */
    private static JsonObject permissions(List<String> held) {
        JsonObject permissions = new JsonObject();
        for (String p : PERMISSIONS) {
            JsonObject one = new JsonObject();
            one.addProperty("key", p);
            one.addProperty("havePermission", held.contains(p));
            permissions.add(p, one);
        }
        JsonObject answer = new JsonObject();
        answer.add("permissions", permissions);
        return answer;
    }

    /**
     * The account holds only these project permissions: {@code GET /mypermissions} (getMyPermissions) says
     * so, and each write answers as Atlassian's document describes for its operation when the permission
     * it needs is missing:
     * <ul>
     * <li>createOrUpdateRemoteIssueLink needs "Browse projects and Link issues": 403 "Returned if the user
     * does not have permission to link issues";</li>
     * <li>setIssueProperty needs "Browse projects and Edit issues": 403 "Returned if the user does not have
     * permission to edit the issue";</li>
     * <li>editIssue (the labels) needs Edit issues, and lists no 403 for it: 400 "the user does not have the
     * necessary permission to edit one or more fields" (Jira names the field in {@code errors});</li>
     * <li>createIssue needs "Browse projects and Create issues": 403 "Returned if the user does not have the
     * necessary permission";</li>
     * <li>addComment needs "Browse projects and Add comments" and lists only 400 and 404: 400.</li>
     * </ul>
     */
    public void grantOnly(String... held) {
        List<String> granted = List.of(held);
        server.stubFor(
                get(urlPathEqualTo(api + "/mypermissions")).atPriority(2).willReturn(json(200, permissions(granted))));
        if (!granted.contains("LINK_ISSUES")) {
            server.stubFor(post(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/remotelink")).atPriority(2)
                    .willReturn(refusal(403, "You do not have permission to link issues.")));
        }
        if (!granted.contains("EDIT_ISSUES")) {
            server.stubFor(put(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/properties/.*")).atPriority(2)
                    .willReturn(refusal(403, "You do not have permission to edit issue properties.")));
            server.stubFor(put(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+")).atPriority(2).willReturn(json(400,
                    JsonParser.parseString(
                            "{\"errorMessages\":[],\"errors\":{\"labels\":\"Field 'labels' cannot be set. It is"
                                    + " not on the appropriate screen, or unknown.\"}}"))));
        }
        if (!granted.contains("CREATE_ISSUES")) {
            server.stubFor(post(urlPathEqualTo(api + "/issue")).atPriority(2)
                    .willReturn(refusal(403, "You do not have permission to create issues in this project.")));
        }
        if (!granted.contains("ADD_COMMENTS")) {
            server.stubFor(post(urlPathMatching(api + "/issue/[A-Z0-9_]+-[0-9]+/comment")).atPriority(2)
                    .willReturn(refusal(400, "You do not have the permission to comment on this issue.")));
        }
    }

    private static ResponseDefinitionBuilder refusal(int status, String message) {
        JsonObject body = new JsonObject();
        JsonArray messages = new JsonArray();
        messages.add(message);
        body.add("errorMessages", messages);
        body.add("errors", new JsonObject());
        return json(status, body);
    }

    /**
     * The next {@code times} requests of {@code method} to {@code pathRegex} (under the API base) are
     * rate limited: 429 with {@code Retry-After: seconds}, as Jira Cloud's rate limiting answers
     * (developer.atlassian.com/cloud/jira/platform/rate-limiting: "429 … Retry-After: how many seconds
     * to wait"; the OpenAPI document lists 429 for no operation, so {@link #contractViolations} lets it pass).
     */
    public void rateLimit(String method, String pathRegex, int times, int seconds) {
        for (int i = 0; i < times; i++) {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                    .request(method, urlPathMatching(api + pathRegex))
                    .atPriority(1).inScenario("rate limit " + method + pathRegex)
                    .whenScenarioStateIs(
                            i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "429 #" + i)
                    .willSetStateTo(i == times - 1 ? "calm" : "429 #" + (i + 1))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))));
        }
    }

    /**
     * The next {@code POST /issue} creates ticket {@code key} (summary, {@code labels}) but the connection
     * is cut before the answer: the request arrived and the ticket exists, which Popcorn cannot tell
     * from a lost answer. From then on a search for the first label finds it. (createIssue's 201 is
     * never seen; searchAndReconsileIssuesUsingJql: "Recent updates might not be immediately visible",
     * which this fake does not model: it finds the ticket at once.)
     */
    public void createsTicketButLosesTheAnswer(String key, String summary, List<String> labels) {
        JsonObject issue = ticket(key, summary, "To Do", List.of(), labels);
        server.stubFor(post(urlPathEqualTo(api + "/issue")).atPriority(2).inScenario("lost answer")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        JsonObject found = new JsonObject();
        JsonArray list = new JsonArray();
        list.add(issue);
        found.add("issues", list);
        found.addProperty("isLast", true);
        server.stubFor(post(urlPathEqualTo(api + "/search/jql")).atPriority(2).inScenario("lost answer")
                .whenScenarioStateIs("created")
                .withRequestBody(matchingJsonPath("$.jql", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "\"" + labels.get(0) + "\"")))
                .willReturn(json(200, found)));
    }

    /** Ticket {@code key} now holds the issue property {@code property} with this value, as its GET answers. */
    public void holdsProperty(String key, String property, com.google.gson.JsonElement value) {
        JsonObject answer = new JsonObject();
        answer.addProperty("key", property);
        answer.add("value", value);
        server.stubFor(get(urlPathEqualTo(api + "/issue/" + key + "/properties/" + property)).atPriority(1)
                .willReturn(json(200, answer)));
    }

    /** Ticket {@code key} now holds these comments (bodies as Popcorn sent them), as {@code GET …/comment} answers. */
    public void holdsComments(String key, List<com.google.gson.JsonElement> bodies) {
        JsonArray comments = new JsonArray();
        for (int i = 0; i < bodies.size(); i++) {
            JsonObject comment = new JsonObject();
            comment.addProperty("id", String.valueOf(10100 + i));
            comment.add("body", bodies.get(i));
            comments.add(comment);
        }
        JsonObject answer = new JsonObject();
        answer.add("comments", comments);
        answer.addProperty("startAt", 0);
        answer.addProperty("maxResults", 100);
        answer.addProperty("total", bodies.size());
        server.stubFor(
                get(urlPathEqualTo(api + "/issue/" + key + "/comment")).atPriority(1).willReturn(json(200, answer)));
    }

    public static ResponseDefinitionBuilder json(int status, com.google.gson.JsonElement body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    public static com.github.tomakehurst.wiremock.matching.StringValuePattern jsonEqualTo(String json) {
        return equalToJson(json, true, false);
    }

    private static JsonArray named(List<String> names) {
        JsonArray array = new JsonArray();
        for (String name : names) {
            JsonObject o = new JsonObject();
            o.addProperty("name", name);
            array.add(o);
        }
        return array;
    }

    /** The requests Popcorn sent with this method to paths matching {@code pathRegex} (relative to the API base). */
    public List<LoggedRequest> requests(String method, String pathRegex) {
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method)
                        && r.getUrl().replaceAll("\\?.*", "").matches(api + pathRegex))
                .toList());
        // WireMock's journal lists the newest first; tests read it in the order Popcorn sent.
        java.util.Collections.reverse(requests);
        return requests;
    }

    /**
     * Every request Popcorn sent and every answer it got, checked against Atlassian's OpenAPI
     * document; each problem is one line naming the request.
     */
    public List<String> contractViolations() {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            String path = r.getUrl().replaceAll("\\?.*", "").replaceFirst("^/rest/api/2/", "/rest/api/3/");
            SimpleRequest.Builder request = new SimpleRequest.Builder(r.getMethod().getName(), path);
            r.getQueryParams().forEach((name, values) -> request.withQueryParam(name, values.values()));
            r.getHeaders().all().forEach(h -> request.withHeader(h.key(), h.values()));
            String body = r.getBodyAsString();
            if (deployment == Deployment.DATA_CENTER && path.endsWith("/comment") && !body.isEmpty()) {
                // Data Center's comment body is plain text where v3 has a document; the rest of the request is checked.
                JsonObject comment = JsonParser.parseString(body).getAsJsonObject();
                problems.addAll(comment.get("body").isJsonPrimitive() ? List.of()
                        : List.of(r.getUrl() + ": a Data Center comment body must be text"));
                comment.add("body", JsonParser.parseString("{\"type\":\"doc\",\"version\":1,\"content\":[]}"));
                body = comment.toString();
            }
            if (!body.isEmpty()) {
                request.withBody(body);
            }
            int status = event.getResponse().getStatus();
            if (event.getResponse().getFault() != null) {
                // A cut connection has no answer to check; the request is checked all the same.
                ValidationReport report = validator().validateRequest(request.build());
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> problems.add(
                                r.getMethod() + " " + r.getUrl() + ": " + m.getMessage() + " [" + m.getKey() + "]"));
                continue;
            }
            if (status == 429 || status >= 500) {
                // Rate limiting and server failures can answer any request; the document lists them for none.
                continue;
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
            // The document leaves error bodies undescribed; Jira sends its ErrorCollection, which the client reads.
            if (!event.getResponse().getBodyAsString().isEmpty() && status < 400) {
                response.withContentType("application/json").withBody(event.getResponse().getBodyAsString());
            }
            ValidationReport report = validator().validate(request.build(), response.build());
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> problems
                            .add(r.getMethod() + " " + r.getUrl() + ": " + m.getMessage() + " [" + m.getKey() + "]"));
        }
        return problems;
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            if (!Files.exists(SPEC)) {
                throw new IllegalStateException("Jira's OpenAPI document is missing at " + SPEC.toAbsolutePath());
            }
            validator = OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            // The document declares OAuth 2.0 and Connect JWT; Popcorn signs in with basic auth or a PAT.
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                            // It gives the empty answers of PUT issue (204) and PUT property an "any" schema; Jira sends no body.
                            .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return validator;
    }

    @Override
    public void close() {
        server.stop();
    }
}
