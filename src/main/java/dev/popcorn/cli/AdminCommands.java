package dev.popcorn.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.popcorn.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "admin token, or on CI the CI token (jenkins.token)"
                        + " (default: POPCORN_TOKEN, security.admin-token, POPCORN_SECURITY_ADMIN_TOKEN or the data folder)")
        String token;

        /** The HTTP status of the last answer {@link #call} returned (201 created, 200 known before …). */
        int lastStatus;

        JsonObject call(Map<String, String> env, String method, String path, Object body) {
            String bearer = token != null ? token : env.get("POPCORN_TOKEN");
            String base;
            if (server != null && bearer != null && !bearer.isBlank()) {
                // On a CI agent: the server and the token are given; no configuration or data folder is read or made.
                base = server;
            } else {
                Config config = configOptions.load(env, Map.of());
                base = server == null ? config.baseUrl() : server;
                bearer = bearer == null || bearer.isBlank() ? config.adminToken() : bearer;
            }
            base = base.replaceAll("/+$", "");
            if (!base.startsWith("http://") && !base.startsWith("https://")) {
                throw new Failure("--server must be an http:// or https:// URL, not '" + base + "'", 2);
            }
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
            lastStatus = response.statusCode();
            return json.getAsJsonObject();
        }
    }

    private static final Gson GSON = new Gson();

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = {"Open a release's report round with its features; its award poll is prepared as a draft.",
                    "Features: --feature lines, or from Jira by --jql, by --key, by the keys a --changelog mentions,"
                            + " or (none of these) by jira.release-jql.",
                    "Run in Jenkins (JOB_NAME, BUILD_NUMBER and BUILD_URL set), the build is sent along: run again for the"
                            + " same build, nothing is opened twice."})
    static final class OpenRelease implements Callable<Integer> {
        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--version", required = true, paramLabel = "VERSION",
                description = "release version, e.g. 2026.11.20")
        String version;

        @Option(names = "--feature", paramLabel = "KEY|SUMMARY|TEAM[|中文摘要]",
                description = "a feature: ticket key, summary and team slug separated by '|', optionally its summary in"
                        + " Chinese after one more '|' (repeat for each);"
                        + " without --feature the features come from Jira")
        List<String> features = new ArrayList<>();

        @Option(names = "--jql", paramLabel = "JQL", description = "the Jira query that finds the release's features"
                + " (default: jira.release-jql with this version)")
        String jql;

        @Option(names = "--key", paramLabel = "KEY", description = "a Jira ticket of the release (repeat for each)")
        List<String> keys = new ArrayList<>();

        @Option(names = "--changelog", paramLabel = "FILE", description = "commit messages ('-' for standard input,"
                + " e.g. git log --format=%%B A..B); the Jira keys they mention are the features")
        Path changelog;

        @Option(names = "--dry-run", description = "check everything and print what would be opened; open nothing")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;
        private final InputStream stdin;

        OpenRelease(Map<String, String> env, InputStream stdin) {
            this.env = env;
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            List<Map<String, String>> list = new ArrayList<>();
            for (String feature : features) {
                String[] parts = feature.split("\\|");
                if (parts.length != 3 && parts.length != 4) {
                    throw new Failure(
                            "--feature must be KEY|SUMMARY|TEAM or KEY|SUMMARY|TEAM|中文摘要, not '" + feature + "'", 2);
                }
                list.add(Map.of("key", parts[0].strip(), "summary", parts[1].strip(), "team", parts[2].strip(),
                        "summaryZh", parts.length == 4 ? parts[3].strip() : ""));
            }
            int sources = (list.isEmpty() ? 0 : 1) + (jql == null ? 0 : 1) + (keys.isEmpty() ? 0 : 1)
                    + (changelog == null ? 0 : 1);
            if (sources > 1) {
                throw new Failure("give one of --feature, --jql, --key or --changelog", 2);
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
            if (changelog != null) {
                body.put("changelog", List.of(readChangelog()));
            }
            jenkinsBuild().ifPresent(build -> body.put("build", build));
            if (dryRun) {
                body.put("dryRun", true);
            }
            JsonObject answer = server.call(env, "POST", "/api/v1/releases", body);
            spec.commandLine().getOut().println(describe(answer));
            return 0;
        }

        private String describe(JsonObject answer) {
            JsonObject release = answer.getAsJsonObject(answer.get("dryRun").getAsBoolean() ? "preview" : "release");
            String ignored = answer.getAsJsonArray("ignoredKeys").isEmpty() ? ""
                    : "; mentioned but no tickets: " + join(answer.getAsJsonArray("ignoredKeys"), e -> e.getAsString());
            if (answer.get("dryRun").getAsBoolean()) {
                return "dry run: would open release " + release.get("version").getAsString() + " with "
                        + release.getAsJsonArray("features").size()
                        + (release.getAsJsonArray("features").size() == 1 ? " feature (" : " features (")
                        + join(release.getAsJsonArray("features"),
                                f -> f.getAsJsonObject().get("key").getAsString() + " "
                                        + f.getAsJsonObject().get("team").getAsString())
                        + "), reports until " + release.get("reportsCloseAt").getAsString() + "; candidates: "
                        + join(answer.getAsJsonArray("candidates"), c -> c.getAsJsonObject().get("team").getAsString()
                                + " \"" + c.getAsJsonObject().get("title").getAsString() + "\"")
                        + ignored;
            }
            if (!answer.get("created").getAsBoolean()) {
                JsonObject build = release.getAsJsonObject("build");
                return "release " + release.get("version").getAsString() + " (id " + release.get("id").getAsLong()
                        + ") was opened by build " + build.get("job").getAsString() + " #"
                        + build.get("number").getAsInt()
                        + " already; nothing changed";
            }
            JsonObject poll = answer.getAsJsonObject("poll");
            return "opened release " + release.get("version").getAsString()
                    + " (id " + release.get("id").getAsLong() + ", " + release.getAsJsonArray("features").size()
                    + " features, reports until "
                    + release.get("reportsCloseAt").getAsString() + "); award poll " + poll.get("id").getAsLong()
                    + " is a draft" + ignored;
        }

        private String readChangelog() {
            try {
                byte[] text = changelog.toString().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(changelog);
                return new String(text, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Failure("cannot read --changelog " + changelog + ": no such file", 2);
            } catch (IOException e) {
                throw new Failure("cannot read --changelog " + changelog + ": " + e.getMessage(), 2);
            }
        }

        /** The build running this command, when it runs in Jenkins. */
        private Optional<Map<String, Object>> jenkinsBuild() {
            String job = env.get("JOB_NAME");
            String number = env.get("BUILD_NUMBER");
            if (job == null || job.isBlank() || number == null || !number.matches("[1-9][0-9]{0,9}")) {
                return Optional.empty();
            }
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("job", job);
            build.put("number", Integer.parseInt(number));
            build.put("url", env.getOrDefault("BUILD_URL", ""));
            return Optional.of(build);
        }

        private static String join(JsonArray array, java.util.function.Function<JsonElement, String> part) {
            List<String> parts = new ArrayList<>();
            array.forEach(e -> parts.add(part.apply(e)));
            return String.join(", ", parts);
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

        @Option(names = "--title-zh", paramLabel = "标题", description = "the title in Chinese, for Chinese readers")
        String titleZh = "";

        @Option(names = "--ticket", paramLabel = "KEY", description = "a ticket of the project (repeat for each)")
        List<String> tickets = new ArrayList<>();

        @Option(names = "--pitch", paramLabel = "TEXT", description = "one line on why it deserves the award")
        String pitch = "";

        @Option(names = "--pitch-zh", paramLabel = "介绍", description = "the pitch in Chinese, for Chinese readers")
        String pitchZh = "";

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
            body.put("titleZh", titleZh);
            body.put("tickets", tickets);
            body.put("pitch", pitch);
            body.put("pitchZh", pitchZh);
            JsonObject candidate = server.call(env, "POST", "/api/v1/polls/" + poll + "/candidates", body);
            spec.commandLine().getOut().println("added candidate " + candidate.get("id").getAsLong() + " '"
                    + candidate.get("title").getAsString() + "' to poll " + poll);
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Withdraw a candidate before the poll opens.")
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
        StringBuilder line = new StringBuilder(
                "poll " + poll.get("id").getAsLong() + " '" + poll.get("title").getAsString()
                        + "' is " + poll.get("state").getAsString() + ", " + poll.getAsJsonArray("candidates").size()
                        + " candidates");
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
