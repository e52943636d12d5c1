package dev.popcorn.store;

import java.sql.SQLException;
import java.util.Map;

/** Forgetting a user on PostgreSQL, in a schema of its own; skipped with a message where no server is reachable, required when CI=true. */
class PostgresForgetIT extends ForgetContract {

    private PostgresSchema schema;

    @Override
    Map<String, String> freshDatabase() throws SQLException {
        schema = PostgresSchema.create("popcorn_fg_");
        Store.Settings settings = schema.settings(4);
        return Map.of("db.url", settings.url(), "db.user", settings.user(), "db.password", settings.password());
    }

    @Override
    void dropDatabase() throws SQLException {
        if (schema != null) {
            schema.drop();
        }
    }
}
