package dev.popcorn.cli;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.popcorn.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The lead's commands. Each calls the running server's REST API with the admin token and prints
 * one line made for a terminal or a CI log. Exit codes: 0 done, 1 refused by the server (the
 * line says why), 2 bad usage or configuration, 3 server not reachable.
 */
final class AdminCommands {

    private AdminCommands() {
    }

    /** A command that could not be done; the message is the line to print. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Failure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** Where the server is and how to authenticate. */
    static final class ServerOptions {
        @Mixin
        PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

        @Option(names = "--server", paramLabel = "URL", description = "Popcorn's URL (default: server.base-url)")
        String server;

        @Option(names = "--token", paramLabel = "TOKEN", description = "admin token (default: security.admin-token,"
                + " POPCORN_SECURITY_ADMIN_TOKEN or the data folder)")
        String token;

        JsonObject call(Map<String, String> env, String method, String path, Object body) {
            Config config = configOptions.load(env, Map.of());
            String base = server == null ? config.baseUrl() : server.replaceAll("/+$", "");
            String bearer = token == null ? config.adminToken() : token;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(GSON.toJson(body)));
            }
            HttpResponse<String> response;
            try {
                response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new Failure("cannot reach Popcorn at " + base + ": " + e.getMessage(), 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted", 3);
            }
            JsonElement json;
            try {
                json = GSON.fromJson(response.body(), JsonElement.class);
            } catch (JsonParseException e) {
                json = null;
            }
            if (response.statusCode() >= 400) {
                String detail = json != null && json.isJsonObject() && json.getAsJsonObject().has("detail")
                        ? json.getAsJsonObject().get("detail").getAsString()
                        : "HTTP " + response.statusCode();
                throw new Failure(detail + " (HTTP " + response.statusCode() + ")", 1);
            }
            if (json == null || !json.isJsonObject()) {
                throw new Failure(base + " did not answer like Popcorn (HTTP " + response.statusCode() + ")", 3);
            }
            return json.getAsJsonObject();
        }
    }

    private static final Gson GSON = new Gson();

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Open a release's report round with its features; its award poll is prepared as a draft.")
    static final class OpenRelease implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "release version, e.g. 2026.11.20")
        String version;

        @Option(names = "--feature", paramLabel = "KEY|SUMMARY|TEAM",
                description = "a feature: ticket key, summary and team slug separated by '|' (repeat for each);"
                        + " without --feature the features come from Jira")
        List<String> features = new ArrayList<>();

        @Option(names = "--jql", paramLabel = "JQL", description = "the Jira query that finds the release's features"
                + " (default: jira.release-jql with this version)")
        String jql;

        @Option(names = "--key", paramLabel = "KEY", description = "a Jira ticket of the release (repeat for each)")
        List<String> keys = new ArrayList<>();

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        OpenRelease(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            List<Map<String, String>> list = new ArrayList<>();
            for (String feature : features) {
                String[] parts = feature.split("\\|");
                if (parts.length != 3) {
                    throw new Failure("--feature must be KEY|SUMMARY|TEAM, not '" + feature + "'", 2);
                }
                list.add(Map.of("key", parts[0].strip(), "summary", parts[1].strip(), "team", parts[2].strip()));
            }
            if (!list.isEmpty() && (jql != null || !keys.isEmpty())) {
                throw new Failure("give either --feature or --jql/--key, not both", 2);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", version);
            if (!list.isEmpty()) {
                body.put("features", list);
            }
            if (jql != null) {
                body.put("jql", jql);
            }
            if (!keys.isEmpty()) {
                body.put("keys", keys);
            }
            JsonObject answer = server.call(env, "POST", "/api/v1/releases", body);
            JsonObject release = answer.getAsJsonObject("release");
            JsonObject poll = answer.getAsJsonObject("poll");
            spec.commandLine().getOut().println("opened release " + release.get("version").getAsString()
                    + " (id " + release.get("id").getAsLong() + ", " + release.getAsJsonArray("features").size()
                    + " features, reports until "
                    + release.get("reportsCloseAt").getAsString() + "); award poll " + poll.get("id").getAsLong()
                    + " is a draft");
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a candidate project to a draft poll.")
    static final class AddCandidate implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--poll", required = true, paramLabel = "ID")
        long poll;

        @Option(names = "--team", required = true, paramLabel = "SLUG")
        String team;

        @Option(names = "--title", required = true, paramLabel = "TITLE")
        String title;

        @Option(names = "--ticket", paramLabel = "KEY", description = "a ticket of the project (repeat for each)")
        List<String> tickets = new ArrayList<>();

        @Option(names = "--pitch", paramLabel = "TEXT", description = "one line on why it deserves the award")
        String pitch = "";

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        AddCandidate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("team", team);
            body.put("title", title);
            body.put("tickets", tickets);
            body.put("pitch", pitch);
            JsonObject candidate = server.call(env, "POST", "/api/v1/polls/" + poll + "/candidates", body);
            spec.commandLine().getOut().println("added candidate " + candidate.get("id").getAsLong() + " '"
                    + candidate.get("title").getAsString() + "' to poll " + poll);
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw a candidate before the poll opens.")
    static final class WithdrawCandidate implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--poll", required = true, paramLabel = "ID")
        long poll;

        @Parameters(paramLabel = "CANDIDATE", description = "the candidate's id")
        long candidate;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        WithdrawCandidate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            server.call(env, "POST", "/api/v1/polls/" + poll + "/candidates/" + candidate + "/withdraw", null);
            spec.commandLine().getOut().println("withdrew candidate " + candidate + " from poll " + poll);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a poll: state, candidates, result.")
    static final class ShowPoll implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Parameters(paramLabel = "POLL", description = "the poll's id")
        long poll;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        ShowPoll(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            JsonObject answer = server.call(env, "GET", "/api/v1/polls/" + poll, null);
            describe(answer, spec);
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "Change a poll's state.")
    static final class PollAction implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Parameters(paramLabel = "POLL", description = "the poll's id")
        long poll;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;
        private final String action;

        PollAction(Map<String, String> env, String action) {
            this.env = env;
            this.action = action;
        }

        @Override
        public Integer call() {
            JsonObject answer = server.call(env, "POST", "/api/v1/polls/" + poll + "/" + action, null);
            describe(answer, spec);
            return 0;
        }
    }

    private static void describe(JsonObject poll, CommandSpec spec) {
        StringBuilder line = new StringBuilder("poll " + poll.get("id").getAsLong() + " '" + poll.get("title").getAsString()
                + "' is " + poll.get("state").getAsString() + ", " + poll.getAsJsonArray("candidates").size() + " candidates");
        if (poll.has("result") && poll.get("result").isJsonObject()) {
            JsonObject result = poll.getAsJsonObject("result");
            line.append(", ").append(result.get("ballots").getAsLong()).append(" ballots");
            for (JsonElement standing : result.getAsJsonArray("standings")) {
                JsonObject s = standing.getAsJsonObject();
                line.append("; #").append(s.get("rank").getAsInt()).append(' ').append(s.get("title").getAsString())
                        .append(' ').append(s.get("votes").getAsLong());
            }
        }
        spec.commandLine().getOut().println(line);
    }
}
