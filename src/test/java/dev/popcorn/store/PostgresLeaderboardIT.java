package dev.popcorn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The leaderboards on PostgreSQL, in a schema of their own; skipped with a message without a server, unless CI=true. */
class PostgresLeaderboardIT extends LeaderboardContract {

    private String schema;

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = "popcorn_boards_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = PostgresStoreIT.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String separator = PostgresStoreIT.URL.contains("?") ? "&" : "?";
        return new Store.Settings(PostgresStoreIT.URL + separator + "currentSchema=" + schema, PostgresStoreIT.USER,
                PostgresStoreIT.PASSWORD, 4);
    }

    @Override
    void dropDatabase() throws SQLException {
        try (Connection connection = PostgresStoreIT.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
