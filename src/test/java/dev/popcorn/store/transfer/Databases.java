package dev.popcorn.store.transfer;

import dev.popcorn.TestServer;
import dev.popcorn.cli.PopcornCommand;
import dev.popcorn.config.Config;
import dev.popcorn.store.PostgresSchema;
import dev.popcorn.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the move, backup and restore tests share: databases to use and the command line run as an operator runs it. */
final class Databases {

    private Databases() {
    }

    /** The embedded database of a data folder, as Popcorn's configuration names it. */
    static Database h2(Path data) {
        return new Database(
                "jdbc:h2:file:" + data.toAbsolutePath().resolve("popcorn") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "", "");
    }

    static Database of(PostgresSchema schema) {
        Store.Settings settings = schema.settings(2);
        return new Database(settings.url(), settings.user(), settings.password());
    }

    /** Each table's count and checksum, read now. */
    static Map<String, String> sums(Database database) throws SQLException {
        try (Connection connection = database.open("-")) {
            connection.setAutoCommit(false);
            Map<String, String> sums = new HashMap<>();
            Tables.checksums(connection, Schema.tables(connection))
                    .forEach((table, sum) -> sums.put(table, sum.rows() + " " + sum.hex()));
            connection.commit();
            return sums;
        }
    }

    /** The configuration keys that point a server or a command at {@code database}. */
    static Map<String, String> pointingAt(Database database) {
        return Map.of("db.url", database.url(), "db.user", database.user(), "db.password", database.password());
    }

    /** What {@code popcorn ARGS} printed and the exit code it ended with. */
    record Run(int code, String out, String err) {
    }

    static Run popcorn(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("POPCORN_SECURITY_ADMIN_TOKEN", TestServer.ADMIN_TOKEN);
        all.putIfAbsent("POPCORN_SECURITY_SECRET", TestServer.SECRET);
        int code = PopcornCommand.run(args, all, new PopcornCommand.Launcher() {
            @Override
            public int start(Config config, boolean demo, PrintStream stream) {
                throw new AssertionError("no server is started by these commands");
            }

            @Override
            public List<dev.popcorn.app.Check> check(Config config) {
                return new ArrayList<>();
            }
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment that makes a command use {@code database} rather than the data folder's. */
    static Map<String, String> env(Database database) {
        return Map.of("POPCORN_DB_URL", database.url(), "POPCORN_DB_USER", database.user(), "POPCORN_DB_PASSWORD",
                database.password());
    }
}
