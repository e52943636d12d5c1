package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.popcorn.app.ReportStore;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.award.PollState;
import dev.popcorn.domain.feedback.FeatureVerdict;
import dev.popcorn.domain.release.Release;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo tells the truth a visitor can check (issue 28, items 26 and 27): each past award was approved in its own
 * week, the morning after its poll closed; projects have real titles and pitches in both languages, numbered
 * nowhere; no two fans wrote the same comment; teams are named in the reader's language.
 */
class DemoWeekIT {

    /** Saturday noon in Shanghai: last week's award is approved, this week's poll is open. */
    static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T04:00:00Z");
    static final Pattern NUMBERED = Pattern.compile("[·#]\\s*\\d+\\s*$|\\b[Ww]eek \\d+|第 ?\\d+ ?周");

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, SATURDAY_NOON, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String page(String path) {
        var answer = server.page("GET", path, null, null);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static List<Poll> approved() {
        return server.popcorn.store().polls().approved(100);
    }

    @Test
    void eachPastAwardWasApprovedTheMorningAfterItsOwnPollClosed() {
        List<Poll> approved = approved();
        assertThat(approved).as("last week and the ten before it").hasSize(11);
        Set<Instant> times = new HashSet<>();
        for (Poll poll : approved) {
            assertThat(poll.state()).isEqualTo(PollState.APPROVED);
            assertThat(poll.closedAt()).as("closed when its time came").isEqualTo(poll.closesAt());
            assertThat(poll.approvedAt()).as(poll.title()).isAfter(poll.closesAt())
                    .isBefore(poll.closesAt().plus(Duration.ofHours(18))).isBefore(SATURDAY_NOON);
            times.add(poll.approvedAt());
        }
        assertThat(times).as("no two at the same moment").hasSameSizeAs(approved);
        // The public answer says the same: the winners week by week, each approved in its week.
        List<Instant> answered = new ArrayList<>();
        JsonParser.parseString(server.send("GET", "/api/v1/winners", null, null).body()).getAsJsonArray()
                .forEach(w -> answered.add(Instant.parse(w.getAsJsonObject().get("approvedAt").getAsString())));
        assertThat(answered).containsExactlyInAnyOrderElementsOf(times);
    }

    @Test
    void everyProjectHasARealTitleAndPitchInBothLanguagesNumberedNowhere() {
        List<Poll> polls = server.popcorn.store().polls().recent(100);
        assertThat(polls).hasSize(12);
        Set<String> titles = new HashSet<>();
        for (Poll poll : polls) {
            for (Candidate c : poll.candidates()) {
                for (String text : List.of(c.title(), c.titleZh(), c.pitch(), c.pitchZh())) {
                    assertThat(text).as("candidate %d of %s", c.id(), poll.title()).isNotBlank()
                            .doesNotContainPattern(NUMBERED);
                }
                assertThat(c.titleZh()).isNotEqualTo(c.title());
                assertThat(titles.add(c.title())).as("one project, one week: " + c.title()).isTrue();
            }
        }
        for (Release release : server.popcorn.store().releases().recent(100)) {
            release.features().forEach(f -> assertThat(List.of(f.summary(), f.summaryZh()))
                    .allSatisfy(text -> assertThat(text).isNotBlank().doesNotContainPattern(NUMBERED)));
        }
        assertThat(page("/winners?lang=en")).doesNotContainPattern("· \\d+<").doesNotContain("Smoother");
        assertThat(page("/winners?lang=zh-CN")).doesNotContainPattern("· \\d+<").doesNotContain("更流畅的");
    }

    @Test
    void noTwoFansWroteTheSameCommentAndTheFeedbackQuotesEachOnce() {
        List<String> said = new ArrayList<>();
        for (Release release : server.popcorn.store().releases().recent(100)) {
            for (ReportStore.Handed report : server.popcorn.store().reports().latest(release.id(), 10_000)) {
                report.verdicts().stream().map(FeatureVerdict::comment).filter(c -> !c.isEmpty()).forEach(said::add);
            }
        }
        assertThat(said).as("the fans did write").hasSizeGreaterThan(100).doesNotHaveDuplicates();

        Release current = server.popcorn.store().releases().recent(1).get(0);
        List<String> quotes = new ArrayList<>();
        Matcher quote = Pattern.compile("<q>([^<]*)</q>").matcher(page("/releases/" + current.id() + "?lang=en"));
        while (quote.find()) {
            quotes.add(quote.group(1));
        }
        assertThat(quotes).hasSizeGreaterThan(8).doesNotHaveDuplicates();
    }

    @Test
    void teamsAreNamedInTheReadersLanguage() {
        assertThat(page("/teams/camera?lang=en")).contains("<h1>Camera</h1>").doesNotContain("相机");
        assertThat(page("/teams/camera?lang=zh-CN")).contains("<h1>相机</h1>").doesNotContain("<h1>Camera");
        String english = page("/winners?lang=en");
        String chinese = page("/winners?lang=zh-CN");
        assertThat(english).contains(">Camera</a>", ">Messaging</a>").doesNotContain("相机", "短信</a>");
        assertThat(chinese).contains(">相机</a>", ">短信</a>").doesNotContain(">Camera</a>", "Camera 相机");
        long poll = server.popcorn.store().polls().recent(1).get(0).id();
        assertThat(page("/polls/" + poll + "?lang=en")).contains("— Battery").doesNotContain("电量");
        assertThat(page("/polls/" + poll + "?lang=zh-CN")).contains("— 电量").doesNotContain("Battery");
    }
}
