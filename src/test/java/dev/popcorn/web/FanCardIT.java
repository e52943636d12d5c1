package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fan's card and share page over real HTTP, on the demo week: the picture in both sizes, kept
 * by its ETag until something on it changes, refused for a fan who stays off public pages, and the
 * share page's link-preview tags with an absolute og:image and the fan's name escaped.
 */
class FanCardIT {

    private static final String NASTY = "<script>alert(\"x\")</script> \"Bob\" & 'O''Neil' 小明";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    String db;

    @BeforeEach
    void start() throws Exception {
        db = "jdbc:h2:mem:cards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        server = TestServer.start(data, TestServer.FRIDAY.plus(Duration.ofDays(1)), true, Map.of("db.url", db));
        api = new ApiClient(server);
        sql("INSERT INTO users (id, name, joined_at) VALUES (?, ?, ?)", "card-fan", "小明 Xiaoming", now());
        sql("INSERT INTO user_levels (user_id, level, since) VALUES (?, ?, ?)", "card-fan", "pioneer", now());
        realReport("MIN");
        sql("INSERT INTO users (id, name, joined_at) VALUES (?, ?, ?)", "nasty", NASTY, now());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCardIsAPngInBothSizesKeptByItsETagUntilSomethingOnItChanges() throws Exception {
        HttpResponse<byte[]> wide = get("/fans/card-fan/card.png?format=wide&lang=zh-CN", null);
        assertThat(wide.statusCode()).isEqualTo(200);
        assertThat(wide.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(wide.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(wide.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);

        HttpResponse<byte[]> story = get("/api/v1/fans/card-fan/card.png?format=story&lang=en", null);
        assertThat(story.statusCode()).isEqualTo(200);
        assertThat(story.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage tall = ImageIO.read(new ByteArrayInputStream(story.body()));
        assertThat(tall.getWidth()).isEqualTo(1080);
        assertThat(tall.getHeight()).isEqualTo(1920);
        api.exercised.add("GET /api/v1/fans/{id}/card.png");
        // Without a format: the wide one.
        assertThat(ImageIO.read(new ByteArrayInputStream(get("/fans/card-fan/card.png", null).body())).getWidth())
                .isEqualTo(1200);

        String etag = wide.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        HttpResponse<byte[]> same = get("/fans/card-fan/card.png?format=wide&lang=zh-CN", etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(get("/fans/card-fan/card.png?format=wide&lang=en", etag).statusCode()).as("another language")
                .isEqualTo(200);

        // One more build tested: the card changes, and so does its tag.
        realReport("MAX");
        HttpResponse<byte[]> changed = get("/fans/card-fan/card.png?format=wide&lang=zh-CN", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(changed.body()).isNotEqualTo(wide.body());

        HttpResponse<String> head = server.send("HEAD", "/fans/card-fan/card.png?format=story", null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aFanWhoStaysOffPublicPagesOrNobodyHasNoCardAndABadParameterIsNamed() throws Exception {
        assertThat(get("/fans/card-fan/card.png", null).statusCode()).isEqualTo(200);
        sql("UPDATE users SET public_profile = FALSE WHERE id = ?", "card-fan");

        HttpResponse<byte[]> hidden = get("/fans/card-fan/card.png?format=wide", null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(server.send("GET", "/fans/card-fan/share", null, null).statusCode()).isEqualTo(404);
        JsonObject problem = api
                .call("GET", "/api/v1/fans/card-fan/card.png", "/api/v1/fans/{id}/card.png", null, null, 404)
                .getAsJsonObject();
        JsonObject nobody = api
                .call("GET", "/api/v1/fans/no-such-fan/card.png?format=story", "/api/v1/fans/{id}/card.png",
                        null, null, 404)
                .getAsJsonObject();
        // The answer does not tell an unknown user from one who stays off public pages.
        assertThat(problem.get("detail")).isEqualTo(nobody.get("detail"));
        assertThat(server.send("GET", "/fans/no-such-fan/share?lang=en", null, null).body())
                .contains("This fan has no public card.");

        HttpResponse<String> badFormat = server.send("GET", "/api/v1/fans/nasty/card.png?format=square", null, null);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JsonParser.parseString(badFormat.body()).getAsJsonObject().get("detail").getAsString())
                .isEqualTo("\"format\" must be one of: wide, story.");
        assertThat(server.send("GET", "/fans/nasty/card.png?format=square&lang=en", null, null).body())
                .contains("&quot;format&quot; must be one of: wide, story.");
        HttpResponse<String> badLang = server.send("GET", "/api/v1/fans/nasty/card.png?lang=fr", null, null);
        assertThat(badLang.statusCode()).isEqualTo(400);
        assertThat(badLang.body()).contains("\\\"lang\\\" must be one of");

        Set<String> card = new TreeSet<>();
        JsonObject spec = JsonParser.parseString(server.send("GET", "/api/openapi.json", null, null).body())
                .getAsJsonObject();
        for (var path : spec.getAsJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                JsonObject op = operation.getValue().getAsJsonObject();
                if (op.has("tags") && op.getAsJsonArray("tags").get(0).getAsString().equals("card")) {
                    card.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(card).containsExactly("GET /api/v1/fans/{id}/card.png");
        assertThat(api.exercised).containsAll(card);
    }

    @Test
    void theSharePageUnfoldsAsTheCardWithAnAbsoluteImageAndTheNameEscaped() throws Exception {
        HttpResponse<String> english = server.send("GET", "/fans/nasty/share?lang=en", null, null);
        assertThat(english.statusCode()).isEqualTo(200);
        // It carries the viewer's name and CSRF token: no shared cache keeps it, and it varies with the cookie.
        assertThat(english.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(english.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Cookie"));
        String page = english.body();
        String base = server.url("");
        assertThat(base).startsWith("http://localhost:");

        assertThat(meta(page, "property", "og:image")).isEqualTo(base + "/fans/nasty/card.png?format=wide&amp;lang=en");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(meta(page, "property", "og:image"));
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "property", "og:image:width")).isEqualTo("1200");
        assertThat(meta(page, "property", "og:image:height")).isEqualTo("630");
        assertThat(meta(page, "property", "og:type")).isEqualTo("profile");
        assertThat(meta(page, "property", "og:url")).isEqualTo(base + "/fans/nasty/share?lang=en");
        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Bob&quot; &amp; &#39;O&#39;&#39;Neil&#39; 小明";
        assertThat(meta(page, "property", "og:title")).isEqualTo(escaped + " · Newcomer on Popcorn");
        // Nothing to brag about yet: the text says the level and the invitation, never a zero.
        assertThat(meta(page, "property", "og:description"))
                .startsWith("My Popcorn level: Newcomer. A new build every Friday").doesNotContain(" 0 ")
                .doesNotContain("no ");
        assertThat(page).doesNotContain("<script>alert").doesNotContain("\"Bob\"");
        assertThat(page).contains("<h1>" + escaped + "&#39;s Popcorn card</h1>");
        assertThat(page).contains("src=\"/fans/nasty/card.png?format=wide&amp;lang=en\"");
        // The downloads are the fan's own: on their page, not on a visitor's.
        assertThat(page).doesNotContain("format=story");
        String own = server.page("GET", "/fans/nasty/share?lang=en", server.session("nasty", NASTY), null).body();
        assertThat(own).contains("href=\"/fans/nasty/card.png?format=story&amp;lang=en\"")
                .contains("<h1>" + escaped + "&#39;s Popcorn card</h1>");
        // The card the preview names is there.
        HttpResponse<byte[]> image = get("/fans/nasty/card.png?format=wide&lang=en", null);
        assertThat(image.statusCode()).isEqualTo(200);

        // A wish they filed that shipped, one they supported that shipped, one still open: two shipped.
        sql("INSERT INTO wishes (text, author_id, release_id, created_at, fulfilled_at) SELECT 'a', ?, MIN(id), ?, ? FROM releases",
                "card-fan", now(), now());
        sql("INSERT INTO wishes (text, author_id, release_id, created_at, fulfilled_at) SELECT 'b', 'someone', MIN(id), ?, ?"
                + " FROM releases", now(), now());
        sql("INSERT INTO wish_supporters (wish_id, user_id, release_id, supported_at) SELECT MAX(id), ?, MIN(release_id), ?"
                + " FROM wishes", "card-fan", now());
        sql("INSERT INTO wishes (text, author_id, release_id, created_at) SELECT 'c', ?, MIN(id), ? FROM releases",
                "card-fan", now());
        // What the ledger granted for them: the author's share of one, a supporter's of the other.
        sql("INSERT INTO participation_events (user_id, kind, ref, points, at, reason) SELECT ?, 'WISH_AUTHOR_SHIPPED',"
                + " CONCAT('wish:', CAST(MIN(id) AS VARCHAR(20))), 40, ?, 'own wish shipped' FROM wishes", "card-fan",
                now());
        sql("INSERT INTO participation_events (user_id, kind, ref, points, at, reason) SELECT ?, 'WISH_FULFILLED',"
                + " CONCAT('wish:', CAST(MIN(id) + 1 AS VARCHAR(20))), 20, ?, 'wish shipped' FROM wishes", "card-fan",
                now());
        String chinese = server.send("GET", "/fans/card-fan/share?lang=zh-CN", null, null).body();
        assertThat(meta(chinese, "property", "og:image"))
                .isEqualTo(base + "/fans/card-fan/card.png?format=wide&amp;lang=zh-CN");
        assertThat(meta(chinese, "property", "og:title")).isEqualTo("小明 Xiaoming · 爆米花内测先锋");
        assertThat(chinese).contains("我在爆米花是内测先锋，共测试 1 个版本，2 个心愿已实现。").doesNotContain("连续 0")
                .contains("<html lang=\"zh-CN\">");
    }

    /**
     * Issue 28, item 6: a friend who opens the link (signed out, or signed in as someone else) reads what
     * Popcorn and Orange Friday are, this week's release and poll, and how to take part; the fan's tools
     * (the text to copy, the downloads, the script that copies) are on the fan's own view only.
     */
    @Test
    void aFriendFindsTheDoorAndOnlyTheFanFindsTheirTools() throws Exception {
        JsonObject week = JsonParser.parseString(server.send("GET", "/api/v1/week", null, null).body())
                .getAsJsonObject();
        JsonObject release = week.getAsJsonObject("release");
        String version = release.get("version").getAsString();
        long releaseId = release.get("id").getAsLong();

        String signedOut = server.page("GET", "/fans/card-fan/share?lang=en", null, null).body();
        assertThat(signedOut).contains("id=\"share-door\"")
                .contains("Popcorn is Orange Friday&#39;s home: every Friday fans try the new phone build")
                .contains("<h2 id=\"door-release\">This week: release " + version + "</h2>")
                .containsPattern("id=\"door-poll\">[^<]+: the vote is open until [^<]+</p>")
                .contains("<a class=\"button\" id=\"take-part-signin\" href=\"/signin\">Sign in to take part</a>")
                .contains("Sign in with the personal link from the forum to report and vote.");
        assertThat(signedOut).doesNotContain("id=\"share-text\"").doesNotContain("id=\"share-copy\"")
                .doesNotContain("download=").doesNotContain("share.js").doesNotContain("id=\"share-owner-note\"");

        String friend = server.page("GET", "/fans/card-fan/share?lang=zh-CN", server.session("friend", "Friend"), null)
                .body();
        assertThat(friend).contains("id=\"share-door\"").contains("爆米花是橙色星期五的大本营")
                .contains("<h2 id=\"door-release\">本周：版本 " + version + "</h2>")
                .contains("id=\"take-part-report\" href=\"/releases/" + releaseId + "#report\">提交体验报告</a>")
                .doesNotContain("take-part-signin").doesNotContain("id=\"share-text\"").doesNotContain("download=");

        String own = server.page("GET", "/fans/card-fan/share?lang=en", server.session("card-fan", "小明 Xiaoming"), null)
                .body();
        assertThat(own).contains("id=\"share-tools\"").contains("id=\"share-text\"").contains("id=\"share-copy\"")
                .contains("download=\"popcorn-card-wide.png\"").contains("download=\"popcorn-card-story.png\"")
                .contains("/assets/share.js").contains("id=\"share-owner-note\"");
        assertThat(own).doesNotContain("id=\"share-door\"");
        // Link previews see the same card and text, whoever asks.
        assertThat(meta(own, "property", "og:description")).isEqualTo(meta(signedOut, "property", "og:description"));
    }

    @Test
    void aFanWithNothingToCountYetIsSharedWithoutAZero() throws Exception {
        sql("INSERT INTO users (id, name, joined_at) VALUES (?, ?, ?)", "new-fan", "Newbie", now());
        for (String lang : new String[] {"en", "zh-CN"}) {
            String page = server.send("GET", "/fans/new-fan/share?lang=" + lang, null, null).body();
            String text = meta(page, "property", "og:description");
            assertThat(text).as(lang).doesNotContainPattern("(^|\\D)0(\\D|$)");
        }
        assertThat(meta(server.send("GET", "/fans/new-fan/share?lang=zh-CN", null, null).body(), "property",
                "og:description"))
                .startsWith("我在爆米花是").contains("每周五都有新版本");
    }

    /** A real report of card-fan on the first or the latest release, with the ledger's grant that makes it real. */
    private void realReport(String which) throws Exception {
        sql("INSERT INTO reports (release_id, user_id, handed_in_at, updated_at) SELECT " + which
                + "(id), ?, ?, ? FROM releases",
                "card-fan", now(), now());
        sql("INSERT INTO participation_events (user_id, kind, ref, points, at, reason) SELECT ?, 'REPORT_HANDED_IN',"
                + " CONCAT('release:', CAST(" + which
                + "(id) AS VARCHAR(20))), 10, ?, 'report handed in' FROM releases",
                "card-fan", now());
    }

    private static String meta(String page, String attribute, String name) {
        Matcher m = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">")
                .matcher(page);
        assertThat(m.find()).as("<meta %s=\"%s\"> in the page", attribute, name).isTrue();
        return m.group(1);
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static OffsetDateTime now() {
        return TestServer.FRIDAY.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
    }

    private void sql(String statement, Object... values) throws Exception {
        try (Connection connection = DriverManager.getConnection(db, "", "");
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                prepared.setObject(i + 1, values[i]);
            }
            prepared.executeUpdate();
        }
    }
}
