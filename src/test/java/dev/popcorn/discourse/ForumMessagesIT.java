package dev.popcorn.discourse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.Eventually;
import dev.popcorn.TestServer;
import dev.popcorn.domain.release.Release;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private messages to one fan on a (fake) Discourse, checked against its OpenAPI document: a promotion or a new
 * badge tier when forum.standing-messages is on, and a reminder before reports close for the fans who asked for it on
 * their page — in their language, escaped, each once across a restart, and none for a fan who did not ask, has no
 * forum account, reported already or was reminded this week.
 */
class ForumMessagesIT {

    private final FakeDiscourse fake = new FakeDiscourse();
    private TestServer server;

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        assertThat(fake.contractViolations()).isEmpty();
        fake.close();
    }

    private Map<String, String> forum(boolean standingMessages) {
        Map<String, String> config = new HashMap<>();
        config.put("discourse.url", fake.url());
        config.put("discourse.api-key", FakeDiscourse.API_KEY);
        config.put("discourse.category-id", String.valueOf(FakeDiscourse.CATEGORY));
        config.put("discourse.requests-per-minute", "6000");
        config.put("forum.standing-messages", String.valueOf(standingMessages));
        // A level name that would format the message if it were not escaped.
        config.put("levels.fan.name", "米粉 / Fan *star* <b> @all");
        return config;
    }

    private void forumFan(String id, String username) {
        server.signedInThroughForum(id, username);
    }

    private List<FakeDiscourse.Topic> messagesTo(String username) {
        return fake.topics().stream().filter(t -> username.equals(t.recipients())).toList();
    }

    private List<FakeDiscourse.Topic> privateMessages() {
        return fake.topics().stream().filter(t -> t.recipients() != null).toList();
    }

    /** Starts Popcorn at {@code TestServer.FRIDAY} with a release of one feature shipped then, as the pipeline opens it. */
    private Release started(boolean standingMessages) {
        server = TestServer.start(data, TestServer.FRIDAY, false, forum(standingMessages));
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN, "{\"name\": \"Camera\", \"members\": []}");
        HttpResponse<String> opened = server.send("POST", "/api/v1/releases", TestServer.ADMIN_TOKEN,
                """
                        {"version": "2026.11.20", "features": [{"key": "POP-1", "summary": "Night mode", "team": "camera"}]}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return server.latestRelease();
    }

    @Test
    void promotionsBadgesAndRemindersArriveOnceInTheFansLanguageAndOnlyForThoseDue() {
        Release release = started(true);
        forumFan("f-en", "amy_en");
        forumFan("f-zh", "xiao_zh");
        forumFan("f-both", "bo");
        forumFan("f-reported", "rep");
        forumFan("f-off", "off");
        server.signedInOnce("f-none", "No forum");

        // The page says reminders need a forum account, and refuses to turn them on without one.
        String none = server.session("f-none", "No forum");
        assertThat(server.page("GET", "/me", none, null).body()).contains("id=\"reminders-need-forum\"",
                "Reminders come as private messages on the forum");
        assertThat(server.page("POST", "/me/reminders", none, "&on=true").statusCode()).isEqualTo(409);

        // Asked for on the page (in Chinese), through the API (in English), asked for and taken back.
        HttpResponse<String> zh = server.page("POST", "/me/reminders?lang=zh-CN", server.session("f-zh", "Xiao"),
                "&on=true");
        assertThat(zh.statusCode()).isEqualTo(302);
        assertThat(server.page("GET", "/me?lang=zh-CN", server.session("f-zh", "Xiao"), null).body())
                .contains("报告截止前会提醒你。", "不用提醒了");
        String en = server.pass("f-en", "Amy");
        HttpResponse<String> api = server.send("PUT", "/api/v1/me/reminders", en, "{\"on\": true}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"on\":true", "\"forumAccount\":true", "\"hours\":24");
        assertThat(server.send("PUT", "/api/v1/me/reminders", en, "{\"on\": \"yes\"}").statusCode()).isIn(400, 422);
        String reported = server.pass("f-reported", "Rep");
        assertThat(server.send("PUT", "/api/v1/me/reminders", reported, "{\"on\": true}").statusCode()).isEqualTo(200);
        String off = server.session("f-off", "Off");
        server.page("POST", "/me/reminders", off, "&on=true");
        server.page("POST", "/me/reminders", off, "&on=false");
        assertThat(server.page("GET", "/me", off, null).body()).contains("You get no reminders.", "Remind me");

        // Promotions: told in the fan's language, or both; nothing for a fan with no forum account.
        server.lockLevel("f-en", "fan");
        server.lockLevel("f-both", "fan");
        server.lockLevel("f-none", "fan");
        await(() -> messagesTo("amy_en").size() == 1 && messagesTo("bo").size() == 1);
        FakeDiscourse.Topic promoted = messagesTo("amy_en").get(0);
        assertThat(promoted.externalId()).matches("popcorn-.+-notice-\\d+");
        assertThat(promoted.title()).isEqualTo("🍿 You are now Fan *star* <b> @all");
        assertThat(promoted.posts().get(0)).contains("You are now Fan \\*star\\* \\<b\\> @\u200Ball\\!", "/me)")
                .doesNotContain("米粉", "<b>").doesNotContainPattern("(?<!\\\\)\\*star");
        assertThat(dev.popcorn.web.common.ForumMarkdown.plainText(promoted.posts().get(0)))
                .as("the forum shows the name as it is").contains("You are now Fan *star* <b> @\u200Ball!");
        assertThat(messagesTo("bo").get(0).posts().get(0)).contains("你升级为", "You are now", "\n---\n");

        // A report earns the first-report badge: told once; and no reminder is due for that release.
        String feature = release.features().get(0).key();
        assertThat(server.send("PUT", "/api/v1/releases/" + release.id() + "/report", reported,
                "{\"verdicts\": [{\"feature\": \"" + feature + "\", \"verdict\": \"LIKE\"}]}").statusCode())
                .isEqualTo(200);
        await(() -> messagesTo("rep").size() == 1);
        assertThat(messagesTo("rep").get(0).posts().get(0)).contains("New badge", "First report");

        // Twenty-three hours before reports close: the fans who asked and did not report are reminded, once.
        server.clock.set(release.reportsCloseAt().minus(Duration.ofHours(23)));
        await(() -> messagesTo("amy_en").size() == 2 && messagesTo("xiao_zh").size() == 1);
        FakeDiscourse.Topic reminderEn = messagesTo("amy_en").stream().filter(t -> t.externalId().contains("-remind-"))
                .findFirst().orElseThrow();
        assertThat(reminderEn.title()).startsWith("🍿 Reports on " + release.version() + " close");
        assertThat(reminderEn.posts().get(0))
                .contains("Report on " + release.version(), "/releases/" + release.id() + ")",
                        "turn it off on your page")
                .doesNotContain("体验报告");
        FakeDiscourse.Topic reminderZh = messagesTo("xiao_zh").get(0);
        assertThat(reminderZh.title()).contains("体验报告将于").doesNotContain("Reports on");
        assertThat(reminderZh.posts().get(0)).contains("提交报告", "北京时间").doesNotContain("Report on");

        // Asked again the same week, and a restart: nothing more is sent.
        server.page("POST", "/me/reminders", server.session("f-en", "Amy"), "&on=false");
        server.page("POST", "/me/reminders", server.session("f-en", "Amy"), "&on=true");
        int sent = privateMessages().size();
        server.close();
        server = TestServer.start(data, release.reportsCloseAt().minus(Duration.ofHours(22)), false, forum(true));
        Eventually.pause(Duration.ofSeconds(8));
        assertThat(privateMessages()).hasSize(sent);
        assertThat(messagesTo("rep")).as("reported already").hasSize(1);
        assertThat(messagesTo("off")).as("took it back").isEmpty();
        assertThat(messagesTo("bo")).as("never asked").hasSize(1);
        assertThat(fake.loggedRequests().stream().filter(r -> r.getUrl().equals("/posts.json"))
                .filter(r -> r.getBodyAsString().contains("private_message")).count()).as("each sent once")
                .isEqualTo(sent);
    }

    @Test
    void withStandingMessagesOffAPromotionIsNotToldOnTheForumAndNoOneAskedForReminders() {
        Release release = started(false);
        forumFan("f-en", "amy_en");
        server.lockLevel("f-en", "fan");
        server.clock.set(release.reportsCloseAt().minus(Duration.ofHours(1)));
        Eventually.pause(Duration.ofSeconds(8));
        assertThat(privateMessages()).isEmpty();
        assertThat(server.page("GET", "/me", server.session("f-en", "Amy"), null).body())
                .contains("You get no reminders.");
    }

    /** Waits for the fake forum to be sent what the test expects, saying what it was sent if it never is. */
    private void await(BooleanSupplier condition) {
        Eventually.holds("the forum's messages", Duration.ofSeconds(45), condition,
                () -> "it was sent " + fake.requests()
                        + "; Popcorn's outbox: "
                        + server.send("GET", "/api/v1/tracker", TestServer.ADMIN_TOKEN, null).body());
    }
}
