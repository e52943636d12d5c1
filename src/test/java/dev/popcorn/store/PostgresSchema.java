package dev.popcorn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the test PostgreSQL for one test's database, dropped afterwards; reached
 * through {@link PostgresStoreIT#connect()} (skipped with a message without a server, unless CI=true). Public for
 * the tests outside the store that run Popcorn on PostgreSQL (the cluster's).
 */
public final class PostgresSchema {

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** Creates a schema named {@code prefix} and a random part. */
    public static PostgresSchema create(String prefix) throws SQLException {
        PostgresSchema schema = new PostgresSchema(
                prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection connection = PostgresStoreIT.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema.name);
        }
        return schema;
    }

    /** The schema's name, for a script that must name it. */
    public String name() {
        return name;
    }

    /** The store's settings for this schema. */
    public Store.Settings settings(int poolSize) {
        String separator = PostgresStoreIT.URL.contains("?") ? "&" : "?";
        return new Store.Settings(PostgresStoreIT.URL + separator + "currentSchema=" + name, PostgresStoreIT.USER,
                PostgresStoreIT.PASSWORD, poolSize);
    }

    public void drop() throws SQLException {
        try (Connection connection = PostgresStoreIT.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
