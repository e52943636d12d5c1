package dev.popcorn.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.Announcement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackWebhookTest {

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

        assertThat(SlackWebhook.mrkdwn(markdown)).isEqualTo("Team &lt;!channel&gt; and &lt;https://evil|click&gt; &amp; co");
    }

    @Test
    void theCardIsAttachedOnlyWhenSlackCanFetchIt() {
        Announcement local = new Announcement(9, "Popcorn Award", "hi", new byte[0], "http://localhost:8080/polls/9/card.png",
                "http://localhost:8080/polls/9", java.util.List.of());
        Announcement public_ = new Announcement(9, "Popcorn Award", "hi", new byte[0], "https://popcorn.example.com/polls/9/card.png",
                "https://popcorn.example.com/polls/9", java.util.List.of());

        assertThat(blockTypes(SlackWebhook.message(local))).containsExactly("header", "section");
        assertThat(blockTypes(SlackWebhook.message(public_))).containsExactly("header", "section", "image");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> blockTypes(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("blocks")).stream().map(b -> b.get("type")).toList();
    }
}
