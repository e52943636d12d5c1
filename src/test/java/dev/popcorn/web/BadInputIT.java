package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input that used to answer 500 or say too much now gets a clear 4xx problem and changes nothing. */
class BadInputIT {

    @TempDir
    static Path data;

    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(data, TestServer.FRIDAY, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body, String bearer)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", contentType)
                .header("Accept-Language", "zh-CN")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    @Test
    void aDotSegmentWrittenInPercentEncodingIsRefusedWith400AndNeverServesAFile() throws Exception {
        for (String path : new String[] {"/assets/%2e%2e/x", "/assets/..%2fsecret", "/assets/.%2e/",
                "/assets/%2E%2e/popcorn.css",
                "/photos/%2e%2e/popcorn.mv.db", "/photos/%2e%2e%5cpopcorn.mv.db", "/photos/%2e/ada.png", "/assets/%2e",
                "/api/v1/%2e%2e/health", "/fans/%2e%2e"}) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
            if (path.startsWith("/api")) {
                assertThat(problem(refused, 400).get("type").getAsString())
                        .isEqualTo("urn:popcorn:problem:request.path.dots");
            } else {
                assertThat(refused.body()).as(path).contains("百分号编码").doesNotContain("popcorn.mv.db", "Exception");
            }
        }
        // The same file under its own name is served: the refusal is for the dots, not the folder.
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/assets/popcorn.css"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theNotFoundPageOfAPathThatLooksLikeAnotherSiteKeepsItsLinksOnThisOne() throws Exception {
        for (String path : new String[] {"//evil.example/", "/\\evil.example/", "///evil.example/x"}) {
            HttpResponse<String> page = HTTP
                    .send(HttpRequest.newBuilder(URI.create(server.url("") + path.replace("\\", "%5C")))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isBetween(400, 404);
            assertThat(page.body()).as(path).doesNotContainPattern("href=\"(//|/\\\\)evil")
                    .doesNotContain("next=%2F%2Fevil");
        }
    }

    @Test
    void aCharacterSetNobodyKnowsIs415NotAServerError() throws Exception {
        JsonObject refused = problem(send("PUT", "/api/v1/polls/2/ballot", "application/json; charset=x-bogus",
                "{\"candidate\": 1}", server.pass("fan-1", "Fan")), 415);
        assertThat(refused.get("type").getAsString()).isEqualTo("urn:popcorn:problem:request.charset.unknown");
        assertThat(refused.get("detail").getAsString()).contains("x-bogus").contains("UTF-8");
    }

    @Test
    void aNullInsideAListIsRefusedNamingWhereAndNothingIsSaved() throws Exception {
        String fan = server.pass("fan-2", "Fan");
        JsonObject refused = problem(send("PUT", "/api/v1/releases/2/report", "application/json",
                "{\"verdicts\": [{\"feature\": \"MIUI-2101\", \"verdict\": \"LIKE\"}, null]}", fan), 400);
        assertThat(refused.get("type").getAsString()).isEqualTo("urn:popcorn:problem:request.field.type.object");
        assertThat(refused.get("detail").getAsString()).contains("verdicts[1]");
        assertThat(server.send("GET", "/api/v1/releases/2/report", fan, null).statusCode()).isEqualTo(404);
        JsonObject keys = problem(send("POST", "/api/v1/releases", "application/json",
                "{\"version\": \"2026.12.04\", \"keys\": [null]}", TestServer.ADMIN_TOKEN), 400);
        assertThat(keys.get("detail").getAsString()).contains("keys[0]");
        assertThat(server.send("GET", "/api/v1/releases?version=2026.12.04", null, null).body()).isEqualTo("[]");
    }

    @Test
    void theWeeksPublicWishesDoNotSayWhoFiledThem() throws Exception {
        JsonObject week = JsonParser.parseString(server.send("GET", "/api/v1/week", null, null).body())
                .getAsJsonObject();
        assertThat(week.getAsJsonArray("wishes")).isNotEmpty().allSatisfy(wish -> {
            assertThat(wish.getAsJsonObject().has("text")).isTrue();
            assertThat(wish.getAsJsonObject().has("authorId")).isFalse();
        });
    }

    @Test
    void aWrongMethodIs405WithWhatIsAllowedAndMalformedRequestsGetProblemJsonNotJettysPage() throws Exception {
        HttpResponse<String> wrongMethod = send("DELETE", "/api/v1/teams/camera", "application/json", "", null);
        JsonObject refused = problem(wrongMethod, 405);
        assertThat(refused.get("type").getAsString()).isEqualTo("urn:popcorn:problem:request.methodNotAllowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, PUT");

        for (String path : new String[] {"/api/v1/week%00", "/api/v1/%2e%2e%2fsecret"}) {
            HttpResponse<String> odd = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("") + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(odd.statusCode()).as(path).isBetween(400, 404);
            assertThat(odd.headers().firstValue("Content-Type")).as(path)
                    .hasValue("application/problem+json; charset=utf-8");
            assertThat(odd.body()).as(path).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
        }
        HttpResponse<String> longUrl = HTTP
                .send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/" + "a".repeat(9000))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longUrl.statusCode()).isEqualTo(414);
        assertThat(JsonParser.parseString(longUrl.body()).getAsJsonObject().get("type").getAsString())
                .isEqualTo("urn:popcorn:problem:request.uriTooLong");
        HttpResponse<String> bigHeader = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/week")))
                .header("X-Padding", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        // Refusals the web server writes itself carry the headers every answer carries.
        for (HttpResponse<String> jettys : List.of(longUrl, bigHeader, HTTP.send(HttpRequest.newBuilder(
                URI.create(server.url("") + "/api/v1/week%00")).build(), HttpResponse.BodyHandlers.ofString()))) {
            assertThat(jettys.headers().firstValue("X-Frame-Options")).as(jettys.uri().toString()).hasValue("DENY");
            assertThat(jettys.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(jettys.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void headRequestsAnswerLikeGetWithoutABodyAndKeepTheirAccess() throws Exception {
        for (String path : new String[] {"/", "/winners", "/api/v1/week", "/api/v1/audit", "/lead", "/nowhere"}) {
            HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
            assertThat(head.body()).as("HEAD " + path).isEmpty();
        }
    }

    @Test
    void withNoForumTheLeadIsToldSoInsteadOfAListOfUnrecognisedMembers() throws Exception {
        for (String language : new String[] {"en", "zh-CN"}) {
            HttpResponse<String> lead = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/lead")))
                    .header("Cookie", "popcorn_session=" + server.leadSession()).header("Accept-Language", language)
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(lead.statusCode()).isEqualTo(200);
            assertThat(lead.body()).as(language).contains("id=\"forum-off\"").doesNotContain("id=\"nameless-members\"")
                    .contains(language.equals("en") ? "The forum is not connected" : "尚未连接论坛");
            if (language.equals("en")) {
                assertThat(lead.body()).as("a standing ahead of the next, but not the last one")
                        .contains("ahead of the next")
                        .doesNotContain("ahead of the next</li></ol>");
            }
        }
    }

    @Test
    void theAwardsTitleIsShownInThePagesLanguage() throws Exception {
        HttpResponse<String> chinese = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/polls/1?lang=zh-CN"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chinese.body()).contains("<h1>爆米花奖 · 2026.").doesNotContain("<h1>Popcorn Award");
        HttpResponse<String> english = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/polls/1?lang=en"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("<h1>Popcorn Award · 2026.");
    }

    @Test
    void pagesForbidFramingAndForeignScriptsAndTheDataFolderIsTheOwnersAlone() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain http: no HSTS").isEmpty();
        assertThat(page.body()).doesNotContain("style=\"").doesNotContain("<script").doesNotContain("javascript:");
        HttpResponse<String> card = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url("/polls/1/card.png"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(card.headers().firstValue("Content-Security-Policy"))
                .as("the image viewer styles the picture itself").isEmpty();

        assertThat(java.nio.file.Files.getPosixFilePermissions(data))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (var files = java.nio.file.Files.list(data)) {
            files.filter(java.nio.file.Files::isRegularFile).forEach(file -> assertThat(uncheckedPermissions(file))
                    .as(file.toString())
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> uncheckedPermissions(Path file) {
        try {
            return java.nio.file.Files.getPosixFilePermissions(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
