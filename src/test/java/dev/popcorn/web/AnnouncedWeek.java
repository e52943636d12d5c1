package dev.popcorn.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.popcorn.TestServer;

/**
 * A week whose award is announced, over the API as a lead and fans do it: two teams, a release (2026.11.20), its poll
 * opened, four ballots, the battery team's project disqualified with a reason (its one ballot set aside), the poll
 * closed and the camera team's project approved as the winner. The steps are separate, so that a test can look
 * between them.
 */
final class AnnouncedWeek {

    static final String LEAD = TestServer.ADMIN_TOKEN;
    static final String REASON = "The demo video was not of this release";

    private final TestServer server;
    private final ApiClient api;
    final long release;
    final long poll;
    final long camera;
    final long battery;

    /** Opens the week of release 2026.11.20 and its poll; {@code batteryTitle} is the battery team's project's title. */
    AnnouncedWeek(TestServer server, String batteryTitle) {
        this(server, "2026.11.20", batteryTitle);
    }

    /** Opens the week of release {@code version} and its poll. */
    AnnouncedWeek(TestServer server, String version, String batteryTitle) {
        this.server = server;
        this.api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, """
                {"name": "相机团队 Camera", "members": [{"name": "王磊", "photoUrl": "", "userId": "wang.lei"}]}""", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, """
                {"name": "电池 Battery", "members": [{"name": "陈晓雨", "photoUrl": "", "userId": "chen.xy"}]}""", 200);
        JsonObject opened = api
                .call("POST", "/api/v1/releases", "/api/v1/releases", LEAD,
                        """
                                {"version": "%s", "features": [
                                  {"key": "POP-1", "summary": "Night mode", "summaryZh": "夜景模式", "team": "camera"},
                                  {"key": "POP-3", "summary": "Quiet charging", "summaryZh": "静音充电", "team": "battery"}]}"""
                                .formatted(version),
                        201)
                .getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        JsonObject draft = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject();
        camera = candidateOf(draft, "camera");
        battery = candidateOf(draft, "battery");
        api.call("PUT", "/api/v1/polls/" + poll + "/candidates/" + camera, "/api/v1/polls/{id}/candidates/{candidate}",
                LEAD,
                "{\"title\": \"Night camera\", \"titleZh\": \"夜景相机\"}", 200);
        api.call("PUT", "/api/v1/polls/" + poll + "/candidates/" + battery, "/api/v1/polls/{id}/candidates/{candidate}",
                LEAD,
                "{\"title\": " + new com.google.gson.Gson().toJson(batteryTitle) + "}", 200);
        api.call("POST", "/api/v1/polls/" + poll + "/open", "/api/v1/polls/{id}/open", LEAD, null, 200);
        for (String fan : new String[] {"fan-1", "fan-2", "fan-3"}) {
            ballot(fan, camera);
        }
        ballot("fan-4", battery);
    }

    /** The battery team's project disqualified while the poll is open. */
    AnnouncedWeek disqualify() {
        api.call("POST", "/api/v1/polls/" + poll + "/candidates/" + battery + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify", LEAD, "{\"reason\": \"" + REASON + "\"}", 200);
        return this;
    }

    AnnouncedWeek close() {
        api.call("POST", "/api/v1/polls/" + poll + "/close", "/api/v1/polls/{id}/close", LEAD, null, 200);
        return this;
    }

    AnnouncedWeek approve() {
        api.call("POST", "/api/v1/polls/" + poll + "/approve", "/api/v1/polls/{id}/approve", LEAD, null, 200);
        return this;
    }

    private void ballot(String fan, long candidate) {
        api.call("PUT", "/api/v1/polls/" + poll + "/ballot", "/api/v1/polls/{id}/ballot", server.pass(fan, fan),
                "{\"candidate\": " + candidate + "}", 200);
    }

    private static long candidateOf(JsonObject poll, String team) {
        for (JsonElement c : poll.getAsJsonArray("candidates")) {
            if (c.getAsJsonObject().get("teamSlug").getAsString().equals(team)) {
                return c.getAsJsonObject().get("id").getAsLong();
            }
        }
        throw new AssertionError("no candidate of " + team + " in " + poll);
    }
}
