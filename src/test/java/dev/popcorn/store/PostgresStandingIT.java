package dev.popcorn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The standing contract on PostgreSQL; skipped with a message where no server is reachable, required when CI=true. */
class PostgresStandingIT extends StandingContract {

    private String schema;

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = "popcorn_st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
