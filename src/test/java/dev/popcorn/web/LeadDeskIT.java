package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.popcorn.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead's desk over real HTTP, as a browser without JavaScript uses it (issue 28, items 10–16): an index of its
 * parts; every action back at the part it was taken in with its notice there; a refused form shown again filled, with
 * why beside the field and nothing changed; people named and found by name, with their own page to act from; the audit
 * log in words; a release opened with its poll kept as a draft; a disqualification's reason in both languages.
 */
class LeadDeskIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    Path data;

    TestServer server;
    ApiClient api;
    String lead;
    long release;
    long poll;

    @BeforeEach
    void start() {
        server = TestServer.start(data, TestServer.FRIDAY, false);
        api = new ApiClient(server);
        for (String team : new String[] {"camera", "battery"}) {
            api.call("PUT", "/api/v1/teams/" + team, "/api/v1/teams/{slug}", LEAD, "{\"name\":\"" + team + " team\"}",
                    200);
        }
        JsonObject opened = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "team": "camera"},
                  {"key": "POP-2", "summary": "Quiet charging", "team": "battery"}]}""", 201).getAsJsonObject();
        release = opened.getAsJsonObject("release").get("id").getAsLong();
        poll = opened.getAsJsonObject("poll").get("id").getAsLong();
        server.signedInOnce("amy", "Amy Li");
        server.signedInOnce("bo-1", "Bo Chen");
        server.signedInOnce("bo-2", "Bo Chen");
        lead = server.leadSession();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> page(String method, String path, String form) {
        return server.page(method, path, lead, form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The part of the page from the element with this id up to the next part of the desk (or the end). */
    private static String part(String html, String id) {
        int from = html.indexOf("id=\"" + id + "\"");
        assertThat(from).as("the page has #" + id).isPositive();
        int to = html.indexOf("class=\"desk-part\"", from + 1);
        return html.substring(from, to < 0 ? html.length() : to);
    }

    @Test
    void theDeskHasAnIndexAndEveryActionReturnsToItsPartWithItsNoticeThere() {
        String en = page("GET", "/lead?lang=en", null).body();
        assertThat(en).contains("id=\"desk-index\"", "<a href=\"#desk-week\">This week</a>",
                "<a href=\"#desk-award\">Award</a>",
                "<a href=\"#desk-participation\">Participation</a>", "<a href=\"#desk-releases\">Releases</a>",
                "<a href=\"#desk-audit\">Audit</a>");
        for (String part : LeadDesk.PARTS) {
            assertThat(en).contains("class=\"desk-part\" id=\"" + part + "\"");
        }
        assertThat(page("GET", "/lead?lang=zh-CN", null).body()).contains(">本周</a>", ">评奖</a>", ">参与</a>", ">版本</a>",
                ">审计</a>");

        HttpResponse<String> locked = page("POST", "/lead/participation/level",
                "&user=amy&level=honorary&reason=" + enc("ten years"));
        String back = locked.headers().firstValue("Location").orElseThrow();
        assertThat(back).isEqualTo("/lead?done=levelLocked&at=desk-participation#desk-participation");
        String landed = page("GET", back.substring(0, back.indexOf('#')) + "&lang=en", null).body();
        assertThat(part(landed, "desk-participation")).contains("id=\"done\"", "The level is locked.");
        assertThat(landed.indexOf("id=\"done\"")).as("one notice, in its part")
                .isEqualTo(landed.lastIndexOf("id=\"done\""));

        // A poll's action comes back to the poll's own card.
        String opened = page("POST", "/lead/polls/" + poll + "/open", "").headers().firstValue("Location")
                .orElseThrow();
        assertThat(opened).isEqualTo("/lead?done=opened&at=poll-" + poll + "#poll-" + poll);
        String card = part(page("GET", opened.substring(0, opened.indexOf('#')), null).body(), "poll-" + poll);
        assertThat(card.substring(0, card.indexOf("</section>"))).contains("id=\"done\"");
        // A place the desk does not have is not written into the page: the notice is told at the top.
        String odd = page("GET", "/lead?done=opened&at=%22%3E%3Cscript%3E", null).body();
        assertThat(odd).doesNotContain("<script>");
        assertThat(odd.indexOf("id=\"done\"")).isPositive().isLessThan(odd.indexOf("id=\"desk-week\""));
    }

    @Test
    void aRefusedFormComesBackFilledWithWhyBesideTheFieldAndNothingChanges() {
        int releases = api.call("GET", "/api/v1/releases", "/api/v1/releases", LEAD, null, 200).getAsJsonArray().size();
        HttpResponse<String> refused = page("POST", "/lead/releases?lang=en",
                "&version=2026.11.27&features=" + enc("POP-9 | Zoom <b>x</b> | camra"));
        assertThat(refused.statusCode()).isEqualTo(422);
        String html = refused.body();
        assertThat(html).contains("id=\"refused\"", "href=\"#open-release\"", "value=\"2026.11.27\"",
                "POP-9 | Zoom &lt;b&gt;x&lt;/b&gt; | camra</textarea>", "aria-invalid=\"true\"")
                .doesNotContain("<b>x</b>");
        assertThat(html.substring(html.indexOf("id=\"open-release-features-error\""))).startsWith(
                "id=\"open-release-features-error\">The feature POP-9 belongs to the unknown team &quot;camra&quot;.");
        assertThat(api.call("GET", "/api/v1/releases", "/api/v1/releases", LEAD, null, 200).getAsJsonArray())
                .hasSize(releases);

        String zh = page("POST", "/lead/releases?lang=zh-CN",
                "&version=2026.11.27&features=" + enc("POP-9 | Zoom | camra")).body();
        assertThat(zh).contains("功能 POP-9 所属的团队“camra”不存在。", "你填写的内容已保留在表单中");

        HttpResponse<String> nobody = page("POST", "/lead/participation/level?lang=en",
                "&user=nobody&level=honorary&reason=" + enc("a good one"));
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.body()).contains("value=\"nobody\"", "a good one</textarea>",
                "<option value=\"honorary\" selected>",
                "id=\"lock-level-user-error\">Popcorn knows no user &quot;nobody&quot;");
        assertThat(page("GET", "/lead/people/nobody", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aLeadFindsAPersonByNameAndActsFromTheirPage() {
        String found = page("GET", "/lead/people?q=" + enc("amy l") + "&lang=en", null).body();
        assertThat(found).contains("1 person found", "<a href=\"/lead/people/amy\">Amy Li</a>");
        assertThat(page("GET", "/lead/people?q=bo", null).body()).contains("2 people found", "bo-1", "bo-2");
        assertThat(page("GET", "/lead/people?q=zz&lang=zh-CN", null).body()).contains("没有名字或 ID 包含“zz”的用户。");
        for (int i = 0; i < dev.popcorn.app.participation.People.FOUND; i++) {
            server.signedInOnce("many-" + i, "Many " + i);
        }
        assertThat(page("GET", "/lead/people?q=many&lang=en", null).body())
                .contains("The first 20 people found: type more");

        // Picked by name on the desk: one person of that name is enough; two of one name are refused, kept and explained.
        assertThat(page("POST", "/lead/participation/level", "&user=" + enc("amy li") + "&level=honorary&reason=x")
                .statusCode()).isEqualTo(302);
        HttpResponse<String> twins = page("POST", "/lead/participation/level?lang=en", "&user=" + enc("Bo Chen")
                + "&level=honorary&reason=x");
        assertThat(twins.statusCode()).isEqualTo(422);
        assertThat(twins.body()).contains("2 people are called &quot;Bo Chen&quot;", "value=\"Bo Chen\"");

        String person = page("GET", "/lead/people/amy?lang=en", null).body();
        assertThat(person).contains("id=\"person-name\">Amy Li</h1>", "Id amy", "href=\"/fans/amy\"", "Honorary",
                "name=\"person\" value=\"amy\"", "id=\"acts\"");
        HttpResponse<String> unlocked = page("POST", "/lead/participation/level/unlock",
                "&user=amy&person=amy&reason=x");
        assertThat(unlocked.headers().firstValue("Location")).hasValue("/lead/people/amy?done=levelUnlocked#acts");
        assertThat(page("GET", "/lead/people/amy?done=levelUnlocked&lang=en", null).body()).contains("id=\"done\"")
                .contains("To become");
        // Refused on the person's page: that page again, not the desk.
        HttpResponse<String> again = page("POST", "/lead/participation/level/unlock?lang=en",
                "&user=amy&person=amy&reason=x");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"person-name\">Amy Li</h1>", "id=\"refused\"");

        // The audit log names people, linked to their page, and says who acted in words.
        String audit = part(page("GET", "/lead?lang=en", null).body(), "desk-audit");
        assertThat(audit)
                .contains("<a href=\"/lead/people/amy\" title=\"amy\">Amy Li</a>", "Level locked", "Level unlocked")
                .doesNotContain("user:amy", "User amy");
    }

    @Test
    void grantsAreSaidInWordsOnTheDeskAndThePersonsPage() {
        String amy = server.pass("amy", "Amy Li");
        api.call("PUT", "/api/v1/releases/" + release + "/report", "/api/v1/releases/{id}/report", amy,
                "{\"verdicts\": [{\"feature\": \"POP-1\", \"verdict\": \"LIKE\", \"comment\": \"Bright at night\"}]}",
                200);
        for (String html : new String[] {part(page("GET", "/lead?lang=en", null).body(), "desk-participation"),
                page("GET", "/lead/people/amy?lang=en", null).body()}) {
            assertThat(html).contains("A report on a release", "A badge: ").doesNotContain(">badge:", "> badge:");
        }
        assertThat(page("GET", "/lead?lang=en", null).body())
                .contains("<a href=\"/lead/people/amy\" title=\"amy\">Amy Li</a>");
    }

    @Test
    void aReleaseOpenedWithADraftPollWaitsForTheLeadToOpenIt() {
        String desk = page("GET", "/lead?lang=en", null).body();
        assertThat(desk).contains("name=\"draftPoll\"", "its poll opens by itself");

        HttpResponse<String> opened = page("POST", "/lead/releases", "&version=2026.11.27&draftPoll=1&features="
                + enc("POP-7 | Zoom | camera\nPOP-8 | Fast charge | battery"));
        assertThat(opened.headers().firstValue("Location"))
                .hasValue("/lead?done=releaseOpenedDraft&at=desk-award#desk-award");
        JsonObject newest = api.call("GET", "/api/v1/releases", "/api/v1/releases", LEAD, null, 200).getAsJsonArray()
                .asList().stream().map(r -> r.getAsJsonObject())
                .filter(r -> r.get("version").getAsString().equals("2026.11.27"))
                .findFirst().orElseThrow();
        long draft = api
                .call("GET", "/api/v1/releases/" + newest.get("id").getAsLong(), "/api/v1/releases/{id}", LEAD, null,
                        200)
                .getAsJsonObject().get("pollId").getAsLong();
        JsonObject kept = api.call("GET", "/api/v1/polls/" + draft, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject();
        assertThat(kept.get("state").getAsString()).isEqualTo("DRAFT");
        assertThat(kept.has("opensAt") && !kept.get("opensAt").isJsonNull()).as("no time to open by itself").isFalse();
        assertThat(part(page("GET", "/lead?lang=en", null).body(), "poll-" + draft))
                .contains("a draft until a lead opens it");
        assertThat(page("POST", "/lead/polls/" + draft + "/open", "").statusCode()).isEqualTo(302);
        assertThat(api.call("GET", "/api/v1/polls/" + draft, "/api/v1/polls/{id}", LEAD, null, 200).getAsJsonObject()
                .get("state").getAsString()).isEqualTo("OPEN");
    }

    @Test
    void aStillOpenPollOfTheReleaseBeforeStaysOnTheFansHomeUntilItCloses() {
        api.call("POST", "/api/v1/polls/" + poll + "/open", "/api/v1/polls/{id}/open", LEAD, null, 200);
        assertThat(server.page("GET", "/?lang=en", null, null).body()).doesNotContain("id=\"still-open\"");
        page("POST", "/lead/releases", "&version=2026.11.21&draftPoll=1&features=" + enc("POP-7 | Zoom | camera"));

        String en = server.page("GET", "/?lang=en", null, null).body();
        String still = en.substring(en.indexOf("id=\"still-open\""),
                en.indexOf("</section>", en.indexOf("id=\"still-open\"")));
        assertThat(still).contains("Still open from release 2026.11.20", "href=\"/polls/" + poll + "\"",
                "href=\"/releases/" + release + "#report\"");
        assertThat(server.page("GET", "/?lang=zh-CN", null, null).body()).contains("版本 2026.11.20 仍在进行中");

        page("POST", "/lead/polls/" + poll + "/close", "");
        server.clock.advance(java.time.Duration.ofDays(8)); // past the earlier release's report deadline too
        assertThat(server.page("GET", "/?lang=en", null, null).body()).doesNotContain("id=\"still-open\"");
    }

    @Test
    void aDisqualificationsReasonIsReadInTheReadersLanguage() {
        api.call("POST", "/api/v1/polls/" + poll + "/open", "/api/v1/polls/{id}/open", LEAD, null, 200);
        long candidate = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200)
                .getAsJsonObject()
                .getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsLong();
        HttpResponse<String> out = page("POST", "/lead/polls/" + poll + "/candidates/" + candidate + "/disqualify",
                "&reason=" + enc("The video was of another release") + "&reasonZh=" + enc("视频不是这个版本的"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(server.page("GET", "/polls/" + poll + "?lang=zh-CN", null, null).body()).contains("视频不是这个版本的")
                .doesNotContain("The video was of another release");
        assertThat(server.page("GET", "/polls/" + poll + "?lang=en", null, null).body())
                .contains("The video was of another release")
                .doesNotContain("视频不是这个版本的");
        // Without a Chinese reason, Chinese pages read the English one.
        long other = api.call("GET", "/api/v1/polls/" + poll, "/api/v1/polls/{id}", LEAD, null, 200).getAsJsonObject()
                .getAsJsonArray("candidates").get(1).getAsJsonObject().get("id").getAsLong();
        api.call("POST", "/api/v1/polls/" + poll + "/candidates/" + other + "/disqualify",
                "/api/v1/polls/{id}/candidates/{candidate}/disqualify", LEAD, "{\"reason\": \"Bought votes\"}", 200);
        assertThat(server.page("GET", "/polls/" + poll + "?lang=zh-CN", null, null).body()).contains("Bought votes");
    }
}
