package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's name in Chinese beside its English one (issue 28, item 26): given through the team API (checked against
 * the served openapi.json), left out (every reader reads the English name) or too long (refused), and read on the
 * pages in the reader's language, escaped.
 */
class TeamNamesIT {

    static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject saveTeam(String slug, String json, int status) {
        return api.call("PUT", "/api/v1/teams/" + slug, "/api/v1/teams/{slug}", LEAD, json, status).getAsJsonObject();
    }

    private String page(String path) {
        return server.page("GET", path, null, null).body();
    }

    @Test
    void aChineseTeamNameGoesThroughTheApiAndAnAbsentOneLeavesTheEnglishName() {
        JsonObject camera = saveTeam("camera", """
                {"name": "Camera", "nameZh": "相机", "members": [{"name": "王磊", "photoUrl": ""}]}""", 200);
        assertThat(camera.get("name").getAsString()).isEqualTo("Camera");
        assertThat(camera.get("nameZh").getAsString()).isEqualTo("相机");
        JsonObject battery = saveTeam("battery", "{\"name\": \"Battery\"}", 200);
        assertThat(battery.get("nameZh").getAsString()).as("no Chinese name given").isEmpty();
        // Blank is none, as for a candidate's Chinese title.
        assertThat(saveTeam("radio", "{\"name\": \"Radio\", \"nameZh\": \"  \"}", 200).get("nameZh").getAsString())
                .isEmpty();

        JsonObject tooLong = saveTeam("camera", "{\"name\": \"Camera\", \"nameZh\": \"" + "相".repeat(81) + "\"}", 422);
        assertThat(tooLong.get("type").getAsString()).isEqualTo("urn:popcorn:problem:request.field.maxLength");
        assertThat(tooLong.get("detail").getAsString()).contains("nameZh");
        assertThat(server
                .send("PUT", "/api/v1/teams/camera", LEAD,
                        "{\"name\": \"Camera\", \"nameZh\": \"" + "相".repeat(81) + "\"}")
                .headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        JsonObject read = api.call("GET", "/api/v1/teams/camera", "/api/v1/teams/{slug}", null, null, 200)
                .getAsJsonObject();
        assertThat(read.get("nameZh").getAsString()).as("the refused save changed nothing").isEqualTo("相机");
        assertThat(api.call("GET", "/api/v1/teams", "/api/v1/teams", null, null, 200).getAsJsonArray().asList())
                .anySatisfy(t -> assertThat(t.getAsJsonObject().get("nameZh").getAsString()).isEqualTo("相机"));
    }

    @Test
    void pagesNameATeamInTheReadersLanguageAndTheEnglishNameWhereThereIsNoChineseOne() {
        saveTeam("camera", "{\"name\": \"Camera\", \"nameZh\": \"<b>相机</b>\"}", 200);
        saveTeam("battery", "{\"name\": \"Battery\"}", 200);
        long release = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""", 201)
                .getAsJsonObject().getAsJsonObject("release").get("id").getAsLong();

        assertThat(page("/teams/camera?lang=zh-CN")).contains("<h1>&lt;b&gt;相机&lt;/b&gt;</h1>")
                .doesNotContain("<b>相机</b>");
        assertThat(page("/teams/camera?lang=en")).contains("<h1>Camera</h1>").doesNotContain("相机");
        assertThat(page("/teams/battery?lang=zh-CN")).contains("<h1>Battery</h1>");

        // The report form names each feature's team.
        String fan = server.session("fan-1", "One");
        String chinese = server.page("GET", "/releases/" + release + "?lang=zh-CN", fan, null).body();
        assertThat(chinese).contains("· &lt;b&gt;相机&lt;/b&gt;</span>", "· Battery</span>");
        assertThat(server.page("GET", "/releases/" + release + "?lang=en", fan, null).body())
                .contains("· Camera</span>", "· Battery</span>").doesNotContain("相机");
    }
}
