package dev.popcorn.jira;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.popcorn.app.Check;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.tracker.IssueTracker;
import dev.popcorn.config.JiraConfig;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Ticket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Jira as Popcorn's {@link IssueTracker}: features from JQL, feedback written back as a remote
 * link (stable {@code globalId}), the {@code popcorn.feedback.<installation>} issue property and labels, and
 * wishes filed as tickets marked with a {@code popcorn-<installation>-wish-<id>} label so that a repeated
 * attempt finds the ticket instead of creating a second one. Everything that identifies Popcorn's
 * writes carries the installation id, so two installations on one Jira never touch each other's.
 * A write whose request did not change since it last succeeded (the {@link WriteLog}) is not sent.
 */
public final class JiraTracker implements IssueTracker {

    static final String PROPERTY = "popcorn.feedback";

    /**
     * The project permissions Popcorn's writes need, as Atlassian's document names them for each
     * operation: Browse projects for everything, Link issues for remote links
     * (createOrUpdateRemoteIssueLink), Edit issues for the property (setIssueProperty) and the labels
     * (editIssue), Create issues for a ticket from a wish (createIssue), Add comments for the closing
     * comment (addComment).
     */
    static final List<String> PERMISSIONS = List.of("BROWSE_PROJECTS", "LINK_ISSUES", "EDIT_ISSUES", "CREATE_ISSUES",
            "ADD_COMMENTS");

    private final JiraConfig config;
    private final JiraRestClient client;
    private final String installation;

    JiraTracker(JiraConfig config, JiraRestClient client, String installation) {
        this.config = config;
        this.client = client;
        this.installation = installation;
    }

    /** Jira when configured, else no tracker; {@code installation} names this installation in every write. */
    public static IssueTracker create(JiraConfig config, String installation, Clock clock) {
        return config.enabled() ? new JiraTracker(config, JiraRestClient.create(config, clock), installation)
                : IssueTracker.none();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return (config.deployment() == JiraConfig.Deployment.CLOUD ? "Jira Cloud " : "Jira Data Center ")
                + config.url();
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
    public void publishFeedback(TicketFeedback f, WriteLog log) {
        String title = "Popcorn " + f.release() + ": " + f.likes() + " like, " + f.notGoodEnough() + " not good enough"
                + (f.wishSupporters() > 0 ? ", " + f.wishSupporters() + " wished for it" : "");
        call(() -> {
            IssueRestClient issues = client.getIssueClient();
            String property = property();
            refuseAnotherDatabasesTicket(issues, f.ticketKey(), property, log);
            IssueRestClient.RemoteLink link = new IssueRestClient.RemoteLink(globalId(f.pageUrl()), f.pageUrl(), title,
                    "What users said about this feature in release " + f.release(), false);
            once(log, "link " + link.globalId(), link.toString(), "LINK_ISSUES",
                    () -> issues.putRemoteLink(f.ticketKey(), link));
            JsonObject value = property(f, log.database());
            once(log, "property " + property, value.toString(), "EDIT_ISSUES",
                    () -> issues.setProperty(f.ticketKey(), property, value));
            // An edit that would change nothing on the ticket is not sent at all.
            if (!f.labels().changesNothing()) {
                once(log, "labels", "add " + f.labels().add() + " remove " + f.labels().remove(), "EDIT_ISSUES",
                        () -> issues.updateLabels(f.ticketKey(), f.labels().add(), f.labels().remove()));
            }
            if (f.summaryComment()) {
                // The page URL and this installation's tag mark Popcorn's comment: a repeated attempt finds
                // it and adds no second one, and another installation's comment on the same page is not it.
                String tag = commentTag();
                once(log, "comment " + f.pageUrl(), tag, "ADD_COMMENTS", () -> {
                    if (issues.getComments(f.ticketKey()).stream()
                            .noneMatch(c -> c.contains(f.pageUrl()) && c.contains(tag))) {
                        issues.addComment(f.ticketKey(), summary(f, title));
                    }
                });
            }
            return null;
        });
    }

    /**
     * Sends a write unless {@code log} says the same request succeeded before; records it once it
     * did. A refusal that a permission would lift names it ({@code permission}).
     */
    private static void once(WriteLog log, String write, String request, String permission, Runnable send) {
        String name = write.length() > 290 ? write.substring(0, 20) + "#" + sha256(write) : write;
        String fingerprint = sha256(request);
        if (log.last(name).filter(fingerprint::equals).isPresent()) {
            return;
        }
        try {
            send.run();
        } catch (JiraRestClientException e) {
            throw needs(permission, e);
        }
        log.wrote(name, fingerprint);
    }

    /**
     * Jira's refusal of a write, with the permission to grant when it is one: a 403, or a 400 that
     * the document lists for a missing permission (createIssue, editIssue) and whose words say so.
     */
    private static RuntimeException needs(String permission, JiraRestClientException e) {
        int status = e.getStatusCode().orElse(0);
        String words = (e.getErrorMessages() + " " + e.getErrors()).toLowerCase(java.util.Locale.ROOT);
        boolean permissionWords = words.contains("permission") || e.getErrors().containsKey("labels");
        if (status == 403 || status == 400 && permissionWords) {
            return new DeliveryFailure(e.getMessage() + " (grant the Jira account " + permission + ")", false, null, e,
                    "tracker.grant." + permission);
        }
        return e;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The remote link's {@code globalId}: this installation's, for this page. */
    String globalId(String pageUrl) {
        return "popcorn:" + installation + ":" + pageUrl;
    }

    /** The issue property that holds this installation's feedback. */
    String property() {
        return PROPERTY + "." + installation;
    }

    /** Marks the closing comment as this installation's. */
    String commentTag() {
        return "(popcorn-" + installation + ")";
    }

    /** The label of the ticket created from a wish. */
    String wishLabel(long wishId) {
        return "popcorn-" + installation + "-wish-" + wishId;
    }

    private String summary(TicketFeedback f, String title) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String comment : f.comments()) {
            text.append("“").append(userText(comment)).append("”\n");
        }
        return text.append("Details: ").append(f.pageUrl()).append('\n').append(commentTag()).toString();
    }

    /**
     * Before this database's first write to a ticket (none remembered), the ticket's property says which database
     * wrote this installation's feedback there. Another one's (a reinstall with a fresh data folder that kept the
     * configured installation id): nothing is written over it, and the lead is told what to change. A property
     * without a database was written before databases were named, and is taken as this one's.
     */
    private static void refuseAnotherDatabasesTicket(IssueRestClient issues, String key, String property,
            WriteLog log) {
        if (log.database().isEmpty() || log.last("property " + property).isPresent()) {
            return;
        }
        Optional<String> writer = writer(issues, key, property);
        if (writer.isPresent() && !writer.get().equals(log.database())) {
            throw new DeliveryFailure(
                    key + " already carries this installation's feedback (" + property + "), written by"
                            + " another Popcorn database (" + writer.get()
                            + "): nothing was written over it. A reinstall or a"
                            + " staging copy needs a server.installation-id of its own",
                    false, null, null, DeliveryFailure.ANOTHER_DATABASE);
        }
    }

    private static Optional<String> writer(IssueRestClient issues, String key, String property) {
        return issues.getProperty(key, property)
                .filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(v -> v.has("database") && v.get("database").isJsonPrimitive())
                .map(v -> v.get("database").getAsString());
    }

    @Override
    public Optional<String> writtenBy(String ticketKey) {
        return call(() -> writer(client.getIssueClient(), ticketKey, property()));
    }

    private JsonObject property(TicketFeedback f, String database) {
        JsonObject value = new JsonObject();
        value.addProperty("installation", installation);
        if (!database.isEmpty()) {
            value.addProperty("database", database);
        }
        value.addProperty("release", f.release());
        value.addProperty("url", f.pageUrl());
        value.addProperty("likes", f.likes());
        value.addProperty("notGoodEnough", f.notGoodEnough());
        long verdicts = f.likes() + f.notGoodEnough();
        value.addProperty("likePercent", verdicts == 0 ? 0 : Math.round(100.0 * f.likes() / verdicts));
        value.addProperty("wishSupporters", f.wishSupporters());
        JsonArray comments = new JsonArray();
        // An issue property holds at most 32 KB; a few short comments stay well below.
        f.comments().stream().limit(5).map(c -> c.length() > 500 ? c.substring(0, 500) + "…" : c)
                .forEach(comments::add);
        value.add("topComments", comments);
        JsonArray labels = new JsonArray();
        f.earnedLabels().forEach(labels::add);
        value.add("labels", labels);
        return value;
    }

    /**
     * Creates the wish's ticket, labelled {@code popcorn-<installation>-wish-<id>}, unless a search
     * finds one an earlier attempt created (its answer lost). Tickets an older build created carry
     * {@code popcorn-wish-<id>}, which another installation's wish of the same number carries too:
     * such a ticket counts only when its summary is the one this wish would get.
     */
    @Override
    public String fileWish(WishTicket wish) {
        if (config.project().isEmpty()) {
            throw RuleViolation.invalid("tracker.project.missing");
        }
        String marker = wishLabel(wish.wishId());
        String legacy = "popcorn-wish-" + wish.wishId();
        String oneLine = wish.text().replaceAll("\\s+", " ").strip();
        String summary = oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        return call(() -> {
            List<Issue> earlier = client.getSearchClient()
                    .searchJql("labels = \"" + marker + "\" OR labels = \"" + legacy
                            + "\" ORDER BY created ASC", 10);
            Optional<Issue> ours = earlier.stream().filter(i -> i.labels().contains(marker)).findFirst()
                    .or(() -> earlier.stream().filter(i -> i.labels().contains(legacy) && i.summary().equals(summary))
                            .findFirst());
            if (ours.isPresent()) {
                return ours.get().key();
            }
            String description = userText(wish.text()) + "\n\n" + wish.supporters()
                    + (wish.supporters() == 1 ? " user" : " users") + " asked for this in Popcorn: " + wish.pageUrl();
            try {
                return client.getIssueClient()
                        .createIssue(new IssueRestClient.IssueInput(config.project(), config.issueType(),
                                summary, description, List.of(marker, "popcorn-wish")));
            } catch (JiraRestClientException e) {
                throw needs("CREATE_ISSUES", e);
            }
        });
    }

    @Override
    public void linkWish(WishTicket wish, String ticketKey) {
        call(() -> {
            try {
                client.getIssueClient().putRemoteLink(ticketKey,
                        new IssueRestClient.RemoteLink(globalId(wish.pageUrl()),
                                wish.pageUrl(), "Popcorn wish: " + wish.supporters()
                                        + (wish.supporters() == 1 ? " user wants this" : " users want this"),
                                wish.text(), false));
            } catch (JiraRestClientException e) {
                throw needs("LINK_ISSUES", e);
            }
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
            checks.add(new Check("check.jira.project", true,
                    List.of(config.project(), client.getProjectName(config.project()))));
            Map<String, Boolean> held = client.getMyPermissions(config.project(), PERMISSIONS);
            List<String> missing = held.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            if (missing.isEmpty()) {
                checks.add(new Check("check.jira.write", true, List.of(config.project())));
            }
            for (String permission : missing) {
                // Comments are written only with jira.comments=true; without it the permission is not needed.
                boolean needed = !permission.equals("ADD_COMMENTS") || config.comments();
                checks.add(new Check("check.jira.permission." + permission, !needed, List.of(config.project())));
            }
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
        return config.deployment() == JiraConfig.Deployment.CLOUD ? text
                : text.replaceAll("([\\\\*_?+^~{}\\[\\]|!#-])", "\\\\$1");
    }

    private static Ticket ticket(Issue issue) {
        return new Ticket(issue.key(), issue.summary(), issue.status(), issue.done(), issue.project(),
                issue.components(),
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
