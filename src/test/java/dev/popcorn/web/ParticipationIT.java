package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The points ledger over HTTP: a lead gives points from outside and revokes a grant; the user sees totals and history. */
class ParticipationIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;
    private static final String POINTS = "/api/v1/users/{id}/points";
    private static final String REVOKE = "/api/v1/participation/grants/{id}/revoke";
    private static final String MINE = "/api/v1/me/participation";

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    String fan;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY.plusSeconds(3600), false);
        api = new ApiClient(server);
        fan = server.pass("fan-1", "Fan");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject mine(String query) {
        return api.call("GET", MINE + query, MINE, fan, null, 200).getAsJsonObject();
    }

    @Test
    void aLeadGivesPointsOnceARefAndRevokesAGrantWhichThenCountsNowhere() {
        assertThat(mine("").get("all").getAsLong()).isZero();

        JsonObject given = api.call("POST", "/api/v1/users/fan-1/points", POINTS, LEAD,
                "{\"points\": 300, \"reason\": \"Best bug report of the month\", \"ref\": \"forum:award:42\"}", 201)
                .getAsJsonObject();
        JsonObject again = api.call("POST", "/api/v1/users/fan-1/points", POINTS, LEAD,
                "{\"points\": 5, \"reason\": \"sent twice\", \"ref\": \"forum:award:42\"}", 200).getAsJsonObject();
        assertThat(again.get("id")).isEqualTo(given.get("id"));
        assertThat(again.get("points").getAsInt()).isEqualTo(300);
        assertThat(given.get("kind").getAsString()).isEqualTo("AWARDED");
        api.call("POST", "/api/v1/users/fan-1/points", POINTS, LEAD,
                "{\"points\": 20, \"reason\": \"Helped on the forum\", \"ref\": \"forum:award:43\"}", 201);

        JsonObject totals = mine("");
        assertThat(totals.get("week").getAsLong()).isEqualTo(320);
        assertThat(totals.get("month").getAsLong()).isEqualTo(320);
        assertThat(totals.get("all").getAsLong()).isEqualTo(320);
        assertThat(totals.getAsJsonArray("grants")).hasSize(2);
        assertThat(totals.getAsJsonArray("grants").get(0).getAsJsonObject().get("ref").getAsString())
                .isEqualTo("forum:award:43");
        JsonObject older = mine(
                "?before=" + totals.getAsJsonArray("grants").get(0).getAsJsonObject().get("id").getAsLong());
        assertThat(older.getAsJsonArray("grants")).hasSize(1);
        assertThat(older.getAsJsonArray("grants").get(0).getAsJsonObject().get("ref").getAsString())
                .isEqualTo("forum:award:42");

        long id = given.get("id").getAsLong();
        JsonObject revoked = api.call("POST", "/api/v1/participation/grants/" + id + "/revoke", REVOKE, LEAD,
                "{\"reason\": \"The award was withdrawn by the moderators\"}", 200).getAsJsonObject();
        assertThat(revoked.get("revokedBy").getAsString()).isNotBlank();
        assertThat(revoked.get("revokeReason").getAsString()).isEqualTo("The award was withdrawn by the moderators");
        api.call("POST", "/api/v1/participation/grants/" + id + "/revoke", REVOKE, LEAD, "{\"reason\": \"again\"}",
                409);
        api.call("POST", "/api/v1/participation/grants/999999/revoke", REVOKE, LEAD, "{\"reason\": \"none\"}", 404);

        assertThat(mine("").get("all").getAsLong()).isEqualTo(20);
        assertThat(
                api.call("GET", "/api/v1/me", "/api/v1/me", fan, null, 200).getAsJsonObject().get("points").getAsLong())
                .isEqualTo(20);
        assertThat(server.send("GET", "/api/v1/audit", LEAD, null).body()).contains("points.revoke", "points.award");
    }

    @Test
    void aUserCannotGivePointsOrRevokeAndBadInputIsRefused() {
        api.call("POST", "/api/v1/users/fan-1/points", POINTS, fan,
                "{\"points\": 300, \"reason\": \"I deserve it\", \"ref\": \"self\"}", 403);
        api.call("POST", "/api/v1/participation/grants/1/revoke", REVOKE, fan, "{\"reason\": \"no\"}", 403);
        api.call("GET", MINE, MINE, null, null, 401);
        assertThat(server.send("GET", MINE + "?before=abc", fan, null).statusCode()).isEqualTo(400);
        assertThat(server.send("POST", "/api/v1/users/fan-1/points", LEAD,
                "{\"points\": 1001, \"reason\": \"too much\", \"ref\": \"x\"}").statusCode()).isEqualTo(422);
        assertThat(server.send("POST", "/api/v1/participation/grants/1/revoke", LEAD, "{}").statusCode())
                .isEqualTo(422);
        assertThat(server.send("POST", "/api/v1/participation/grants/1/revoke", LEAD, "{\"reason\": \"   \"}").body())
                .contains("reason");
        assertThat(mine("").get("all").getAsLong()).isZero();
    }
}
