package dev.popcorn.jira;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.popcorn.config.JiraConfig.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Popcorn does to one issue: read it, create it, put a remote link by {@code globalId}
 * (Jira updates the link with the same globalId instead of adding one), set an issue property
 * by key, add or remove labels, read and add comments (ADF on Cloud, plain text on Data Center).
 * Each write is safe to repeat.
 */
final class IssueRestClient {

    /** A link from an issue to a page outside Jira. */
    record RemoteLink(String globalId, String url, String title, String summary, boolean resolved) {
    }

    /** The fields of a new issue. */
    record IssueInput(String project, String issueType, String summary, String description, List<String> labels) {
    }

    private final JiraHttp http;
    private final Deployment deployment;

    IssueRestClient(JiraHttp http, Deployment deployment) {
        this.http = http;
        this.deployment = deployment;
    }

    Issue getIssue(String key) {
        return Issue.from(http.get("/issue/" + JiraHttp.encode(key), Map.of("fields", String.join(",", Issue.FIELDS)))
                .getAsJsonObject());
    }

    /** Creates the issue; answers its key. */
    String createIssue(IssueInput input) {
        JsonObject fields = new JsonObject();
        JsonObject project = new JsonObject();
        project.addProperty("key", input.project());
        fields.add("project", project);
        JsonObject type = new JsonObject();
        type.addProperty("name", input.issueType());
        fields.add("issuetype", type);
        fields.addProperty("summary", input.summary());
        fields.add("description", body(input.description()));
        fields.add("labels", strings(input.labels()));
        JsonObject body = new JsonObject();
        body.add("fields", fields);
        return http.post("/issue", body).getAsJsonObject().get("key").getAsString();
    }

    /** Creates the remote link, or updates the one with the same {@code globalId}. */
    void putRemoteLink(String key, RemoteLink link) {
        JsonObject body = new JsonObject();
        body.addProperty("globalId", link.globalId());
        JsonObject application = new JsonObject();
        application.addProperty("type", "dev.popcorn");
        application.addProperty("name", "Popcorn");
        body.add("application", application);
        body.addProperty("relationship", "user feedback");
        JsonObject object = new JsonObject();
        object.addProperty("url", link.url());
        object.addProperty("title", link.title());
        object.addProperty("summary", link.summary());
        JsonObject status = new JsonObject();
        status.addProperty("resolved", link.resolved());
        object.add("status", status);
        body.add("object", object);
        http.post("/issue/" + JiraHttp.encode(key) + "/remotelink", body);
    }

    /** The value of the issue property {@code property}, if the issue has it. */
    Optional<JsonElement> getProperty(String key, String property) {
        try {
            JsonElement answer = http.get("/issue/" + JiraHttp.encode(key) + "/properties/" + JiraHttp.encode(property),
                    Map.of());
            return Optional.ofNullable(answer.getAsJsonObject().get("value"));
        } catch (JiraRestClientException e) {
            if (e.getStatusCode().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets (creates or replaces) the issue property {@code property}. */
    void setProperty(String key, String property, JsonElement value) {
        http.put("/issue/" + JiraHttp.encode(key) + "/properties/" + JiraHttp.encode(property), value);
    }

    /** Adds and removes labels in one edit; adding a label the issue has, or removing one it lacks, changes nothing. */
    void updateLabels(String key, List<String> add, List<String> remove) {
        JsonArray operations = new JsonArray();
        add.forEach(label -> operations.add(operation("add", label)));
        remove.forEach(label -> operations.add(operation("remove", label)));
        JsonObject update = new JsonObject();
        update.add("labels", operations);
        JsonObject body = new JsonObject();
        body.add("update", update);
        http.put("/issue/" + JiraHttp.encode(key), body);
    }

    /** The plain text of the issue's comments (the most recent hundred). */
    List<String> getComments(String key) {
        JsonObject answer = http.get("/issue/" + JiraHttp.encode(key) + "/comment",
                Map.of("maxResults", "100", "orderBy", "-created")).getAsJsonObject();
        List<String> texts = new ArrayList<>();
        if (answer.has("comments") && answer.get("comments").isJsonArray()) {
            answer.getAsJsonArray("comments").forEach(c -> texts.add(Adf.text(c.getAsJsonObject().get("body"))));
        }
        return texts;
    }

    void addComment(String key, String text) {
        JsonObject body = new JsonObject();
        body.add("body", body(text));
        http.post("/issue/" + JiraHttp.encode(key) + "/comment", body);
    }

    private JsonElement body(String text) {
        return deployment == Deployment.CLOUD ? Adf.document(text) : new com.google.gson.JsonPrimitive(text);
    }

    private static JsonObject operation(String verb, String label) {
        JsonObject operation = new JsonObject();
        operation.addProperty(verb, label);
        return operation;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
