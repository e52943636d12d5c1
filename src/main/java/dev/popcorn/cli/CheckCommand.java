package dev.popcorn.cli;

import dev.popcorn.app.Check;
import dev.popcorn.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code popcorn check}: tries every configured connection from this machine, with the
 * configuration the server would use, and prints one line per check. Exit code 0 when all
 * passed, 1 when one failed, 2 when the configuration itself is wrong.
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
        List<Check> checks = launcher.check(config);
        Properties texts = texts();
        PrintWriter out = spec.commandLine().getOut();
        for (Check check : checks) {
            String pattern = texts.getProperty(check.code(), check.code() + " {0} {1}");
            out.println((check.ok() ? "ok    " : "FAILED") + "  " + new MessageFormat(pattern, Locale.ENGLISH)
                    .format(check.args().toArray()));
        }
        return checks.stream().allMatch(Check::ok) ? 0 : 1;
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
