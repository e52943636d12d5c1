package dev.popcorn.cli;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * The lead's participation commands ({@code popcorn participation …}): revoke a grant, mark a report
 * or a comment helpful, lock or unlock a user's level, give points from outside. Each calls the
 * running server's REST API with the admin token (like {@link AdminCommands}) and prints one line;
 * the server audits the decision. Exit codes: 0 done (also when it was done before and nothing
 * changed), 1 refused by the server (the line says why: unknown grant, report or level; revoked
 * already; not locked; bad input), 2 bad usage or configuration, 3 server not reachable.
 */
final class ParticipationCommands {

    private ParticipationCommands() {
    }

    /** The group; its subcommands are added by {@link #register}. */
    @Command(name = "participation", mixinStandardHelpOptions = true,
            description = {"A lead's decisions on participation points and levels, through the running server.",
                    "Exit codes: 0 done, 1 refused by the server, 2 bad usage or configuration, 3 server not reachable."})
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
                .addSubcommand("revoke", new Revoke(env))
                .addSubcommand("helpful", new Helpful(env))
                .addSubcommand("lock", new Lock(env))
                .addSubcommand("unlock", new Unlock(env))
                .addSubcommand("points", new Points(env));
    }

    /** A user id or ticket key as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a grant of points with a written reason: it counts in no total from now on.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(paramLabel = "GRANT",
                description = "the grant's id (the dashboard's recent grants, or GET /api/v1/me/participation)")
        long grant;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (kept in the audit log)")
        String reason;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Revoke(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            JsonObject g = server.call(env, "POST", "/api/v1/participation/grants/" + grant + "/revoke",
                    Map.of("reason", reason));
            spec.commandLine().getOut()
                    .println("revoked grant " + g.get("id").getAsLong() + ": " + g.get("points").getAsInt()
                            + " points of " + g.get("user").getAsString() + " (" + g.get("kind").getAsString() + " "
                            + g.get("ref").getAsString() + ")");
            return 0;
        }
    }

    @Command(name = "helpful", mixinStandardHelpOptions = true,
            description = "Mark a user's report on a release helpful (or, with --comment, its comment on one ticket):"
                    + " the author earns the helpful points once.")
    static final class Helpful implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(index = "0", paramLabel = "RELEASE", description = "the release's id")
        long release;

        @Parameters(index = "1", paramLabel = "USER", description = "the report's author (user id)")
        String user;

        @Option(names = "--comment", paramLabel = "TICKET",
                description = "mark the report's comment on this ticket instead")
        String ticket;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Helpful(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            String path = "/api/v1/releases/" + release + "/reports/" + segment(user)
                    + (ticket == null ? "" : "/comments/" + segment(ticket)) + "/helpful";
            String what = (ticket == null ? "the report of " : "the comment on " + ticket + " in the report of ") + user
                    + " on release " + release;
            boolean marked = server.call(env, "POST", path, null).get("marked").getAsBoolean();
            spec.commandLine().getOut().println(marked ? "marked " + what + " helpful"
                    : what + " was marked helpful before; nothing changed");
            return 0;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = "Lock a user's level: it stays whatever their activity, until unlocked.")
    static final class Lock implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(index = "0", paramLabel = "USER", description = "the user id")
        String user;

        @Parameters(index = "1", paramLabel = "LEVEL",
                description = "a level id of the ladder (levels.ladder), e.g. pioneer")
        String level;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (kept in the audit log)")
        String reason;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Lock(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            JsonObject l = server.call(env, "POST", "/api/v1/users/" + segment(user) + "/level",
                    Map.of("level", level, "reason", reason));
            spec.commandLine().getOut().println("locked " + user + " at " + name(l));
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Unlock a user's level: it follows their activity again (reviewed at once).")
    static final class Unlock implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(paramLabel = "USER", description = "the user id")
        String user;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (kept in the audit log)")
        String reason;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Unlock(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            JsonObject l = server.call(env, "POST", "/api/v1/users/" + segment(user) + "/level/unlock",
                    Map.of("reason", reason));
            spec.commandLine().getOut().println("unlocked " + user + "; the level is " + name(l) + " now");
            return 0;
        }
    }

    @Command(name = "points", mixinStandardHelpOptions = true,
            description = "Give a user points from outside (a forum moderator's award); the same --ref twice gives once.")
    static final class Points implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Parameters(index = "0", paramLabel = "USER", description = "the user id")
        String user;

        @Parameters(index = "1", paramLabel = "POINTS", description = "1 to 1000")
        int points;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (the user sees it)")
        String reason;

        @Option(names = "--ref", required = true, paramLabel = "REF",
                description = "what it is for, e.g. forum:award:42;"
                        + " makes the command safe to repeat")
        String ref;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Points(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("points", points);
            body.put("reason", reason);
            body.put("ref", ref);
            JsonObject g = server.call(env, "POST", "/api/v1/users/" + segment(user) + "/points", body);
            boolean created = server.lastStatus == 201;
            spec.commandLine().getOut().println("grant " + g.get("id").getAsLong() + ": " + g.get("points").getAsInt()
                    + " points to " + g.get("user").getAsString() + " for " + g.get("ref").getAsString()
                    + (created ? "" : " (given before for this ref; nothing changed)"));
            return 0;
        }
    }

    private static String name(JsonObject level) {
        return level.get("nameEn").getAsString() + " " + level.get("nameZh").getAsString() + " ("
                + level.get("level").getAsString() + ")";
    }
}
