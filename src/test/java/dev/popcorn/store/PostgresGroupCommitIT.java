package dev.popcorn.store;

import java.sql.SQLException;

/** The group commit contract on PostgreSQL; skipped with a message where no server is reachable, required when CI=true. */
class PostgresGroupCommitIT extends GroupCommitContract {

    private PostgresSchema schema;

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = PostgresSchema.create("popcorn_gc_");
        return schema.settings(8);
    }

    @Override
    void dropDatabase() throws SQLException {
        if (schema != null) {
            schema.drop();
        }
    }
}
