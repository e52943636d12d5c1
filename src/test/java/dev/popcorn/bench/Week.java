package dev.popcorn.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The week the load runs in, set up through the real API with the admin token, as a lead would:
 * three teams, a release with one feature each (so the draft poll proposes three candidates), and
 * the poll opened at once instead of at {@code week.poll-open}.
 */
record Week(long releaseId, long pollId, long[] candidates, List<String> features) {

    static final List<String> FEATURES = List.of("SURGE-1", "SURGE-2", "SURGE-3");

    static Week open(String host, String adminToken, String version) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String[] teams = {"surge-a", "surge-b", "surge-c"};
        for (String team : teams) {
            call(http, host, adminToken, "PUT", "/api/v1/teams/" + team, "{\"name\":\"Team " + team + "\"}", 200);
        }
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < FEATURES.size(); i++) {
            features.append(i == 0 ? "" : ",").append("{\"key\":\"").append(FEATURES.get(i))
                    .append("\",\"summary\":\"Feature ")
                    .append(i + 1).append("\",\"team\":\"").append(teams[i]).append("\"}");
        }
        JsonObject opened = call(http, host, adminToken, "POST", "/api/v1/releases",
                "{\"version\":\"" + version + "\",\"features\":[" + features + "]}", 201);
        long releaseId = opened.getAsJsonObject("release").get("id").getAsLong();
        JsonObject poll = opened.getAsJsonObject("poll");
        if (poll == null) {
            throw new IOException("opening the release proposed no poll: " + opened);
        }
        long pollId = poll.get("id").getAsLong();
        JsonObject open = call(http, host, adminToken, "POST", "/api/v1/polls/" + pollId + "/open", null, 200);
        if (!"OPEN".equals(open.get("state").getAsString())) {
            throw new IOException("the poll did not open: " + open);
        }
        JsonArray candidates = open.getAsJsonArray("candidates");
        long[] ids = new long[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i).getAsJsonObject().get("id").getAsLong();
        }
        if (ids.length != 3) {
            throw new IOException("expected 3 candidates, the poll has " + ids.length + ": " + open);
        }
        return new Week(releaseId, pollId, ids, FEATURES);
    }

    private static JsonObject call(HttpClient http, String host, String token, String method, String path, String json,
            int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IOException(
                    method + " " + path + " answered " + answer.statusCode() + " (expected " + expected + "): "
                            + answer.body());
        }
        JsonElement body = JsonParser.parseString(answer.body());
        return body.getAsJsonObject();
    }
}
