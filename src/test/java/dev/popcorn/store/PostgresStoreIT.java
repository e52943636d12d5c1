package dev.popcorn.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The store contract on PostgreSQL, in a schema of its own that is dropped afterwards. Where no
 * server is reachable the tests are skipped with a message, unless {@code CI=true}, where they fail.
 * Set {@code POPCORN_TEST_PG_URL}, {@code POPCORN_TEST_PG_USER} and {@code POPCORN_TEST_PG_PASSWORD}
 * for another server than the local one.
 */
class PostgresStoreIT extends JdbcStoreContract {

    static final String URL = env("POPCORN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("POPCORN_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("POPCORN_TEST_PG_PASSWORD", "");

    private String schema;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new SQLException(
                        "PostgreSQL is required in CI but " + URL + " is not reachable: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " (" + e.getMessage()
                    + "); skipping the PostgreSQL store tests. They are required when CI=true.");
            throw e;
        }
    }

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = "popcorn_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String separator = URL.contains("?") ? "&" : "?";
        return new Store.Settings(URL + separator + "currentSchema=" + schema, USER, PASSWORD, 8);
    }

    @Override
    void dropDatabase() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
