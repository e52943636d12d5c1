package dev.popcorn.jira;

import com.google.gson.JsonObject;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.http.Pacer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Popcorn's own small Jira REST client, shaped like the Jira REST Java Client (an issue client,
 * a search client, an exception with Jira's errors) but speaking what Jira Cloud requires today
 * (see docs/adr/0005). One instance per Jira site; safe for concurrent use.
 */
final class JiraRestClient {

    /** The signed-in account, from {@code /myself}. */
    record Myself(String displayName, String accountId, String email) {
    }

    private final JiraHttp http;
    private final IssueRestClient issues;
    private final SearchRestClient search;

    JiraRestClient(JiraConfig config, Clock clock, Pacer.Sleeper sleeper) {
        this.http = new JiraHttp(config, JiraHttp.connector(config, clock, sleeper), clock);
        this.issues = new IssueRestClient(http, config.deployment());
        this.search = new SearchRestClient(http, config.deployment());
    }

    static JiraRestClient create(JiraConfig config, Clock clock) {
        return new JiraRestClient(config, clock,
                duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    IssueRestClient getIssueClient() {
        return issues;
    }

    SearchRestClient getSearchClient() {
        return search;
    }

    JiraHttp http() {
        return http;
    }

    Myself getMyself() {
        JsonObject me = http.get("/myself", Map.of()).getAsJsonObject();
        String name = Issue.string(me, "displayName");
        String id = Issue.string(me, "accountId");
        return new Myself(name, id.isEmpty() ? Issue.string(me, "name") : id, Issue.string(me, "emailAddress"));
    }

    /** The project's name; a project the account cannot see answers 404. */
    String getProjectName(String key) {
        return Issue.string(http.get("/project/" + JiraHttp.encode(key), Map.of()).getAsJsonObject(), "name");
    }

    /** Whether the account holds each of {@code permissions} in {@code project}. */
    Map<String, Boolean> getMyPermissions(String project, List<String> permissions) {
        JsonObject answer = http.get("/mypermissions", Map.of("projectKey", project,
                "permissions", String.join(",", permissions))).getAsJsonObject();
        JsonObject held = answer.has("permissions") ? answer.getAsJsonObject("permissions") : new JsonObject();
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (String permission : permissions) {
            JsonObject p = held.has(permission) ? held.getAsJsonObject(permission) : new JsonObject();
            result.put(permission, p.has("havePermission") && p.get("havePermission").getAsBoolean());
        }
        return result;
    }
}
