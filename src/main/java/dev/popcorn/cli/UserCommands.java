package dev.popcorn.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A user who asks to be forgotten ({@code popcorn user …}, ADR 0030): read out everything Popcorn holds about them, and
 * erase them. Each calls the running server's REST API with the admin token (like {@link AdminCommands}); the server
 * audits both. Exit codes: 0 done, 1 refused by the server (unknown user, not a person) or, for {@code forget}, not
 * confirmed with {@code --yes}, 2 bad usage or configuration, 3 server not reachable.
 */
final class UserCommands {

    private UserCommands() {
    }

    @Command(name = "user", mixinStandardHelpOptions = true,
            description = {"A user who asks to be forgotten: export what Popcorn holds about them, then erase them.",
                    "Exit codes: 0 done, 1 refused (by the server, or forget without --yes), 2 bad usage or configuration,"
                            + " 3 server not reachable."})
    static final class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    static CommandLine register(Map<String, String> env) {
        return new CommandLine(new Group())
                .addSubcommand("export", new Export(env))
                .addSubcommand("forget", new Forget(env));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Everything Popcorn holds about a user, as one JSON document (audited): to standard output, or to"
                    + " a file with --out.")
    static final class Export implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(paramLabel = "ID", description = "the user's id")
        String user;

        @Option(names = "--out", paramLabel = "FILE",
                description = "write the document here instead of standard output")
        Path out;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Export(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            JsonObject document = server.call(env, "GET",
                    "/api/v1/users/" + ParticipationCommands.segment(user) + "/export",
                    null);
            String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document);
            if (out == null) {
                spec.commandLine().getOut().println(json);
                return 0;
            }
            try {
                Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AdminCommands.Failure("cannot write " + out + ": " + e.getMessage(), 2);
            }
            spec.commandLine().getOut().println("wrote everything Popcorn holds about " + user + " to " + out);
            return 0;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = {"Erase a user (audited): their name, forum link, comments and wish texts go; their ballots,"
                    + " points and badges keep counting under a new anonymous id, so past results and boards add up;"
                    + " every pass they hold stops working; the forum is told to take them out of Popcorn's groups.",
                    "It cannot be undone: export first if they asked for their data, and confirm with --yes."})
    static final class Forget implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(paramLabel = "ID", description = "the user's id")
        String user;

        @Option(names = "--yes", description = "yes, erase this user now")
        boolean yes;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Forget(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (!yes) {
                throw new AdminCommands.Failure("not erased: this erases " + user
                        + "'s name, forum link, comments and wish"
                        + " texts for good, keeps their ballots and points under an anonymous id and ends their passes;"
                        + " run again with --yes to do it", 1);
            }
            JsonObject erased = server.call(env, "POST",
                    "/api/v1/users/" + ParticipationCommands.segment(user) + "/erasure",
                    null);
            spec.commandLine().getOut().println("forgot " + user + ": their counts are kept as "
                    + erased.get("anonymousId").getAsString() + "; passes issued until "
                    + erased.get("at").getAsString()
                    + " are refused");
            return 0;
        }
    }
}
