package dev.popcorn.discourse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.popcorn.app.Announcement;
import dev.popcorn.app.Check;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.config.DiscourseConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Discourse client and forum adapter against a fake Discourse: every request Popcorn sends
 * and every answer the fake gives is checked against Discourse's OpenAPI document.
 */
class DiscourseContractIT {

    private final FakeDiscourse fake = new FakeDiscourse();

    @AfterEach
    void stop() {
        assertThat(fake.contractViolations()).isEmpty();
        fake.close();
    }

    private DiscourseConfig config(int perMinute, long badge, String group) {
        return new DiscourseConfig(URI.create(fake.url()), FakeDiscourse.API_KEY, "system", FakeDiscourse.CATEGORY,
                perMinute,
                Duration.ofSeconds(5), "", Duration.ofMinutes(10), List.of(), "", badge, group, Duration.ofMinutes(15),
                "");
    }

    @Test
    void everyOperationSpeaksDiscoursesApi() throws IOException {
        fake.user(12, "wanglei", 2, false);
        DiscourseClient client = new DiscourseClient(config(6000, 0, ""), Clock.systemUTC());

        DiscourseClient.Post topic = client.createTopic("🍿 Release 2026.11.27", "What is new", FakeDiscourse.CATEGORY,
                "popcorn-release-1");
        DiscourseClient.Post reply = client.reply(topic.topicId(), "A reply");
        client.editPost(topic.id(), "What is new, edited", "Popcorn: the week moved on");
        DiscourseClient.Upload upload = client.upload("card.png", png(40, 20), "image/png");
        DiscourseClient.Post message = client.privateMessage(List.of("wanglei"), "Your wish is done", "Hooray",
                "popcorn-wish-1-0");

        assertThat(client.topicByExternalId("popcorn-release-1")).contains(topic.topicId());
        assertThat(client.topicByExternalId("popcorn-release-404")).isEmpty();
        assertThat(client.firstPost(topic.topicId()).id()).isEqualTo(topic.id());
        assertThat(reply.postNumber()).isEqualTo(2);
        assertThat(upload.shortUrl()).startsWith("upload://");
        assertThat(upload.width()).isEqualTo(40);
        assertThat(client.user("wanglei")).map(DiscourseClient.User::trustLevel).contains(2);
        assertThat(client.user("nobody")).isEmpty();
        assertThat(client.adminUser(12).username()).isEqualTo("wanglei");
        long group = client.groupId("popcorn-winners");
        client.addToGroup(group, List.of("wanglei"));
        client.addToGroup(group, List.of("wanglei"));
        assertThat(client.groupMembers("popcorn-winners")).containsExactly("wanglei");
        assertThat(client.groupName(group)).isEqualTo("popcorn-winners");
        String topicUrl = client.url("/t/" + topic.topicSlug() + "/" + topic.topicId());
        client.grantBadge("wanglei", 101, topicUrl);
        assertThat(fake.badgesGranted()).containsExactly("wanglei:101");
        assertThat(fake.badgeReasons()).containsExactly(topicUrl);
        // Discourse's rule (UserBadgesController#is_badge_reason_valid?): a reason that is not a topic or post of the forum is refused.
        assertThatThrownBy(() -> client.grantBadge("wanglei", 101, "https://popcorn.example.com/polls/3"))
                .isInstanceOfSatisfying(DiscourseException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> client.grantBadge("wanglei", 101, client.url("/u/wanglei")))
                .isInstanceOfSatisfying(DiscourseException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(fake.badgesGranted()).containsExactly("wanglei:101");
        assertThat(fake.topics()).extracting(FakeDiscourse.Topic::posts)
                .containsExactly(List.of("What is new, edited", "A reply"), List.of("Hooray"));
        assertThat(fake.topics().get(1).recipients()).isEqualTo("wanglei");
        assertThat(message.topicId()).isEqualTo(fake.topics().get(1).id());
        // The API key travels in its header and nowhere else.
        assertThat(fake.loggedRequests()).allSatisfy(r -> assertThat(r.getUrl()).doesNotContain(FakeDiscourse.API_KEY));
    }

    @Test
    void aTopicAnotherDatabaseWroteUnderTheSameKeyIsLeftAsItIsAndItsOwnDatabaseEditsIt() {
        DiscourseForum forum = new DiscourseForum(new DiscourseClient(config(6000, 0, ""), Clock.systemUTC()),
                config(6000, 0, ""));
        String first = "6f1c1d0e-2a8b-4c55-9f0a-1b2c3d4e5f60";
        String reinstall = "0a9b8c7d-6e5f-4a3b-8c1d-0e9f8a7b6c5d";
        forum.publish(new Forum.Thread("popcorn-prod-poll-3", "Vote", "Approved: the camera team won", first),
                Optional.empty());
        assertThat(fake.topics().get(0).posts().get(0)).as("the mark readers do not see")
                .isEqualTo("Approved: the camera team won\n\n<!-- popcorn-database: " + first + " -->");

        // A fresh database under the same installation id finds the key, reads the mark and writes nothing.
        assertThatThrownBy(
                () -> forum.publish(new Forum.Thread("popcorn-prod-poll-3", "Vote", "Voting in progress", reinstall),
                        Optional.empty()))
                .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.advice()).isEqualTo(DeliveryFailure.ANOTHER_DATABASE);
                    assertThat(e.getMessage()).contains("popcorn-prod-poll-3", "another Popcorn database",
                            "server.installation-id");
                });
        assertThat(fake.topics().get(0).posts().get(0)).startsWith("Approved: the camera team won");
        assertThat(fake.requests()).noneMatch(r -> r.startsWith("PUT /posts/"));

        // The database that wrote it edits it, remembered or found by its key.
        forum.publish(new Forum.Thread("popcorn-prod-poll-3", "Vote", "Approved, with the photos", first),
                Optional.empty());
        assertThat(fake.topics().get(0).posts().get(0)).startsWith("Approved, with the photos");
        // A topic posted before databases were named carries no mark: taken as this installation's, as before.
        forum.publish(new Forum.Thread("popcorn-prod-release-3", "Release", "Notes", ""), Optional.empty());
        forum.publish(new Forum.Thread("popcorn-prod-release-3", "Release", "Notes, edited", reinstall),
                Optional.empty());
        assertThat(fake.topics().get(1).posts().get(0)).startsWith("Notes, edited");
        assertThat(fake.contractViolations()).isEmpty();
    }

    @Test
    void aThreadIsCreatedOnceAndEditedAfterwardsEvenWhenPopcornForgotIt() {
        DiscourseForum forum = new DiscourseForum(new DiscourseClient(config(6000, 0, ""), Clock.systemUTC()),
                config(6000, 0, ""));

        Forum.Posted first = forum.publish(new Forum.Thread("popcorn-poll-3", "Vote", "Open", ""), Optional.empty());
        Forum.Posted known = forum.publish(new Forum.Thread("popcorn-poll-3", "Vote", "Closed", ""),
                Optional.of(first));
        // As after a crash between posting and recording it: the thread is found by its key.
        Forum.Posted found = forum.publish(new Forum.Thread("popcorn-poll-3", "Vote", "Closed, results soon", ""),
                Optional.empty());

        assertThat(fake.topics()).hasSize(1);
        assertThat(fake.topics().get(0).posts()).containsExactly("Closed, results soon");
        assertThat(known).isEqualTo(first);
        assertThat(found).isEqualTo(first);
        assertThat(first.url()).isEqualTo(fake.url() + "/t/popcorn/" + first.topicId());
    }

    @Test
    void theAnnouncementUploadsTheCardAndEveryPhotoItShowsOnce() throws Exception {
        DiscourseForum forum = new DiscourseForum(new DiscourseClient(config(6000, 0, ""), Clock.systemUTC()),
                config(6000, 0, ""));
        String text = "# 🍿 Popcorn Award\n\n![王磊](http\\://localhost\\:8080/photos/camera\\-1\\.png) "
                + "![Li Na](http\\://localhost\\:8080/photos/camera\\-2\\.png) ![elsewhere](https\\://cdn\\.example/x\\.png)\n\n"
                + "王磊 · Li Na";
        Announcement announcement = new Announcement(3, "🍿 爆米花奖 · Popcorn Award · 2026.11.27", text, png(1200, 630),
                "http://localhost:8080/polls/3/card.png", "http://localhost:8080/polls/3",
                List.of(new Announcement.Photo("王磊", "http://localhost:8080/photos/camera-1.png", png(64, 64)),
                        new Announcement.Photo("Li Na", "http://localhost:8080/photos/camera-2.png", png(64, 65))));

        Forum.Posted posted = forum.announceWinners("popcorn-prod-award-3", announcement);
        Forum.Posted again = forum.announceWinners("popcorn-prod-award-3", announcement);

        assertThat(again).isEqualTo(posted);
        assertThat(fake.topics()).hasSize(1);
        assertThat(fake.uploads()).isEqualTo(3);
        String raw = fake.topics().get(0).posts().get(0);
        assertThat(raw).startsWith("![Popcorn Award|1200x630](upload://")
                .containsPattern("!\\[王磊\\|64x64]\\(upload://[0-9a-f]{27}\\.png\\)")
                .containsPattern("!\\[Li Na\\|64x65]\\(upload://[0-9a-f]{27}\\.png\\)")
                .contains("![elsewhere](https\\://cdn\\.example/x\\.png)")
                .doesNotContain("localhost");
        assertThat(fake.requests().stream().filter(r -> r.equals("POST /uploads.json")).count()).isEqualTo(3);
    }

    @Test
    void winnersAreRecognisedWithTheBadgeAndTheGroupAndPrivateMessagesGoOutOnce() {
        fake.user(12, "wanglei", 2, false);
        fake.user(13, "lina", 1, false);
        DiscourseForum forum = new DiscourseForum(
                new DiscourseClient(config(6000, 105, "popcorn-winners"), Clock.systemUTC()),
                config(6000, 105, "popcorn-winners"));
        Forum.Posted announcement = forum.publish(new Forum.Thread("popcorn-prod-award-3", "Winners", "Hooray", ""),
                Optional.empty());

        // A refused badge (a reason that is not on the forum) is a refusal no retry fixes, and the group step still goes.
        assertThatThrownBy(() -> forum.grantBadge("wanglei", "https://popcorn.example.com/polls/3"))
                .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("400");
                });
        forum.joinWinners(List.of("wanglei", "lina"));
        forum.joinWinners(List.of("wanglei", "lina"));
        forum.grantBadge("wanglei", announcement.url());
        forum.grantBadge("lina", announcement.url());
        forum.tell("popcorn-wish-9-0", List.of("zhaomin"), "Your wish is done", "Hooray");
        forum.tell("popcorn-wish-9-0", List.of("zhaomin"), "Your wish is done", "Hooray");

        assertThat(forum.recognises()).isTrue();
        assertThat(fake.groupMembers("popcorn-winners")).containsExactly("wanglei", "lina");
        assertThat(fake.badgesGranted()).containsExactly("wanglei:105", "lina:105");
        assertThat(fake.badgeReasons()).containsOnly(announcement.url());
        assertThat(fake.topics()).hasSize(2);
    }

    @Test
    void requestsArePacedAndA429StormIsWaitedOut() {
        // Pacing is a rule about the client's own clock: it is tested on a clock that moves only when the client waits,
        // so a busy machine cannot make it pass or fail (real-time figures belong to the benchmark).
        dev.popcorn.MutableClock clock = new dev.popcorn.MutableClock(Instant.parse("2026-11-21T02:00:00Z"));
        List<Duration> waits = new ArrayList<>();
        DiscourseClient client = new DiscourseClient(config(600, 0, ""), clock, wait -> {
            waits.add(wait);
            clock.advance(wait);
        });
        // 600 a minute: one request every 100 ms, the first at once.
        for (int i = 0; i < 6; i++) {
            client.user("system");
        }
        assertThat(waits).as("five waits of one interval each").hasSize(5)
                .allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofMillis(100)));

        // Three answers 429 in a row, asking for a second each: once in the Retry-After header, then in the body.
        waits.clear();
        fake.rateLimit(2, 1, false);
        assertThat(client.user("system")).isPresent();
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).as("two 429s with Retry-After: 1")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        waits.clear();
        fake.rateLimit(1, 1, true);
        assertThat(client.user("system")).isPresent();
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).as("one 429 with extras.wait_seconds 1")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.loggedRequests()).as("6 paced, 2 + 1 refused and each tried again").hasSize(6 + 3 + 2);
    }

    @Test
    void aLongWaitIsLeftToTheOutboxAndAWrongKeyIsAClearRefusal() {
        DiscourseForum forum = new DiscourseForum(new DiscourseClient(config(6000, 0, ""), Clock.systemUTC()),
                config(6000, 0, ""));
        fake.rateLimit(1, 120, true);

        assertThatThrownBy(() -> forum.publish(new Forum.Thread("popcorn-release-1", "R", "T", ""), Optional.empty()))
                .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.getMessage()).contains("429", "120 s");
                });
        assertThat(fake.topics()).isEmpty();

        DiscourseConfig wrong = new DiscourseConfig(URI.create(fake.url()), "wrong-key", "system",
                FakeDiscourse.CATEGORY, 6000,
                Duration.ofSeconds(5), "", Duration.ofMinutes(10), List.of(), "", 0, "", Duration.ofMinutes(15), "");
        List<Check> checks = new DiscourseForum(new DiscourseClient(wrong, Clock.systemUTC()), wrong).check();
        assertThat(checks).extracting(Check::code).containsExactly("check.forum.key.failed", "check.forum.connect.off");
        assertThat(checks.get(0).args().get(0)).contains("403", "API key is invalid").doesNotContain("wrong-key");
        // The refused requests are not Popcorn's contract problem.
        fake.server.resetRequests();
    }

    @Test
    void theCheckTriesTheKeyTheCategoryAndAnUpload() {
        List<Check> checks = new DiscourseForum(new DiscourseClient(config(6000, 0, ""), Clock.systemUTC()),
                config(6000, 0, "")).check();

        assertThat(checks).extracting(Check::code)
                .containsExactly("check.forum.key", "check.forum.category", "check.forum.upload",
                        "check.forum.connect.off");
        assertThat(checks).allMatch(Check::ok);
        assertThat(checks.get(1).args()).containsExactly("7", "Popcorn 爆米花");
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width * 31 + height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
