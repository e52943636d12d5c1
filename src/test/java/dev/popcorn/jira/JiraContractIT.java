package dev.popcorn.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.app.Check;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.app.tracker.IssueTracker.TicketFeedback;
import dev.popcorn.app.tracker.IssueTracker.WishTicket;
import dev.popcorn.config.Config;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.config.JiraConfig.Deployment;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.FeedbackLabels;
import dev.popcorn.domain.feedback.Ticket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jira adapter against a WireMock Jira, Cloud and Data Center: what it sends, what it makes
 * of the answers and of Jira's failures. After every test, each request and answer is checked
 * against Atlassian's OpenAPI document.
 */
class JiraContractIT {

    static final String RELEASE_JQL = "fixVersion = \"2026.11.20\"";

    @TempDir
    Path data;

    FakeJira jira;

    @AfterEach
    void everyExchangeFollowsTheVendorsContract() {
        if (jira != null) {
            assertThat(jira.contractViolations()).isEmpty();
            jira.close();
        }
    }

    JiraConfig config(Deployment deployment, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "data.dir", data.toString(),
                "jira.url", jira.url(),
                "jira.deployment", deployment == Deployment.CLOUD ? "cloud" : "data-center",
                "jira.user", "popcorn-bot@example.com",
                "jira.token", "token-123",
                "jira.project", "MIUI",
                "jira.team-rules", "component:Camera=camera",
                "jira.default-team", "system",
                "jira.timeout-seconds", "2",
                "jira.requests-per-second", "50"));
        overrides.putAll(more);
        return Config.load(null, Map.of(), overrides).jira();
    }

    IssueTracker tracker(Deployment deployment, Map<String, String> more) {
        JiraConfig config = config(deployment, more);
        return new JiraTracker(config, JiraRestClient.create(config, Clock.systemUTC()), "prod");
    }

    static TicketFeedback feedback(String key, boolean comment) {
        return new TicketFeedback(key, "2026.11.20", "https://popcorn.example.com/releases/3#feature-" + key, 12, 3, 5,
                List.of("Love it", "Crashes on <b>old</b> phones"), List.of("popcorn-loved"),
                new FeedbackLabels.Edit(List.of("popcorn-loved"), List.of("popcorn-needs-work")), comment);
    }

    static JsonObject body(LoggedRequest request) {
        return JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
    }

    @Nested
    class Cloud {

        @Test
        void aReleasesTicketsAreFoundPageByPageWithTheirFieldsNamed() {
            jira = new FakeJira(Deployment.CLOUD);
            for (int i = 1; i <= 5; i++) {
                jira.ticket("MIUI-" + (2100 + i), "Feature " + i, "Done", i == 1 ? List.of("Camera") : List.of(),
                        List.of("ui"));
            }
            jira.search(RELEASE_JQL, 2, "MIUI-2101", "MIUI-2102", "MIUI-2103", "MIUI-2104", "MIUI-2105");

            List<Ticket> tickets = tracker(Deployment.CLOUD, Map.of()).search(RELEASE_JQL, 500);

            assertThat(tickets).extracting(Ticket::key)
                    .containsExactly("MIUI-2101", "MIUI-2102", "MIUI-2103", "MIUI-2104", "MIUI-2105");
            assertThat(tickets.get(0)).satisfies(t -> {
                assertThat(t.summary()).isEqualTo("Feature 1");
                assertThat(t.components()).containsExactly("Camera");
                assertThat(t.labels()).containsExactly("ui");
                assertThat(t.done()).isTrue();
                assertThat(t.project()).isEqualTo("MIUI");
            });
            List<LoggedRequest> searches = jira.requests("POST", "/search/jql");
            assertThat(searches).hasSize(3);
            assertThat(body(searches.get(0)).getAsJsonArray("fields").toString()).contains("summary", "components",
                    "labels");
            assertThat(jira.server.getAllServeEvents())
                    .noneMatch(e -> e.getRequest().getUrl().equals("/rest/api/3/search"));
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    "popcorn-bot@example.com:token-123".getBytes(StandardCharsets.UTF_8));
            assertThat(searches.get(0).getHeader("Authorization")).isEqualTo(expected);
        }

        @Test
        void feedbackBecomesALinkWithAStableGlobalIdAPropertyAndLabels() {
            jira = new FakeJira(Deployment.CLOUD);
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of());

            tracker.publishFeedback(feedback("MIUI-2101", false));
            tracker.publishFeedback(feedback("MIUI-2101", false));

            List<LoggedRequest> links = jira.requests("POST", "/issue/MIUI-2101/remotelink");
            assertThat(links).hasSize(2).allSatisfy(link -> {
                JsonObject b = body(link);
                assertThat(b.get("globalId").getAsString())
                        .isEqualTo("popcorn:prod:https://popcorn.example.com/releases/3#feature-MIUI-2101");
                assertThat(b.getAsJsonObject("object").get("title").getAsString())
                        .isEqualTo("Popcorn 2026.11.20: 12 like, 3 not good enough, 5 wished for it");
            });
            JsonObject property = body(
                    jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.prod").get(0));
            assertThat(property.get("likes").getAsLong()).isEqualTo(12);
            assertThat(property.get("notGoodEnough").getAsLong()).isEqualTo(3);
            assertThat(property.get("likePercent").getAsLong()).isEqualTo(80);
            assertThat(property.get("wishSupporters").getAsLong()).isEqualTo(5);
            assertThat(property.getAsJsonArray("topComments").toString()).contains("Crashes on <b>old</b> phones");
            JsonObject labels = body(jira.requests("PUT", "/issue/MIUI-2101").get(0));
            assertThat(labels.toString()).isEqualTo(
                    "{\"update\":{\"labels\":[{\"add\":\"popcorn-loved\"},{\"remove\":\"popcorn-needs-work\"}]}}");
            assertThat(jira.requests("POST", "/issue/MIUI-2101/comment")).isEmpty();
        }

        @Test
        void aSummaryCommentIsWrittenInDocumentFormatOnceWhenAsked() {
            jira = new FakeJira(Deployment.CLOUD);
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of("jira.comments", "true"));

            tracker.publishFeedback(feedback("MIUI-2101", true));

            LoggedRequest comment = jira.requests("POST", "/issue/MIUI-2101/comment").get(0);
            JsonObject doc = body(comment).getAsJsonObject("body");
            assertThat(doc.get("type").getAsString()).isEqualTo("doc");
            assertThat(doc.toString()).contains("Crashes on <b>old</b> phones",
                    "\"href\":\"https://popcorn.example.com/releases/3#feature-MIUI-2101\"");

            // The comment is there now: a repeated write finds its marker and adds no second one.
            jira.server
                    .stubFor(get(urlPathEqualTo(jira.api() + "/issue/MIUI-2101/comment")).willReturn(FakeJira.json(200,
                            JsonParser.parseString("{\"comments\":[{\"id\":\"10100\",\"body\":" + doc
                                    + "}],\"startAt\":0,\"maxResults\":100,\"total\":1}"))));
            tracker.publishFeedback(feedback("MIUI-2101", true));
            assertThat(jira.requests("POST", "/issue/MIUI-2101/comment")).hasSize(1);
        }

        @Test
        void aWishBecomesOneTicketEvenWhenFiledTwice() {
            jira = new FakeJira(Deployment.CLOUD);
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of());
            WishTicket wish = new WishTicket(7, "Dark mode for *settings*", 42, "https://popcorn.example.com/wishes/7");

            assertThat(tracker.fileWish(wish)).isEqualTo("MIUI-3001");

            JsonObject fields = body(jira.requests("POST", "/issue").get(0)).getAsJsonObject("fields");
            assertThat(fields.get("summary").getAsString()).isEqualTo("Dark mode for *settings*");
            assertThat(fields.getAsJsonObject("project").get("key").getAsString()).isEqualTo("MIUI");
            assertThat(fields.getAsJsonObject("description").toString()).contains("42 users asked for this in Popcorn");
            assertThat(fields.getAsJsonArray("labels").toString()).contains("\"popcorn-prod-wish-7\"")
                    .doesNotContain("\"popcorn-wish-7\"");

            jira.ticket("MIUI-3001", "Dark mode for *settings*", "To Do", List.of(), List.of("popcorn-prod-wish-7"));
            jira.search(WISH_7, 10, "MIUI-3001");
            assertThat(tracker.fileWish(wish)).isEqualTo("MIUI-3001");
            assertThat(jira.requests("POST", "/issue")).hasSize(1);
        }

        static final String WISH_7 = "labels = \"popcorn-prod-wish-7\" OR labels = \"popcorn-wish-7\" ORDER BY created ASC";

        @Test
        void aTicketAnOlderBuildLabelledIsFoundOnlyWhenItIsThisWishsTicket() {
            jira = new FakeJira(Deployment.CLOUD);
            // Another installation's (or an older build's) wish 7 is a different wish: its ticket is not ours.
            jira.ticket("MIUI-2900", "Bigger clock on the lock screen", "To Do", List.of(), List.of("popcorn-wish-7"));
            jira.ticket("MIUI-2950", "Dark mode for *settings*", "To Do", List.of(),
                    List.of("popcorn-wish-7", "popcorn-wish"));
            jira.search(WISH_7, 10, "MIUI-2900");
            WishTicket wish = new WishTicket(7, "Dark mode for *settings*", 42, "https://popcorn.example.com/wishes/7");
            assertThat(tracker(Deployment.CLOUD, Map.of()).fileWish(wish)).isEqualTo("MIUI-3001");
            assertThat(jira.requests("POST", "/issue")).hasSize(1);

            jira.search(WISH_7, 10, "MIUI-2900", "MIUI-2950");
            assertThat(tracker(Deployment.CLOUD, Map.of()).fileWish(wish)).as("the older build's ticket for this wish")
                    .isEqualTo("MIUI-2950");
            assertThat(jira.requests("POST", "/issue")).hasSize(1);
        }

        @Test
        void aSecondWriteOfTheSameFeedbackSendsNothingAndAChangedCountSendsOnlyWhatChanged() {
            jira = new FakeJira(Deployment.CLOUD);
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of());
            Map<String, String> kept = new java.util.HashMap<>();
            IssueTracker.WriteLog log = new IssueTracker.WriteLog() {
                @Override
                public Optional<String> last(String write) {
                    return Optional.ofNullable(kept.get(write));
                }

                @Override
                public void wrote(String write, String fingerprint) {
                    kept.put(write, fingerprint);
                }
            };
            tracker.publishFeedback(feedback("MIUI-2101", false), log);
            int sent = jira.server.getAllServeEvents().size();
            assertThat(sent).as("link, property, labels").isEqualTo(3);

            tracker.publishFeedback(feedback("MIUI-2101", false), log);
            assertThat(jira.server.getAllServeEvents()).as("nothing changed: nothing sent").hasSize(sent);

            // One more top comment: only the property carries comments.
            TicketFeedback more = feedback("MIUI-2101", false);
            more = new TicketFeedback(more.ticketKey(), more.release(), more.pageUrl(), 12, 3, 5,
                    List.of("Love it", "Crashes on <b>old</b> phones", "Battery drain"), more.earnedLabels(),
                    more.labels(), false);
            tracker.publishFeedback(more, log);
            assertThat(jira.server.getAllServeEvents()).hasSize(sent + 1);
            assertThat(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.prod")).hasSize(2);

            // A changed count: the link's title and the property carry counts; the labels did not change.
            TicketFeedback counted = new TicketFeedback(more.ticketKey(), more.release(), more.pageUrl(), 13, 3, 5,
                    more.comments(), more.earnedLabels(), more.labels(), false);
            tracker.publishFeedback(counted, log);
            assertThat(jira.requests("POST", "/issue/MIUI-2101/remotelink")).hasSize(2);
            assertThat(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.prod")).hasSize(3);
            assertThat(jira.requests("PUT", "/issue/MIUI-2101")).as("labels unchanged").hasSize(1);

            // A label earned or lost: only then the labels are sent again.
            tracker.publishFeedback(new TicketFeedback(more.ticketKey(), more.release(), more.pageUrl(), 13, 3, 5,
                    more.comments(), List.of(), new FeedbackLabels.Edit(List.of(), List.of("popcorn-loved")), false),
                    log);
            assertThat(jira.requests("PUT", "/issue/MIUI-2101")).hasSize(2);
            assertThat(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.prod")).hasSize(4);
            assertThat(jira.requests("POST", "/issue/MIUI-2101/remotelink")).as("the title has no labels").hasSize(2);
        }

        @Test
        void aWriteJiraRefusesForAMissingPermissionNamesThePermissionToGrant() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.grantOnly("BROWSE_PROJECTS", "EDIT_ISSUES", "CREATE_ISSUES", "ADD_COMMENTS");
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of("jira.comments", "true"));
            assertThatThrownBy(() -> tracker.publishFeedback(feedback("MIUI-2101", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.advice()).isEqualTo("tracker.grant.LINK_ISSUES");
                        assertThat(e.getMessage()).contains("403", "You do not have permission to link issues");
                    });
            WishTicket wish = new WishTicket(7, "Dark mode", 42, "https://popcorn.example.com/wishes/7");
            assertThatThrownBy(() -> tracker.linkWish(wish, "MIUI-2101")).isInstanceOfSatisfying(DeliveryFailure.class,
                    e -> assertThat(e.advice()).isEqualTo("tracker.grant.LINK_ISSUES"));

            jira.close();
            jira = new FakeJira(Deployment.CLOUD);
            jira.grantOnly("BROWSE_PROJECTS", "LINK_ISSUES");
            IssueTracker readOnly = tracker(Deployment.CLOUD, Map.of("jira.comments", "true"));
            assertThatThrownBy(() -> readOnly.publishFeedback(feedback("MIUI-2101", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class,
                            e -> assertThat(e.advice()).isEqualTo("tracker.grant.EDIT_ISSUES"));
            assertThatThrownBy(() -> readOnly.fileWish(wish))
                    .isInstanceOfSatisfying(DeliveryFailure.class,
                            e -> assertThat(e.advice()).isEqualTo("tracker.grant.CREATE_ISSUES"));
            // With the property and labels let through, the comment is what is refused (400: addComment lists no 403).
            jira.server.stubFor(put(urlPathMatching(jira.api() + "/issue/MIUI-2101/properties/.*")).atPriority(1)
                    .willReturn(aResponse().withStatus(200)));
            jira.server.stubFor(put(urlPathEqualTo(jira.api() + "/issue/MIUI-2101")).atPriority(1)
                    .willReturn(aResponse().withStatus(204)));
            assertThatThrownBy(() -> readOnly.publishFeedback(feedback("MIUI-2101", true)))
                    .isInstanceOfSatisfying(DeliveryFailure.class,
                            e -> assertThat(e.advice()).isEqualTo("tracker.grant.ADD_COMMENTS"));
        }

        @Test
        void theCheckTellsWhoIsSignedInWhatTheQueriesFindAndWhatTheAccountMayDo() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.ticket("MIUI-2101", "Feature", "Done", List.of(), List.of());
            jira.search(RELEASE_JQL, 50, "MIUI-2101");

            List<Check> checks = tracker(Deployment.CLOUD, Map.of()).check(Optional.of(RELEASE_JQL));

            assertThat(checks).extracting(Check::code).containsExactly("check.jira.myself", "check.jira.releaseJql",
                    "check.jira.project", "check.jira.write");
            assertThat(checks).allMatch(Check::ok);
            assertThat(checks.get(0).args()).contains("Popcorn Bot");
            assertThat(checks.get(1).args()).containsExactly(RELEASE_JQL, "1");
        }

        @Test
        void aWrongTokenIsReportedAsAWrongToken() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.server.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1).willReturn(aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                            "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],\"errors\":{}}")));

            List<Check> checks = tracker(Deployment.CLOUD, Map.of()).check(Optional.of(RELEASE_JQL));

            assertThat(checks).singleElement().satisfies(check -> {
                assertThat(check.ok()).isFalse();
                assertThat(check.code()).isEqualTo("check.jira.unauthorized");
                assertThat(check.args().get(1)).contains("401", "Client must be authenticated")
                        .doesNotContain("token-123");
            });
        }

        @Test
        void everyMissingPermissionIsNamedWithTheWritesThatNeedIt() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.grantOnly("BROWSE_PROJECTS", "EDIT_ISSUES", "CREATE_ISSUES");

            List<Check> checks = tracker(Deployment.CLOUD, Map.of()).check(Optional.empty());

            assertThat(checks.subList(checks.size() - 2, checks.size())).containsExactly(
                    new Check("check.jira.permission.LINK_ISSUES", false, List.of("MIUI")),
                    new Check("check.jira.permission.ADD_COMMENTS", true, List.of("MIUI")));
            assertThat(checks.stream().filter(c -> !c.ok())).hasSize(1);
            String asked = jira.requests("GET", "/mypermissions").get(0).queryParameter("permissions").firstValue();
            assertThat(asked.split(",")).containsExactlyInAnyOrder("BROWSE_PROJECTS", "LINK_ISSUES", "EDIT_ISSUES",
                    "CREATE_ISSUES", "ADD_COMMENTS");

            List<Check> withComments = tracker(Deployment.CLOUD, Map.of("jira.comments", "true"))
                    .check(Optional.empty());
            assertThat(withComments.get(withComments.size() - 1))
                    .isEqualTo(new Check("check.jira.permission.ADD_COMMENTS", false, List.of("MIUI")));
        }

        @Test
        void anInvalidJqlIsTheCallersMistakeWithJirasOwnWords() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(FakeJira.json(400,
                    JsonParser.parseString(
                            "{\"errorMessages\":[\"The value 'nope' does not exist for the field 'fixVersion'.\"],"
                                    + "\"errors\":{}}"))));

            assertThatThrownBy(() -> tracker(Deployment.CLOUD, Map.of()).search("fixVersion = nope", 10))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.args().get(0).toString())
                            .contains("400", "The value 'nope' does not exist"));
        }

        @Test
        void rateLimitingAndFailuresOnJirasSideAreWorthRetryingAndSayHowLongToWait() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-1/remotelink")).atPriority(1)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                            .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Remaining", "0")));
            jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-2/remotelink")).atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
            IssueTracker tracker = tracker(Deployment.CLOUD, Map.of());

            assertThatThrownBy(() -> tracker.publishFeedback(feedback("MIUI-1", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).contains("429");
                    });
            // While Jira asked to wait, nothing else is sent: the next write is held back, not fired.
            assertThatThrownBy(() -> tracker.publishFeedback(feedback("MIUI-2", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class, e -> assertThat(e.getMessage()).contains("wait"));
            assertThat(jira.requests("POST", "/issue/MIUI-2/remotelink")).isEmpty();
        }

        @Test
        void aServerErrorIsRetryable() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-2/remotelink")).atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));

            assertThatThrownBy(() -> tracker(Deployment.CLOUD, Map.of()).publishFeedback(feedback("MIUI-2", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("500");
                    });
        }

        @Test
        void aJiraThatDoesNotAnswerInTimeIsATimeoutNotAHang() {
            jira = new FakeJira(Deployment.CLOUD);
            jira.server.stubFor(post(urlPathEqualTo("/rest/api/3/issue/MIUI-3/remotelink")).atPriority(1)
                    .willReturn(aResponse().withStatus(201).withFixedDelay(4000)));

            assertThatThrownBy(() -> tracker(Deployment.CLOUD, Map.of()).publishFeedback(feedback("MIUI-3", false)))
                    .isInstanceOfSatisfying(DeliveryFailure.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("did not answer within 2 s");
                    });
            jira.server.resetRequests();
        }
    }

    @Nested
    class DataCenter {

        @Test
        void ticketsArePagedByStartAtWithAPersonalAccessToken() {
            jira = new FakeJira(Deployment.DATA_CENTER);
            for (int i = 1; i <= 3; i++) {
                jira.ticket("MIUI-" + (2100 + i), "Feature " + i, "In Progress", List.of(), List.of());
            }
            jira.search(RELEASE_JQL, 2, "MIUI-2101", "MIUI-2102", "MIUI-2103");

            List<Ticket> tickets = tracker(Deployment.DATA_CENTER, Map.of()).search(RELEASE_JQL, 500);

            assertThat(tickets).extracting(Ticket::key).containsExactly("MIUI-2101", "MIUI-2102", "MIUI-2103");
            List<LoggedRequest> searches = jira.requests("POST", "/search");
            assertThat(searches).hasSize(2);
            assertThat(body(searches.get(1)).get("startAt").getAsInt()).isEqualTo(2);
            assertThat(searches.get(0).getHeader("Authorization")).isEqualTo("Bearer token-123");
        }

        @Test
        void commentsAndDescriptionsArePlainTextWithUserTextEscaped() {
            jira = new FakeJira(Deployment.DATA_CENTER);
            IssueTracker tracker = tracker(Deployment.DATA_CENTER, Map.of("jira.comments", "true"));

            tracker.publishFeedback(feedback("MIUI-2101", true));
            tracker.fileWish(new WishTicket(7, "Dark mode [now|http://evil.example]", 42,
                    "https://popcorn.example.com/wishes/7"));

            String comment = body(jira.requests("POST", "/issue/MIUI-2101/comment").get(0)).get("body").getAsString();
            assertThat(comment).contains("Popcorn 2026.11.20: 12 like",
                    "https://popcorn.example.com/releases/3#feature-MIUI-2101");
            String description = body(jira.requests("POST", "/issue").get(0)).getAsJsonObject("fields")
                    .get("description").getAsString();
            assertThat(description).startsWith("Dark mode \\[now\\|http://evil.example\\]");
            assertThat(jira.requests("PUT", "/issue/MIUI-2101/properties/popcorn.feedback.prod")).hasSize(1);
        }
    }
}
