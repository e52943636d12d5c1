package dev.popcorn.store;

import java.sql.SQLException;

/** The standing contract on PostgreSQL; skipped with a message where no server is reachable, required when CI=true. */
class PostgresStandingIT extends StandingContract {

    private PostgresSchema schema;

    @Override
    Store.Settings freshDatabase() throws SQLException {
        schema = PostgresSchema.create("popcorn_st_");
        return schema.settings(4);
    }

    @Override
    void dropDatabase() throws SQLException {
        schema.drop();
    }
}
