package dev.popcorn.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code popcorn serve}: runs the server until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start Popcorn (embedded database in the data folder unless db.url says otherwise).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (overrides server.port)")
    Integer port;

    @Option(names = "--demo",
            description = "seed a believable week (teams, a release, users, reports, ballots, a past winner)")
    boolean demo;

    private final Map<String, String> env;
    private final PopcornCommand.Launcher launcher;
    private final PrintStream out;
    private boolean started;

    ServeCommand(Map<String, String> env, PopcornCommand.Launcher launcher, PrintStream out) {
        this.env = env;
        this.launcher = launcher;
        this.out = out;
    }

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (port != null) {
            overrides.put("server.port", port.toString());
        }
        launcher.start(configOptions.load(env, overrides), demo, out);
        started = true;
        return 0;
    }

    boolean started() {
        return started;
    }
}
