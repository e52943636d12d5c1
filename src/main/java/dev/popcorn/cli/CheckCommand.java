package dev.popcorn.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.app.Check;
import dev.popcorn.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code popcorn check}: tries every configured connection from this machine, with the
 * configuration the server would use, and prints one line per check. Exit code 0 when all
 * passed, 1 when one failed, 2 when the configuration itself is wrong.
 *
 * <p>Beside a running server (on {@code server.port} of this machine) the embedded database is the
 * server's, so the tracker is checked by the server itself ({@code GET /api/v1/tracker/check} with
 * the admin token), which can try the latest release's query; with no server running the
 * command opens the database itself.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the connections: Jira (credentials, queries, project, write permission) and the forum (API key, category, uploads, sign-in secret).")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final PopcornCommand.Launcher launcher;

    CheckCommand(Map<String, String> env, PopcornCommand.Launcher launcher) {
        this.env = env;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        Config config = configOptions.load(env, Map.of());
        List<Check> checks = askRunningServer(config).map(server -> launcher.check(config, server))
                .orElseGet(() -> launcher.check(config));
        Properties texts = texts();
        PrintWriter out = spec.commandLine().getOut();
        for (Check check : checks) {
            String pattern = texts.getProperty(check.code(), check.code() + " {0} {1}");
            out.println((check.ok() ? "ok    " : "FAILED") + "  " + new MessageFormat(pattern, Locale.ENGLISH)
                    .format(check.args().toArray()));
        }
        return checks.stream().allMatch(Check::ok) ? 0 : 1;
    }

    /** The tracker's check as the server running here makes it; empty when none runs on {@code server.port}. */
    static Optional<List<Check>> askRunningServer(Config config) {
        String base = "http://127.0.0.1:" + config.port();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tracker/check"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + config.adminToken())
                .header("Accept-Language", "en")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException nothingListens) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            return Optional.of(List.of(new Check("check.server.refused", false,
                    List.of(base, String.valueOf(response.statusCode())))));
        }
        List<Check> checks = new ArrayList<>(List.of(new Check("check.server.asked", true, List.of(base))));
        try {
            for (JsonElement line : JsonParser.parseString(response.body()).getAsJsonObject()
                    .getAsJsonArray("checks")) {
                JsonObject check = line.getAsJsonObject();
                List<String> args = new ArrayList<>();
                if (check.has("args")) {
                    check.getAsJsonArray("args").forEach(arg -> args.add(arg.getAsString()));
                }
                checks.add(new Check(check.get("code").getAsString(), check.get("ok").getAsBoolean(), args));
            }
        } catch (RuntimeException notPopcorn) {
            return Optional
                    .of(List.of(new Check("check.server.refused", false, List.of(base, "not Popcorn's answer"))));
        }
        return Optional.of(checks);
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (InputStream in = CheckCommand.class.getResourceAsStream("/i18n/messages.properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
