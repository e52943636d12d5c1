package dev.popcorn.cli;

import dev.popcorn.app.identity.Passes;
import dev.popcorn.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code popcorn link}: prints a user's (or a lead's) signed personal sign-in link. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Print a signed personal sign-in link for a user (or, with --lead, for a team lead).")
final class LinkCommand implements Callable<Integer> {

    @Mixin
    PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

    @Option(names = "--user", required = true, paramLabel = "ID",
            description = "the user's id, for example their forum user name")
    String user;

    @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the id)")
    String name;

    @Option(names = "--lead", description = "a link that signs in as a team lead")
    boolean lead;

    @Option(names = "--days", paramLabel = "N", description = "validity in days (default: security.link-days)")
    Integer days;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    LinkCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Config config = configOptions.load(env, Map.of());
        Passes passes = new Passes(config.secret(), Clock.systemUTC());
        Duration validity = days == null ? config.linkValidity() : Duration.ofDays(days);
        // A link is good for signing in only: opened, it asks to confirm, then grants a session (ADR 0011).
        String token = passes.issue(Passes.Kind.LINK, user, name == null ? user : name,
                lead ? Passes.Role.LEAD : Passes.Role.USER, validity);
        spec.commandLine().getOut().println(config.baseUrl() + "/signin/" + token);
        return 0;
    }
}
