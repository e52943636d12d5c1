package dev.popcorn.store.transfer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database to move from or to, back up or restore into: its JDBC URL and login. Never printed with its password. */
public record Database(String url, String user, String password) {

    /** H2's "database may be already in use": another process holds the file's lock. */
    private static final int H2_IN_USE = 90020;
    /** H2's "database not found" (asked with IFEXISTS). */
    private static final int H2_NOT_FOUND = 90146;

    public Database {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new Refused("a database URL must start with jdbc:h2: or jdbc:postgresql:, not '" + masked(url) + "'",
                    Refused.USAGE);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    Engine engine() {
        return Engine.of(url);
    }

    /**
     * The URL as it may be printed: without a user part or an H2 option, where a password may be (as Config does), and
     * with only the query parameters that cannot hold a secret, so that the printed URL still names the schema.
     */
    public String masked() {
        return masked(url);
    }

    static String masked(String url) {
        String bare = url.replaceFirst("//[^/@]*@", "//");
        int query = bare.indexOf('?');
        String base = (query < 0 ? bare : bare.substring(0, query)).split(";")[0];
        if (query < 0) {
            return base;
        }
        String kept = java.util.Arrays.stream(bare.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.toLowerCase(java.util.Locale.ROOT)
                        .matches("[^=]*(password|secret|key|user|token)[^=]*=.*"))
                .collect(java.util.stream.Collectors.joining("&"));
        return kept.isEmpty() ? base : base + "?" + kept;
    }

    /** The folder of an embedded database (its data folder), or the masked URL of any other. */
    public String where() {
        if (engine() == Engine.H2 && url.startsWith("jdbc:h2:file:")) {
            Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]);
            return file.toAbsolutePath().getParent().toString();
        }
        return masked();
    }

    /** Opens a database that must exist already (an embedded one is not made where there was none). */
    Connection openExisting(String inUseHint) {
        return open(engine() == Engine.H2 ? url + ";IFEXISTS=TRUE" : url, inUseHint);
    }

    /** Opens the database, making an embedded one where there is none yet. */
    Connection open(String inUseHint) {
        return open(url, inUseHint);
    }

    private Connection open(String jdbcUrl, String inUseHint) {
        try {
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            if (engine() == Engine.POSTGRESQL) {
                // A batch of inserts sent as multi-row statements: one round trip for many rows, not one for each.
                properties.setProperty("reWriteBatchedInserts", "true");
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_IN_USE) {
                throw new Refused.InUse("a server is using " + where() + "; " + inUseHint, e);
            }
            if (e.getErrorCode() == H2_NOT_FOUND) {
                throw new Refused("there is no Popcorn database in " + where(), Refused.USAGE, e);
            }
            throw new Refused("cannot open " + masked() + ": " + firstLine(e.getMessage()), Refused.UNREACHABLE, e);
        }
    }

    /** Refuses when another session uses the database: a server running in this very process holds no lock against us. */
    void refuseOtherSessions(Connection connection, String inUseHint) throws SQLException {
        if (engine().otherSessions(connection) > 0) {
            throw new Refused.InUse("a server is using " + where() + "; " + inUseHint, null);
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
