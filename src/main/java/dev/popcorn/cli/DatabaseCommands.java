package dev.popcorn.cli;

import dev.popcorn.config.Config;
import dev.popcorn.store.transfer.Backup;
import dev.popcorn.store.transfer.BackupFile;
import dev.popcorn.store.transfer.Database;
import dev.popcorn.store.transfer.Move;
import dev.popcorn.store.transfer.ProgressLine;
import dev.popcorn.store.transfer.Refused;
import dev.popcorn.store.transfer.Restore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The operator's commands on the database itself (ADR 0028): moving it to PostgreSQL, backing it up, restoring a
 * backup. They work on the database the configuration names (the data folder's embedded one, or {@code db.url}), not
 * through the server — except a backup of an embedded database a server holds, which the server takes. Exit codes as
 * the admin commands': 0 done, 1 refused (the line says why), 2 bad usage or configuration, 3 not reachable.
 */
final class DatabaseCommands {

    private DatabaseCommands() {
    }

    private static Database configured(Config config) {
        return new Database(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    private static ProgressLine progress(CommandSpec spec) {
        return new ProgressLine(spec.commandLine().getOut(), System.console() != null, System::nanoTime);
    }

    private static AdminCommands.Failure failure(Refused refused) {
        return new AdminCommands.Failure(refused.getMessage(), refused.exitCode());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {
                    "Move this community's database (the data folder's, or db.url) to PostgreSQL, every table with its"
                            + " ids, checked table by table at the end.",
                    "Stop the server first. The target must be empty, or the move one that stopped (--resume)."})
    static final class Migrate implements Callable<Integer> {
        @Mixin
        PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "the new database, jdbc:postgresql://host:5432/db")
        String to;

        @Option(names = "--user", paramLabel = "USER", description = "the new database's user")
        String user;

        @Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
                description = "the new database's password (asked for when given without a value;"
                        + " default: POPCORN_TO_PASSWORD)")
        String password;

        @Option(names = "--resume", description = "go on with a move that stopped: rows already there are passed over")
        boolean resume;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
                description = "rows per committed batch (default 1000)")
        int batch;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Migrate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Config config = configOptions.load(env, Map.of());
            PrintWriter out = spec.commandLine().getOut();
            try {
                Database target = new Database(to, user,
                        password != null ? password : env.getOrDefault("POPCORN_TO_PASSWORD", ""));
                Move.Result result = new Move(configured(config), target, batch, resume, progress(spec)).run(out);
                out.println("verified: " + result.tables() + " tables, " + String.format("%,d", result.rows())
                        + " rows, each table's count and checksum the same in both");
                out.println("done. Set db.url=" + target.masked()
                        + " (with db.user and db.password) on every instance and start"
                        + " them; keep " + configured(config).where() + " until the new database has run a week.");
                return 0;
            } catch (Refused e) {
                throw failure(e);
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {
                    "Write a backup of the whole database to a file, while the server runs or not: one consistent"
                            + " snapshot, which `popcorn restore` reads into H2 or PostgreSQL.",
                    "An embedded database a server holds is backed up by that server (--server, default server.base-url,"
                            + " with the admin token)."})
    static final class BackupToFile implements Callable<Integer> {
        @Mixin
        AdminCommands.ServerOptions server = new AdminCommands.ServerOptions();

        @Option(names = "--to", required = true, paramLabel = "FILE",
                description = "the backup file to write (must not exist)")
        Path file;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        BackupToFile(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (Files.exists(file)) {
                throw new AdminCommands.Failure(file + " exists already; give a new file", 2);
            }
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try {
                String through;
                if (server.server != null) {
                    through = fromServer(part, null);
                } else {
                    Config config = server.configOptions.load(env, Map.of());
                    try (OutputStream stream = create(part)) {
                        new Backup(configured(config), Clock.systemUTC()).write(stream, progress(spec));
                        through = configured(config).where();
                    } catch (Refused.InUse e) {
                        Files.deleteIfExists(part);
                        out.println(e.getMessage().replaceFirst(";.*", "") + ": asking it for the backup");
                        through = fromServer(part, config);
                    }
                }
                BackupFile.Contents contents = new BackupFile(part).check();
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                out.println("backed up " + through + " to " + file + ": schema " + contents.schemaVersion() + ", "
                        + contents.tables() + " tables, " + String.format("%,d", contents.rows()) + " rows, "
                        + String.format("%,d", Files.size(file) / 1024) + " KiB; read back whole");
                return 0;
            } catch (Refused e) {
                deleteQuietly(part);
                throw failure(e);
            } catch (IOException e) {
                deleteQuietly(part);
                throw new AdminCommands.Failure("cannot write " + file + ": " + e.getMessage(), 2);
            }
        }

        /** Streams the running server's backup into {@code part}; returns where it came from. */
        private String fromServer(Path part, Config config) throws IOException {
            String bearer = server.token != null ? server.token : env.get("POPCORN_TOKEN");
            if (config == null && (bearer == null || bearer.isBlank())) {
                config = server.configOptions.load(env, Map.of());
            }
            String base = (server.server != null ? server.server : config.baseUrl()).replaceAll("/+$", "");
            bearer = bearer == null || bearer.isBlank() ? config.adminToken() : bearer;
            if (!base.startsWith("http://") && !base.startsWith("https://")) {
                throw new AdminCommands.Failure("--server must be an http:// or https:// URL, not '" + base + "'", 2);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/backup"))
                    .header("Authorization", "Bearer " + bearer).header("Accept", "application/gzip").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                        .send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new AdminCommands.Failure("cannot reach Popcorn at " + base + ": " + e.getMessage(), 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AdminCommands.Failure("interrupted", 3);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    java.util.regex.Matcher detail = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"")
                            .matcher(text);
                    throw new AdminCommands.Failure((detail.find() ? detail.group(1) : "the server refused the backup")
                            + " (HTTP " + response.statusCode() + ")", response.statusCode() >= 500 ? 3 : 1);
                }
                try (OutputStream stream = create(part)) {
                    body.transferTo(stream);
                }
            }
            return base;
        }

        /** The backup holds everyone's history: readable by its owner only, like the data folder. */
        private static OutputStream create(Path part) throws IOException {
            Files.deleteIfExists(part);
            if (part.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(part,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        }

        private static void deleteQuietly(Path part) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // nothing more to do: the message says what went wrong
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {
                    "Restore a backup file into an empty database (the data folder's, or db.url), H2 or PostgreSQL,"
                            + " and check every table's count and checksum against the file.",
                    "Stop the server first; start it again once this says done."})
    static final class RestoreFromFile implements Callable<Integer> {
        @Mixin
        PopcornCommand.ConfigOptions configOptions = new PopcornCommand.ConfigOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "a file written by popcorn backup")
        Path file;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
                description = "rows per committed batch (default 1000)")
        int batch;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        RestoreFromFile(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            Config config = configOptions.load(env, Map.of());
            PrintWriter out = spec.commandLine().getOut();
            if (config.dbUrl().startsWith("jdbc:h2:")) {
                Config.privateFolder(config.dataDir());
            }
            try {
                Restore.Result result = new Restore(configured(config), batch, progress(spec)).run(file);
                out.println("restored " + file + " into " + configured(config).where() + ": schema "
                        + result.schemaVersion()
                        + (result.upgradedTo() == null ? "" : " (brought to " + result.upgradedTo() + ")") + ", "
                        + result.tables() + " tables, " + String.format("%,d", result.rows())
                        + " rows, each table's count and checksum the same as the file's");
                return 0;
            } catch (Refused e) {
                throw failure(e);
            }
        }
    }
}
