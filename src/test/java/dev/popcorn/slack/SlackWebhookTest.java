package dev.popcorn.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.MutableClock;
import dev.popcorn.app.Announcement;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.http.ConnectorException.Failure;
import dev.popcorn.http.OfflineConnector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackWebhookTest {

    private static final URI HOOK = URI.create("https://hooks.slack.example/services/T000/B000/secret-part");
    private final OfflineConnector connector = new OfflineConnector();
    private final SlackWebhook webhook = new SlackWebhook(HOOK, Duration.ofSeconds(10), connector,
            new MutableClock(Instant.parse("2026-11-27T12:00:00Z")));
    private final Announcement announcement = new Announcement(9, "Popcorn Award", "**Camera** wins", new byte[0],
            "https://popcorn.example.com/polls/9/card.png", "https://popcorn.example.com/polls/9", List.of());

    private DeliveryFailure failure() {
        try {
            webhook.post(announcement);
        } catch (DeliveryFailure e) {
            return e;
        }
        throw new AssertionError("the post did not fail");
    }

    @Test
    void theAnnouncementIsPostedOnceAsJsonToTheWebhook() {
        connector.answer(200, "ok", Map.of());
        webhook.post(announcement);
        assertThat(connector.requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo(HOOK);
            assertThat(request.header("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("*Camera* wins");
        });
    }

    @Test
    void aBusyWebhookIsTriedAgainAfterTheWaitItAskedFor() {
        connector.answer(429, "slow down", Map.of("Retry-After", "30"));
        DeliveryFailure busy = failure();
        assertThat(busy.retryable()).isTrue();
        assertThat(busy.retryAfter()).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aGoneWebhookWaitsForAPersonAndAFailingOneIsTriedAgain() {
        connector.answer(404, "no_service", Map.of()).answer(503, "", Map.of());
        DeliveryFailure gone = failure();
        assertThat(gone.retryable()).isFalse();
        assertThat(gone.getMessage()).isEqualTo("the chat webhook answered 404: no_service")
                .doesNotContain("secret-part");
        assertThat(failure().retryable()).isTrue();
    }

    @Test
    void aMessageThatMayHaveArrivedIsNotSentAgainButOneThatCannotHaveIs() {
        connector.fail(Failure.TIMEOUT, "POST https://hooks.slack.example: the chat webhook did not answer within 10 s")
                .fail(Failure.BROKEN_OFF, "POST https://hooks.slack.example: the chat webhook broke off")
                .fail(Failure.UNREACHABLE, "POST https://hooks.slack.example: cannot reach the chat webhook");
        DeliveryFailure timeout = failure();
        assertThat(timeout.retryable()).isFalse();
        assertThat(timeout.getMessage()).endsWith("the message may have arrived");
        assertThat(failure().retryable()).isFalse();
        assertThat(failure().retryable()).isTrue();
    }

    @Test
    void markdownBecomesMrkdwnWithImagesLeftOutAndLinksInSlacksForm() {
        String markdown = "# 🍿 Popcorn Award\n\n**128 votes** for Camera\n\n![王磊](https\\://x\\.example/p\\.png) \n\n"
                + "[The results](https\\://popcorn\\.example\\.com/polls/9)";

        assertThat(SlackWebhook.mrkdwn(markdown)).isEqualTo("*🍿 Popcorn Award*\n\n*128 votes* for Camera\n\n"
                + "<https://popcorn.example.com/polls/9|The results>");
    }

    @Test
    void aNameCannotMentionTheChannelOrForgeALink() {
        String markdown = "Team \\<\\!channel\\> and \\<https\\://evil\\|click\\> \\& co";

        assertThat(SlackWebhook.mrkdwn(markdown))
                .isEqualTo("Team &lt;!channel&gt; and &lt;https://evil|click&gt; &amp; co");
    }

    @Test
    void theCardIsAttachedOnlyWhenSlackCanFetchIt() {
        Announcement local = new Announcement(9, "Popcorn Award", "hi", new byte[0],
                "http://localhost:8080/polls/9/card.png",
                "http://localhost:8080/polls/9", java.util.List.of());
        Announcement public_ = new Announcement(9, "Popcorn Award", "hi", new byte[0],
                "https://popcorn.example.com/polls/9/card.png",
                "https://popcorn.example.com/polls/9", java.util.List.of());

        assertThat(blockTypes(SlackWebhook.message(local))).containsExactly("header", "section");
        assertThat(blockTypes(SlackWebhook.message(public_))).containsExactly("header", "section", "image");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> blockTypes(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("blocks")).stream().map(b -> b.get("type")).toList();
    }
}
