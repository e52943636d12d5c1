package dev.popcorn.jira;

import dev.popcorn.app.Check;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Ticket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Jira as Popcorn's {@link IssueTracker}: features from JQL, feedback written back as a remote
 * link (stable {@code globalId}), the {@code popcorn.feedback} issue property and labels, and
 * wishes filed as tickets marked with a {@code popcorn-wish-<id>} label so that a repeated
 * attempt finds the ticket instead of creating a second one.
 */
public final class JiraTracker implements IssueTracker {

    static final String PROPERTY = "popcorn.feedback";
    private static final List<String> WRITE_PERMISSIONS = List.of("BROWSE_PROJECTS", "EDIT_ISSUES", "CREATE_ISSUES",
            "ADD_COMMENTS");

    private final JiraConfig config;
    private final JiraRestClient client;

    JiraTracker(JiraConfig config, JiraRestClient client) {
        this.config = config;
        this.client = client;
    }

    public static IssueTracker create(JiraConfig config, Clock clock) {
        return config.enabled() ? new JiraTracker(config, JiraRestClient.create(config, clock)) : IssueTracker.none();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return (config.deployment() == JiraConfig.Deployment.CLOUD ? "Jira Cloud " : "Jira Data Center ") + config.url();
    }

    @Override
    public String releaseQuery(String version) {
        return config.releaseJql(version);
    }

    @Override
    public List<Ticket> search(String query, int limit) {
        return call(() -> client.getSearchClient().searchJql(query, limit)).stream().map(JiraTracker::ticket).toList();
    }

    /**
     * One search for all keys; Jira refuses a search naming a key it does not know (400), and then
     * each key is read on its own, a 404 leaving it out.
     */
    @Override
    public List<Ticket> find(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Issue> issues;
        try {
            issues = client.getSearchClient().searchJql("key in (" + String.join(", ", keys) + ")", keys.size());
        } catch (JiraRestClientException e) {
            if (e.getStatusCode().orElse(0) != 400) {
                throw refusal(e);
            }
            issues = new ArrayList<>();
            for (String key : keys) {
                try {
                    issues.add(client.getIssueClient().getIssue(key));
                } catch (JiraRestClientException notThere) {
                    if (notThere.getStatusCode().orElse(0) != 404) {
                        throw refusal(notThere);
                    }
                }
            }
        }
        List<Ticket> found = issues.stream().map(JiraTracker::ticket).toList();
        return keys.stream().flatMap(k -> found.stream().filter(t -> t.key().equals(k))).toList();
    }

    @Override
    public void publishFeedback(TicketFeedback f) {
        String title = "Popcorn " + f.release() + ": " + f.likes() + " like, " + f.notGoodEnough() + " not good enough"
                + (f.wishSupporters() > 0 ? ", " + f.wishSupporters() + " wished for it" : "");
        call(() -> {
            IssueRestClient issues = client.getIssueClient();
            issues.putRemoteLink(f.ticketKey(), new IssueRestClient.RemoteLink("popcorn:" + f.pageUrl(), f.pageUrl(), title,
                    "What users said about this feature in release " + f.release(), false));
            issues.setProperty(f.ticketKey(), PROPERTY, property(f));
            List<String> remove = f.managedLabels().stream().filter(l -> !f.earnedLabels().contains(l)).toList();
            if (!f.earnedLabels().isEmpty() || !remove.isEmpty()) {
                issues.updateLabels(f.ticketKey(), f.earnedLabels(), remove);
            }
            if (f.summaryComment()) {
                // The page URL marks Popcorn's comment: a repeated attempt finds it and adds no second one.
                String marker = f.pageUrl();
                if (issues.getComments(f.ticketKey()).stream().noneMatch(c -> c.contains(marker))) {
                    issues.addComment(f.ticketKey(), summary(f, title));
                }
            }
            return null;
        });
    }

    private String summary(TicketFeedback f, String title) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String comment : f.comments()) {
            text.append("“").append(userText(comment)).append("”\n");
        }
        return text.append("Details: ").append(f.pageUrl()).toString();
    }

    private static JsonObject property(TicketFeedback f) {
        JsonObject value = new JsonObject();
        value.addProperty("release", f.release());
        value.addProperty("url", f.pageUrl());
        value.addProperty("likes", f.likes());
        value.addProperty("notGoodEnough", f.notGoodEnough());
        long verdicts = f.likes() + f.notGoodEnough();
        value.addProperty("likePercent", verdicts == 0 ? 0 : Math.round(100.0 * f.likes() / verdicts));
        value.addProperty("wishSupporters", f.wishSupporters());
        JsonArray comments = new JsonArray();
        // An issue property holds at most 32 KB; a few short comments stay well below.
        f.comments().stream().limit(5).map(c -> c.length() > 500 ? c.substring(0, 500) + "…" : c).forEach(comments::add);
        value.add("topComments", comments);
        JsonArray labels = new JsonArray();
        f.earnedLabels().forEach(labels::add);
        value.add("labels", labels);
        return value;
    }

    @Override
    public String fileWish(WishTicket wish) {
        if (config.project().isEmpty()) {
            throw RuleViolation.invalid("tracker.project.missing");
        }
        String marker = "popcorn-wish-" + wish.wishId();
        return call(() -> {
            List<Issue> earlier = client.getSearchClient().searchJql("labels = \"" + marker + "\"", 1);
            if (!earlier.isEmpty()) {
                return earlier.get(0).key();
            }
            String oneLine = wish.text().replaceAll("\\s+", " ").strip();
            String summary = oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
            String description = userText(wish.text()) + "\n\n" + wish.supporters()
                    + " users asked for this in Popcorn: " + wish.pageUrl();
            return client.getIssueClient().createIssue(new IssueRestClient.IssueInput(config.project(), config.issueType(),
                    summary, description, List.of(marker, "popcorn-wish")));
        });
    }

    @Override
    public void linkWish(WishTicket wish, String ticketKey) {
        call(() -> {
            client.getIssueClient().putRemoteLink(ticketKey, new IssueRestClient.RemoteLink("popcorn:" + wish.pageUrl(),
                    wish.pageUrl(), "Popcorn wish: " + wish.supporters() + " users want this", wish.text(), false));
            return null;
        });
    }

    @Override
    public List<Check> check(Optional<String> releaseQuery) {
        List<Check> checks = new ArrayList<>();
        try {
            JiraRestClient.Myself me = client.getMyself();
            checks.add(new Check("check.jira.myself", true, List.of(describe(), me.displayName())));
        } catch (JiraRestClientException e) {
            int status = e.getStatusCode().orElse(0);
            checks.add(new Check(status == 401 ? "check.jira.unauthorized" : status == 0 ? "check.jira.unreachable"
                    : "check.jira.failed", false, List.of(describe(), e.getMessage())));
            return checks;
        }
        releaseQuery.ifPresent(jql -> checks.add(query("check.jira.releaseJql", jql)));
        if (!config.wishJql().isEmpty()) {
            checks.add(query("check.jira.wishJql", config.wishJql()));
        }
        if (config.project().isEmpty()) {
            checks.add(new Check("check.jira.project.unset", false, List.of()));
            return checks;
        }
        try {
            checks.add(new Check("check.jira.project", true, List.of(config.project(), client.getProjectName(config.project()))));
            Map<String, Boolean> held = client.getMyPermissions(config.project(), WRITE_PERMISSIONS);
            List<String> missing = held.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            checks.add(missing.isEmpty()
                    ? new Check("check.jira.write", true, List.of(config.project()))
                    : new Check("check.jira.write.missing", false, List.of(config.project(), String.join(", ", missing))));
        } catch (JiraRestClientException e) {
            checks.add(new Check("check.jira.project.invisible", false, List.of(config.project(), e.getMessage())));
        }
        return checks;
    }

    @Override
    public Optional<Ticket> readWebhook(String body) {
        JsonObject event;
        try {
            event = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "webhook.malformed", "not a JSON object");
        }
        if (!event.has("webhookEvent") || !event.get("webhookEvent").isJsonPrimitive()) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "webhook.malformed", "no webhookEvent");
        }
        if (!event.has("issue") || !event.get("issue").isJsonObject()
                || "jira:issue_deleted".equals(event.get("webhookEvent").getAsString())) {
            return Optional.empty();
        }
        Issue issue = Issue.from(event.getAsJsonObject("issue"));
        if (issue.key().isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "webhook.malformed", "the issue has no key");
        }
        return Optional.of(ticket(issue));
    }

    private Check query(String code, String jql) {
        try {
            int found = client.getSearchClient().searchJql(jql, 50).size();
            return new Check(code, true, List.of(jql, found >= 50 ? "50+" : String.valueOf(found)));
        } catch (JiraRestClientException e) {
            return new Check(code + ".failed", false, List.of(jql, e.getMessage()));
        }
    }

    /** User text in a Data Center body is wiki markup: escaped so that it shows as typed. Cloud's ADF needs nothing. */
    private String userText(String text) {
        return config.deployment() == JiraConfig.Deployment.CLOUD ? text : text.replaceAll("([\\\\*_?+^~{}\\[\\]|!#-])", "\\\\$1");
    }

    private static Ticket ticket(Issue issue) {
        return new Ticket(issue.key(), issue.summary(), issue.status(), issue.done(), issue.project(), issue.components(),
                issue.labels(), issue.fixVersions());
    }

    /** Runs Jira calls, turning Jira's refusals into the loop's own terms. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (JiraRestClientException e) {
            throw refusal(e);
        }
    }

    private static RuntimeException refusal(JiraRestClientException e) {
        if (e.getStatusCode().orElse(0) == 400) {
            return RuleViolation.invalid("tracker.refused", e.getMessage());
        }
        return new DeliveryFailure(e.getMessage(), e.isTransient(), e.getRetryAfter().orElse(null), e);
    }
}
