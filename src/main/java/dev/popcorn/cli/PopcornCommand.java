package dev.popcorn.cli;

import dev.popcorn.app.Check;
import dev.popcorn.config.Config;
import dev.popcorn.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code popcorn} command line: {@code serve} runs the server; the other commands are what
 * a lead does from a terminal or a CI step, through the server's REST API.
 */
@Command(name = "popcorn", mixinStandardHelpOptions = true, version = "popcorn 0.1",
        description = "Popcorn: weekly release reports and the Popcorn Award, wired to your CI, tracker and forum.")
public final class PopcornCommand implements Runnable {

    /** Returned by {@link #run} when the server keeps running after the command returned. */
    public static final int KEEP_RUNNING = -1;

    /** What the command line asks of the application: start a server, check the connections. */
    public interface Launcher {
        /** Starts a server; returns the port it listens on. */
        int start(Config config, boolean demo, PrintStream out);

        /** Tries every configured connection and says how each went. */
        List<Check> check(Config config);

        /**
         * The same beside a running server, whose check of the tracker (with its database: the
         * latest release's query) is given; everything else is tried from here.
         */
        default List<Check> check(Config config, List<Check> trackerFromServer) {
            return check(config);
        }
    }

    /** Options every command shares: where the configuration is. */
    static final class ConfigOptions {
        @Option(names = "--config", paramLabel = "FILE", description = "configuration file (properties)")
        Path file;

        @Option(names = "--data", paramLabel = "DIR", description = "data folder (overrides data.dir)")
        Path data;

        Config load(Map<String, String> env, Map<String, String> more) {
            Map<String, String> overrides = new LinkedHashMap<>(more);
            if (data != null) {
                overrides.put("data.dir", data.toString());
            }
            return Config.load(file, env, overrides);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line; returns the exit code, or {@link #KEEP_RUNNING} when a server was started. */
    public static int run(String[] args, Map<String, String> env, Launcher launcher) {
        return run(args, env, launcher, System.out, System.err);
    }

    public static int run(String[] args, Map<String, String> env, Launcher launcher, PrintStream out, PrintStream err) {
        ServeCommand serve = new ServeCommand(env, launcher, out);
        CommandLine cli = new CommandLine(new PopcornCommand())
                .addSubcommand("serve", serve)
                .addSubcommand("link", new LinkCommand(env))
                .addSubcommand("check", new CheckCommand(env, launcher))
                .addSubcommand("release", new CommandLine(new ReleaseCommand())
                        .addSubcommand("open", new AdminCommands.OpenRelease(env, System.in)))
                .addSubcommand("candidate", new CommandLine(new CandidateCommand())
                        .addSubcommand("add", new AdminCommands.AddCandidate(env))
                        .addSubcommand("withdraw", new AdminCommands.WithdrawCandidate(env)))
                .addSubcommand("poll", new CommandLine(new PollCommand())
                        .addSubcommand("show", new AdminCommands.ShowPoll(env))
                        .addSubcommand("open", new AdminCommands.PollAction(env, "open"))
                        .addSubcommand("close", new AdminCommands.PollAction(env, "close"))
                        .addSubcommand("approve", new AdminCommands.PollAction(env, "approve")))
                .addSubcommand("participation", ParticipationCommands.register(env))
                .addSubcommand("user", UserCommands.register(env))
                .addSubcommand("migrate", new DatabaseCommands.Migrate(env))
                .addSubcommand("backup", new DatabaseCommands.BackupToFile(env))
                .addSubcommand("restore", new DatabaseCommands.RestoreFromFile(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("popcorn: configuration error: " + e.getMessage());
                return 2;
            }
            if (e instanceof AdminCommands.Failure f) {
                commandLine.getErr().println("popcorn: " + f.getMessage());
                return f.exitCode();
            }
            throw e;
        });
        int code = cli.execute(args);
        return code == 0 && serve.started() ? KEEP_RUNNING : code;
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Work with releases (report rounds).")
    static final class ReleaseCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "candidate", mixinStandardHelpOptions = true, description = "Prepare the award poll's candidates.")
    static final class CandidateCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true, description = "Open, close, show and approve award polls.")
    static final class PollCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
