package dev.popcorn.jira;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.popcorn.config.JiraConfig.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * JQL search, every page: on Cloud {@code POST /rest/api/3/search/jql} paged by
 * {@code nextPageToken} (the old {@code /search} answers 410 there), on Data Center
 * {@code POST /rest/api/2/search} paged by {@code startAt}.
 */
final class SearchRestClient {

    /** More than any release or wish list should hold; a JQL that finds more is almost surely wrong. */
    static final int MAX_ISSUES = 2000;
    private static final int PAGE = 100;

    private final JiraHttp http;
    private final Deployment deployment;

    SearchRestClient(JiraHttp http, Deployment deployment) {
        this.http = http;
        this.deployment = deployment;
    }

    /** Every issue {@code jql} finds (up to {@code limit}), in Jira's order. */
    List<Issue> searchJql(String jql, int limit) {
        List<Issue> issues = new ArrayList<>();
        int page = Math.min(PAGE, limit);
        if (deployment == Deployment.CLOUD) {
            String token = null;
            do {
                JsonObject body = request(jql, page);
                if (token != null) {
                    body.addProperty("nextPageToken", token);
                }
                JsonObject answer = http.post("/search/jql", body).getAsJsonObject();
                add(issues, answer);
                token = answer.has("nextPageToken") && !answer.get("nextPageToken").isJsonNull()
                        ? answer.get("nextPageToken").getAsString() : null;
            } while (token != null && issues.size() < limit);
        } else {
            int total;
            do {
                JsonObject body = request(jql, page);
                body.addProperty("startAt", issues.size());
                JsonObject answer = http.post("/search", body).getAsJsonObject();
                int before = issues.size();
                add(issues, answer);
                total = answer.has("total") ? answer.get("total").getAsInt() : issues.size();
                if (issues.size() == before) {
                    break;
                }
            } while (issues.size() < total && issues.size() < limit);
        }
        return issues.size() > limit ? issues.subList(0, limit) : issues;
    }

    private static JsonObject request(String jql, int maxResults) {
        JsonObject body = new JsonObject();
        body.addProperty("jql", jql);
        body.addProperty("maxResults", maxResults);
        JsonArray fields = new JsonArray();
        Issue.FIELDS.forEach(fields::add);
        body.add("fields", fields);
        return body;
    }

    private static void add(List<Issue> issues, JsonObject answer) {
        JsonElement list = answer.get("issues");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(e -> issues.add(Issue.from(e.getAsJsonObject())));
        }
    }
}
